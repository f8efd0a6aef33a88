"""The ``sckg`` command: ingest articles, export the graph, serve the API.

A thin layer: each command opens the store that ``--db`` names, calls one
function of ``ingest``, ``graph`` or ``app.api`` and turns the outcome into
output and an exit code. Exit codes:

* 0 — done;
* 1 — done, but some input was skipped (or another graph error);
* 2 — usage error: a bad option, a bad ``--db``, an input path that does not exist,
  an ``export --node`` that is not in the graph, a query too big for Neo4j's memory cap;
* 3 — the store is unavailable (Neo4j not running or refusing the credentials);
* 4 — the store is busy: another process is writing to the embedded ``--db``.

Graph errors print as one line; ``-v`` adds the traceback.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click
from pydantic import ValidationError
from tqdm import tqdm

import queries
from app.settings import Settings, get_settings
from graph import review as reviewing
from graph.errors import Conflict, GraphError, InvalidInput, NotFound, StoreBusy, Unavailable
from graph.export import FORMATS, chunks
from graph.model import EdgeType
from graph.store import GraphStore, is_server_uri, open_store
from queries.claim_review import claim_review_document

T = TypeVar("T")

EXIT_SKIPPED = 1
EXIT_USAGE = 2
EXIT_UNAVAILABLE = 3
EXIT_BUSY = 4


def exit_code(error: GraphError) -> int:
    """The exit code for a graph error (see the module docstring)."""
    if isinstance(error, Unavailable):
        return EXIT_UNAVAILABLE
    if isinstance(error, StoreBusy):
        return EXIT_BUSY
    if isinstance(error, InvalidInput | NotFound | Conflict):  # `export --node` of no node
        return EXIT_USAGE
    return 1


@dataclass
class CliState:
    """What the group options decided, handed to every command."""

    settings: Settings
    verbose: bool

    @contextmanager
    def store(self, must_exist: bool = False) -> Iterator[GraphStore]:
        """The store ``--db`` names, closed (and so flushed) whatever happens;
        ``must_exist`` for commands that only read it."""
        s = self.settings
        store = open_store(
            s.db,
            user=s.neo4j_user,
            password=s.neo4j_password_value(),
            database=s.neo4j_database,
            must_exist=must_exist,
        )
        try:
            yield store
        finally:
            store.close()


class SckgGroup(click.Group):
    """A click group that turns graph errors into one-line messages and exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GraphError as error:
            if ctx.params.get("verbose"):
                click.echo(traceback.format_exc(), err=True, nl=False)
            click.echo(f"Error: {error}", err=True)
            ctx.exit(exit_code(error))


