# EHCP QA — every command a developer or CI needs. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export EHCPQA_DEBUG ?= true
export EHCPQA_SECURE_COOKIES ?= false
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help setup system-packages demo serve test test-unit test-postgres test-browser check bench eval clean

help: ## List the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP) system-packages ## Create .venv and install everything (system packages too when run as root)

system-packages: ## Install Chromium, PostgreSQL and fonts with apt when root; say what is skipped otherwise
	@bash scripts/system-packages.sh

demo: setup ## Set up from nothing and serve the demo on http://127.0.0.1:8000 (re-running is safe)
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py seed_demo
	$(PY) manage.py collectstatic --no-input -v0
	@bash scripts/serve.sh

serve: setup ## Serve the application and its background worker without re-seeding
	@bash scripts/serve.sh

test: setup ## Run every test: unit and web on SQLite, web on PostgreSQL, browser tests in Chromium
	@bash scripts/test.sh all

test-unit: setup ## Only the tests that need neither PostgreSQL nor a browser
	@bash scripts/test.sh unit

test-postgres: setup ## Only the database tests, against a throwaway PostgreSQL on loopback
	@bash scripts/test.sh postgres

test-browser: setup ## Only the browser tests in Chromium
	@bash scripts/test.sh browser

check: setup ## Lint (ruff), types (mypy), layer rules (import-linter), migrations up to date
	$(VENV)/bin/ruff check src tests bench evals
	$(VENV)/bin/ruff format --check src tests bench evals || { echo "Run: .venv/bin/ruff format src tests bench evals"; exit 1; }
	$(VENV)/bin/mypy src/ehcp_analysis
	$(VENV)/bin/mypy src/ehcpqa
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run -v1

bench: setup ## Benchmarks: reading, pre-audit, corpus, web load, reporting scale (writes bench/results/)
	$(PY) -m bench.run_all

eval: setup ## Quality evaluation: section accuracy and finding precision/recall on a fresh synthetic corpus
	$(PY) -m evals.sections
	$(PY) -m evals.findings

clean: ## Remove the virtual environment, local database and generated files
	rm -rf $(VENV) var demo-data .mypy_cache .ruff_cache
