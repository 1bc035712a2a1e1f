# prolific-client — every command bootstraps what it needs (.venv, and Prism via npm for contract tests).
#   make generate    sources -> openapi/prolific.yaml -> generated/prolific_api_client
#   make demo        a study's whole loop against the fake Prolific: no account needed (examples/demo.sh)
#   make test        unit + integration + contract + CLI + packaging + docs tests, then the drift check
#   make docs        the HTML reference in build/docs (mkdocs --strict: a warning is an error)
#   make spec-diff OLD=a.yaml NEW=b.yaml [JSON=1]    the API changelog between two OpenAPI documents
#   make update-spec [UPSTREAM_URL=...]             download Prolific's document, regenerate, print changes
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PIPELINE := PYTHONPATH=openapi $(PY) -m prolific_spec
PRISM_VERSION := 5.16.0
# Test files spread over the cores (pytest-xdist), each file on one worker (its fixtures: Prism, the docs
# build, generator runs, are made once). PYTEST_PARALLEL= runs everything in this process.
# Two workers per core, at most 4: many tests wait on a child process (the generator, mkdocs, Chromium,
# the CLI, PostgreSQL), leaving their core to another worker. Measured on 2 cores with one kept busy by
# another process (2,795 tests, slowest files first): 276 s with 4 workers, 316 s with 6; 3 workers
# without the ordering took 316 s.
PYTEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); echo $$(( 2 * n > 4 ? 4 : 2 * n )))
# --no-loadscope-reorder: the files in tests/conftest.py's SLOWEST_FIRST order (not by their number of tests).
PYTEST_PARALLEL ?= -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder
# The test run starts hundreds of Python processes (CLI commands, generator runs, mkdocs). Their bytecode
# is compiled once and kept in .venv/pycache, not beside the sources; without this, a machine that sets
# PYTHONDONTWRITEBYTECODE (the machines here do) compiles the generated package again in every one.
TEST_ENV := PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/$(VENV)/pycache
PRISM := .prism/node_modules/.bin/prism
PRISM_STAMP := .prism/.installed-$(PRISM_VERSION)
# Prolific's published whole-API document (what `make update-spec` downloads).
UPSTREAM_URL ?= https://docs.prolific.com/openapi.yaml

.PHONY: install generate spec check-generated test unit contract prism lint bench demo docs import-endpoint clean \
	spec-diff update-spec

install: $(STAMP)

# Re-run when the dependency list or the version changes (the installed metadata carries the version).
# It says what it is doing: the first run takes about 20 s and pip is quiet.
$(STAMP): pyproject.toml overlay/prolific/_config.py
	@if [ ! -x $(PY) ]; then echo "==> creating $(VENV) with $$($(PYTHON) --version 2>&1) ($(PYTHON) -m venv $(VENV))"; \
	  $(PYTHON) -m venv $(VENV); fi
	@echo "==> updating pip in $(VENV)"
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
	@echo "==> installing prolific-client in editable mode with its dev tools into $(VENV) (first run: ~20 s)"
	@# --no-compile: a third of the install was pip compiling every package's bytecode, most of which
	@# nothing imports; Python compiles a module when it is first imported (make test keeps that in .venv/pycache).
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-compile -e '.[dev]' 2>&1 | grep -v "^WARNING: Location" ; test $${PIPESTATUS[0]} -eq 0
	@touch $(STAMP)
	@echo "==> $(VENV) is ready"

spec: $(STAMP)
	@$(PIPELINE) spec$(if $(PRUNE_TABLES), --prune-tables,)

generate: $(STAMP)
	@$(PIPELINE) generate$(if $(PRUNE_TABLES), --prune-tables,)

check-generated: $(STAMP)
	@$(PIPELINE) check

# Add a saved Prolific docs page (markdown) as a new source: make import-endpoint PAGE=page.md [FORCE=1]
import-endpoint: $(STAMP)
	@test -n "$(PAGE)" || { echo "usage: make import-endpoint PAGE=saved-page.md [FORCE=1]" >&2; exit 2; }
	@$(PIPELINE) import "$(PAGE)" $(if $(FORCE),--force,)

# The changelog between two OpenAPI documents. The diff command exits 1 when the documents differ
# (as diff(1) does); for make a printed changelog is success, so only its 2 (an error) fails here.
spec-diff: $(STAMP)
	@test -n "$(OLD)" -a -n "$(NEW)" || { echo "usage: make spec-diff OLD=old.yaml NEW=new.yaml [JSON=1]" >&2; exit 2; }
	@status=0; $(PIPELINE) diff "$(OLD)" "$(NEW)" $(if $(JSON),--json,) || status=$$?; test $$status -le 1

# Replace openapi/sources/prolific-openapi.yaml with what Prolific publishes, regenerate, print the changes.
update-spec: $(STAMP)
	@$(PIPELINE) update-spec --url "$(UPSTREAM_URL)"

# Prism (the contract tests' mock server), pinned, into an ignored folder. Without npm it is skipped
# locally (the contract tests then skip loudly); in CI (CI=true) a missing npm is an error.
prism: $(PRISM_STAMP)
$(PRISM_STAMP):
	@if command -v npm >/dev/null 2>&1; then \
	  mkdir -p .prism && cd .prism && \
	  { test -f package.json || echo '{"name":"prolific-client-prism","private":true}' > package.json; } && \
	  npm install --no-audit --no-fund --silent --save-exact @stoplight/prism-cli@$(PRISM_VERSION) && \
	  touch .installed-$(PRISM_VERSION); \
	elif [ -n "$$CI" ]; then echo "error: npm is required in CI for the contract tests" >&2; exit 1; \
	else echo "warning: npm not found; contract tests will be skipped" >&2; fi

unit: $(STAMP)
	@$(TEST_ENV) $(PY) -m pytest -q $(PYTEST_PARALLEL)

# The two bootstraps (pip into .venv, npm into .prism) are independent: on a fresh clone they run at once.
# The drift check (one generator run, ~10 s on a busy machine) runs alongside the tests rather than
# after them; its report is printed once they end, and either failing fails the target.
test:
	@$(MAKE) --no-print-directory -j2 $(STAMP) prism
	@log=$$(mktemp); $(TEST_ENV) $(PIPELINE) check > $$log 2>&1 & check=$$!; \
	  $(TEST_ENV) $(PY) -m pytest -q $(PYTEST_PARALLEL); tests=$$?; \
	  wait $$check; drift=$$?; cat $$log; rm -f $$log; \
	  test $$tests -eq 0 -a $$drift -eq 0

contract: $(STAMP) prism
	@$(TEST_ENV) $(PY) -m pytest -q -m contract

lint: $(STAMP)
	@$(VENV)/bin/ruff check overlay openapi/prolific_spec openapi/runtime tests benchmarks examples docs
	@$(VENV)/bin/ruff format --check overlay openapi/prolific_spec openapi/runtime tests benchmarks examples docs
	@$(VENV)/bin/mypy

bench: $(STAMP)
	@$(PY) benchmarks/run.py

demo: $(STAMP)
	@bash examples/demo.sh

# The docs site: README topics, the CLI reference (from argparse), the API reference of both packages.
# tests/docs builds it too (into a temp dir) and opens it in headless Chromium.
docs: $(STAMP)
	@NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true $(VENV)/bin/mkdocs build --strict --site-dir build/docs
	@echo "docs: open build/docs/index.html (or: $(VENV)/bin/mkdocs serve)"

clean:
	rm -rf .pytest_cache .mypy_cache .ruff_cache .hypothesis .bench build dist
