"""Read-only Cypher for analysts: screened, planned, then run read-only with limits.

A query passes five gates before a row comes back:

1. **Screen** (text, no database): the first clause must be a read clause
   (MATCH, OPTIONAL MATCH, WITH, RETURN, UNWIND, CALL); ``LOAD CSV`` is refused
   (it reads server files and URLs); ``CALL`` may name only the read-only
   catalogue procedures in :data:`READ_PROCEDURES`; every ``range()`` has
   literal or parameter bounds at most :data:`RANGE_MAX` apart; no list loop
   (``reduce``, ``[x IN …]``, ``any(x IN …)``…) sits inside another. Comments (ended
   by any line break Neo4j knows, ``\r`` too) and string literals are blanked
   first, so a quoted "CREATE" does not trip it and a commented one does not
   hide. This catches what the planner calls a read but is not one an analyst
   should run (``SHOW ...``, ``TERMINATE TRANSACTIONS``), and the one kind of
   query no server limit stops: a loop inside one expression (``reduce`` over a
   huge range) ignores the transaction timeout, and a string built in it may
   stay under the memory cap.
2. **Plan**: ``EXPLAIN`` (compiles, runs nothing); the summary's ``query_type``
   must be ``'r'`` and the plan may hold no ``LoadCSV`` operator and no
   ``ProcedureCall`` outside :data:`READ_PROCEDURES`: Neo4j's own reading of
   the query decides, whatever the text screen made of it.
3. **Run** in a read transaction (the server refuses writes there too) with a
   server-side time limit, at most ``cypher_concurrency`` at a time per process
   (429 beyond). The server the project starts also caps the memory of one
   transaction and reads no files or URLs for LOAD CSV (``graph/neo4j_server.py``).
4. **Limit**: at most ``row_limit`` rows and ``byte_limit`` bytes of JSON; one
   more row is fetched to say ``truncated``.
5. **Who**: the endpoint can be turned off (``SCKG_CYPHER_ENABLED=false``) and,
   when the API listens beyond loopback, needs the ``X-API-Key``.
"""

from __future__ import annotations

import base64
import json
import math
import re
import threading
from typing import Any, Protocol, runtime_checkable

from neo4j import READ_ACCESS, Driver, ManagedTransaction, Query, unit_of_work
from neo4j.exceptions import (
    ClientError,
    CypherSyntaxError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point

from app.errors import ApiError
from app.routes._models import CypherResult
from graph.errors import Unavailable, Unsupported
from graph.store import GraphStore

READ_CLAUSES = frozenset({"MATCH", "OPTIONAL", "WITH", "RETURN", "UNWIND", "CALL"})
READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.info",
        "db.ping",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "db.index.fulltext.querynodes",
        "db.index.fulltext.queryrelationships",
        "db.index.vector.querynodes",
    }
)
QUERY_TYPES = {"w": "write", "rw": "read-write", "s": "schema or administration"}
RANGE_MAX = 10_000  # a reduce() building a string over this many steps ends in ~1 s
_LINE_BREAKS = "\n\r\u2028\u2029\x85\x0b\x0c"  # any of them may end a // comment
_RANGE = re.compile(r"\brange\s*\(", re.IGNORECASE)
_INTEGER = re.compile(r"^[+-]?\d+$")
_PARAMETER = re.compile(r"^\$(\w+)$")

_ITERATION = re.compile(
    r"\breduce\s*\(|\b(?:any|all|none|single)\s*\(\s*`?\w+`?\s+IN\b|\[\s*`?\w+`?\s+IN\b",
    re.IGNORECASE,
)  # reduce(...), any/all/none/single(x IN ...), [x IN ...]: loops inside one expression
_OPENING = re.compile(r"[(\[]")
_PREPARSER = re.compile(r"^\s*CYPHER\b(?:\s+(?:\d+(?:\.\d+)?|\w+\s*=\s*\w+))*", re.IGNORECASE)
_FIRST_WORD = re.compile(r"\s*([A-Za-z_]+)")
_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.IGNORECASE)
_CALL_NAME = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)", re.IGNORECASE)


@runtime_checkable
class ServerStore(Protocol):
    """A store that is a Neo4j server: what raw Cypher needs."""

    driver: Driver
    database: str | None


def refuse(reason: str, **detail: Any) -> ApiError:
    return ApiError(
        400, "cypher_refused", f"only read queries are allowed: {reason}", detail or None
    )


