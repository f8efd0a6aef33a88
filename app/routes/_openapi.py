"""OpenAPI: a route's ``responses=`` (its success example plus its errors, one shape),
and what only the running app knows (the configured page limit)."""

from __future__ import annotations

from typing import Any

from app.errors import error_responses


def documented(
    example: Any,
    *errors: int,
    media_type: str = "application/json",
    description: str = "Success",
) -> dict[int | str, dict[str, Any]]:
    """The 200 response with ``example`` and the listed error statuses (422 always)."""
    out = error_responses(*errors)
    out[200] = {"description": description, "content": {media_type: {"example": example}}}
    return out


def document_page_limit(schema: dict[str, Any], top: int) -> dict[str, Any]:
    """Write the configured page limit into an OpenAPI document as each ``limit``
    parameter's ``maximum``: the bound is a setting, so the route cannot declare it,
    and a client must not learn it from a 422."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for param in operation.get("parameters", []):
                if param.get("name") == "limit" and param.get("in") == "query":
                    param.setdefault("schema", {})["maximum"] = top
    return schema
