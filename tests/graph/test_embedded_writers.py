"""Several processes on one embedded folder: one writer at a time, nobody's work lost.

The other process is real (a ``python`` child holding the store, or the ``sckg``
command itself): the lock is a kernel ``flock``, and what is tested is that two
processes never save over each other, that readers see the other's saves, and
that a writer's leftovers are cleaned up.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.embedded import FILE_NAME, EmbeddedStore
from graph.errors import StoreBusy
from graph.model import Actor, GraphFragment
from graph.store import open_store
from ingest import pipeline
from ingest.documents import ArticleDoc
from ingest.pipeline import _Checkpoints, ingest_documents
from ingest.pipeline import write_batch as real_write_batch

REPO = Path(__file__).resolve().parents[2]
SCKG = Path(sys.executable).with_name("sckg")


def actor(name: str) -> GraphFragment:
    return GraphFragment(nodes=[Actor(id=f"actor:{name.lower()}", name=name)])


def names(folder: Path) -> set[str]:
    return {str(n.properties["name"]) for n in EmbeddedStore.open(folder).export().nodes}


@pytest.fixture
def other_writer(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding ``tmp_path/g`` for writing until its stdin closes."""
    script = textwrap.dedent(f"""
        import sys
        from graph.embedded import EmbeddedStore
        from graph.model import Actor, GraphFragment
        store = EmbeddedStore.open(__import__("pathlib").Path({str(tmp_path / "g")!r}))
        with store.writing():
            store.write(GraphFragment(nodes=[Actor(id="actor:other", name="Other")]))
            print("holding", flush=True)
            sys.stdin.read()
    """)
    child = subprocess.Popen([sys.executable, "-c", script], cwd=REPO, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert child.stdout is not None and child.stdout.readline().strip() == "holding"
    yield child
    if child.poll() is None:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=30)


def test_a_second_writer_is_refused_while_another_process_writes(
        tmp_path: Path, other_writer: subprocess.Popen[str]) -> None:
    store = EmbeddedStore.open(tmp_path / "g")
    with pytest.raises(StoreBusy, match=rf"pid {other_writer.pid}\) is writing"):
        store.write(actor("Mine"))
    with pytest.raises(StoreBusy), store.writing(wait=0.2):
        pass


def test_a_waiting_writer_goes_on_once_the_other_is_done_and_keeps_its_work(
        tmp_path: Path, other_writer: subprocess.Popen[str]) -> None:
    store = EmbeddedStore.open(tmp_path / "g")  # opened (and read) while the other writes
    assert other_writer.stdin is not None
    other_writer.stdin.close()  # the other one saves and lets go
    with store.writing(wait=30):
        store.write(actor("Mine"))
    assert names(tmp_path / "g") == {"Other", "Mine"}


def test_the_cli_exits_4_naming_the_other_writer_and_writes_nothing(
        tmp_path: Path, other_writer: subprocess.Popen[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The Georgian Foreign Ministry said on Monday that talks would resume.\n")
    run = subprocess.run([str(SCKG), "--db", str(tmp_path / "g"), "ingest", "--no-progress",
                          str(article)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 4, run.stderr
    assert f"another sckg process (pid {other_writer.pid}) is writing" in run.stderr
    assert other_writer.stdin is not None
    other_writer.stdin.close()
    other_writer.wait(timeout=30)
    assert names(tmp_path / "g") == {"Other"}


def test_a_reader_answers_from_the_last_save_of_any_process(tmp_path: Path) -> None:
    folder = tmp_path / "g"
    reader = open_store(folder)
    before = reader.generation()
    assert reader.counts()["Actor"] == 0
    writer = EmbeddedStore.open(folder)
    with writer.writing():
        writer.write(actor("Aliyev"))
    assert reader.counts()["Actor"] == 1
    assert reader.get_node("actor:aliyev") is not None
    assert reader.generation() != before


def test_a_writer_that_opened_early_adds_to_a_later_save_instead_of_replacing_it(
        tmp_path: Path) -> None:
    folder = tmp_path / "g"
    early = EmbeddedStore.open(folder)
    late = EmbeddedStore.open(folder)
    with late.writing():
        late.write(actor("Pashinyan"))
    early.write(actor("Aliyev"))  # takes the lock, catches up with the file, then adds
    early.close()
    assert names(folder) == {"Pashinyan", "Aliyev"}


def test_a_killed_writers_temporary_file_is_removed_by_the_next_writer(tmp_path: Path) -> None:
    folder = tmp_path / "g"
    folder.mkdir()
    (folder / ".graph-abc123.tmp").write_text('{"format": "sckg-embedded", "nodes": [')
    store = EmbeddedStore.open(folder)
    with store.writing():
        store.write(actor("Aliyev"))
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".writer")) == [
        FILE_NAME]


def test_an_interrupted_ingest_keeps_the_batches_it_had_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_Checkpoints, "MIN_INTERVAL_S", 0.0)  # save after every batch
    monkeypatch.setattr(_Checkpoints, "COST_FACTOR", 0.0)
    written = 0

    def dies_at_the_third_batch(*args: Any) -> None:
        nonlocal written
        if written == 2:
            raise RuntimeError("killed")  # the run dies here; nothing closes the store
        real_write_batch(*args)
        written += 1

    monkeypatch.setattr(pipeline, "write_batch", dies_at_the_third_batch)
    docs = [ArticleDoc(origin=f"a{n}.txt", text=f"The Georgian Foreign Ministry said on "
                       f"day {n + 1} that talks on topic {n} would resume.\n", title=None,
                       outlet="Caucasus Ledger", published=None, language="en")
            for n in range(4)]
    store = EmbeddedStore.open(tmp_path / "g")
    with pytest.raises(RuntimeError, match="killed"):
        ingest_documents(store, docs, batch_size=1, progress=False)
    assert EmbeddedStore.open(tmp_path / "g").counts()["Article"] == 2
