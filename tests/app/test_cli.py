"""The ``sckg`` command as a user meets it: options, outputs and exit codes."""

from __future__ import annotations

import contextlib
import io
import json
import signal
import socket
import subprocess
import sys
import time
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import httpx
import networkx as nx
import pytest
from click.testing import CliRunner, Result

from app.cli import EXIT_SKIPPED, EXIT_UNAVAILABLE, EXIT_USAGE, cli
from graph.embedded import EmbeddedStore
from graph.model import Actor, Edge, EdgeType, GraphFragment, Source

SCKG = Path(sys.executable).with_name("sckg")
UNREACHABLE = "bolt://neo4j:hunter22@127.0.0.1:1"


def sckg(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """An embedded store holding one source speaking for one actor."""
    folder = tmp_path / "graph"
    store = EmbeddedStore.open(folder)
    aliyev = Actor(id="actor:ilham-aliyev", name="Ilham Aliyev", aliases=["Aliyev"])
    press = Source(id="source:president-az", name="president.az")
    speaks = Edge(id="rel:1", type=EdgeType.SPEAKS_FOR, start=press.id, end=aliyev.id)
    store.write(GraphFragment(nodes=[aliyev, press], edges=[speaks]))
    store.close()
    return folder


# -- the group options ------------------------------------------------------------


def test_db_goes_before_the_subcommand(db: Path) -> None:
    result = sckg("--db", str(db), "stats", "--json")

    assert result.exit_code == 0
    assert json.loads(result.output)["SPEAKS_FOR"] == 1


def test_db_can_come_from_the_environment(db: Path) -> None:
    result = sckg("stats", env={"SCKG_DB": str(db)})

    assert result.exit_code == 0
    assert "Actor" in result.output and "SPEAKS_FOR" in result.output


def test_a_regular_file_as_db_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("hello")

    result = sckg("--db", str(not_a_folder), "stats")

    assert result.exit_code == EXIT_USAGE
    assert str(not_a_folder) in result.output
    assert "Traceback" not in result.output


def test_an_unreachable_neo4j_exits_3_and_says_how_to_start_one() -> None:
    result = sckg("--db", UNREACHABLE, "stats")

    assert result.exit_code == EXIT_UNAVAILABLE
    assert "bolt://127.0.0.1:1" in result.output and "sckg neo4j start" in result.output
    assert "hunter22" not in result.output
    assert "Traceback" not in result.output


def test_verbose_adds_the_traceback() -> None:
    result = sckg("-v", "--db", UNREACHABLE, "stats")

    assert result.exit_code == EXIT_UNAVAILABLE
    assert "Traceback" in result.output


def test_every_option_and_command_is_documented() -> None:
    def walk(command: click.Command) -> list[click.Command]:
        below = command.commands.values() if isinstance(command, click.Group) else []
        return [command, *(c for sub in below for c in walk(sub))]

    for command in walk(cli):
        assert command.help, command.name
        for param in command.params:
            if isinstance(param, click.Option) and param.name not in ("help", "version"):
                assert param.help, f"{command.name} {param.opts}"


# -- export -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "read_back"),
    [
        ("json", lambda text: len(json.loads(text)["nodes"])),
        ("cytoscape", lambda text: len(json.loads(text)["elements"]["nodes"])),
        ("graphml", lambda text: nx.read_graphml(io.StringIO(text)).number_of_nodes()),
        ("gexf", lambda text: nx.read_gexf(io.StringIO(text)).number_of_nodes()),
    ],
)
def test_export_writes_each_format_to_a_file(
    db: Path, tmp_path: Path, fmt: str, read_back: Any
) -> None:
    target = tmp_path / f"graph.{fmt}"

    result = sckg("--db", str(db), "export", "--format", fmt, "-o", str(target))

    assert result.exit_code == 0, result.output
    assert read_back(target.read_text(encoding="utf-8")) == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_goes_to_standard_output_by_default(db: Path) -> None:
    result = sckg("--db", str(db), "export")

    assert result.exit_code == 0
    assert {n["id"] for n in json.loads(result.output)["nodes"]} == {
        "actor:ilham-aliyev", "source:president-az",
    }  # fmt: skip


