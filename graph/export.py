"""Serialise a :class:`~graph.model.GraphExport` for other tools; pure, no store access.

* JSON: the project's interchange format, read by ``shared/eval/score.py``
  (``{"nodes": [{"id", "labels", "properties"}], "relationships": [...]}``).
* GraphML and GEXF: for yEd, Gephi and networkx. Neither has a list type, so
  list properties (``aliases``) are written as JSON strings.
* Cytoscape.js: the ``elements`` JSON a browser view loads directly.

Examples
--------
>>> from graph.model import ExportNode, GraphExport
>>> export = GraphExport(nodes=[ExportNode(id="a", labels=["Actor"], properties={"id": "a"})])
>>> to_json(export)
'{"nodes": [{"id": "a", "labels": ["Actor"], "properties": {"id": "a"}}], "relationships": []}'
>>> to_cytoscape(export)["elements"]["nodes"][0]["data"]["label"]
'Actor'
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from graph.model import ExportNode, GraphExport

FORMATS = ("json", "graphml", "gexf", "cytoscape")
# GEXF reserves these attribute names on nodes and edges for its own meaning.
_GEXF_RESERVED = ("id", "label", "type", "start", "end", "weight", "pid", "viz")


def to_json(export: GraphExport) -> str:
    """The interchange JSON, one line, non-ASCII kept readable."""
    return json.dumps(export.model_dump(mode="json"), ensure_ascii=False)


def to_graphml(export: GraphExport) -> str:
    """GraphML; node attribute ``label`` holds the node label, edge attribute ``type``."""
    graph = nx.MultiDiGraph()
    for node in export.nodes:
        graph.add_node(node.id, **_flat(node.properties), label=_label(node))
    for rel in export.relationships:
        graph.add_edge(rel.start, rel.end, key=rel.id, **_flat(rel.properties), type=rel.type)
    return "\n".join(nx.generate_graphml(graph)) + "\n"


def to_gexf(export: GraphExport) -> str:
    """GEXF for Gephi: the display label is the node's name, ``node_label`` its label.

    GEXF gives ``label``, ``type``, ``start`` and ``end`` fixed meanings, so
    the relationship type becomes the edge label and the rest is kept as
    ``node_label``/``rel_type`` attributes.
    """
    graph = nx.MultiDiGraph()
    for node in export.nodes:
        attrs = _flat(_unreserved(node.properties))
        graph.add_node(node.id, **attrs, label=_display(node), node_label=_label(node))
    for rel in export.relationships:
        attrs = _flat(_unreserved(rel.properties))
        graph.add_edge(
            rel.start, rel.end, key=rel.id, id=rel.id, label=rel.type, rel_type=rel.type, **attrs
        )
    return "\n".join(nx.generate_gexf(graph)) + "\n"


def to_cytoscape(export: GraphExport) -> dict[str, Any]:
    """Cytoscape.js elements: ``{"elements": {"nodes": [{"data"}], "edges": [{"data"}]}}``."""
    nodes = [
        {"data": {**node.properties, "id": node.id, "label": _label(node)}} for node in export.nodes
    ]
    edges = [
        {
            "data": {
                **rel.properties,
                "id": rel.id,
                "source": rel.start,
                "target": rel.end,
                "type": rel.type,
            }
        }
        for rel in export.relationships
    ]
    return {"elements": {"nodes": nodes, "edges": edges}}


def render(export: GraphExport, fmt: str) -> str:
    """The export as text in one of :data:`FORMATS`; ValueError for any other name."""
    if fmt == "json":
        return to_json(export)
    if fmt == "graphml":
        return to_graphml(export)
    if fmt == "gexf":
        return to_gexf(export)
    if fmt == "cytoscape":
        return json.dumps(to_cytoscape(export), ensure_ascii=False)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _label(node: ExportNode) -> str:
    return node.labels[0] if node.labels else ""


def _display(node: ExportNode) -> str:
    props = node.properties
    for key in ("name", "title", "text"):
        if isinstance(props.get(key), str):
            return str(props[key])
    return node.id


def _flat(props: dict[str, Any]) -> dict[str, Any]:
    """Scalars as they are, lists and maps as JSON text, ``None`` dropped."""
    return {
        key: json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
        for key, value in props.items()
        if value is not None
    }


def _unreserved(props: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in props.items() if key not in _GEXF_RESERVED}
