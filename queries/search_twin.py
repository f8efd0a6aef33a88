"""Text search: the networkx twin of ``cypher/search.cypher``, and its input checks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import get_args

import networkx as nx

from graph.errors import InvalidInput
from queries._rows import Row, page
from queries.results import SearchHit, SearchLabel

LABELS: tuple[str, ...] = get_args(SearchLabel)
_TITLE = {"Actor": "name", "Source": "name", "Event": "name", "Claim": "text"}
MAX_TEXT = 200


def check_text(text: str) -> str:
    """The query lower-cased and trimmed; empty or over-long text is an InvalidInput."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("search text must not be empty")
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"search text is longer than {MAX_TEXT} characters")
    return text.strip().lower()


def check_labels(labels: Sequence[str] | None) -> list[str] | None:
    if labels is None:
        return None
    unknown = sorted(set(labels) - set(LABELS))
    if unknown or isinstance(labels, str):
        raise InvalidInput(f"labels must be among {', '.join(LABELS)}; got {labels!r}")
    return sorted(set(labels))


def score(q: str, title: str, aliases: Sequence[str]) -> float:
    t = title.lower()
    if t == q:
        return 3.0
    if t.startswith(q):
        return 2.0
    if q in t:
        return 1.0
    return 0.5 if any(q in a.lower() for a in aliases) else 0.0


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    wanted = set(params["labels"] or LABELS)
    rows = []
    for node_id, d in g.nodes(data=True):
        if d["label"] not in wanted:
            continue
        title = d["props"].get(_TITLE[d["label"]]) or ""
        s = score(params["q"], title, d["props"].get("aliases") or [])
        if s > 0:
            rows.append({"id": node_id, "label": d["label"], "title": title, "score": s})
    rows.sort(key=lambda r: (-r["score"], r["label"], r["id"]))
    return page(rows, params)


def build(rows: list[Row]) -> list[SearchHit]:
    return [SearchHit(**r) for r in rows]
