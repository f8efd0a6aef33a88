"""Every shipped .cypher file is run by some query and compiles on the real server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import queries
from graph.neo4j_store import Neo4jStore
from queries._run import cypher_names, load

SOURCES = "\n".join(p.read_text() for p in Path(queries.__file__).parent.glob("*.py"))
PARAMS = re.compile(r"\$(\w+)")


def test_there_are_cypher_files() -> None:
    assert "denied_claims" in cypher_names() and len(cypher_names()) >= 12


@pytest.mark.parametrize("name", cypher_names())
def test_each_file_is_used(name: str) -> None:
    assert f'"{name}"' in SOURCES, f"queries/cypher/{name}.cypher is run by no query"


@pytest.mark.parametrize("name", cypher_names())
def test_each_file_has_a_twin_named_in_its_header(name: str) -> None:
    assert "Twin:" in load(name)


@pytest.mark.neo4j
@pytest.mark.parametrize("name", cypher_names())
def test_each_file_explains(name: str, neo4j_store: Neo4jStore) -> None:
    text = load(name)
    params = dict.fromkeys(PARAMS.findall(text))
    neo4j_store.read("EXPLAIN " + text, params)
