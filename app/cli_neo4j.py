"""`sckg neo4j start|status|stop|cypher`: manage the local Neo4j server from the shell.

Why a separate module: the main CLI only needs `cli.add_command(neo4j_group)`, and the
server runner stays importable without click. `start` prints nothing but the `--db`
value on stdout so `DB=$(sckg neo4j start)` works (on a terminal, with the password
masked); everything else goes to stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from graph.neo4j_server import (
    DEFAULT_VERSION,
    Neo4jRuntimeError,
    ServerInfo,
    ensure_shell_jars,
    find_java,
    remember_home,
    remembered_home,
    shell_command,
)
from graph.neo4j_server import start as start_server
from graph.neo4j_server import status as server_status
from graph.neo4j_server import stop as stop_server

NOT_RUNNING_EXIT_CODE = 3  # Same convention as LSB init scripts' `status`.

_HOME_OPTION = click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Server directory (default: $SCKG_NEO4J_HOME or the user data dir; for status "
    "and stop, else the home the last `start` used).",
)


def _progress(message: str) -> None:
    """Progress and hints go to stderr so stdout stays machine-readable."""
    click.echo(message, err=True)


def _usage_hint(info: ServerInfo) -> str:
    """Tell a human how to use the server, without showing its password."""
    return (
        f"Neo4j {info.version} is running (pid {info.pid}, bolt {info.uri}, "
        f"Neo4j Browser http://127.0.0.1:{info.http_port}/browser/, data in {info.home}).\n"
        'Use it with:   DB=$(sckg neo4j start) && sckg --db "$DB" ...\n'
        f"The password of user neo4j is in {info.home / 'credentials.json'}.\n"
        "Stop it with:  sckg neo4j stop"
    )


def _masked(info: ServerInfo) -> str:
    return f"bolt://{info.user}:***@{info.uri.removeprefix('bolt://')}"


@click.group(name="neo4j")
def neo4j_group() -> None:
    """Run a local Neo4j server (needs Java 17+ and, once, Maven; no Docker)."""


@neo4j_group.command("start")
@_HOME_OPTION
@click.option("--password", default=None, help="Password for user neo4j (default: random).")
@click.option("--bolt-port", type=int, default=None, help="Bolt port (default: a free one).")
@click.option("--http-port", type=int, default=None, help="HTTP port (default: a free one).")
@click.option("--version", "version", default=DEFAULT_VERSION, show_default=True,
              help="Neo4j version to download and run.")  # fmt: skip
@click.option("--timeout", type=float, default=180.0, show_default=True,
              help="Seconds to wait for the server to answer.")  # fmt: skip
def start_command(
    home: Path | None,
    password: str | None,
    bolt_port: int | None,
    http_port: int | None,
    version: str,
    timeout: float,
) -> None:
    """Start the server (or find the running one) and print its --db URI on stdout."""
    try:
        info = start_server(
            home, password=password, bolt_port=bolt_port, http_port=http_port,
            version=version, timeout=timeout, log=_progress,
        )  # fmt: skip
    except Neo4jRuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    remember_home(info.home)
    _progress(_usage_hint(info))
    # The URI with its password goes only where a program reads it (DB=$(...)); on a
    # terminal, where anyone looking or a screen recording would see it, it is masked.
    click.echo(_masked(info) if _stdout_is_a_terminal() else info.db_uri)


def _home_to_ask(home: Path | None) -> Path | None:
    """The home `status` and `stop` mean: the one given (or $SCKG_NEO4J_HOME), else the
    default one when its server runs, else the one the last `start` used."""
    if home is not None or os.environ.get("SCKG_NEO4J_HOME") or server_status(None):
        return home
    last = remembered_home()
    if last is not None:
        _progress(f"(the server `sckg neo4j start` last used: {last})")
    return last


def _stdout_is_a_terminal() -> bool:
    return sys.stdout.isatty()


@neo4j_group.command("status")
@_HOME_OPTION
@click.pass_context
def status_command(ctx: click.Context, home: Path | None) -> None:
    """Print the running server's URI and pid; exit code 3 if it is not running."""
    try:
        info = server_status(_home_to_ask(home))
    except Neo4jRuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    if info is None:
        click.echo("not running")
        ctx.exit(NOT_RUNNING_EXIT_CODE)
    click.echo(f"running {info.uri} pid {info.pid} (Neo4j {info.version}, home {info.home})")


@neo4j_group.command("stop")
@_HOME_OPTION
@click.option("--timeout", type=float, default=60.0, show_default=True,
              help="Seconds to wait before killing the server.")  # fmt: skip
def stop_command(home: Path | None, timeout: float) -> None:
    """Stop the server cleanly (SIGKILL only if it does not exit within --timeout)."""
    try:
        stopped = stop_server(_home_to_ask(home), timeout=timeout)
    except Neo4jRuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo("stopped" if stopped else "not running")


@neo4j_group.command(
    "cypher", context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False}
)
@_HOME_OPTION
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.pass_context
def cypher_command(ctx: click.Context, home: Path | None, args: tuple[str, ...]) -> None:
    """Open cypher-shell on the running server: interactive on a terminal, or the
    statements on standard input; ARGS go to cypher-shell (e.g. --format plain, -f FILE).
    The first run fetches cypher-shell from Maven Central."""
    try:
        info = server_status(_home_to_ask(home))
        if info is None:
            click.echo("not running (start it with `sckg neo4j start`)", err=True)
            ctx.exit(NOT_RUNNING_EXIT_CODE)
        command, env = shell_command(info, args, ensure_shell_jars(log=_progress), find_java())
    except Neo4jRuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    ctx.exit(subprocess.call(command, env=env))
