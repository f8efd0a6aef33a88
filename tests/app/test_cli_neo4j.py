"""`sckg neo4j start` output: the URI for programs, no password on a screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from app import cli_neo4j
from graph.neo4j_server import ServerInfo

PASSWORD = "s3cret-pass-word"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> ServerInfo:
    info = ServerInfo(home=tmp_path, bolt_port=7999, http_port=7998, password=PASSWORD,
                      pid=4242, version="5.26.16")
    monkeypatch.setattr(cli_neo4j, "start_server", lambda *a, **k: info)
    return info


def _start(monkeypatch: pytest.MonkeyPatch, terminal: bool) -> Any:
    monkeypatch.setattr(cli_neo4j, "_stdout_is_a_terminal", lambda: terminal)
    return CliRunner().invoke(cli_neo4j.neo4j_group, ["start"])


def test_captured_stdout_gets_the_uri_with_its_password(
        started: ServerInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _start(monkeypatch, terminal=False)
    assert result.exit_code == 0
    assert result.stdout.strip() == started.db_uri  # what DB=$(sckg neo4j start) keeps
    assert PASSWORD not in result.stderr


def test_on_a_terminal_the_password_is_never_shown(
        started: ServerInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _start(monkeypatch, terminal=True)
    assert result.exit_code == 0
    assert PASSWORD not in result.stdout and PASSWORD not in result.stderr
    assert result.stdout.strip() == "bolt://neo4j:***@127.0.0.1:7999"
    assert "credentials.json" in result.stderr
