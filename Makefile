# Shortcuts; the README gives the plain commands these run.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install demo test lint bench eval

$(BIN)/tidings: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/tidings

demo: install
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/tidings gazetteer build
	$(BIN)/tidings ingest examples --db demo.db
	$(BIN)/tidings stats --db demo.db
	$(BIN)/tidings articles --db demo.db

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: install
	$(BIN)/python bench/ingest_bench.py

eval: install
	$(BIN)/tidings eval html ../shared/data/article-extraction
	$(BIN)/tidings eval pubdate ../shared/data/htmldate
