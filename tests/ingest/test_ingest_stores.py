"""The whole ingest path, on both stores: what an analyst gets from real text.

Runs the seed articles (from ../shared, skipped with a reason when absent) and
the project's own samples through ``ingest_paths`` into each store.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.embedded import FILE_NAME, EmbeddedStore
from graph.model import GraphExport
from graph.store import GraphStore
from ingest.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SAMPLES = ROOT / "samples"


def _comparable(export: GraphExport) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    nodes = sorted((n.id, repr(sorted(n.properties.items()))) for n in export.nodes)
    rels = sorted((r.id, r.type, repr(sorted(r.properties.items()))) for r in export.relationships)
    return nodes, rels


def test_ingesting_the_samples_twice_changes_nothing(store: GraphStore) -> None:
    first = ingest_paths(store, [SAMPLES], progress=False)
    assert first.ingested >= 8 and not first.skipped
    before = _comparable(store.export())
    counts = store.counts()
    second = ingest_paths(store, [SAMPLES], progress=False)
    assert (second.ingested, second.already) == (0, first.ingested)
    assert store.counts() == counts
    assert _comparable(store.export()) == before


READOUTS = sorted(SAMPLES.glob("0[12]_*"))  # the two ministries' readouts of one call
REPORTS = sorted(p for p in SAMPLES.iterdir() if p.is_file() and p not in READOUTS
                 and p.name != "README")  # later reports, among them a denial of the call


def _one_run_graph() -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    reference = EmbeddedStore()  # in memory
    ingest_paths(reference, [*READOUTS, *REPORTS], progress=False)
    return _comparable(reference.export())


def test_older_articles_in_a_later_run_give_the_graph_one_run_gives(store: GraphStore) -> None:
    ingest_paths(store, REPORTS, progress=False)

    later = ingest_paths(store, READOUTS, progress=False)

    assert (later.reread, later.ingested) == (8, 10)
    assert "rebuilt in publication order" in later.summary()
    assert _comparable(store.export()) == _one_run_graph()


def test_newer_articles_in_a_later_run_are_added_without_a_rebuild(store: GraphStore) -> None:
    ingest_paths(store, READOUTS, progress=False)

    later = ingest_paths(store, REPORTS, progress=False)

    assert (later.reread, later.ingested) == (0, 8)
    assert _comparable(store.export()) == _one_run_graph()


def test_a_rebuild_cut_short_is_finished_by_the_next_run(store: GraphStore) -> None:
    ingest_paths(store, [*READOUTS, *REPORTS], progress=False)
    store.clear(keep_texts=True)  # what a rebuild killed before its first batch leaves

    resumed = ingest_paths(store, [], progress=False)

    assert resumed.ingested == 10
    assert _comparable(store.export()) == _one_run_graph()


def test_every_account_edge_quotes_its_article_verbatim(store: GraphStore) -> None:
    ingest_paths(store, [SAMPLES], progress=False)
    export = store.export()
    articles = {n.id: n.properties for n in export.nodes if n.labels == ["Article"]}
    texts = {
        aid: _article_text(Path(p["path"]))
        for aid, p in articles.items()
        if not str(p["path"]).endswith((".jsonl", ".html")) and ":" not in Path(p["path"]).name
    }
    checked = 0
    for rel in export.relationships:
        if rel.type not in ("ASSERTS", "DENIES"):
            continue
        props = rel.properties
        assert props["evidence"].strip(), rel
        text = texts.get(props["article_id"])
        if text is not None:
            assert text[props["start_char"] : props["end_char"]] == props["evidence"]
            checked += 1
    assert checked > 10


def _article_text(path: Path) -> str:
    from ingest.readers import read_paths

    docs = list(read_paths([path]))
    return docs[0].text  # type: ignore[union-attr]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles live in ../shared/corpus/seeds")
def test_seed_call_has_denial_and_omissions(store: GraphStore) -> None:
    report = ingest_paths(store, [SEEDS], progress=False)
    assert report.ingested == 2 and not report.skipped
    export = store.export()
    names = {n.id: n.properties.get("name", n.properties.get("text", "")) for n in export.nodes}
    denies = [r for r in export.relationships if r.type == "DENIES"]
    assert denies and all("Haqqin" in names[r.start] for r in denies)
    assert all("Minsk Group" in (names[r.end] + " ".join(
        x.properties.get("evidence", "") for x in export.relationships
        if x.end == r.end and x.type == "ASSERTS")) for r in denies)
    omitters = {names[r.start] for r in export.relationships if r.type == "OMITS"}
    assert any("State Department" in o for o in omitters)
    assert any("President of Azerbaijan" in o for o in omitters)
    events = {n.properties.get("date") for n in export.nodes if n.labels == ["Event"]}
    assert {"2022-07-25", "2022-03-15"} <= events


def test_a_graph_saved_before_texts_were_kept_takes_new_articles_with_a_warning(
        tmp_path: Path) -> None:
    folder = tmp_path / "graph"
    first = EmbeddedStore.open(folder)
    ingest_paths(first, REPORTS, progress=False)
    first.close()
    saved = json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))
    del saved["texts"]  # as an sckg without kept texts wrote it
    (folder / FILE_NAME).write_text(json.dumps(saved), encoding="utf-8")

    store = EmbeddedStore.open(folder)
    later = ingest_paths(store, READOUTS, progress=False)
    store.close()

    assert (later.reread, later.unkept, later.ingested) == (0, 8, 2)
    assert "cannot be rebuilt" in later.summary()
    assert store.counts()["Article"] == 10
