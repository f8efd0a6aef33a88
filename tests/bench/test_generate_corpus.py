"""Tests for bench/generate_corpus.py: determinism, truth consistency, sizes, output files."""

from __future__ import annotations

import importlib.util
import json
import statistics
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ingest.documents import ArticleDoc, ArticleInput
from ingest.readers import read_paths

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "generate_corpus.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_corpus", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


gc = _load()
Pair = tuple[dict[str, Any], dict[str, Any]]


@pytest.fixture(scope="module")
def corpus() -> list[Pair]:
    return list(gc.generate(3000, seed=11))


def test_exact_count_and_determinism() -> None:
    for n in (1, 2, 3, 7, 50):
        assert len(list(gc.generate(n, seed=3))) == n
    assert list(gc.generate(300, seed=5)) == list(gc.generate(300, seed=5))
    assert list(gc.generate(300, seed=5)) != list(gc.generate(300, seed=6))


def test_shorter_corpus_is_a_prefix_apart_from_the_cut_event() -> None:
    long = list(gc.generate(200, seed=9))
    short = list(gc.generate(120, seed=9))
    last_event = short[-1][1]["event"]["id"]
    for (a, t), (b, u) in zip(short, long, strict=False):
        assert a == b
        if t["event"]["id"] != last_event:
            assert t == u


def test_articles_fit_the_jsonl_shape(corpus: list[Pair]) -> None:
    for article, _ in corpus[:500]:
        item = ArticleInput.model_validate(article)
        assert item.published is not None and item.text.strip()
    assert len({article["url"] for article, _ in corpus}) == len(corpus)


def test_every_truth_sentence_occurs_verbatim(corpus: list[Pair]) -> None:
    for article, truth in corpus:
        text = article["text"]
        assert truth["date_expression"] in text
        for item in truth["asserts"] + truth["denials"]:
            assert item["sentence"] in text, (truth["url"], item)


def test_denials_and_omissions_point_at_real_sources(corpus: list[Pair]) -> None:
    by_url = {truth["url"]: truth for _, truth in corpus}
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _, truth in corpus:
        by_event[truth["event"]["id"]].append(truth)
    denials = omissions = 0
    for _, truth in corpus:
        for denial in truth["denials"]:
            denials += 1
            denied = by_url[denial["denied_url"]]
            assert denied["source"] == denial["denied_source"]
            assert denial["point"] in {a["point"] for a in denied["asserts"]}
            assert denied["event"]["id"] == truth["event"]["id"]
            assert date.fromisoformat(truth["published"]) >= date.fromisoformat(denied["published"])
        own = {a["point"] for a in truth["asserts"]}
        for omission in truth["omissions"]:
            omissions += 1
            assert omission["point"] not in own
            others = [t for t in by_event[truth["event"]["id"]] if t["role"] == "readout"]
            holder = [t for t in others if t["source"] == omission["present_in"]]
            assert holder, omission
            assert omission["point"] in {a["point"] for a in holder[0]["asserts"]}
    assert denials > 100 and omissions > 100


def test_events_have_several_sources_and_next_day_denials(corpus: list[Pair]) -> None:
    sources: dict[str, set[str]] = defaultdict(set)
    for _, truth in corpus:
        sources[truth["event"]["id"]].add(truth["source"])
        if truth["role"] == "denial_report":
            event_day = date.fromisoformat(truth["event"]["date"])
            assert date.fromisoformat(truth["published"]) == event_day + timedelta(days=1)
    multi = sum(1 for found in sources.values() if len(found) >= 3)
    assert multi > len(sources) // 3
    kinds = {truth["event"]["kind"] for _, truth in corpus}
    assert kinds == {"phone_call", "meeting", "ceasefire"}


def test_variety_of_spellings_dates_and_verbs(corpus: list[Pair]) -> None:
    text = "\n".join(article["text"] + article["outlet"] for article, _ in corpus)
    for variant in ("Antony Blinken", "Anthony Blinken", "AzerTAc", "AzərTAc", "Nakhchivan",
                    "Nakhijevan", "Pashinyan", "Pashinian", "Today,", "Yesterday,", "On Friday,",
                    "tweeted", "“", '"', "completely untrue", "does not reflect reality",
                    "disinformation", "According to"):  # fmt: skip
        assert variant in text, variant


def test_size_statistics(corpus: list[Pair]) -> None:
    words = [len(article["text"].split()) for article, _ in corpus]
    assert 520 <= statistics.mean(words) <= 720
    assert min(words) >= 150 and max(words) <= 1500


def test_generation_is_fast() -> None:
    started = time.perf_counter()
    for _ in gc.generate(5000, seed=1):
        pass
    assert time.perf_counter() - started < 5  # ~0.3 s on a laptop; generous for CI


def test_cli_writes_jsonl_shards_and_truth_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gc, "SHARD_LINES", 40)
    out = tmp_path / "corpus"
    assert gc.main(["--articles", "100", "--out", str(out), "--seed", "4"]) == 0
    shards = sorted(out.glob("articles-*.jsonl"))
    assert [len(p.read_text(encoding="utf-8").splitlines()) for p in shards] == [40, 40, 20]
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    assert truth["seed"] == 4 and truth["articles"] == 100
    sources = [s for event in truth["events"] for s in event["sources"]]
    assert len(sources) == 100
    docs = {d.origin: d for d in read_paths([out]) if isinstance(d, ArticleDoc)}
    assert len(docs) == 100
    for source in sources:
        doc = docs[f"{out / source['file']}:{source['line']}"]
        assert doc.url == source["url"]
        assert all(a["sentence"] in doc.text for a in source["asserts"])


def test_cli_writes_txt_and_truth_jsonl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gc, "TRUTH_JSON_MAX_ARTICLES", 10)
    monkeypatch.setattr(gc, "TXT_PER_FOLDER", 10)
    out = tmp_path / "corpus"
    gc.main(["--articles", "25", "--out", str(out), "--format", "txt"])
    assert not (out / "truth.json").exists()
    events = [json.loads(line) for line in (out / "truth.jsonl").read_text().splitlines()]
    sources = [s for event in events for s in event["sources"]]
    assert len(sources) == 25
    reference = [article for article, _ in gc.generate(25, seed=0)]
    for source, article in zip(sources, reference, strict=True):
        doc = next(iter(read_paths([out / source["file"]])))
        assert isinstance(doc, ArticleDoc)
        assert doc.text == article["text"] and doc.title == article["title"]
        assert doc.published == date.fromisoformat(article["published"])
