"""Named Cypher files, loaded once and shipped as package data.

Why files: a query is read, reviewed and EXPLAINed as Cypher, not assembled
from Python strings. Each file has a fixed label or relationship type and takes
its values as ``$parameters``; nothing is ever interpolated into the text.
A name must be a plain ``snake_case`` word naming a file in ``graph/cypher``,
so a caller cannot reach outside the folder.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_NAME = re.compile(r"[a-z][a-z0-9_]*")
_PACKAGE = "graph"
_FOLDER = "cypher"


def names() -> list[str]:
    """Every query name in the catalog, sorted (tests check each is used and parses)."""
    folder = resources.files(_PACKAGE).joinpath(_FOLDER)
    return sorted(
        entry.name.removesuffix(".cypher")
        for entry in folder.iterdir()
        if entry.name.endswith(".cypher")
    )


@cache
def load(name: str) -> str:
    """The text of ``graph/cypher/<name>.cypher``; KeyError when there is no such query."""
    if not _NAME.fullmatch(name):
        raise KeyError(f"not a query name: {name!r}")
    entry = resources.files(_PACKAGE).joinpath(_FOLDER, f"{name}.cypher")
    if not entry.is_file():
        raise KeyError(f"no Cypher file {name}.cypher in {_PACKAGE}/{_FOLDER}")
    return entry.read_text(encoding="utf-8").strip()


@cache
def statements(name: str) -> tuple[str, ...]:
    """The ``;``-separated statements of a file such as ``initialize.cypher``.

    Whole-line ``//`` comments are dropped first. Only for files whose
    statements hold no ``;`` inside string literals: plain DDL.
    """
    parts = (part.strip() for part in _strip_comments(load(name)).split(";"))
    return tuple(part for part in parts if part)


def _strip_comments(text: str) -> str:
    lines = (line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return "\n".join(lines).strip()
