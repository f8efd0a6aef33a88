"""Export formats: what other tools (score.py, networkx, Gephi, Cytoscape.js) read back."""

from __future__ import annotations

import doctest
import importlib.util
import io
import json
from pathlib import Path
from types import ModuleType

import networkx as nx
import pytest

import graph.export
from graph.export import FORMATS, chunks, render
from graph.model import ExportNode, ExportRelationship, GraphExport

SCORE_PY = Path("/work/shared/eval/score.py")

BLINKEN = ExportNode(
    id="actor:antony-blinken",
    labels=["Actor"],
    properties={"id": "actor:antony-blinken", "name": "Antony Blinken",
                "aliases": ["Blinken", "@SecBlinken"], "known": True},
)  # fmt: skip
STATE = ExportNode(
    id="source:us-state-department",
    labels=["Source"],
    properties={"id": "source:us-state-department", "name": "US State Department",
                "aliases": ["State Department"]},
)  # fmt: skip
PEACE = ExportNode(
    id="claim:0123456789abcdef",
    labels=["Claim"],
    properties={"id": "claim:0123456789abcdef", "text": "The sides discussed the peace treaty"},
)
ASSERTS = ExportRelationship(
    id="rel:aaaa",
    type="ASSERTS",
    start=STATE.id,
    end=PEACE.id,
    properties={"id": "rel:aaaa", "evidence": "discussed the peace treaty with Azerbaijan's "
                "president and Armenia", "start_char": 10, "end_char": 52, "confidence": 0.9},
)  # fmt: skip
SPEAKS = ExportRelationship(
    id="rel:bbbb", type="SPEAKS_FOR", start=STATE.id, end=BLINKEN.id, properties={"id": "rel:bbbb"}
)
EXPORT = GraphExport(nodes=[BLINKEN, STATE, PEACE], relationships=[ASSERTS, SPEAKS])


