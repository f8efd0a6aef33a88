"""The store contract: what ingest, queries and the API may ask of a graph store.

Two implementations honour it: :class:`graph.embedded.EmbeddedStore` (networkx,
persisted to a folder; the default, no server needed) and
:class:`graph.neo4j_store.Neo4jStore` (a real Neo4j over Bolt). One contract
test suite (``tests/graph/test_store_contract.py``) runs against both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol, runtime_checkable

from graph.errors import InvalidInput
from graph.model import (
    ClaimRecord,
    Edge,
    Event,
    ExportNode,
    ExportStream,
    GraphExport,
    GraphFragment,
    KeptText,
    Review,
)


@runtime_checkable
class GraphStore(Protocol):
    """A graph store. Every write is atomic; every write is idempotent."""

    def write(self, fragment: GraphFragment) -> None:
        """Merge the fragment's nodes and edges by id, all or nothing.

        For each event in ``fragment.recompute_omissions`` the OMITS edges made by
        comparison (``method == "comparison"``) are replaced by the fragment's.
        ``fragment.reviews`` join the review log, and every account edge written is
        stamped with its latest review (:func:`graph.review.stamp`).
        """

    def claims_about(self, event_ids: Sequence[str]) -> list[ClaimRecord]:
        """Claims about these events, each with the account edges that touch it that a
        reviewer has not rejected or re-targeted (what later articles reason with)."""

    def events_between(self, date_from: str, date_to: str) -> list[tuple[Event, list[str]]]:
        """Dated events in the inclusive ISO date range, with their participant ids."""

    def get_node(self, node_id: str) -> ExportNode | None:
        """One node with its labels and properties, or None."""

    def get_edge(self, edge_id: str) -> Edge | None:
        """One ASSERTS, DENIES or OMITS edge by id, with its review stamp, or None."""

    def claim_event(self, claim_id: str) -> str | None:
        """The event a claim is about (the first by id), or None."""

    def reviews(self, edge_ids: Sequence[str] | None = None) -> list[Review]:
        """The review log (``fragment.reviews`` written so far), oldest first; with
        ``edge_ids``, the reviews of those edges only."""

    def export(self, node_ids: Iterable[str] | None = None) -> GraphExport:
        """All nodes and relationships, or the subgraph induced by ``node_ids``."""

    def export_stream(self, page_size: int = 500) -> ExportStream:
        """Everything, a page at a time (see :class:`~graph.model.ExportStream`): what a
        whole-graph export is written from, in memory bounded by the page."""

    def counts(self) -> dict[str, int]:
        """Number of nodes per label and relationships per type."""

    def kept_texts(self, *, with_text: bool = True) -> list[KeptText]:
        """The texts of the articles written so far (``fragment.texts``), each marked
        ``ingested`` if the graph holds its article; ``with_text=False`` leaves the
        texts out (empty) for a cheap look at what is kept."""

    def kept_text(self, article_id: str) -> KeptText | None:
        """One article's kept text, or None (not ingested, or before texts were kept)."""

    def clear(self, *, keep_texts: bool = False, keep_reviews: bool = False) -> None:
        """Delete everything (tests); with ``keep_texts`` only the graph, so it can be
        rebuilt from the kept texts; with ``keep_reviews`` the review log stays (a
        ``--fresh`` ingest or a rebuild keeps the analysts' word)."""

    def generation(self) -> str:
        """A token that changes whenever the graph does, through this or another process.

        Equal tokens mean equal content, so an answer computed at one generation
        may be served again while the token stays the same (the API's read cache).
        """

    def writing(self, wait: float = 0.0) -> AbstractContextManager[None]:
        """Hold the store for a run of writes, against writers in other processes.

        The embedded store allows one writer process at a time and raises
        :class:`~graph.errors.StoreBusy` after ``wait`` seconds; Neo4j serialises
        concurrent writers itself, so there it holds nothing.
        """

    def flush(self) -> None:
        """Make everything written so far durable."""

    def close(self) -> None:
        """Flush and release resources."""


def is_server_uri(db: str) -> bool:
    return db.startswith(("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://"))


def open_store(db: str | Path, *, user: str | None = None, password: str | None = None,
               database: str | None = None, must_exist: bool = False) -> GraphStore:
    """Open the store that ``--db`` names: a ``bolt://``/``neo4j://`` URI or a folder path.

    ``must_exist``: a command that only reads (stats, export) is asked of a graph that
    is there; an embedded folder holding none is a mistyped ``--db``, not an empty graph.
    """
    text = str(db)
    if is_server_uri(text):
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore.connect(text, user=user, password=password, database=database)
    if "://" in text:
        raise InvalidInput(
            f"--db {text}: not a Neo4j URI (bolt://, neo4j://) and not a folder; "
            "the API's http:// address is not a store")
    from graph.embedded import FILE_NAME, EmbeddedStore

    if must_exist and not (Path(text) / FILE_NAME).exists():
        raise InvalidInput(f"--db {text}: no sckg graph there (ingest into it first, "
                           "or check the path)")
    return EmbeddedStore.open(Path(text))
