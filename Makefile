# Two commands matter (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= sckg-data
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install demo test test-deps lint unit bench neo4j-jars clean

install: $(BIN)/sckg

$(BIN)/sckg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

## Install, ingest the sample corpus into the embedded store, serve API + web UI.
demo: install
	$(BIN)/sckg --db $(DB) ingest samples
	$(BIN)/sckg --db $(DB) serve --host $(HOST) --port $(PORT)

## Everything the full test suite needs beyond Python: Neo4j and cypher-shell jars, browser, web deps.
test-deps: install
	$(BIN)/python -c "from graph.neo4j_server import ensure_jars, ensure_shell_jars; ensure_jars(log=print); ensure_shell_jars(log=print)"
	bash scripts/install-browser-deps.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

## Install everything and run every test, a real Neo4j server included.
test: test-deps lint
	$(BIN)/pytest -q -rs

unit: install
	$(BIN)/pytest -q -m "not neo4j"

bench: install
	$(BIN)/python bench/bench_extract.py --articles 1000
	$(BIN)/python bench/bench_queries.py --articles 10000

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