def test_export_around_a_node_holds_that_part_of_the_graph(db: Path) -> None:
    just_it = sckg("--db", str(db), "export", "--node", "actor:ilham-aliyev", "--depth", "0")
    around = sckg("--db", str(db), "export", "--node", "actor:ilham-aliyev")

    assert just_it.exit_code == 0 and around.exit_code == 0
    assert [n["id"] for n in json.loads(just_it.output)["nodes"]] == ["actor:ilham-aliyev"]
    assert len(json.loads(around.output)["relationships"]) == 1


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--node", "actor:nobody", "--depth", "0"], "actor:nobody"),
        (["--node", "actor:nobody"], "actor:nobody"),
        (["--depth", "2"], "--depth goes with --node"),
        (["--node", "actor:ilham-aliyev", "--depth", "4"], "0<=x<=3"),
    ],
)
def test_export_of_a_part_that_is_not_there_is_a_usage_error(
        db: Path, args: list[str], said: str) -> None:
    result = sckg("--db", str(db), "export", *args)

    assert result.exit_code == EXIT_USAGE
    assert said in result.output


def test_export_into_a_missing_folder_is_a_usage_error(db: Path, tmp_path: Path) -> None:
    result = sckg("--db", str(db), "export", "-o", str(tmp_path / "nowhere" / "g.json"))

    assert result.exit_code == EXIT_USAGE
    assert "nowhere" in result.output


# -- ingest -----------------------------------------------------------------------------


@dataclass
class FakeSkipped:
    path: str
    line: int | None
    reason: str


