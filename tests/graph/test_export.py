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
from graph.export import FORMATS, render, to_cytoscape, to_gexf, to_graphml, to_json
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


def test_graphml_reads_back_with_networkx() -> None:
    graph = nx.read_graphml(io.StringIO(to_graphml(EXPORT)), force_multigraph=True)

    assert graph.nodes[BLINKEN.id]["label"] == "Actor"
    assert json.loads(graph.nodes[BLINKEN.id]["aliases"]) == ["Blinken", "@SecBlinken"]
    assert graph.nodes[BLINKEN.id]["known"] is True
    edge = graph.edges[STATE.id, PEACE.id, "rel:aaaa"]
    assert (edge["type"], edge["start_char"], edge["confidence"]) == ("ASSERTS", 10, 0.9)


def test_gexf_reads_back_with_networkx_and_shows_names_as_labels() -> None:
    graph = nx.read_gexf(io.StringIO(to_gexf(EXPORT)))

    assert graph.nodes[BLINKEN.id]["label"] == "Antony Blinken"
    assert graph.nodes[BLINKEN.id]["node_label"] == "Actor"
    assert graph.nodes[PEACE.id]["label"] == PEACE.properties["text"]
    ((_, _, edge),) = [e for e in graph.edges(data=True) if e[2]["rel_type"] == "ASSERTS"]
    assert edge["label"] == "ASSERTS" and edge["evidence"].startswith("discussed")
    assert graph.number_of_edges() == 2


def test_cytoscape_elements_have_data_with_ids_sources_and_targets() -> None:
    elements = to_cytoscape(EXPORT)["elements"]

    assert elements["nodes"][1]["data"] == {**STATE.properties, "label": "Source"}
    assert elements["edges"][0]["data"] == {
        **ASSERTS.properties, "source": STATE.id, "target": PEACE.id, "type": "ASSERTS",
    }  # fmt: skip


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_an_empty_graph(fmt: str) -> None:
    assert render(GraphExport(), fmt)


def test_an_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="graphml"):
        render(EXPORT, "dot")


def test_the_module_examples_run() -> None:
    assert doctest.testmod(graph.export).failed == 0