@click.group(cls=SckgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar="SCKG_DB",
    default=None,
    metavar="PATH|URI",
    help="Folder of the embedded store, or a bolt:// / neo4j:// URI of a Neo4j server. "
    "Default: SCKG_DB, else a folder in your user data directory.",
)
@click.option("-v", "--verbose", is_flag=True, help="Log progress and show tracebacks.")
@click.version_option(package_name="sckg")
@click.pass_context
def cli(ctx: click.Context, db: str | None, verbose: bool) -> None:
    """South Caucasus diplomacy knowledge graph: who asserts, denies and omits what."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)
    try:
        settings = get_settings()
    except ValidationError as exc:
        raise click.UsageError(f"bad SCKG_* setting: {exc}") from exc
    if db:
        settings = settings.model_copy(update={"db": db})
    ctx.obj = CliState(settings=settings, verbose=verbose)


@cli.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True, path_type=Path)
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=None,
    help="Articles written per transaction (default: the pipeline's).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=lambda: os.cpu_count() or 1,
    show_default="number of cores",
    help="Processes extracting articles; reconciling and writing stay in one, in input "
    "order. 1: extract in this process.",
)
@click.option("--fresh", is_flag=True,
              help="Delete the graph first (kept texts go; reviewers' verdicts stay).")
@click.option("--no-progress", is_flag=True, help="Do not show a progress bar.")
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=0.0,
    show_default=True,
    metavar="SECONDS",
    help="How long to wait for another process writing to an embedded --db before "
    "giving up (exit code 4).",
)
@click.pass_obj
def ingest(
    state: CliState,
    paths: tuple[Path, ...],
    batch_size: int | None,
    jobs: int,
    fresh: bool,
    no_progress: bool,
    wait: float,
) -> None:
    """Extract actors, events, claims and accounts from PATHS (files, folders or -)."""
    # Imported here so that `sckg stats` does not pay for the extraction stack.
    from ingest.extractor import RuleExtractor
    from ingest.nlp import ModelMissing
    from ingest.pipeline import ingest_paths

    extractor = RuleExtractor(model=state.settings.spacy_model)
    try:
        extractor.prepare()
    except ModelMissing as exc:
        raise click.UsageError(str(exc)) from exc
    options: dict[str, Any] = {"progress": False if no_progress else None,  # None: when a tty
                               "extractor": extractor, "jobs": jobs}
    if batch_size is not None:
        options["batch_size"] = batch_size
    with state.store() as store, store.writing(wait):
        if fresh:
            store.clear(keep_reviews=True)  # the analysts' verdicts outlive a fresh start
        report = ingest_paths(store, list(paths), **options)
    click.echo(report.summary(), err=True)
    if report.skipped:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*FORMATS, "claimreview"]),
    default="json",
    show_default=True,
    help="json (for score.py), graphml (yEd, networkx), gexf (Gephi), cytoscape, or "
    "claimreview (reviewed denials as schema.org ClaimReview JSON-LD).",
)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    metavar="FILE",
    help="Where to write; - is standard output. Files are replaced atomically.",
)
@click.option(
    "--node",
    "nodes",
    multiple=True,
    metavar="ID",
    help="Only the part of the graph around this node (repeatable), e.g. an event id.",
)
@click.option(
    "--depth",
    type=click.IntRange(0, 3),
    default=None,
    help="With --node: hops around each node to include (default 1); 0 keeps just the nodes.",
)
@click.option("--no-progress", is_flag=True, help="No progress bar (shown only on a terminal).")
@click.pass_obj
def export(state: CliState, fmt: str, output: str, nodes: tuple[str, ...], depth: int | None,
           no_progress: bool) -> None:
    """Write the graph, or the part around some nodes, in an interchange format.

    The whole graph is read and written a page at a time, so neither this process
    nor a Neo4j server holds all of it at once.
    """
    if depth is not None and not nodes:
        raise click.UsageError("--depth goes with --node")
    target = None if output == "-" else Path(output)
    if target is not None and not target.parent.is_dir():
        raise click.BadParameter(f"folder {target.parent} does not exist", param_hint="'-o'")
    if fmt == "claimreview" and nodes:
        raise click.UsageError("--format claimreview exports every reviewed denial; "
                               "it takes no --node")
    with state.store(must_exist=True) as store:
        if fmt == "claimreview":
            document = claim_review_document(store)
            _write_export(iter([json.dumps(document, ensure_ascii=False, indent=1)]), target)
            return
        if nodes:
            part = queries.subgraph(store, list(nodes), 1 if depth is None else depth)
            pieces = chunks(part.nodes, part.relationships, fmt)
            _write_export(pieces, target)
            return
        counts = store.counts()
        total = sum(counts.values())
        show = sys.stderr.isatty() and not no_progress
        with tqdm(total=total, unit="item", disable=not show, file=sys.stderr,
                  dynamic_ncols=True, desc="export") as bar:
            stream = store.export_stream()
            pieces = chunks(_counted(stream.nodes, bar), _counted(stream.relationships, bar), fmt)
            _write_export(pieces, target)


def _counted(items: Iterator[T], bar: tqdm[Any]) -> Iterator[T]:
    for item in items:
        yield item
        bar.update()


def _write_export(pieces: Iterator[str], target: Path | None) -> None:
    """To standard output as it comes (ending in a newline), or atomically to a file."""
    if target is None:
        last = ""
        for piece in pieces:
            sys.stdout.write(piece)
            last = piece or last
        if not last.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
        return
    write_atomic(target, pieces)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as a JSON object.")
@click.pass_obj
def stats(state: CliState, as_json: bool) -> None:
    """Count nodes per label and relationships per type."""
    with state.store(must_exist=True) as store:
        counts = store.counts()
    if as_json:
        click.echo(json.dumps(counts))
        return
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        click.echo(f"{name:<{width}}  {count:>8}")


@cli.command()
@click.pass_obj
def recount(state: CliState) -> None:
    """Recount the kept counts behind contested events and source relations.

    Every sckg write keeps them up to date, and a graph from an older sckg is
    recounted when first opened; run this only after changing a Neo4j graph
    with Cypher outside sckg. The embedded store counts on every query.
    """
    with state.store() as store:
        recount_tallies = getattr(store, "recount_tallies", None)
        if recount_tallies is None:
            click.echo("nothing to recount: the embedded store counts when asked")
            return
        started = time.perf_counter()
        recount_tallies()
    click.echo(f"recounted in {time.perf_counter() - started:.1f} s")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="TCP port."
)
@click.option("--reload", is_flag=True, help="Restart when the code changes (development).")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes sharing the port (Neo4j: one per core; on the embedded store "
    "each keeps a copy of the graph and re-reads it when another process saves).",
)
@click.pass_obj
def serve(state: CliState, host: str, port: int, reload: bool, workers: int) -> None:
    """Serve the HTTP API and the browser view."""
    if reload:
        import uvicorn

        # The reloader imports the app in a child process: hand it --db via the environment.
        os.environ["SCKG_DB"] = state.settings.db
        os.environ["SCKG_LISTEN_HOST"] = host
        uvicorn.run("app.api:create_app", factory=True, host=host, port=port, reload=True)
        return
    from app.api import create_app  # here: the other commands need no web stack
    from app.serving import listening_socket, serve

    try:
        sock = listening_socket(host, port)
    except OSError as exc:
        raise click.UsageError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    shown = _shown(state.settings.db)
    click.echo(f"sckg serving {shown} at http://{host}:{port}/ ({workers} worker"
               f"{'s' if workers > 1 else ''}); Ctrl-C stops it", err=True)  # fmt: skip
    with sock:
        settings = state.settings.model_copy(update={"listen_host": host})
        sys.exit(serve(create_app(settings), sock, workers))


@cli.group()
def review() -> None:
    """Judge account edges as an analyst: the verdicts outlive re-ingests (see README: Review)."""


def _reviewer_option(f: Any) -> Any:
    return click.option("--reviewer", envvar="SCKG_REVIEWER", required=True, metavar="NAME",
                        help="Who reviews (env SCKG_REVIEWER).")(f)


def _comment_option(f: Any) -> Any:
    return click.option("--comment", default=None, help="Why (kept with the verdict).")(f)


def _judge(state: CliState, edge_id: str, verdict: str, reviewer: str, **options: Any) -> None:
    with state.store() as store, store.writing():
        fragment = reviewing.plan_review(store, edge_id, verdict, reviewer,  # type: ignore[arg-type]
                                         **options)
        store.write(fragment)
    done = fragment.reviews[0]
    copy = f"; corrected copy {done.replacement.id}" if done.replacement else ""
    undone = f"; took back {', '.join(r.edge_id for r in fragment.reviews[1:])}" \
        if len(fragment.reviews) > 1 else ""  # fmt: skip
    click.echo(f"{edge_id}: {verdict} by {reviewer}{copy}{undone}")


@review.command("accept")
@click.argument("edge_id")
@_reviewer_option
@_comment_option
@click.pass_obj
def review_accept(state: CliState, edge_id: str, reviewer: str, comment: str | None) -> None:
    """Mark an ASSERTS, DENIES or OMITS edge as checked and right."""
    _judge(state, edge_id, "accepted", reviewer, comment=comment)


@review.command("reject")
@click.argument("edge_id")
@_reviewer_option
@_comment_option
@click.pass_obj
def review_reject(state: CliState, edge_id: str, reviewer: str, comment: str | None) -> None:
    """Mark an edge as wrong: every query leaves it out (include_rejected shows it)."""
    _judge(state, edge_id, "rejected", reviewer, comment=comment)


@review.command("retarget")
@click.argument("edge_id")
@click.option("--claim", "claim_id", default=None, metavar="ID", help="The claim it is about.")
@click.option("--source", "source_id", default=None, metavar="ID", help="Who really said it.")
@click.option("--type", "edge_type", type=click.Choice(["ASSERTS", "DENIES", "OMITS"]),
              default=None, help="The stance the source really took.")
@click.option("--force", is_flag=True, help="Allow a claim of another event.")
@_reviewer_option
@_comment_option
@click.pass_obj
def review_retarget(state: CliState, edge_id: str, claim_id: str | None, source_id: str | None,
                    edge_type: str | None, force: bool, reviewer: str,
                    comment: str | None) -> None:
    """Replace an edge by a corrected copy with the same evidence (claim, source or type)."""
    _judge(state, edge_id, "retargeted", reviewer, comment=comment, claim_id=claim_id,
           source_id=source_id, edge_type=EdgeType(edge_type) if edge_type else None,
           force=force)


@review.command("queue")
@click.option("--type", "edge_type", type=click.Choice(["ASSERTS", "DENIES", "OMITS"]),
              default=None, help="Only edges of this type.")
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True,
              help="How many to list.")
@click.pass_obj
def review_queue(state: CliState, edge_type: str | None, limit: int) -> None:
    """Unreviewed edges, most consequential first (denials, omissions, contested assertions)."""
    with state.store(must_exist=True) as store:
        queue = queries.review_queue(store, edge_type=edge_type, limit=limit)
    click.echo(f"{queue.total} edge(s) wait for review", err=True)
    for item in queue.items:
        quote = (item.edge.evidence or "").replace("\n", " ")
        click.echo(f"{item.edge.edge_id}  {item.edge.type:<7}  {item.edge.source_id}  "
                   f"{item.claim_text or item.claim_id}  «{quote[:120]}»")


@review.command("history")
@click.argument("edge_id")
@click.pass_obj
def review_history(state: CliState, edge_id: str) -> None:
    """Every verdict on an edge, oldest first."""
    with state.store(must_exist=True) as store:
        edge = store.get_edge(edge_id)
        logged = store.reviews([edge_id])
    if edge is None and not logged:
        raise NotFound(f"no ASSERTS, DENIES or OMITS edge {edge_id!r}, and no review of one")
    state_now = reviewing.state_of(edge) if edge is not None else "not in the graph"
    click.echo(f"{edge_id}: {state_now}")
    for r in logged:
        target = f" -> {r.replacement.id}" if r.replacement else ""
        click.echo(f"  {r.at}  {r.verdict:<10}  {r.reviewer}{target}"
                   f"{'  ' + r.comment if r.comment else ''}")


def _shown(db: str) -> str:
    """``--db`` as it may be printed: a Neo4j URI without the credentials it may carry."""
    if not is_server_uri(db):
        return db
    from graph.neo4j_store import parse_target

    return parse_target(db).shown


def write_atomic(target: Path, text: str | Iterable[str]) -> None:
    """Write ``text`` (or its pieces, as they come) to ``target`` via a temporary file
    and a rename: never half a file."""
    folder = target.parent
    if not folder.is_dir():
        raise click.BadParameter(f"folder {folder} does not exist", param_hint="'-o'")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=folder)
    try:
        os.chmod(tmp, 0o644)  # mkstemp makes it private; an export is meant to be shared
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.writelines([text] if isinstance(text, str) else text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _register_neo4j_commands() -> None:
    """Add `sckg neo4j ...` when that module is present (it ships separately)."""
    try:
        module = importlib.import_module("app.cli_neo4j")
    except ImportError:
        return
    cli.add_command(module.neo4j_group)


_register_neo4j_commands()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="sckg")
