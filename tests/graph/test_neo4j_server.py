"""Tests of graph.neo4j_server: pure helpers first, then one real server lifecycle.

The lifecycle is a single test on purpose: every JVM start costs seconds, and stop()
must run after the other checks, which separate tests could not guarantee.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import GraphDatabase

from app.cli_neo4j import neo4j_group
from graph.neo4j_server import (
    HOST,
    ServerInfo,
    _maven_tail,
    chosen_ports,
    free_port,
    render_conf,
    start,
    status,
    stop,
)
from tests.neo4j_server_fixture import ExternalServer, require_java_and_maven

# 127.0.0.1 and ::ffff:127.0.0.1 as /proc/net/tcp{,6} spell them (little-endian words).
LOOPBACK_HEX = {"0100007F", "0000000000000000FFFF00000100007F"}


def _conf_settings(text: str) -> dict[str, str]:
    """Parse neo4j.conf's key=value lines (comments skipped)."""
    pairs = (line.split("=", 1) for line in text.splitlines() if "=" in line)
    return {key.strip(): value.strip() for key, value in pairs if not key.startswith("#")}


def _port_answers(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((HOST, port)) == 0


def _listening_hosts(port: int) -> set[str]:
    """Local addresses listening on `port` per /proc/net/tcp{,6} (empty if not Linux)."""
    hosts: set[str] = set()
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        if not table.exists():
            continue
        for row in table.read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                hosts.add(address)
    return hosts


def _run_query(info: ServerInfo, query: str) -> int:
    with GraphDatabase.driver(info.uri, auth=(info.user, info.password)) as driver:
        records, _, _ = driver.execute_query(query)
        value: int = records[0][0]
        return value


# ----------------------------------------------------------------------------- unit


def test_conf_binds_loopback_only_and_keeps_files_in_home(tmp_path: Path) -> None:
    settings = _conf_settings(render_conf(tmp_path, bolt_port=17687, http_port=17474))
    listen = {k: v for k, v in settings.items() if k.endswith("listen_address")}
    assert listen == {
        "server.default_listen_address": "127.0.0.1",
        "server.bolt.listen_address": "127.0.0.1:17687",
        "server.http.listen_address": "127.0.0.1:17474",
    }
    assert settings["server.https.enabled"] == "false"
    assert settings["dbms.security.auth_enabled"] == "true"
    assert settings["dbms.usage_report.enabled"] == "false"
    for key in ("data", "logs", "run"):
        assert settings[f"server.directories.{key}"] == (tmp_path / key).as_posix()


def test_a_home_keeps_its_ports_while_they_are_free(tmp_path: Path) -> None:
    bolt, http = free_port(), free_port()
    (tmp_path / "ports.json").write_text(json.dumps({"bolt_port": bolt, "http_port": http}))
    assert chosen_ports(tmp_path, None, None) == (bolt, http)
    assert chosen_ports(tmp_path, 17001, None) == (17001, http)  # given ports win
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind((HOST, bolt))
        taken.listen()
        new_bolt, kept_http = chosen_ports(tmp_path, None, None)
    assert new_bolt != bolt and kept_http == http


def test_a_home_without_or_with_a_broken_ports_file_gets_free_ports(tmp_path: Path) -> None:
    for content in (None, "not json", "[1, 2]", '{"bolt_port": "x"}'):
        if content is not None:
            (tmp_path / "ports.json").write_text(content)
        bolt, http = chosen_ports(tmp_path, None, None)
        assert bolt > 0 and http > 0 and bolt != http


def test_db_uri_quotes_the_password() -> None:
    info = ServerInfo(Path("/x"), 7687, 7474, "p@ss:w/rd", 1, "5.26.16")
    assert info.uri == "bolt://127.0.0.1:7687"
    assert info.db_uri == "bolt://neo4j:p%40ss%3Aw%2Frd@127.0.0.1:7687"


def test_external_server_uri_is_split_into_driver_parts() -> None:
    server = ExternalServer.from_uri("bolt://neo4j:p%40ss@db.local:7688")
    assert (server.uri, server.user, server.password) == ("bolt://db.local:7688", "neo4j", "p@ss")


def test_maven_tail_keeps_only_real_errors() -> None:
    first = "[ERROR] Failed to execute goal: could not resolve org.neo4j:neo4j -> [Help 1]"
    output = (
        f"\x1b[0m\x1b[0m{first}\n"
        "[ERROR] \n[ERROR] Re-run Maven using the -X switch\n[ERROR] [Help 1] http://x\n"
    )
    assert _maven_tail(output) == first


def test_status_is_none_without_server(tmp_path: Path) -> None:
    assert status(tmp_path) is None
    assert stop(tmp_path) is False


def test_status_drops_state_of_a_pid_that_is_not_neo4j(tmp_path: Path) -> None:
    # Our own pid is alive but is not a Neo4j for this home: a recycled-pid situation.
    state = {"pid": os.getpid(), "bolt_port": 1, "http_port": 2, "password": "x" * 8,
             "version": "5.26.16"}  # fmt: skip
    (tmp_path / "server.json").write_text(json.dumps(state))
    assert status(tmp_path) is None
    assert not (tmp_path / "server.json").exists()


def test_cli_status_and_stop_when_not_running(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(neo4j_group, ["status", "--home", str(tmp_path)])
    assert (result.exit_code, result.output.strip()) == (3, "not running")
    result = runner.invoke(neo4j_group, ["stop", "--home", str(tmp_path)])
    assert (result.exit_code, result.output.strip()) == (0, "not running")


# ----------------------------------------------------------------------------- real server


def _check_running(info: ServerInfo, home: Path) -> None:
    assert _run_query(info, "RETURN 1") == 1
    state = json.loads((home / "server.json").read_text())
    assert (state["pid"], state["bolt_port"], state["password"]) == (
        info.pid, info.bolt_port, info.password,
    )  # fmt: skip
    assert status(home) == info
    assert start(home) == info  # Second start finds the running server.
    cli = CliRunner().invoke(neo4j_group, ["status", "--home", str(home)])
    assert cli.exit_code == 0 and info.uri in cli.output
    # `status` without --home finds the server the last CLI `start` used (issue 13).
    env = {"XDG_DATA_HOME": str(home.parent / "xdg"), "SCKG_NEO4J_HOME": ""}
    started = CliRunner().invoke(neo4j_group, ["start", "--home", str(home)], env=env)
    assert started.exit_code == 0, started.output
    found = CliRunner().invoke(neo4j_group, ["status"], env=env)
    assert found.exit_code == 0 and info.uri in found.output, found.output


def _check_loopback_only(info: ServerInfo, home: Path) -> None:
    settings = _conf_settings((home / "conf" / "neo4j.conf").read_text())
    assert settings["server.bolt.listen_address"] == f"127.0.0.1:{info.bolt_port}"
    assert settings["server.http.listen_address"] == f"127.0.0.1:{info.http_port}"
    for port in (info.bolt_port, info.http_port):
        hosts = _listening_hosts(port)
        assert hosts <= LOOPBACK_HEX, f"port {port} listens on {hosts}"


def _check_browser(info: ServerInfo) -> None:
    """The URL `sckg neo4j start` prints answers with Neo4j Browser (issue 13)."""
    url = f"http://127.0.0.1:{info.http_port}/browser/"
    with urllib.request.urlopen(url, timeout=10) as answer:
        assert answer.status == 200 and b"<title>Neo4j Browser</title>" in answer.read()


def _check_cypher_shell(home: Path) -> None:
    """`sckg neo4j cypher` runs cypher-shell on the server, statements from stdin."""
    shell = subprocess.run(
        [sys.executable, "-c", "from app.cli import main; main()", "neo4j", "cypher",
         "--home", str(home), "--format", "plain"],
        input="RETURN 40 + 2 AS answer;\n", capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert shell.returncode == 0, shell.stderr
    assert shell.stdout.split() == ["answer", "42"]


def _check_stopped(info: ServerInfo, home: Path) -> None:
    assert stop(home) is True
    assert status(home) is None
    assert not (home / "server.json").exists()
    assert not _port_answers(info.bolt_port)
    assert stop(home) is False


@pytest.mark.neo4j
@pytest.mark.timeout(600)
def test_real_server_lifecycle(tmp_path: Path) -> None:
    require_java_and_maven()
    home = tmp_path / "neo4j"
    try:
        info = start(home, timeout=300.0)
        assert info.db_uri == f"bolt://neo4j:{info.password}@127.0.0.1:{info.bolt_port}"
        _check_running(info, home)
        _check_loopback_only(info, home)
        _check_browser(info)
        _check_cypher_shell(home)
        _run_query(info, "CREATE (:Probe) RETURN 1")
        _check_stopped(info, home)

        # Restarting the same home reuses the stored password and keeps the data.
        again = start(home, timeout=300.0)
        assert again.password == info.password
        assert (again.bolt_port, again.http_port) == (info.bolt_port, info.http_port)
        assert _run_query(again, "MATCH (p:Probe) RETURN count(p)") == 1
    finally:
        stop(home)
