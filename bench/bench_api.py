"""Load-test the HTTP API: uvicorn in a subprocess on loopback, 32 concurrent clients.

    python bench/bench_api.py                      # a generated graph (bench/synth_graph.py)
    python bench/bench_api.py --db bolt://neo4j:pw@127.0.0.1:7687 --requests 5000

It starts ``uvicorn app.api:create_app --factory`` on 127.0.0.1 at a free port
against ``--db`` (default: a synthetic graph of ``--articles`` articles written
to a temporary embedded store), looks up real ids through the API, then sends
``--requests`` GET requests round-robin over the query endpoints from
``--clients`` concurrent keep-alive connections, stopping early after
``--seconds``. It prints requests/s, p50/p99 latency and the error count (any
non-2xx answer or failed request), overall and per endpoint, with the date and
the machine. The exit status is 1 when there were errors.

``--ingest N`` writes N generated articles into the served store while the load
runs (``sckg ingest`` in another process, started with the measured phase, as an
analyst adding a corpus to a graph others are reading): the figures then show
whether readers see errors or stalls while a writer commits batches.

Three figures matter: ``--fresh 0`` (default; every URL was asked before, so
the read cache answers, as for front ends repeating their questions),
``--fresh 1`` (every URL new: the cold path, store and serialisation on every
request) and a share in between.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parent.parent
ENDPOINTS = (
    "claims/denied", "omissions", "events/comparison", "claims/corroborated", "events/contested",
    "sources/relations", "actors/timeline", "claims/provenance", "nodes/neighbourhood", "search",
    "nodes", "stats",
)  # fmt: skip


@dataclass
class Tally:
    """Latencies (seconds) per endpoint, and what failed."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    first_errors: list[str] = field(default_factory=list)

    def fail(self, name: str, why: str) -> None:
        self.errors[name] += 1
        if len(self.first_errors) < 5:
            self.first_errors.append(f"{name}: {why}")


def listening_socket() -> socket.socket:
    """A loopback TCP socket on a free port, inherited by the server (see :func:`serve`)."""
    from app.serving import listening_socket as make

    return make(HOST, 0)


def synthetic_db(articles: int, folder: Path) -> str:
    """Write a generated graph into an embedded store in ``folder``."""
    sys.path.insert(0, str(ROOT))
    from bench.synth_graph import generate
    from graph.embedded import EmbeddedStore

    store = EmbeddedStore.open(folder)
    for fragment in generate(articles, seed=7):
        store.write(fragment)
    store.close()
    return str(folder)


def ingest_corpus(articles: int, folder: Path) -> Path:
    """Generated articles for ``--ingest`` (another seed than the served graph's)."""
    sys.path.insert(0, str(ROOT))
    from bench.generate_corpus import write_corpus

    write_corpus(articles, folder, seed=11, fmt="jsonl")
    return folder


@dataclass
class Writer:
    """The concurrent ``sckg ingest`` of ``--ingest``: when it ran and how it ended."""

    child: subprocess.Popen[bytes]
    log: Path
    watch: threading.Thread
    seconds: float | None = None


def start_writer(db: str, corpus: Path, log: Path) -> Writer:
    command = [sys.executable, "-c", "from app.cli import main; main()", "--db", db,
               "ingest", str(corpus), "--no-progress", "--wait", "600"]
    started = time.perf_counter()
    with log.open("wb") as out:
        child = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)

    def wait() -> None:
        child.wait()
        writer.seconds = time.perf_counter() - started

    writer = Writer(child, log, threading.Thread(target=wait, daemon=True))
    writer.watch.start()
    return writer


@contextlib.contextmanager
def server(db: str, workers: int, sock: socket.socket) -> Iterator[subprocess.Popen[bytes]]:
    """uvicorn serving the app on ``sock``; stopped (SIGTERM, then SIGKILL) on exit."""
    env = {**os.environ, "SCKG_DB": db}
    command = [
        sys.executable,
        __file__,
        "--serve-fd",
        str(sock.fileno()),
        "--workers",
        str(workers),
    ]
    child = subprocess.Popen(command, env=env, cwd=ROOT, pass_fds=(sock.fileno(),))
    try:
        yield child
    finally:
        child.terminate()
        try:
            child.wait(timeout=20)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def serve(fd: int, workers: int) -> int:
    """Run ``workers`` uvicorn servers of ``create_app()`` on the inherited socket ``fd``.

    The same serving code as ``sckg serve --workers`` (:mod:`app.serving`).
    """
    from app.serving import serve as run

    return run("app.api:create_app", socket.socket(fileno=fd), workers)


def wait_ready(base: str, child: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise SystemExit(f"the API exited with status {child.returncode} before answering")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base}/ready", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise SystemExit(f"the API did not become ready within {timeout:.0f} s")


