# The two commands: `make run` and `make test`. Both create .venv by themselves.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)  ## the Telegram bot, or the console chat when TELEGRAM_BOT_TOKEN is not set
	$(PY) -m bot run

lint: $(STAMP)  ## formatting, lint, types and the import layers
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: lint  ## lint, types and the whole test suite
	$(PY) -m pytest -q

bench: $(STAMP)  ## speed and memory figures (see README)
	$(PY) -m bench

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