@dataclass
class FakeReport:
    skipped: list[FakeSkipped] = field(default_factory=list)
    ingested: int = 1

    def summary(self) -> str:
        return f"ingested {self.ingested}, skipped {len(self.skipped)}"


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Stand in for ingest.pipeline and record how the CLI called it."""
    calls: dict[str, Any] = {"report": FakeReport()}

    def ingest_paths(store: Any, paths: list[Path], **options: Any) -> FakeReport:
        calls.update(store=store, paths=paths, **options)
        return calls["report"]  # type: ignore[no-any-return]

    module = types.ModuleType("ingest.pipeline")
    module.ingest_paths = ingest_paths  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ingest.pipeline", module)
    return calls


def test_ingest_passes_paths_and_options_to_the_pipeline(
    db: Path, tmp_path: Path, fake_pipeline: dict[str, Any]
) -> None:
    article = tmp_path / "call.txt"
    article.write_text("Aliyev spoke with Blinken.")

    result = sckg("--db", str(db), "ingest", str(article), "--batch-size", "7", "--no-progress")

    assert result.exit_code == 0
    assert "ingested 1, skipped 0" in result.output
    assert (fake_pipeline["paths"], fake_pipeline["batch_size"]) == ([article], 7)
    assert fake_pipeline["progress"] is False


def test_ingest_leaves_batch_size_and_progress_to_the_pipeline_by_default(
    db: Path, tmp_path: Path, fake_pipeline: dict[str, Any]
) -> None:
    result = sckg("--db", str(db), "ingest", str(tmp_path))

    assert result.exit_code == 0
    assert "batch_size" not in fake_pipeline and fake_pipeline["progress"] is None


def test_ingest_exits_1_when_some_input_was_skipped(
    db: Path, tmp_path: Path, fake_pipeline: dict[str, Any]
) -> None:
    fake_pipeline["report"] = FakeReport(skipped=[FakeSkipped("bad.bin", None, "binary")])

    result = sckg("--db", str(db), "ingest", str(tmp_path))

    assert result.exit_code == EXIT_SKIPPED
    assert "skipped 1" in result.output


def test_ingest_fresh_empties_the_store_first(db: Path, fake_pipeline: dict[str, Any]) -> None:
    result = sckg("--db", str(db), "ingest", "--fresh", str(db))

    assert result.exit_code == 0
    assert set(EmbeddedStore.open(db).counts().values()) == {0}


def test_ingest_of_a_missing_path_is_a_usage_error_naming_it(db: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-article.txt"

    result = sckg("--db", str(db), "ingest", str(missing))

    assert result.exit_code == EXIT_USAGE
    assert "no-such-article.txt" in result.output


def test_ingest_of_a_real_article_builds_a_graph(tmp_path: Path) -> None:
    article = tmp_path / "readout.txt"
    article.write_text(
        "---\ntitle: Secretary Blinken's Call with Azerbaijani President Aliyev\n"
        "outlet: US State Department\npublished: 2024-05-01\n---\n"
        "Secretary of State Antony J. Blinken spoke today with Azerbaijani President "
        "Ilham Aliyev. The Secretary underscored the importance of a durable peace "
        "agreement between Azerbaijan and Armenia.\n"
    )

    result = sckg("--db", str(tmp_path / "g"), "ingest", "--no-progress", str(article))

    assert result.exit_code == 0, result.output
    assert EmbeddedStore.open(tmp_path / "g").counts()["Article"] == 1


# -- serve ------------------------------------------------------------------------------


def test_serve_answers_with_several_workers_and_stops_on_sigterm(db: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [str(SCKG), "--db", str(db), "serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        answers = []
        for _ in range(100):
            with contextlib.suppress(httpx.HTTPError):
                answers.append(httpx.get(f"http://127.0.0.1:{port}/stats", timeout=2).json())
                if len(answers) == 4:
                    break
            time.sleep(0.1)
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=20)

    assert [a["nodes"]["Actor"] for a in answers] == [1] * 4
    assert server.returncode == 0, err
    assert f"http://127.0.0.1:{port}/ (2 workers)" in err


def test_serve_on_a_busy_port_is_a_usage_error(db: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]

        result = CliRunner().invoke(cli, ["--db", str(db), "serve", "--port", str(port)])

    assert result.exit_code == 2 and f"cannot listen on 127.0.0.1:{port}" in result.output


@pytest.mark.neo4j
def test_serve_never_prints_the_neo4j_password(neo4j_server: Any) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [str(SCKG), "--db", neo4j_server.db_uri, "serve", "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            time.sleep(0.1)
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=20)

    assert "sckg serving bolt://" in err, err
    assert neo4j_server.password not in err


# -- the installed script -----------------------------------------------------------------


def test_the_installed_script_runs_and_maps_errors_to_exit_codes(db: Path) -> None:
    ok = subprocess.run(
        [str(SCKG), "--db", str(db), "stats"], capture_output=True, text=True, timeout=60
    )
    down = subprocess.run(
        [str(SCKG), "--db", UNREACHABLE, "stats"], capture_output=True, text=True, timeout=60
    )

    assert ok.returncode == 0 and "SPEAKS_FOR" in ok.stdout
    assert down.returncode == EXIT_UNAVAILABLE
    assert "sckg neo4j start" in down.stderr and "Traceback" not in down.stderr


@pytest.mark.neo4j
def test_the_cli_works_against_neo4j(neo4j_store: Any, neo4j_server: Any, tmp_path: Path) -> None:
    neo4j_store.write(GraphFragment(nodes=[Actor(id="actor:x", name="X")]))
    target = tmp_path / "g.json"

    stats = sckg("--db", neo4j_server.db_uri, "stats", "--json")
    export = sckg("--db", neo4j_server.db_uri, "export", "-o", str(target))

    assert stats.exit_code == 0 and json.loads(stats.output)["Actor"] == 1
    assert export.exit_code == 0
    assert json.loads(target.read_text())["nodes"][0]["id"] == "actor:x"


@pytest.mark.neo4j
def test_recount_rebuilds_the_kept_counts(neo4j_store: Any, neo4j_server: Any) -> None:
    from tests.graph.test_store_contract import phone_call

    neo4j_store.write(phone_call())
    pairs = "MATCH (t:SckgInternal {kind: 'pair_tally'})"
    with neo4j_store.driver.session() as session:  # as if edited outside sckg
        session.run(f"{pairs} DELETE t").consume()
    assert neo4j_store.read(f"{pairs} RETURN count(t) AS n") == [{"n": 0}]

    result = sckg("--db", neo4j_server.db_uri, "recount")

    assert result.exit_code == 0 and result.output.startswith("recounted in ")
    assert neo4j_store.read(f"{pairs} RETURN count(t) AS n") == [{"n": 1}]


def test_recount_on_the_embedded_store_has_nothing_to_do(db: Path) -> None:
    result = sckg("--db", str(db), "recount")

    assert result.exit_code == 0 and "nothing to recount" in result.output


def test_an_http_address_as_db_is_a_usage_error_and_creates_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = sckg("--db", "http://127.0.0.1:8000", "stats")
    assert result.exit_code == 2 and "not a Neo4j URI" in result.output
    assert list(tmp_path.iterdir()) == []


def test_reading_a_folder_that_holds_no_graph_is_a_usage_error(tmp_path: Path) -> None:
    for command in (["stats"], ["export", "--format", "json"]):
        result = sckg("--db", str(tmp_path / "typo"), *command)
        assert result.exit_code == 2 and "no sckg graph there" in result.output, command


def _commands(command: click.Command, path: str) -> list[tuple[str, click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            found += _commands(sub, f"{path} {name}")
    return found


def test_every_command_and_option_is_in_the_readme() -> None:
    """The README's command table is the manual: nothing the CLI takes is missing from it."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    missing = [f"{path} {opt}" for path, command in _commands(cli, "sckg")
               for param in command.params for opt in param.opts
               if opt.startswith("--") and f"`{opt}" not in readme and f" {opt}" not in readme]
    missing += [path for path, _ in _commands(cli, "sckg")
                if path != "sckg" and f"`{path.removeprefix('sckg ')}" not in readme]
    assert missing == []


