"""Events by date: the networkx twin of ``cypher/events_by_date.cypher``."""

from __future__ import annotations

import networkx as nx

from queries._rows import Row, in_range, nodes_with_label, page, props
from queries.contested_events_twin import event_row
from queries.results import DatedEvent


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    rows = [
        event_row(g, event_id)
        for event_id in nodes_with_label(g, "Event")
        if _wanted(props(g, event_id).get("date"), params)
    ]
    rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["event_id"]))
    return page(rows, params)


def _wanted(day: str | None, params: Row) -> bool:
    if day is None:
        return bool(params["undated"]) and params["date_from"] is None \
            and params["date_to"] is None  # fmt: skip
    return in_range(day, params["date_from"], params["date_to"])


def build(rows: list[Row]) -> list[DatedEvent]:
    return [DatedEvent(**r) for r in rows]
