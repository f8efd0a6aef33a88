"""Write the graph for other tools, streaming: pure, no store access.

Every format is written node by node and relationship by relationship, as
pieces of text (:func:`chunks`), so an export of any size holds one page of the graph at a time
(the stores hand out pages, see ``GraphStore.export_pages``).

One vocabulary in every format:

* ``label``: what a tool shows as the name (an actor's or source's name, a
  claim's text, an article's title; for a relationship its type);
* ``labels``: the node's type (``Actor``, ``Event``, ``Source``, ``Claim``,
  ``Article``; a list in JSON, the one name elsewhere);
* ``type``: the relationship's type (``ASSERTS``, ...);
* then the properties under their own names.

Formats:

* JSON: the project's interchange format, read by ``shared/eval/score.py``
  (``{"nodes": [{"id", "labels", "properties"}], "relationships": [...]}``).
* GraphML (yEd, Gephi, networkx) and GEXF 1.3 (Gephi): attributes are declared
  from the model (:mod:`graph.model`), so they can be written before the first
  node; neither format has lists, so lists (``aliases``) are JSON text. GEXF is
  *dynamic*: an event starts on its date and an article on its publication day,
  so Gephi's timeline plays them in order; the other nodes are always there.
* Cytoscape.js: the ``elements`` JSON a browser view loads directly.

Examples
--------
>>> from graph.model import ExportNode, GraphExport
>>> export = GraphExport(nodes=[ExportNode(id="a", labels=["Actor"], properties={"name": "A"})])
>>> render(export, "json")
'{"nodes": [{"id": "a", "labels": ["Actor"], "properties": {"name": "A"}}], "relationships": []}'
>>> json.loads(render(export, "cytoscape"))["elements"]["nodes"][0]["data"]["labels"]
'Actor'
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from graph.model import NODE_TYPES, Edge, ExportNode, ExportRelationship, GraphExport

FORMATS = ("json", "graphml", "gexf", "cytoscape")
# What the format itself says about a relationship or node; never a property name.
_OWN = {"id", "type", "start", "end", "node_label", "label", "labels"}
# GEXF also gives these attribute names fixed meanings.
_GEXF_RESERVED = _OWN | {"weight", "pid", "viz"}
# When a node starts on Gephi's timeline.
_STARTS = {"Event": "date", "Article": "published"}


def render(export: GraphExport, fmt: str) -> str:
    """The export as text in one of :data:`FORMATS`; ValueError for any other name."""
    return "".join(chunks(export.nodes, export.relationships, fmt))


def chunks(nodes: Iterable[ExportNode], relationships: Iterable[ExportRelationship],
           fmt: str) -> Iterator[str]:
    """The export as pieces of text, nodes then relationships, as they come (each iterable
    is read once): what a file or an HTTP response is written from."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writer(nodes, relationships)


def display_name(node: ExportNode) -> str:
    """What a tool shows as the node's name."""
    props = node.properties
    for key in ("name", "title", "text"):
        if isinstance(props.get(key), str) and props[key]:
            return str(props[key])
    return node.id


def node_type(node: ExportNode) -> str:
    return node.labels[0] if node.labels else ""


# -- JSON and Cytoscape.js ---------------------------------------------------------


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _write_json(nodes: Iterable[ExportNode], rels: Iterable[ExportRelationship]) -> Iterator[str]:
    return _arrays(("nodes", (n.model_dump(mode="json") for n in nodes)),
                   ("relationships", (r.model_dump(mode="json") for r in rels)))


def _write_cytoscape(nodes: Iterable[ExportNode],
                     rels: Iterable[ExportRelationship]) -> Iterator[str]:
    node_data = (
        {"data": {**n.properties, "id": n.id, "label": display_name(n), "labels": node_type(n)}}
        for n in nodes
    )
    edge_data = (
        {"data": {**r.properties, "id": r.id, "source": r.start, "target": r.end,
                  "type": r.type, "label": r.type}}
        for r in rels
    )  # fmt: skip
    yield '{"elements": '
    yield from _arrays(("nodes", node_data), ("edges", edge_data))
    yield "}"


def _arrays(*arrays: tuple[str, Iterable[dict[str, Any]]]) -> Iterator[str]:
    """``{"a": [...], "b": [...]}``, one item at a time."""
    yield "{"
    for n, (name, items) in enumerate(arrays):
        yield f'{", " if n else ""}"{name}": ['
        for i, item in enumerate(items):
            yield (", " if i else "") + _json(item)
        yield "]"
    yield "}"


# -- GraphML and GEXF: attributes declared from the model ------------------------


def _kind(annotation: Any) -> str:
    """``boolean``, ``int``, ``double`` or ``string`` for a field's type (lists: JSON text)."""
    args = set(typing.get_args(annotation)) if isinstance(annotation, types.UnionType) \
        else {annotation}  # fmt: skip
    for python, name in ((bool, "boolean"), (int, "int"), (float, "double")):
        if python in args:
            return name
    return "string"


