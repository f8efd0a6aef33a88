"""OpenAPI ``responses=`` for a route: its success example plus its errors, one shape."""

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
