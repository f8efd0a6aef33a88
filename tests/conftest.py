"""Shared fixtures: the two stores, and ``store`` which runs a test against each.

Tests marked ``neo4j`` use the real server started once per session by
``tests.neo4j_server_fixture``; ``pytest -m "not neo4j"`` runs without it.
The Neo4j database is wiped before each test that uses it (also when
SCKG_TEST_NEO4J_URI points at an external server: give it a scratch database).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore

pytest_plugins = ["tests.neo4j_server_fixture"]


@pytest.fixture
def embedded_store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    """A fresh embedded store in a temporary folder."""
    store = EmbeddedStore.open(tmp_path / "graph")
    yield store
    store.close()


@pytest.fixture(scope="session")
def neo4j_connection(neo4j_server: object) -> Iterator[Neo4jStore]:
    """One driver for the whole session, as in a real process."""
    store = Neo4jStore.connect(neo4j_server.db_uri)  # type: ignore[attr-defined]
    yield store
    store.close()


@pytest.fixture
def neo4j_store(neo4j_connection: Neo4jStore) -> Neo4jStore:
    """The session's Neo4j store, emptied for this test."""
    neo4j_connection.clear()
    return neo4j_connection


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest) -> GraphStore:
    """Each store in turn: the contract suite runs once per implementation."""
    found: GraphStore = request.getfixturevalue(f"{request.param}_store")
    return found