def _declared(fields: Iterable[tuple[str, Any]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, annotation in fields:
        if name not in _OWN:
            out.setdefault(name, _kind(annotation))
    return out


NODE_ATTRIBUTES = _declared(
    (name, f.annotation) for t in NODE_TYPES.values() for name, f in t.model_fields.items()
)
EDGE_ATTRIBUTES = _declared((name, f.annotation) for name, f in Edge.model_fields.items())


def _text(value: Any) -> str:
    """A property value as GraphML/GEXF text: booleans in lower case, lists as JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return _json(value)
    return str(value)


def _known(props: dict[str, Any], declared: dict[str, str]) -> Iterable[tuple[str, Any]]:
    """Properties the model declares, in declaration order, without unknown values.

    A property the model does not know (written into Neo4j by hand) is left out:
    both formats need every attribute declared before the first node.
    """
    return ((k, props[k]) for k in declared if props.get(k) is not None)


def _write_graphml(nodes: Iterable[ExportNode],
                   rels: Iterable[ExportRelationship]) -> Iterator[str]:
    yield ('<?xml version="1.0" encoding="utf-8"?>\n'
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    own = [("node", "label", "string"), ("node", "labels", "string"),
           ("edge", "label", "string"), ("edge", "type", "string")]
    keys = own + [("node", k, t) for k, t in NODE_ATTRIBUTES.items()] \
        + [("edge", k, t) for k, t in EDGE_ATTRIBUTES.items()]  # fmt: skip
    for scope, name, kind in keys:
        yield (f'  <key id="{scope[0]}_{name}" for="{scope}" attr.name="{name}" '
               f'attr.type="{kind}"/>\n')
    yield '  <graph edgedefault="directed">\n'
    for node in nodes:
        data = [("label", display_name(node)), ("labels", node_type(node)),
                *_known(node.properties, NODE_ATTRIBUTES)]
        yield f"    <node id={quoteattr(node.id)}>{_graphml_data('n', data)}</node>\n"
    for rel in rels:
        data = [("label", rel.type), ("type", rel.type), *_known(rel.properties, EDGE_ATTRIBUTES)]
        yield (f"    <edge id={quoteattr(rel.id)} source={quoteattr(rel.start)} "
               f"target={quoteattr(rel.end)}>{_graphml_data('e', data)}</edge>\n")
    yield "  </graph>\n</graphml>\n"


def _graphml_data(scope: str, data: Iterable[tuple[str, Any]]) -> str:
    return "".join(f'<data key="{scope}_{k}">{escape(_text(v))}</data>' for k, v in data)


def _write_gexf(nodes: Iterable[ExportNode], rels: Iterable[ExportRelationship]) -> Iterator[str]:
    node_attrs = {"labels": "string", **_unreserved(NODE_ATTRIBUTES)}
    edge_attrs = {"type": "string", **_unreserved(EDGE_ATTRIBUTES)}
    yield ('<?xml version="1.0" encoding="utf-8"?>\n'
           '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
           '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n')
    for scope, attrs in (("node", node_attrs), ("edge", edge_attrs)):
        yield f'    <attributes class="{scope}">\n'
        for name, kind in attrs.items():
            gexf_kind = {"int": "long"}.get(kind, kind)
            yield f'      <attribute id="{name}" title="{name}" type="{gexf_kind}"/>\n'
        yield "    </attributes>\n"
    yield "    <nodes>\n"
    for node in nodes:
        start = node.properties.get(_STARTS.get(node_type(node), ""))
        when = f" start={quoteattr(start)}" if isinstance(start, str) and start else ""
        values = [("labels", node_type(node)), *_known(node.properties, node_attrs)]
        yield (f"      <node id={quoteattr(node.id)} label={quoteattr(display_name(node))}"
               f"{when}>{_gexf_values(values)}</node>\n")
    yield "    </nodes>\n    <edges>\n"
    for rel in rels:
        values = [("type", rel.type), *_known(rel.properties, edge_attrs)]
        yield (f"      <edge id={quoteattr(rel.id)} source={quoteattr(rel.start)} "
               f"target={quoteattr(rel.end)} label={quoteattr(rel.type)}>"
               f"{_gexf_values(values)}</edge>\n")
    yield "    </edges>\n  </graph>\n</gexf>\n"


def _unreserved(attrs: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in attrs.items() if k not in _GEXF_RESERVED}


def _gexf_values(values: Iterable[tuple[str, Any]]) -> str:
    inner = "".join(f"<attvalue for={quoteattr(k)} value={quoteattr(_text(v))}/>"
                    for k, v in values)
    return f"<attvalues>{inner}</attvalues>" if inner else ""


Writer = Callable[[Iterable[ExportNode], Iterable[ExportRelationship]], Iterator[str]]
_WRITERS: dict[str, Writer] = {
    "json": _write_json,
    "graphml": _write_graphml,
    "gexf": _write_gexf,
    "cytoscape": _write_cytoscape,
}
