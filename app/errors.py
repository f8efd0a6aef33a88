"""The API's one error shape, and the mapping of every failure onto it.

Every error response, whatever raised it, has the body::

    {"error": {"status": 404, "code": "not_found", "message": "...", "detail": null}}

``status`` repeats the HTTP status, ``code`` is a stable snake_case word a client
can branch on, ``message`` is a sentence a person can act on and ``detail`` holds
structured extras (the bad fields of a validation error, for instance) or null.

Graph errors map as follows; anything unexpected becomes a logged 500 whose
message says nothing about the internals.

=============  ======  ===============
GraphError     status  code
=============  ======  ===============
NotFound       404     not_found
InvalidInput   422     invalid_input
Unsupported    400     unsupported
Unavailable    503     unavailable
StoreBusy      503     store_busy
Conflict       409     conflict
(other)        400     graph_error
=============  ======  ===============
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import (
    Conflict,
    GraphError,
    InvalidInput,
    NotFound,
    StoreBusy,
    Unavailable,
    Unsupported,
)

log = logging.getLogger("sckg.api")

GRAPH_ERRORS: tuple[tuple[type[GraphError], int, str], ...] = (
    (NotFound, 404, "not_found"),
    (InvalidInput, 422, "invalid_input"),
    (Unsupported, 400, "unsupported"),
    (Unavailable, 503, "unavailable"),
    (StoreBusy, 503, "store_busy"),
    (Conflict, 409, "conflict"),
)


class ErrorBody(BaseModel):
    """What went wrong: HTTP status, a stable code, a readable message and extras."""

    status: int = Field(description="The HTTP status code, repeated.")
    code: str = Field(description="Stable snake_case error code, e.g. not_found.")
    message: str = Field(description="What went wrong, phrased so a person can act on it.")
    detail: Any = Field(default=None, description="Structured extras, or null.")


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorBody


class ApiError(Exception):
    """An HTTP-level refusal raised by a route (403, 413, 504 ...), in the one shape."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail


def error_response(
    status: int,
    code: str,
    message: str,
    detail: Any = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """Build a response in the one error shape."""
    body = ErrorResponse(
        error=ErrorBody(status=status, code=code, message=message, detail=jsonable_encoder(detail))
    )
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


def graph_status(exc: GraphError) -> tuple[int, str]:
    """HTTP status and code of a graph error (most specific class first)."""
    for kind, status, code in GRAPH_ERRORS:
        if isinstance(exc, kind):
            return status, code
    return 400, "graph_error"


def _code_for(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "http_error"


def _field(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(part) for part in loc) or "request"


def validation_detail(errors: Any) -> list[dict[str, Any]]:
    """The bad fields as plain JSON: where, what is wrong, and the pydantic error type."""
    return [
        {
            "field": _field(err.get("loc", ())),
            "message": err.get("msg", ""),
            "type": err.get("type", ""),
        }
        for err in errors
    ]


async def _on_graph_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, GraphError)
    status, code = graph_status(exc)
    return error_response(status, code, str(exc) or code.replace("_", " "))


async def _on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.detail)


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    detail = validation_detail(exc.errors())
    listed = "; ".join(f"{d['field']}: {d['message']}" for d in detail)
    return error_response(422, "validation_error", f"invalid request: {listed}", detail)


async def _on_http_exception(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else _code_for(exc.status_code)
    detail = None if isinstance(exc.detail, str) else exc.detail
    return error_response(
        exc.status_code,
        _code_for(exc.status_code),
        message,
        detail,
        headers=getattr(exc, "headers", None),
    )


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(
        500, "internal_error", "internal server error; the details are in the server log"
    )


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure through the one error shape."""
    app.add_exception_handler(GraphError, _on_graph_error)
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(Exception, _on_unexpected)


def _example(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "detail": None}}


_EXAMPLES: dict[int, tuple[str, str, str]] = {
    400: (
        "Bad request",
        "unsupported",
        "raw Cypher needs the Neo4j store; this API runs on the embedded store",
    ),
    403: ("Forbidden", "forbidden", "invalid or missing X-API-Key header"),
    404: ("Not found", "not_found", "no node with id 'actor:nobody'"),
    409: ("Conflict", "conflict", "claim claim:... is about event:..., not event:...; "
          "send force=true to move the edge to another event's claim"),
    413: ("Upload too large", "payload_too_large", "upload exceeds 20 MB"),
    422: (
        "Invalid request",
        "validation_error",
        "invalid request: query.limit: Input should be less than or equal to 500",
    ),
    429: ("Too many at once", "cypher_busy", "2 raw Cypher queries are already running; "
          "try again when it ends"),
    503: ("Store unavailable", "unavailable", "Neo4j at bolt://localhost:7687 is unreachable"),
    504: ("Query timed out", "query_timeout", "the query ran longer than 10 s and was stopped"),
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries for these statuses, each in the one shape with an example.

    422 is always included: it replaces FastAPI's default validation-error schema,
    which is not the shape this API sends.
    """
    out: dict[int | str, dict[str, Any]] = {}
    for status in sorted({*statuses, 422}):
        description, code, message = _EXAMPLES[status]
        out[status] = {
            "model": ErrorResponse,
            "description": description,
            "content": {"application/json": {"example": _example(status, code, message)}},
        }
    return out
