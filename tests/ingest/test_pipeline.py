"""The pipeline report: bad input is skipped with its origin, the rest is ingested."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from ingest.documents import ArticleDoc, Skipped
from ingest.extractor import ArticleExtraction, RuleExtractor
from ingest.pipeline import in_canonical_order, ingest_documents, ingest_paths

GOOD = ArticleDoc(
    origin="good.txt", outlet="Caucasus Ledger", published=date(2023, 6, 2), language="en",
    text=("Armenian Foreign Minister Ararat Mirzoyan spoke by phone with Azerbaijani Foreign "
          "Minister Jeyhun Bayramov on Thursday, the Armenian Foreign Ministry said.\n"
          "The ministers discussed the draft peace treaty and the delimitation of the border.\n"),
)


class FailsOn:
    """An extractor that breaks on one origin, as a buggy extractor would."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.inner = RuleExtractor()

    def extract(self, doc: ArticleDoc) -> ArticleExtraction:
        if doc.origin == self.origin:
            raise ValueError("boom")
        return self.inner.extract(doc)


def test_a_failing_article_is_skipped_with_its_origin_and_the_rest_ingested() -> None:
    store = EmbeddedStore(None)
    bad = GOOD.model_copy(update={"origin": "bad.txt"})
    report = ingest_documents(store, [bad, GOOD], extractor=FailsOn("bad.txt"), progress=False)
    assert report.ingested == 1
    assert [s.path for s in report.skipped] == ["bad.txt"]
    assert "boom" in report.skipped[0].reason
    assert "bad.txt" in report.summary()
    assert store.counts()["ASSERTS"] >= 1


def test_reader_skips_are_reported_not_raised() -> None:
    store = EmbeddedStore(None)
    skipped = Skipped(path="feed.jsonl", line=3, reason="invalid JSON")
    report = ingest_documents(store, [skipped, GOOD], progress=False)
    assert report.ingested == 1
    assert str(report.skipped[0]) == "feed.jsonl:3: invalid JSON"
    assert "skipped 1 input(s)" in report.summary()


def test_unreadable_and_empty_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    (tmp_path / "ok.txt").write_text(GOOD.text, encoding="utf-8")
    store = EmbeddedStore(None)
    report = ingest_paths(store, [tmp_path], progress=False)
    assert report.ingested == 1
    assert {Path(s.path).name for s in report.skipped} >= {"empty.txt"}


def test_batches_are_written_and_counted() -> None:
    store = EmbeddedStore(None)
    docs = [GOOD.model_copy(update={"origin": f"a{i}.txt", "text": GOOD.text + f"Note {i}.\n"})
            for i in range(5)]
    report = ingest_documents(store, docs, batch_size=2, progress=False)
    assert report.ingested == 5
    assert report.counts["nodes"] > 0
    assert "ingested 5 article(s)" in report.summary()


def test_batch_size_must_be_positive() -> None:
    with pytest.raises(ValueError):
        ingest_documents(EmbeddedStore(None), [GOOD], batch_size=0)


def test_the_report_names_front_matter_outlets_the_gazetteer_lacks() -> None:
    listed = GOOD.model_copy(update={"origin": "listed.txt", "outlet": "Armenpress"})
    report = ingest_documents(EmbeddedStore(None), [GOOD, listed], progress=False)
    assert report.new_outlets == {"Caucasus Ledger"}
    assert "outlets not in the gazetteer (new sources, known: false): Caucasus Ledger" \
        in report.summary()


def test_a_listed_outlet_with_a_gloss_in_brackets_is_the_listed_outlet() -> None:
    glossed = GOOD.model_copy(update={"origin": "glossed.txt",
                                      "outlet": "Azatutyun (RFE/RL Armenian Service)"})
    report = ingest_documents(EmbeddedStore(None), [glossed], progress=False)
    assert report.new_outlets == set()


class Counting:
    """The real extractor, counting the articles it is given."""

    def __init__(self) -> None:
        self.inner = RuleExtractor()
        self.seen: list[str] = []

    def extract(self, doc: ArticleDoc) -> ArticleExtraction:
        self.seen.append(doc.origin)
        return self.inner.extract(doc)


