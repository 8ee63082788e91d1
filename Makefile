# The two commands: `make run` and `make test`. Both create .venv by themselves.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
UV := uv==0.13.9

.PHONY: run test lint bench lock clean

# The pinned versions of requirements.lock, then the project itself (editable) on top of them; uv too, for
# `make lock` and the Dockerfile's test (tests/test_dockerfile.py installs the image's steps with it).
$(STAMP): requirements.lock pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock $(UV)
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

run: $(STAMP)  ## the Telegram bot, or the console chat when TELEGRAM_BOT_TOKEN is not set
	$(PY) -m bot run

lint: $(STAMP)  ## formatting, lint, types and the import layers
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# The tests marked alone time sends against the local server's rate limits: they run after the rest, by themselves.
test: lint  ## lint, types and the whole test suite, on two workers (each with its own test databases)
	$(PY) -m pytest -q -n 2 -m "not alone"
	$(PY) -m pytest -q -m alone

bench: $(STAMP)  ## speed and memory figures (see README)
	$(PY) -m bench

lock:  ## requirements.lock from pyproject.toml (pins that still fit are kept), for any platform and Python 3.11+
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet $(UV)
	$(VENV)/bin/uv pip compile --quiet --universal pyproject.toml --extra dev -o requirements.lock

clean:  ## the virtual environment and caches; data/ (the default database) stays
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build *.egg-info
