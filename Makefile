# speechgen — two commands on a fresh Debian machine: `make demo` and `make test`.
# Each sets up what it needs: system packages (when root; otherwise it prints the command),
# the virtualenv in .venv and the package with its development tools.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.speechgen-installed
OUT := out

.PHONY: all setup system demo test lint bench fuzz images docx-template compose-doc clean

all: demo

system:
	@bash scripts/setup-system.sh

$(STAMP): pyproject.toml setup.py
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "无法创建虚拟环境：请先安装 python3-venv（sudo apt-get install -y python3-venv）" >&2; exit 1; }
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

setup: system $(STAMP)

demo: setup
	@bash scripts/demo.sh $(OUT)

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/lint-imports --no-cache

# The suite runs on every core (pytest-xdist), each test file on one worker: a file's cached
# documents and module-scoped fixtures (a rendered PDF) are then built once, not once per worker.
test: lint
	@$(BIN)/python -m pytest -n auto --dist loadfile; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "没有收集到测试（pytest 退出码 5）"; exit 0; fi; exit $$rc

images: setup
	@bash scripts/readme_images.sh

# The example Word template is made by a script from our own .docx writer and committed (so an
# installed package carries it); a test fails when the committed file differs from the script's.
docx-template: setup
	$(BIN)/python scripts/make_docx_template.py

# docs/compose.md's scenarios (observations and a speech's first part) are written by a script;
# a test fails when the committed doc differs from what the script makes.
compose-doc: setup
	$(BIN)/python scripts/make_compose_doc.py

bench: setup
	$(BIN)/python benchmarks/run.py

# The long fuzz campaign (102,000 mutated inputs on every core, then the resource attacks one
# process each); the report goes to build/fuzz/report.md (+ .json). `make test` runs 150 per target.
fuzz: setup
	$(BIN)/python tests/fuzz/run.py --report build/fuzz/report.md

clean:
	rm -rf $(OUT) build dist *.egg-info .pytest_cache .ruff_cache
