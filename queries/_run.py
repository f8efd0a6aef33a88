"""Dispatch of a named query to the store that holds the graph, and input checks.

A named query has two implementations side by side: ``cypher/<name>.cypher``
for Neo4j and a networkx *twin* in ``queries/<name>.py`` for the embedded
store. Both return the same rows (plain dicts), and one ``build`` function per
query turns rows into result models, so ordering and shape cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Protocol, runtime_checkable

import networkx as nx

from graph.embedded import EmbeddedStore
from graph.errors import InvalidInput, Unsupported
from graph.store import GraphStore

Row = dict[str, Any]
Twin = Callable[[nx.MultiDiGraph, dict[str, Any]], list[Row]]

MAX_LIMIT = 500
UNBOUNDED = 1_000_000_000  # internal callers that need every row


@runtime_checkable
class CypherReader(Protocol):
    """What a server store offers the queries: a read transaction running one statement."""

    def read(self, cypher_text: str, params: dict[str, Any]) -> list[dict[str, Any]]: ...


@cache
def load(name: str) -> str:
    """The text of ``queries/cypher/<name>.cypher`` (read once per process)."""
    if not name.replace("_", "").isalnum():
        raise InvalidInput(f"not a query name: {name!r}")
    path = resources.files("queries") / "cypher" / f"{name}.cypher"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InvalidInput(f"no named query {name!r}") from exc


def cypher_names() -> list[str]:
    """Every shipped ``.cypher`` file, by name (the file-use test checks each is run)."""
    folder = resources.files("queries") / "cypher"
    return sorted(
        p.name.removesuffix(".cypher") for p in folder.iterdir() if p.name.endswith(".cypher")
    )


def run(store: GraphStore, name: str, params: dict[str, Any], twin: Twin) -> list[Row]:
    """Rows of query ``name``: Cypher on a server store, the networkx twin on the embedded one.

    ``params["review_states"]`` (see :func:`graph.review.review_states`) says which
    account edges count; the Cypher files test it on each edge, the twins get the graph
    with those edges only (:meth:`graph.embedded.EmbeddedStore.graph_for`).
    """
    if isinstance(store, EmbeddedStore):
        return twin(store.graph_for(params.get("review_states")), params)
    if isinstance(store, CypherReader):
        return store.read(load(name), params)
    raise Unsupported(f"{type(store).__name__} runs neither Cypher nor networkx queries")


def check_page(limit: int, offset: int) -> None:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(f"limit must be an integer from 1 to {MAX_LIMIT}, got {limit!r}")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise InvalidInput(f"offset must be an integer >= 0, got {offset!r}")


def check_date(name: str, value: str | None) -> str | None:
    """An ISO day (``YYYY-MM-DD``) or None; anything else is an InvalidInput naming the filter."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError) as exc:
        raise InvalidInput(f"{name} must be an ISO date YYYY-MM-DD, got {value!r}") from exc


BLANK = " \t\n\r\f\v"
"""What a blank id is made of: ASCII white space only, the same set in Python and in
the API document's regex (Unicode white space differs between the two)."""


def check_id(name: str, value: str | None) -> str | None:
    """The id, or None; a blank or over-long id is an InvalidInput naming the filter."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip(BLANK) or len(value) > 500:
        raise InvalidInput(f"{name} must be a node id such as 'event:...', got {value!r}")
    return value
