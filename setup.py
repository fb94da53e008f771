"""Package list only; metadata lives in pyproject.toml.

templates/, snippets/ and examples/ sit at the top of the repository where users read and edit
them; they are shipped inside the wheel as the speechgen.resources.* packages (see package-dir).
Folders of data files (no __init__.py) are listed as namespace packages so setuptools ships them.
"""

from pathlib import Path

from setuptools import find_namespace_packages, setup

RESOURCES = ["templates", "snippets", "examples"]


def resource_packages() -> list[str]:
    """Return speechgen.resources.<name>[.<subfolder>…] for every folder of every resource."""
    packages = []
    for name in RESOURCES:
        root = Path(name)
        for folder in [root, *sorted(p for p in root.rglob("*") if p.is_dir())]:
            if "__pycache__" not in folder.parts:
                packages.append(".".join(["speechgen", "resources", *folder.parts]))
    return packages


setup(packages=find_namespace_packages("src", include=["speechgen*"]) + resource_packages())
