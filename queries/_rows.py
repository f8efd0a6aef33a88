"""Helpers shared by the networkx twins and the row→model builders.

Rows are what a Cypher file returns; the twins build the same dicts from the
embedded graph. An *account row* is ``{source_id, source_name, type, props}``
for one ASSERTS/DENIES/OMITS edge, ``props`` being the edge's properties.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import networkx as nx

from graph.embedded import AccountEdges, ClaimEvents
from queries.results import EvidenceRef

Row = dict[str, Any]
T = TypeVar("T")
ACCOUNT_TYPES = frozenset({"ASSERTS", "DENIES", "OMITS"})
_NO_PROPS: dict[str, Any] = {}


def props(g: nx.MultiDiGraph, node_id: str | None) -> dict[str, Any]:
    """The node's properties, or an empty dict for a missing node."""
    if node_id is None or node_id not in g:
        return _NO_PROPS
    found: dict[str, Any] = g.nodes[node_id]["props"]
    return found


def label_of(g: nx.MultiDiGraph, node_id: str) -> str:
    return str(g.nodes[node_id]["label"])


def account_rows(
    g: nx.MultiDiGraph, claim_id: str, types: Iterable[str] = ACCOUNT_TYPES
) -> list[Row]:
    """Account rows of the edges of ``types`` into a claim (any order; builders sort)."""
    wanted = set(types)
    return [
        {
            "source_id": s,
            "source_name": props(g, s).get("name"),
            "type": d["type"],
            "props": d["props"],
        }
        for s, _, d in g.in_edges(claim_id, data=True)
        if d["type"] in wanted and label_of(g, s) == "Source"
    ]


def edges_of_type(g: nx.MultiDiGraph, *types: str) -> Iterator[tuple[str, str, Row]]:
    """``(start, end, data)`` of the ASSERTS/DENIES/OMITS edges of ``types`` that ``g`` holds,
    read from the store's index of them (the edges of one type, not the whole graph)."""
    for _, start, end, data in keyed_edges_of_type(g, *types):
        yield start, end, data


def keyed_edges_of_type(
    g: nx.MultiDiGraph, *types: str
) -> Iterator[tuple[str, str, str, Row]]:
    """:func:`edges_of_type` with each edge's id first: ``(id, start, end, data)``."""
    index = AccountEdges.of(g)
    for kind in types:
        for edge_id in index.by_type[kind]:
            start, end = index.ends[edge_id]
            if g.has_edge(start, end, key=edge_id):
                yield edge_id, start, end, g.edges[start, end, edge_id]


def out_ends(g: nx.MultiDiGraph, node_id: str, edge_type: str, label: str) -> list[str]:
    """Ids at the end of ``node_id``'s outgoing ``edge_type`` edges to ``label`` nodes, sorted."""
    return sorted(
        {
            e
            for _, e, d in g.out_edges(node_id, data=True)
            if d["type"] == edge_type and label_of(g, e) == label
        }
    )


def in_starts(g: nx.MultiDiGraph, node_id: str, edge_type: str, label: str) -> list[str]:
    """Ids at the start of ``edge_type`` edges into ``node_id`` from ``label`` nodes, sorted."""
    return sorted(
        {
            s
            for s, _, d in g.in_edges(node_id, data=True)
            if d["type"] == edge_type and label_of(g, s) == label
        }
    )


def nodes_with_label(g: nx.MultiDiGraph, label: str) -> list[str]:
    return [n for n, d in g.nodes(data=True) if d["label"] == label]


def claim_event(g: nx.MultiDiGraph, claim_id: str) -> str | None:
    """The event a claim is about (a claim id is scoped to one event; the first by id),
    from the store's index of ABOUT edges."""
    return ClaimEvents.of(g).first(claim_id)


def event_fields(g: nx.MultiDiGraph, event_id: str | None) -> Row:
    p = props(g, event_id)
    return {"event_id": event_id, "event_name": p.get("name"), "event_date": p.get("date")}


