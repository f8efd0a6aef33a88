"""Extraction in worker processes: the same graph and report as in one process.

The articles are short texts written for this test: two readouts of one call,
a next-day denial of a point of one of them, and articles on other events, so
matching across articles (same event, denied claim, omissions) and the order
of batches both matter.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import ingest.pipeline
from graph.model import GraphExport
from graph.store import open_store
from ingest.documents import ArticleDoc, Skipped
from ingest.extractor import ArticleExtraction, RuleExtractor
from ingest.pipeline import IngestReport, ingest_documents


def _doc(origin: str, outlet: str, day: int, text: str) -> ArticleDoc:
    return ArticleDoc(origin=origin, outlet=outlet, published=date(2023, 6, day),
                      language="en", text=text)


ARTICLES: list[ArticleDoc | Skipped] = [
    _doc("am-readout.txt", "Ministry of Foreign Affairs of Armenia", 1,
         "Foreign Minister Ararat Mirzoyan held a telephone conversation with Azerbaijani "
         "Foreign Minister Jeyhun Bayramov today.\n"
         "Minister Mirzoyan stressed the importance of the release of all Armenian detainees "
         "held in Baku.\n"
         "The ministers discussed the draft peace treaty and the delimitation of the "
         "state border.\n"),
    _doc("az-readout.txt", "Ministry of Foreign Affairs of Azerbaijan", 1,
         "Foreign Minister Jeyhun Bayramov spoke by phone with Armenian Foreign Minister "
         "Ararat Mirzoyan today.\n"
         "Minister Bayramov underlined that the opening of transport links in the region "
         "would benefit every country of the South Caucasus.\n"
         "The sides exchanged views on the draft peace treaty.\n"),
    Skipped(path="feed.jsonl", line=4, reason="invalid JSON"),
    _doc("denial.txt", "Caucasus Ledger", 2,
         "Azerbaijan's Foreign Ministry denied on Friday that the release of Armenian "
         "detainees was discussed during the call between Bayramov and Mirzoyan.\n"
         "\"The question of detainees was not raised at all,\" the ministry said.\n"),
    _doc("bad.txt", "Caucasus Ledger", 2, "This article breaks the extractor.\n"),
    _doc("pashinyan-michel.txt", "Caucasus Ledger", 5,
         "Armenian Prime Minister Nikol Pashinyan met European Council President Charles "
         "Michel in Brussels on Monday.\n"
         "Pashinyan said that Armenia remained committed to a lasting peace with "
         "Azerbaijan and to the work of the EU Mission in Armenia.\n"),
    _doc("aliyev-erdogan.txt", "Caucasus Ledger", 6,
         "Azerbaijani President Ilham Aliyev met Turkish President Recep Tayyip Erdogan "
         "in Ankara on Tuesday.\n"
         "Aliyev told reporters that the two countries would deepen their cooperation in "
         "energy and transport.\n"),
    _doc("georgia-osce.txt", "Tbilisi Courier", 7,
         "Georgian Foreign Minister Ilia Darchiashvili received the OSCE Secretary General "
         "in Tbilisi on Wednesday.\n"
         "Darchiashvili stressed that Russia must withdraw its troops from Abkhazia and "
         "South Ossetia.\n"),
    _doc("lachin.txt", "Caucasus Ledger", 8,
         "The Armenian Foreign Ministry said on Thursday that the Lachin corridor had been "
         "closed to civilian traffic for a third day.\n"
         "Baku denied that the road had been blocked, calling the report disinformation.\n"),
]


class FailsOnBad(RuleExtractor):
    """The rule extractor, broken on one article as a buggy extractor would be.

    Defined at module level so worker processes can unpickle it.
    """

    def extract(self, doc: ArticleDoc) -> ArticleExtraction:
        if doc.origin == "bad.txt":
            raise ValueError("boom")
        return super().extract(doc)


@dataclass
class Run:
    report: IngestReport
    export: GraphExport
    progress: str
    pools: list[int]  # max_workers of each process pool the run started


def _count_pools(patch: pytest.MonkeyPatch) -> list[int]:
    """Make the pipeline record the max_workers of every process pool it starts."""
    pools: list[int] = []

    class CountedPool(ProcessPoolExecutor):
        def __init__(self, max_workers: int, **options: Any) -> None:
            pools.append(max_workers)
            super().__init__(max_workers, **options)

    patch.setattr(ingest.pipeline, "ProcessPoolExecutor", CountedPool)
    return pools


def _ingest(folder: Path, jobs: int) -> Run:
    store = open_store(folder)
    progress = io.StringIO()
    try:
        with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stderr(progress):
            pools = _count_pools(patch)
            patch.setattr(ingest.pipeline, "MIN_ARTICLES_FOR_WORKERS", 2)
            report = ingest_documents(store, ARTICLES, batch_size=2, progress=True,
                                      extractor=FailsOnBad(), jobs=jobs)
        return Run(report, store.export(), progress.getvalue(), pools)
    finally:
        store.close()


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[int, Run]]:
    folder = tmp_path_factory.mktemp("jobs")
    yield {jobs: _ingest(folder / f"jobs-{jobs}", jobs) for jobs in (1, 2)}


def test_two_jobs_extract_in_two_worker_processes_and_one_job_in_none(
    runs: dict[int, Run],
) -> None:
    assert runs[1].pools == []
    assert runs[2].pools == [2]


def test_two_jobs_write_the_same_graph_as_one(runs: dict[int, Run]) -> None:
    one, two = runs[1].export, runs[2].export

    assert one.model_dump() == two.model_dump()
    assert {"ASSERTS", "DENIES", "OMITS"} <= {r.type for r in one.relationships}
    assert runs[1].report.counts == runs[2].report.counts
    assert runs[1].report.counts["relationships"] > 0


def test_skipped_input_and_a_failing_article_are_reported_in_input_order(
    runs: dict[int, Run],
) -> None:
    for run in runs.values():
        assert run.report.ingested == 7
        assert [str(s) for s in run.report.skipped] == [
            "feed.jsonl:4: invalid JSON", "bad.txt: extraction failed: ValueError('boom')",
        ]


def test_the_progress_bar_counts_every_input_with_workers(runs: dict[int, Run]) -> None:
    # inputs are counted first, so the bar has a total, a percentage and an ETA
    assert f"{len(ARTICLES)}/{len(ARTICLES)}[" in runs[2].progress.replace(" ", "")
    assert "100%" in runs[2].progress


def test_an_input_too_small_for_workers_is_extracted_in_process(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g")
    with pytest.MonkeyPatch.context() as patch:
        started = _count_pools(patch)
        report = ingest_documents(store, ARTICLES[:2], progress=False, jobs=4)
    store.close()

    assert started == []
    assert report.ingested == 2


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="jobs"):
        ingest_documents(open_store(tmp_path / "g"), ARTICLES[:1], jobs=0)
