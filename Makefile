# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean-out

# The test extras include Ray, Hugging Face datasets and datatrove, so the integration tests
# (Ray engine output == local engine output) run for real, on a local Ray.
EXTRAS ?= dev,ray,hf,datatrove

$(STAMP): pyproject.toml Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[$(EXTRAS)]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/clean seeds -o out/seeds --explain out/seeds.ledger.jsonl
	@echo "cleaned text in out/seeds/, ledger in out/seeds.ledger.jsonl"

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check cleaner tests benchmarks

bench: $(STAMP)
	$(PY) benchmarks/quality.py
	$(PY) benchmarks/throughput.py

clean-out:
	rm -rf out