def in_range(value: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Cypher's semantics: with a bound given, a missing date fails the comparison."""
    if date_from is not None and (value is None or value < date_from):
        return False
    return not (date_to is not None and (value is None or value > date_to))


def newest_first(rows: list[Row], date_key: str, *tie_keys: str) -> list[Row]:
    """Sort by date descending (undated last), ties by the ids in ``tie_keys`` ascending.

    The same order as Cypher's ``ORDER BY coalesce(date, '') DESC, <ties>``.
    """
    rows = sorted(rows, key=lambda r: tuple(r[k] for k in tie_keys))
    return sorted(rows, key=lambda r: r[date_key] or "", reverse=True)


def kept(g: nx.MultiDiGraph, key: str, compute: Callable[[], T]) -> T:
    """``compute()`` once per version of the graph (each embedded write makes a new one),
    kept with it: for what a query works out from the whole graph whatever its filters
    (a ranking, the order candidates are read in). A view is not the graph: no keeping."""
    if nx.is_frozen(g):
        return compute()
    version = g.graph.get("version", 0)
    answers: dict[str, tuple[int, Any]] = g.graph.setdefault("kept_answers", {})
    hit = answers.get(key)
    if hit is None or hit[0] != version:
        hit = answers[key] = (version, compute())
    found: T = hit[1]
    return found


def first_page(
    g: nx.MultiDiGraph,
    candidates: Callable[[], Iterable[tuple[str, ...]]],
    make: Callable[[tuple[str, ...], str | None], Row | None],
    params: Row,
    keep_as: str | None = None,
) -> list[Row]:
    """A page of rows newest event first, made only as far as the page needs.

    ``candidates`` are ``(claim id, *ties)`` tuples (a claim, or a claim and a source);
    each is placed by its claim's event date (undated last), then by the tuple, the
    order of :func:`newest_first`. ``make(candidate, event id)`` builds the row or says
    it does not qualify (None). Building a row reads the claim's accounts, which costs
    far more than placing it, so a page of 50 builds about 50, not every candidate:
    the twin of the ``*_recent.cypher`` walk down the event date index. With
    ``keep_as`` (candidates that do not depend on the filters) the placed order is
    :func:`kept` with the graph.
    """

    def place() -> list[tuple[tuple[str, ...], str | None, str | None]]:
        placed = []
        for candidate in candidates():
            event_id = claim_event(g, candidate[0])
            day = props(g, event_id).get("date") if event_id is not None else None
            placed.append((candidate, event_id, day))
        placed.sort(key=lambda p: p[0])
        placed.sort(key=lambda p: p[2] or "", reverse=True)  # stable: ties keep the tuple order
        return placed

    placed = kept(g, keep_as, place) if keep_as else place()
    wanted = params["skip"] + params["limit"]
    rows: list[Row] = []
    for candidate, event_id, _ in placed:
        row = make(candidate, event_id)
        if row is not None:
            rows.append(row)
            if len(rows) >= wanted:
                break
    return page(rows, params)


def walk_params(**given: Any) -> Row:
    """Filter parameters plus those of the ``*_recent.cypher`` files, which walk the event
    date index: ``date_lo``/``date_hi`` always set, ``with_undated`` when no bound is given.
    """
    lo, hi = given["date_from"], given["date_to"]
    return {
        **given,
        "date_lo": lo or "0001-01-01",
        "date_hi": hi or "9999-12-31",
        "with_undated": lo is None and hi is None,
    }


def page(rows: list[T], params: Row) -> list[T]:
    skip: int = params["skip"]
    return rows[skip : skip + params["limit"]]


def evidence(rows: Iterable[Row] | None) -> list[EvidenceRef]:
    """EvidenceRefs from account rows, by (source_id, edge id), duplicates dropped."""
    seen: dict[str, EvidenceRef] = {}
    for row in rows or ():
        p = row["props"]
        ref = EvidenceRef(
            edge_id=p["id"],
            source_id=row["source_id"],
            source_name=row.get("source_name"),
            type=row["type"],
            evidence=p.get("evidence"),
            article_id=p.get("article_id"),
            start_char=p.get("start_char"),
            end_char=p.get("end_char"),
            speaker_id=p.get("speaker_id"),
            confidence=p.get("confidence"),
            method=p.get("method"),
            compared_with=p.get("compared_with"),
            review=p.get("review"),
            reviewed_by=p.get("reviewed_by"),
            reviewed_at=p.get("reviewed_at"),
            review_comment=p.get("review_comment"),
            retargeted_from=p.get("retargeted_from"),
        )
        seen[ref.edge_id] = ref
    return sorted(seen.values(), key=lambda r: (r.source_id, r.edge_id))