def discover(base: str) -> dict[str, list[str]]:
    """Real ids to ask about, found through the API itself (works on either store)."""

    def get(path: str) -> list[dict[str, object]]:
        response = httpx.get(f"{base}{path}", timeout=60)
        response.raise_for_status()
        found: list[dict[str, object]] = response.json()["items"]
        return found

    events = [str(r["event_id"]) for r in get("/events/contested?limit=50")]
    claims = [str(r["claim_id"]) for r in get("/claims/denied?limit=50")]
    actors = [str(r["actor_id"]) for r in get("/analytics/actors/centrality?limit=50")]
    if not (events and claims and actors):
        raise SystemExit("the graph has no contested events, denied claims or actors to ask about")
    return {"event": events, "claim": claims, "actor": actors}


def plan(
    ids: dict[str, list[str]], total: int, only: list[str] | None = None, fresh: float = 0.0
) -> list[tuple[str, str]]:
    """``total`` (endpoint name, path) pairs, cycling over endpoints and ids.

    A share ``fresh`` (0..1) of them, spread evenly, get an ignored ``&run=<i>``
    so that they are new URLs the server's read cache cannot answer; 1 gives
    the cold-path figure.
    """
    templates = [
        ("claims/denied", "/claims/denied?limit=20"),
        ("omissions", "/omissions?limit=20&event_id={event}"),
        ("events/comparison", "/events/{event}/comparison?limit=20"),
        ("claims/corroborated", "/claims/corroborated?limit=20&event_id={event}"),
        ("events/contested", "/events/contested?limit=20"),
        ("sources/relations", "/sources/relations?limit=20"),
        ("actors/timeline", "/actors/{actor}/timeline?limit=20"),
        ("claims/provenance", "/claims/{claim}/provenance?limit=20"),
        ("nodes/neighbourhood", "/nodes/{event}/neighbourhood?depth=1"),
        ("search", "/search?q=Actor%2000&limit=20"),
        ("nodes", "/nodes/{actor}"),
        ("stats", "/stats"),
        ("health", "/health"),
    ]
    templates = [t for t in templates if t[0] in (only or ENDPOINTS)]
    out = []
    for i in range(total):
        name, template = templates[i % len(templates)]
        turn = i // len(templates)
        values = {k: quote(v[turn % len(v)], safe=":") for k, v in ids.items()}
        path = template.format(**values)
        if int((i + 1) * fresh) > int(i * fresh):
            path += ("&" if "?" in path else "?") + f"run={i}"
        out.append((name, path))
    return out


async def drive(
    base: str, requests: list[tuple[str, str]], clients: int, seconds: float
) -> tuple[Tally, float]:
    """Send the requests over ``clients`` concurrent keep-alive connections.

    A minimal HTTP/1.1 client on asyncio streams: on this 2-core machine
    httpx.AsyncClient spends ~2 ms of CPU per request (it capped the measured
    rate near 300 requests/s while the server idled), so the load generator
    would have measured itself rather than the API.
    """
    tally = Tally()
    queue = iter(requests)
    deadline = time.perf_counter() + seconds
    port = int(base.rsplit(":", 1)[1])

    async def client_loop() -> None:
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            for name, path in queue:
                if time.perf_counter() > deadline:
                    return
                started = time.perf_counter()
                try:
                    status, body = await _get(reader, writer, path)
                except (OSError, ValueError, asyncio.IncompleteReadError) as exc:
                    tally.fail(name, f"{type(exc).__name__}: {exc}")
                    writer.close()
                    reader, writer = await asyncio.open_connection(HOST, port)
                    continue
                tally.latencies[name].append(time.perf_counter() - started)
                if status >= 300:
                    tally.fail(name, f"{status} {body[:200]!r}")
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(client_loop() for _ in range(clients)))
    return tally, time.perf_counter() - started


