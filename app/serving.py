"""Serving the app with one or several uvicorn worker processes on one socket.

Why not ``uvicorn --workers N``: uvicorn binds its shared socket with protocol
0, so asyncio leaves TCP_NODELAY off on accepted connections, and each
keep-alive answer, written as head then body, then waits ~40 ms for a delayed
ACK (measured here: /health p50 44 ms with ``--workers 2``, 0.2 ms with one
worker). Here the socket is made as TCP over IPv4/IPv6 explicitly, then each
worker is forked and serves it. The app is built before the fork and opens its
store in each worker when that worker starts (the app's lifespan).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket

import uvicorn
from fastapi import FastAPI


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` (0: a free port), listening, inheritable."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def serve(app: FastAPI | str, sock: socket.socket, workers: int = 1) -> int:
    """Serve ``app`` (an app, or ``"module:factory"``) on ``sock`` with ``workers`` processes.

    Returns when every worker has stopped (SIGTERM or SIGINT to this process
    stops them all); non-zero if one of them failed.
    """
    factory = isinstance(app, str)
    config = uvicorn.Config(app, factory=factory, log_level="warning", access_log=False)
    if workers == 1:
        uvicorn.Server(config).run(sockets=[sock])
        return 0
    children = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            uvicorn.Server(config).run(sockets=[sock])
            os._exit(0)
        children.append(pid)

    def stop(signum: int, frame: object) -> None:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    failed = 0
    for pid in children:
        _, status = os.waitpid(pid, 0)
        failed |= os.waitstatus_to_exitcode(status) not in (0, -signal.SIGTERM)
    return int(failed)