def test_an_article_already_in_the_graph_is_not_read_again() -> None:
    # Read again, its points would meet every claim ingested since and could be filed
    # differently: the graph after a set of articles must not depend on repetition.
    store = EmbeddedStore(None)
    other = GOOD.model_copy(update={"origin": "b.txt",
                                    "text": GOOD.text + "They agreed to meet.\n"})
    ingest_documents(store, [GOOD, other], progress=False)
    before = store.export().model_dump()
    counting = Counting()
    renamed = GOOD.model_copy(update={"origin": "copy-of-good.txt"})
    report = ingest_documents(store, [renamed, other], extractor=counting, progress=False)
    assert counting.seen == []
    assert report.ingested == 0 and report.already == 2
    assert "2 article(s) already in the graph" in report.summary()
    assert store.export().model_dump() == before


def test_a_new_article_beside_known_ones_is_read() -> None:
    store = EmbeddedStore(None)
    ingest_documents(store, [GOOD], progress=False)
    counting = Counting()
    fresh = GOOD.model_copy(update={"origin": "new.txt", "text": GOOD.text + "Talks go on.\n"})
    report = ingest_documents(store, [GOOD, fresh], extractor=counting, progress=False)
    assert counting.seen == ["new.txt"]
    assert (report.ingested, report.already) == (1, 1)


def _said(day: int, words: str, outlet: str) -> ArticleDoc:
    return ArticleDoc(
        origin=f"{outlet}-{day}.txt", outlet=outlet, published=date(2023, 6, day), language="en",
        text=(f"Armenian Foreign Minister Ararat Mirzoyan spoke by phone with Azerbaijani Foreign "
              f"Minister Jeyhun Bayramov on 1 June, the Armenian Foreign Ministry said.\n"
              f"According to the ministry, {words}\n"))


def _graph(docs: list[ArticleDoc], batch_size: int = 50) -> dict[str, object]:
    store = EmbeddedStore(None)
    ingest_documents(store, docs, batch_size=batch_size, progress=False)
    return store.export().model_dump()


def test_the_graph_does_not_depend_on_the_order_articles_are_given_in() -> None:
    """Two wordings of one point: which becomes the claim's text depends on which is read
    first, so the run reads them oldest first, whatever order they came in."""
    first = _said(2, "the ministers discussed the draft peace treaty and the border.",
                  "Caucasus Ledger")
    later = _said(3, "the ministers discussed the draft peace treaty and the border delimitation.",
                  "Tbilisi Courier")
    as_given = _graph([first, later])
    assert _graph([later, first]) == as_given
    assert _graph([later, first], batch_size=1) == as_given
    claims = [n["properties"]["text"] for n in as_given["nodes"]  # type: ignore[attr-defined]
              if n["labels"] == ["Claim"]]
    assert any(text.endswith("and the border.") for text in claims)


def test_articles_are_read_oldest_first_with_bad_input_reported_first() -> None:
    undated = ArticleDoc(origin="u.txt", outlet=None, published=None, language="en", text="A.\n")
    bad = Skipped(path="bad.txt", reason="empty file")
    ordered = in_canonical_order([undated, _said(3, "x.", "B"), bad, _said(2, "y.", "A")])
    assert [getattr(d, "origin", getattr(d, "path", None)) for d in ordered] == [
        "bad.txt", "A-2.txt", "B-3.txt", "u.txt"]


def test_on_one_day_a_bodys_own_readout_is_read_before_the_reports_about_it() -> None:
    news = _said(2, "z.", "Caucasus Ledger")
    readout = _said(2, "w.", "Ministry of Foreign Affairs of Armenia")
    readouts = RuleExtractor().publishes_readouts
    assert readouts(readout) and not readouts(news)
    assert in_canonical_order([news, readout], readouts) == [readout, news]
    assert in_canonical_order([readout, news], readouts) == [readout, news]