def test_a_db_folder_that_cannot_be_made_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("hello")
    article = tmp_path / "a.txt"
    article.write_text("The Georgian Foreign Ministry said on Monday that talks would resume.\n")

    result = sckg("--db", str(blocker / "g"), "ingest", "--no-progress", str(article))

    assert result.exit_code == EXIT_USAGE
    assert "cannot write there" in result.output and str(blocker / "g") in result.output
    assert "Traceback" not in result.output


# -- review ----------------------------------------------------------------------


@pytest.fixture
def call_db(tmp_path: Path) -> Path:
    """An embedded store holding the contract suite's phone call (two accounts, a denial)."""
    from tests.graph.test_store_contract import phone_call

    folder = tmp_path / "call"
    store = EmbeddedStore.open(folder)
    store.write(phone_call())
    store.close()
    return folder


def test_review_commands_judge_an_edge_and_show_its_history(call_db: Path) -> None:
    from tests.graph.test_review import DENIAL, PEACE

    queue = sckg("--db", str(call_db), "review", "queue")
    assert queue.exit_code == 0 and queue.output.splitlines()[1].startswith(DENIAL.id)

    done = sckg("--db", str(call_db), "review", "reject", DENIAL.id, "--reviewer", "ana",
                "--comment", "misread")
    assert done.exit_code == 0, done.output
    moved = sckg("--db", str(call_db), "review", "retarget", DENIAL.id, "--claim", PEACE.id,
                 env={"SCKG_REVIEWER": "ben"})
    assert moved.exit_code == 0 and "corrected copy rel:" in moved.output

    history = sckg("--db", str(call_db), "review", "history", DENIAL.id)
    assert history.exit_code == 0
    lines = history.output.splitlines()
    assert lines[0] == f"{DENIAL.id}: retargeted"
    assert "rejected" in lines[1] and "ana" in lines[1] and "misread" in lines[1]
    assert "retargeted" in lines[2] and "ben" in lines[2]
    exported = json.loads(sckg("--db", str(call_db), "export", "--format", "claimreview").output)
    assert exported["@graph"][0]["identifier"] != DENIAL.id  # the corrected copy, accepted


def test_review_commands_refuse_what_makes_no_sense(call_db: Path) -> None:
    from tests.graph.test_review import DENIAL

    unknown = sckg("--db", str(call_db), "review", "reject", "rel:nope", "--reviewer", "ana")
    assert unknown.exit_code == EXIT_USAGE and "rel:nope" in unknown.output
    anonymous = sckg("--db", str(call_db), "review", "accept", DENIAL.id)
    assert anonymous.exit_code == EXIT_USAGE and "--reviewer" in anonymous.output
    nowhere = sckg("--db", str(call_db), "review", "retarget", DENIAL.id, "--reviewer", "ana")
    assert nowhere.exit_code == EXIT_USAGE and "new claim_id" in nowhere.output
    node = sckg("--db", str(call_db), "export", "--format", "claimreview", "--node", "x")
    assert node.exit_code == EXIT_USAGE
