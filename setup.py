"""Package list only; metadata lives in pyproject.toml.

templates/, snippets/ and examples/ sit at the top of the repository where users read and edit
them; they are shipped inside the wheel as the speechgen.resources.* packages (see package-dir).
"""

from setuptools import find_packages, setup

RESOURCES = ["templates", "snippets", "examples"]

setup(packages=find_packages("src") + [f"speechgen.resources.{name}" for name in RESOURCES])