async def _get(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str
) -> tuple[int, bytes]:
    """One GET on a kept-alive connection; the server always sends Content-Length."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode("ascii"))
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length = next(
        (
            int(line.split(b":", 1)[1])
            for line in lines[1:]
            if line.lower().startswith(b"content-length:")
        ),
        None,
    )
    if length is None:
        raise ValueError("answer without Content-Length")
    return status, await reader.readexactly(length)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def machine() -> str:
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    system = f"{platform.system()} {platform.release()}"
    return f"{platform.node()} ({system}), {os.cpu_count()} CPUs, {model}"


def _fresh_note(fresh: float) -> str:
    if fresh >= 1:
        return ", every URL new (cold: the read cache never answers)"
    if fresh > 0:
        return f", {fresh:.0%} of URLs new (the read cache cannot answer those)"
    return ", every URL asked before (warm: the read cache answers)"


def report(tally: Tally, elapsed: float, args: argparse.Namespace, db: str) -> int:
    every = [x for values in tally.latencies.values() for x in values]
    errors = sum(tally.errors.values())
    done = len(every)
    ms = 1000.0
    print(f"date:     {dt.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(f"machine:  {machine()}, Python {platform.python_version()}")
    print(
        f"server:   uvicorn --workers {args.workers}, db {db}"
        f"{_fresh_note(args.fresh)}"
    )
    print(f"load:     {done} answered requests, {args.clients} concurrent clients, {elapsed:.2f} s")
    print(
        f"result:   {done / elapsed:.0f} requests/s, p50 {percentile(every, 0.5) * ms:.1f} ms, "
        f"p99 {percentile(every, 0.99) * ms:.1f} ms, errors {errors}"
    )
    print(f"\n{'endpoint':<22}{'n':>7}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for name in sorted(tally.latencies.keys() | tally.errors.keys()):
        values = tally.latencies.get(name, [])
        print(
            f"{name:<22}{len(values):>7}{percentile(values, 0.5) * ms:>9.1f}"
            f"{percentile(values, 0.99) * ms:>9.1f}{tally.errors.get(name, 0):>8}"
        )
    for line in tally.first_errors:
        print(f"error: {line}")
    return 1 if errors else 0


def report_writer(writer: Writer, articles: int, elapsed: float) -> int:
    """The concurrent ingest's outcome; 1 when it failed."""
    code = writer.child.returncode
    took = writer.seconds or 0.0
    within = "within" if took <= elapsed else "after"
    print(f"\ningest:   {articles} articles by a concurrent `sckg ingest`, exit {code}, "
          f"{took:.1f} s ({within} the {elapsed:.0f} s of load)")
    last = writer.log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    for line in last[-3:]:
        print(f"          {line}")
    return 0 if code in (0, 1) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db", help="store to serve (folder or bolt:// URI); default: a generated graph"
    )
    parser.add_argument(
        "--articles", type=int, default=2000, help="size of the generated graph (default 2000)"
    )
    parser.add_argument("--requests", type=int, default=6000, help="requests to send")
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--seconds", type=float, default=60.0, help="stop sending after this")
    parser.add_argument(
        "--only",
        action="append",
        metavar="ENDPOINT",
        help="only this endpoint (repeatable): health or one of " + ", ".join(ENDPOINTS),
    )
    parser.add_argument(
        "--fresh", type=float, default=0.0, metavar="SHARE",
        help="share 0..1 of requests made new URLs, which the read cache cannot answer "
        "(1: the cold path); default 0",
    )  # fmt: skip
    parser.add_argument(
        "--distinct", action="store_const", const=1.0, dest="fresh", help="the same as --fresh 1"
    )
    parser.add_argument(
        "--warmup", type=int, default=1000,
        help="distinct URLs sent 2 x workers times, unmeasured, first (0: none)",
    )  # fmt: skip
    parser.add_argument(
        "--ingest", type=int, default=0, metavar="N",
        help="ingest N generated articles into the store while the load runs (default 0)",
    )  # fmt: skip
    parser.add_argument("--serve-fd", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_fd is not None:
        return serve(args.serve_fd, args.workers)
    if not 1 <= args.clients <= 256 or not 1 <= args.requests <= 1_000_000:
        parser.error("--clients must be 1..256 and --requests 1..1,000,000")
    with tempfile.TemporaryDirectory(prefix="sckg-bench-") as scratch:
        db = args.db
        if db is None:
            started = time.perf_counter()
            db = synthetic_db(args.articles, Path(scratch) / "graph")
            print(
                f"generated {args.articles} articles into {db} "
                f"in {time.perf_counter() - started:.1f} s"
            )
        sock = listening_socket()
        base = f"http://{HOST}:{sock.getsockname()[1]}"
        with sock, server(db, args.workers, sock) as child:
            wait_ready(base, child)
            ids = discover(base)
            if not 0 <= args.fresh <= 1:
                parser.error("--fresh must be from 0 to 1")
            measured = plan(ids, args.requests, args.only)
            if args.fresh < 1:  # unmeasured: each repeated URL until every worker has met it
                warm = list(dict.fromkeys(measured))[: args.warmup] * (2 * args.workers)
                asyncio.run(drive(base, warm, args.clients, args.seconds))
            writer = None
            if args.ingest:
                corpus = ingest_corpus(args.ingest, Path(scratch) / "incoming")
                writer = start_writer(db, corpus, Path(scratch) / "ingest.log")
            tally, elapsed = asyncio.run(
                drive(
                    base,
                    plan(ids, args.requests, args.only, args.fresh),
                    args.clients,
                    args.seconds,
                )
            )
            if writer is not None:
                writer.watch.join()
        shown = db if args.db is None else "(given)"
        status = report(tally, elapsed, args, f"{shown}")
        if writer is None:
            return status
        return max(status, report_writer(writer, args.ingest, elapsed))


if __name__ == "__main__":
    sys.exit(main())