def code_only(text: str) -> str:
    """The query with comments removed, string literals emptied and backticks dropped."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch, nxt = text[i], text[i + 1 : i + 2]
        if ch == "/" and nxt == "/":
            ends = [e for e in (text.find(b, i) for b in _LINE_BREAKS) if e >= 0]
            i = min(ends) if ends else n
        elif ch == "/" and nxt == "*":
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        elif ch in "'\"":
            i = _string_end(text, i)
            out.append("''")
        elif ch == "`":
            end = text.find("`", i + 1)
            end = n if end < 0 else end
            out.append(text[i + 1 : end])
            i = end + 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _string_end(text: str, start: int) -> int:
    quote, i = text[start], start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text[i] == quote:
            return i + 1
        else:
            i += 1
    return len(text)


def screen(query: str, params: dict[str, Any] | None = None) -> None:
    """Refuse, from the text alone, what is not a plain read (see the module docstring)."""
    code = code_only(query)
    _bounded_ranges(code, params or {})
    _no_loop_in_a_loop(code)
    body = _PREPARSER.sub("", code, count=1)
    first = _FIRST_WORD.match(body)
    word = first.group(1).upper() if first else ""
    if word not in READ_CLAUSES:
        raise refuse(
            f"a query must start with {', '.join(sorted(READ_CLAUSES))}; "
            f"{word or 'this'} statements are refused",
            clause=word or None,
        )
    if _LOAD_CSV.search(code):
        raise refuse("LOAD CSV is refused", clause="LOAD CSV")
    for match in _CALL_NAME.finditer(code):
        name = match.group(1).rstrip(".")
        if name.lower() not in READ_PROCEDURES:
            raise refuse(
                f"procedure {name} is not allowed; allowed are "
                f"{', '.join(sorted(READ_PROCEDURES))}",
                procedure=name,
            )


def _bounded_ranges(code: str, params: dict[str, Any]) -> None:
    """Each ``range(a, b[, step])`` must have integer literals or integer parameters as
    bounds, at most :data:`RANGE_MAX` apart."""
    for match in _RANGE.finditer(code):
        args = _call_arguments(code, match.end())
        values = [_integer_value(a, params) for a in args[:2]]
        if len(args) < 2 or any(v is None for v in values):
            raise refuse(
                "range() needs integer literals or integer parameters as its bounds",
                function="range",
            )
        low, high = values
        assert low is not None and high is not None
        if abs(high - low) + 1 > RANGE_MAX:
            raise refuse(f"range() may span at most {RANGE_MAX:,} values", function="range")


def _no_loop_in_a_loop(code: str) -> None:
    """No list loop inside another in one expression. Neo4j checks the transaction
    timeout between rows, not inside an expression: three nested ``reduce`` over
    1,000 values ran 36 s under a 2 s timeout (2026-12-03), and at the range bound
    one such query would hold a core for hours. One loop is linear in a list the
    memory cap bounds; nested work belongs in rows (``UNWIND``), where the timeout
    holds."""
    opening = [_OPENING.search(code, m.start()) for m in _ITERATION.finditer(code)]
    spans = [(o.start(), _closing(code, o.start())) for o in opening if o is not None]
    for outer_start, outer_end in spans:
        if any(outer_start < start < outer_end for start, _ in spans):
            raise refuse("a list loop (reduce, [x IN ...], any/all/none/single) inside "
                         "another is refused: no server limit stops it; UNWIND the outer "
                         "list into rows instead", function="nested loop")


def _closing(code: str, start: int) -> int:
    """The index of the bracket closing the one at ``start`` (the end when unclosed)."""
    depth = 0
    for index in range(start, len(code)):
        if code[index] in "([{":
            depth += 1
        elif code[index] in ")]}":
            depth -= 1
            if depth == 0:
                return index
    return len(code)


def _call_arguments(code: str, start: int) -> list[str]:
    """The top-level comma-separated arguments of the call whose "(" ends at ``start``."""
    depth = 0
    args: list[str] = []
    current: list[str] = []
    for ch in code[start:]:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            if depth == 0:
                args.append("".join(current).strip())
                return args
            depth -= 1
        elif ch == "," and depth == 0:
            args.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    return []  # unclosed: the planner will say so


def _integer_value(arg: str, params: dict[str, Any]) -> int | None:
    if _INTEGER.match(arg):
        return int(arg)
    name = _PARAMETER.match(arg)
    value = params.get(name.group(1)) if name else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def check_plan(plan: dict[str, Any] | None) -> None:
    """Refuse a plan that loads CSV or calls a procedure outside the allow-list, however
    the text hid it (Neo4j names operators ``LoadCSV@neo4j``, ``ProcedureCall@neo4j``
    with the call's signature in ``Details``)."""
    stack = [plan] if plan else []
    while stack:
        step = stack.pop()
        operator = str(step.get("operatorType", "")).split("@")[0]
        if operator == "LoadCSV":
            raise refuse("LOAD CSV is refused", clause="LOAD CSV")
        if operator == "ProcedureCall":
            details = str(step.get("args", {}).get("Details", ""))
            name = details.split("(")[0].strip()
            if name.lower() not in READ_PROCEDURES:
                raise refuse(f"procedure {name or '?'} is not allowed", procedure=name or None)
        stack.extend(step.get("children", []))


class _Gate:
    """At most ``n`` raw queries of this process at a time (a query may keep a core
    busy until its timeout, or past it inside one expression)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0

    def enter(self, limit: int) -> None:
        with self._lock:
            if self._running >= limit:
                raise ApiError(
                    429, "cypher_busy",
                    f"{limit} raw Cypher quer{'y is' if limit == 1 else 'ies are'} already "
                    "running; try again when it ends",
                )
            self._running += 1

    def leave(self) -> None:
        with self._lock:
            self._running -= 1


GATE = _Gate()


def server_store(store: GraphStore) -> ServerStore:
    if not isinstance(store, ServerStore):
        raise Unsupported(
            "raw Cypher needs the Neo4j store (SCKG_DB=bolt://...); this API runs on the "
            "embedded store, which answers the named query endpoints only"
        )
    return store


def run_read(
    store: GraphStore,
    query: str,
    params: dict[str, Any],
    *,
    timeout_s: float,
    row_limit: int,
    byte_limit: int = 5_000_000,
    concurrency: int = 2,
) -> CypherResult:
    """Screen, plan and run ``query`` read-only; see the module docstring."""
    server = server_store(store)
    screen(query, params)
    fetch = unit_of_work(timeout=timeout_s)(_fetch)
    GATE.enter(concurrency)
    try:
        with server.driver.session(
            database=server.database,
            default_access_mode=READ_ACCESS,
            fetch_size=min(row_limit + 1, 1000),
        ) as session:
            summary = session.run(Query("EXPLAIN " + query, timeout=timeout_s), params).consume()
            if summary.query_type != "r":
                kind = QUERY_TYPES.get(str(summary.query_type), str(summary.query_type))
                raise refuse(f"this is a {kind} query", query_type=summary.query_type)
            check_plan(summary.plan)
            columns, rows, truncated = session.execute_read(
                fetch, query, params, row_limit, byte_limit
            )
    except Neo4jError as exc:
        raise _mapped(exc, timeout_s) from exc
    except (ServiceUnavailable, SessionExpired, DriverError, OSError) as exc:
        raise Unavailable(f"cannot reach Neo4j ({exc})") from exc
    finally:
        GATE.leave()
    return CypherResult(
        columns=columns, rows=rows, truncated=truncated, row_limit=row_limit,
        byte_limit=byte_limit,
    )


def _fetch(
    tx: ManagedTransaction, query: str, params: dict[str, Any], limit: int, byte_limit: int
) -> tuple[list[str], list[list[Any]], bool]:
    """Rows until ``limit`` rows or ``byte_limit`` bytes of JSON, and whether cut."""
    result = tx.run(query, params)
    columns = list(result.keys())
    rows: list[list[Any]] = []
    size = 0
    for record in result:
        if len(rows) == limit:
            return columns, rows, True
        row = [plain(value) for value in record.values()]
        size += len(json.dumps(row, default=str)) + 2  # with the ", " between rows
        if size > byte_limit:
            return columns, rows, True
        rows.append(row)
    return columns, rows, False


def _mapped(exc: Neo4jError, timeout_s: float) -> Exception:
    code = exc.code or ""
    message = exc.message or str(exc)
    if "TransactionTimedOut" in code:
        return ApiError(
            504, "query_timeout", f"the query ran longer than {timeout_s:g} s and was stopped"
        )
    if any(m in code for m in ("MemoryLimitExceeded", "MemoryPoolOutOfMemory", "OutOfMemory")):
        return ApiError(
            400, "query_too_big", f"the query needed more memory than one transaction may "
            f"use: {message}",
        )
    if "AccessMode" in code:
        return refuse("the server refused a write in the read transaction")
    if isinstance(exc, CypherSyntaxError):
        return ApiError(400, "cypher_syntax", f"Cypher syntax error: {message}", {"code": code})
    if isinstance(exc, ClientError):
        return ApiError(400, "cypher_error", f"Neo4j refused the query: {message}", {"code": code})
    return Unavailable(f"Neo4j failed to run the query: {message} ({code})")


def _node_key(node: Node | None) -> str | None:
    if node is None:
        return None
    key = node.get("id")
    return str(key) if key is not None else node.element_id


def plain(value: Any) -> Any:
    """A driver value as plain JSON: nodes, relationships and paths become objects."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Node):
        return {
            "id": _node_key(value),
            "labels": sorted(value.labels),
            "properties": {k: plain(v) for k, v in value.items()},
        }
    if isinstance(value, Relationship):
        return {
            "id": value.get("id", value.element_id),
            "type": value.type,
            "start": _node_key(value.start_node),
            "end": _node_key(value.end_node),
            "properties": {k: plain(v) for k, v in value.items()},
        }
    if isinstance(value, Path):
        return {
            "nodes": [plain(n) for n in value.nodes],
            "relationships": [plain(r) for r in value.relationships],
        }
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": [plain(c) for c in value]}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode("ascii")
    iso = getattr(value, "iso_format", None)
    return iso() if callable(iso) else str(value)