def load_score_module() -> ModuleType:
    if not SCORE_PY.exists():
        pytest.skip(f"{SCORE_PY} is not here (it lives in the shared eval folder)")
    pytest.importorskip("yaml", reason="score.py needs PyYAML")
    spec = importlib.util.spec_from_file_location("sckg_eval_score", SCORE_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CALL = ExportNode(
    id="event:call", labels=["Event"],
    properties={"id": "event:call", "name": "Blinken–Aliyev call", "kind": "phone_call",
                "date": "2022-07-25", "participant_names": ["Antony Blinken", "Ilham Aliyev"]},
)  # fmt: skip
READOUT = ExportNode(
    id="article:1", labels=["Article"],
    properties={"id": "article:1", "title": "Readout", "published": "2022-07-26", "length": 900},
)  # fmt: skip
WITH_DATES = GraphExport(nodes=[*EXPORT.nodes, CALL, READOUT], relationships=EXPORT.relationships)


def to_json(export: GraphExport) -> str:
    return render(export, "json")


def test_json_has_exactly_the_shape_the_eval_readme_describes() -> None:
    data = json.loads(to_json(EXPORT))

    assert set(data) == {"nodes", "relationships"}
    assert data["nodes"][0] == {
        "id": BLINKEN.id, "labels": ["Actor"], "properties": BLINKEN.properties,
    }  # fmt: skip
    assert data["relationships"][0] == {
        "id": "rel:aaaa", "type": "ASSERTS", "start": STATE.id, "end": PEACE.id,
        "properties": ASSERTS.properties,
    }  # fmt: skip


def test_json_keeps_non_ascii_text_readable() -> None:
    node = ExportNode(id="actor:x", labels=["Actor"], properties={"name": "Ilham Əliyev"})

    assert "Ilham Əliyev" in to_json(GraphExport(nodes=[node]))


def test_the_scorer_reads_our_json_export() -> None:
    score = load_score_module()

    parsed = score.Export(json.loads(to_json(EXPORT)))

    assert parsed.by_label["Source"] == [STATE.id]
    assert any("peace treaty with Azerbaijan" in t for t in parsed.claim_texts[PEACE.id])
    assert score.names_of(parsed.props(BLINKEN.id)) >= {"antony blinken", "@secblinken"}


def test_graphml_reads_back_with_networkx_in_the_shared_vocabulary() -> None:
    graph = nx.read_graphml(io.StringIO(render(EXPORT, "graphml")), force_multigraph=True)

    blinken = graph.nodes[BLINKEN.id]
    assert (blinken["label"], blinken["labels"]) == ("Antony Blinken", "Actor")
    assert json.loads(blinken["aliases"]) == ["Blinken", "@SecBlinken"]
    assert blinken["known"] is True
    edge = graph.edges[STATE.id, PEACE.id, "rel:aaaa"]
    assert (edge["type"], edge["label"], edge["start_char"], edge["confidence"]) == \
        ("ASSERTS", "ASSERTS", 10, 0.9)  # fmt: skip


def test_gexf_reads_back_with_networkx_in_the_shared_vocabulary() -> None:
    graph = nx.read_gexf(io.StringIO(render(EXPORT, "gexf")), version="1.3")

    assert (graph.nodes[BLINKEN.id]["label"], graph.nodes[BLINKEN.id]["labels"]) == \
        ("Antony Blinken", "Actor")  # fmt: skip
    assert graph.nodes[PEACE.id]["label"] == PEACE.properties["text"]
    ((_, _, edge),) = [e for e in graph.edges(data=True) if e[2]["type"] == "ASSERTS"]
    assert edge["label"] == "ASSERTS" and edge["evidence"].startswith("discussed")
    assert edge["id"] == "rel:aaaa" and graph.number_of_edges() == 2


def test_gexf_is_dynamic_so_events_and_articles_start_on_their_dates() -> None:
    text = render(WITH_DATES, "gexf")
    graph = nx.read_gexf(io.StringIO(text), version="1.3")

    assert 'mode="dynamic" timeformat="date"' in text
    assert graph.nodes[CALL.id]["start"] == "2022-07-25"
    assert graph.nodes[READOUT.id]["start"] == "2022-07-26"
    assert "start" not in graph.nodes[BLINKEN.id]  # always there


def test_cytoscape_elements_have_data_with_ids_sources_and_targets() -> None:
    elements = json.loads(render(EXPORT, "cytoscape"))["elements"]

    assert elements["nodes"][1]["data"] == {
        **STATE.properties, "label": "US State Department", "labels": "Source",
    }  # fmt: skip
    assert elements["edges"][0]["data"] == {
        **ASSERTS.properties, "source": STATE.id, "target": PEACE.id, "type": "ASSERTS",
        "label": "ASSERTS",
    }  # fmt: skip


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_names_things_the_same_way(fmt: str) -> None:
    text = render(WITH_DATES, fmt)
    if fmt == "json":
        nodes = {n["id"]: (n["labels"][0], n["properties"]) for n in json.loads(text)["nodes"]}
        assert nodes[CALL.id][0] == "Event"
        return
    if fmt == "cytoscape":
        data = {n["data"]["id"]: n["data"] for n in json.loads(text)["elements"]["nodes"]}
    else:
        read = nx.read_graphml if fmt == "graphml" else nx.read_gexf
        data = dict(read(io.StringIO(text)).nodes(data=True))
    assert (data[CALL.id]["label"], data[CALL.id]["labels"]) == ("Blinken–Aliyev call", "Event")
    assert (data[READOUT.id]["label"], data[READOUT.id]["length"]) == ("Readout", 900)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_streams_from_iterators_read_once(fmt: str) -> None:
    nodes, rels = iter(WITH_DATES.nodes), iter(WITH_DATES.relationships)

    pieces = list(chunks(nodes, rels, fmt))

    assert len(pieces) > len(WITH_DATES.nodes) and "".join(pieces) == render(WITH_DATES, fmt)


def test_a_property_the_model_does_not_know_is_left_out_of_graphml() -> None:
    odd = ExportNode(id="actor:odd", labels=["Actor"], properties={"name": "Odd", "hand": 1})

    graph = nx.read_graphml(io.StringIO(render(GraphExport(nodes=[odd]), "graphml")))

    assert graph.nodes["actor:odd"] == {"label": "Odd", "labels": "Actor", "name": "Odd"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_an_empty_graph(fmt: str) -> None:
    assert render(GraphExport(), fmt)


def test_an_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="graphml"):
        render(EXPORT, "dot")


def test_the_module_examples_run() -> None:
    assert doctest.testmod(graph.export).failed == 0
