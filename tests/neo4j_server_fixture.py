"""Pytest plugin: a session-wide real Neo4j server for tests that need one.

Enable it with ``pytest_plugins = ["tests.neo4j_server_fixture"]`` in tests/conftest.py.

The ``neo4j_server`` fixture yields an object with ``uri`` (bolt URI without
credentials), ``db_uri`` (with credentials, what ``sckg --db`` takes), ``user`` and
``password``:

* If ``SCKG_TEST_NEO4J_URI`` is set (e.g. ``bolt://neo4j:secret@localhost:7687``), that
  external server is used as is and an :class:`ExternalServer` is yielded. Tests must
  then clean up their own data, since the server is shared.
* Otherwise a throwaway server is started once per session with
  :func:`graph.neo4j_server.temporary_server` (a :class:`ServerInfo`, which also has
  ``home``, ``pid`` and ports) and stopped at the end.

Missing Java or Maven fails the session with install instructions instead of hanging
or skipping: a silently skipped database suite looks exactly like a passing one.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import pytest

from graph.neo4j_server import (
    Neo4jRuntimeError,
    ServerInfo,
    find_java,
    find_maven,
    jars_cached,
    temporary_server,
)

EXTERNAL_URI_ENV = "SCKG_TEST_NEO4J_URI"
FIRST_START_TIMEOUT = 300.0  # Generous: the first run also downloads ~115 MB of jars.


@dataclass(frozen=True)
class ExternalServer:
    """An already running server given by URI; mirrors ServerInfo's connection fields."""

    uri: str
    db_uri: str
    user: str
    password: str

    @classmethod
    def from_uri(cls, db_uri: str) -> ExternalServer:
        """Split ``scheme://user:password@host:port`` into driver-ready parts."""
        parts = urlsplit(db_uri)
        if not parts.scheme or not parts.hostname:
            raise ValueError(f"{EXTERNAL_URI_ENV} is not a URI like bolt://user:pw@host:7687")
        port = f":{parts.port}" if parts.port else ""
        return cls(
            uri=f"{parts.scheme}://{parts.hostname}{port}",
            db_uri=db_uri,
            user=unquote(parts.username or "neo4j"),
            password=unquote(parts.password or ""),
        )


TestServer = ServerInfo | ExternalServer


def require_java_and_maven() -> None:
    """Fail (never skip) with what to install when the server cannot be started."""
    try:
        find_java()
        if not jars_cached():
            find_maven()
    except Neo4jRuntimeError as exc:
        problem = str(exc)
    else:
        return
    # Failing outside the except block keeps the report free of a chained traceback.
    pytest.fail(
        f"{problem}\nThe Neo4j tests start a real server: install Java 17+ and Maven, "
        f"or point {EXTERNAL_URI_ENV} at a running Neo4j 5 "
        "(e.g. bolt://neo4j:password@localhost:7687).",
        pytrace=False,
    )


def _progress(message: str) -> None:
    print(f"[neo4j] {message}", file=sys.stderr)


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[TestServer]:
    """One real Neo4j per test session (or the external one from SCKG_TEST_NEO4J_URI)."""
    external = os.environ.get(EXTERNAL_URI_ENV)
    if external:
        yield ExternalServer.from_uri(external)
        return
    require_java_and_maven()
    with contextlib.ExitStack() as stack:
        try:
            info = stack.enter_context(temporary_server(timeout=FIRST_START_TIMEOUT, log=_progress))
        except Neo4jRuntimeError as exc:
            problem = str(exc)
        else:
            yield info
            return
    pytest.fail(f"Could not start the test Neo4j server:\n{problem}", pytrace=False)
