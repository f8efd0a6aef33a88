"""Liveness and readiness, for load balancers and orchestrators."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Literal

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from app.deps import StoreDep
from app.routes._models import Health, Ready
from app.routes._openapi import documented
from graph.errors import Unavailable
from graph.store import GraphStore

router = APIRouter(tags=["health"])


def _version() -> str:
    try:
        return version("sckg")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0+unknown"


VERSION = _version()


@router.get(
    "/health", response_model=Health, responses=documented({"status": "ok", "version": VERSION})
)
async def health() -> Health:
    """The process is up (says nothing about the store)."""
    return Health(version=VERSION)


def _check(store: GraphStore) -> Literal["embedded", "neo4j"]:
    driver = getattr(store, "driver", None)
    if driver is None:
        store.counts()
        return "embedded"
    try:
        driver.verify_connectivity()
    except Exception as exc:
        raise Unavailable(f"the Neo4j store does not answer ({exc})") from exc
    return "neo4j"


@router.get(
    "/ready", response_model=Ready, responses=documented({"status": "ready", "store": "neo4j"}, 503)
)
async def ready(store: StoreDep) -> Ready:
    """The store answers; 503 in the error shape when it does not."""
    return Ready(store=await run_in_threadpool(_check, store))
