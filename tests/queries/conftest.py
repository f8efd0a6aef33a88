"""Fixtures of the query tests: stores loaded with the seed graph."""

from __future__ import annotations

import pytest
from seed_graph import seed_fragment

from graph.embedded import EmbeddedStore


@pytest.fixture
def seeded() -> EmbeddedStore:
    """An in-memory embedded store holding the seed graph."""
    store = EmbeddedStore()
    store.write(seed_fragment())
    return store
