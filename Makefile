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
	$(BIN)/tidings stories --db demo.db
	$(BIN)/tidings serve --db demo.db

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: install
	$(BIN)/python bench/ingest_bench.py
	$(BIN)/python bench/analyze_bench.py
	$(BIN)/python bench/scale_bench.py
	$(BIN)/python bench/geo_bench.py
	$(BIN)/python bench/web_bench.py
	$(BIN)/python bench/api_load.py

eval: install
	$(BIN)/tidings eval html ../shared/data/article-extraction
	$(BIN)/tidings eval pubdate ../shared/data/htmldate
	$(BIN)/tidings eval timex ../shared/data/timebank
	$(BIN)/tidings eval attributions ../shared/data/polnear
	$(BIN)/tidings eval geo ../shared/data/geoparsing/GeoWebNews
	$(BIN)/tidings eval event-location ../shared/data/event-location
	$(BIN)/tidings eval plover ../shared/data/plover-gsr
	$(BIN)/tidings eval factuality ../shared/data/meantime
	$(BIN)/tidings eval ecb ../shared/data/ecbplus
