# conflict-timeline: `make run` and `make test` set everything up on a fresh machine.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DB ?= data/events.duckdb
PORT ?= 8501
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PIPELINE_FILES := $(shell find pipeline -name '*.py' -o -name '*.yaml' -o -name '*.csv' 2>/dev/null)

.PHONY: setup run test lint format data shots bench clean chromium

setup: $(STAMP) chromium

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

# Debian's Chromium: kaleido's chart export and the browser test use it. Never `playwright install`.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "installing Debian's chromium (apt)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	fi

# The event table is rebuilt when a seed or the pipeline changes; unchanged articles are not re-read.
$(DB): $(STAMP) $(wildcard seeds/*) $(PIPELINE_FILES)
	@mkdir -p $(dir $(DB))
	$(VENV)/bin/conflict-timeline ingest seeds --db $(DB)
	@touch $(DB)

data: $(DB)

run: setup $(DB)
	CT_DB=$(DB) $(VENV)/bin/streamlit run dashboard/app.py --server.port $(PORT) --server.headless true \
	  --browser.gatherUsageStats false

test: setup
	$(VENV)/bin/pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check pipeline dashboard tests benchmarks

format: $(STAMP)
	$(VENV)/bin/ruff format pipeline dashboard tests benchmarks

shots: setup $(DB)
	CT_DB=$(DB) $(PY) -m dashboard.screenshots --out docs/screenshots

bench: setup
	$(PY) benchmarks/temporal.py
	$(PY) benchmarks/ingest.py

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .hypothesis
