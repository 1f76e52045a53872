# GPECT Atlas — the two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
# pytest-xdist workers for `make test` (TEST_WORKERS=0: one process)
TEST_WORKERS ?= 2
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: run test test-full lint demo bench chromium postgres clean

$(VENV)/.runtime-installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.runtime-installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

## make run: set up and start the app on the demo territory (GPECT_PACK=... to open another pack)
run: $(VENV)/.runtime-installed
	$(PY) -m gpect_core assets
	$(PY) -m streamlit run serve.py --server.port $(PORT) --server.headless true

## make test: set up and run the gate (unit, store, AppTest, the national build's golden figures, one browser test
## per thing only a browser shows); tests/tiers.py lists what only `make test-full` runs, and why
test: $(VENV)/.dev-installed chromium postgres
	$(PY) -m gpect_core assets
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q -n $(TEST_WORKERS) -m "not full"

## make test-full: the whole suite, every browser scenario and every test at the national scale
test-full: $(VENV)/.dev-installed chromium postgres
	$(PY) -m gpect_core assets
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q -n $(TEST_WORKERS)

chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# The plan-store tests start a throwaway PostgreSQL cluster with Debian's binaries (or use $GPECT_TEST_PG_URL).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq postgresql; }

lint: $(VENV)/.dev-installed
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports

demo: $(VENV)/.runtime-installed
	$(PY) -m gpect_core demo data/demo

bench: $(VENV)/.dev-installed
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) static/vendor .pytest_cache
