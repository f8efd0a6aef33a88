"""Turn files, folders, standard input and uploads into :class:`ArticleDoc` values.

Every reader yields documents or :class:`Skipped` records and never raises for
bad input: a binary, empty, undecodable, oversized or malformed file becomes a
``Skipped`` that names the file (and the line, where there is one).

Formats, chosen by extension:

* ``.txt``, ``.md``, ``.markdown``: optional YAML front matter between ``---``
  lines at the very top (keys ``title``, ``url``, ``outlet``, ``published``,
  ``language``; others ignored). The document text is the rest of the file,
  byte for byte, because character offsets into it are provenance.
* ``.html``, ``.htm``: main text and metadata found by trafilatura.
* ``.jsonl``: one :class:`ArticleInput` object per line, read as a stream.

>>> docs = list(read_upload("note.txt", b"---\\ntitle: T\\n---\\nBody.\\n"))
>>> docs[0].title, docs[0].text
('T', 'Body.\\n')
"""

from __future__ import annotations

import codecs
import io
import json
import logging
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import yaml
from pydantic import ValidationError

from ingest.documents import ArticleDoc, ArticleInput, Skipped

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Largest ``.txt``/``.md``/``.html`` file (or standard input text) read."""

MAX_JSONL_LINE_BYTES = 1024 * 1024
# Brackets nested deeper than this in front matter or a JSON line: no article needs it,
# and the parsers would recurse past Python's limit on it.
MAX_NESTING = 64
"""Longest single ``.jsonl`` line read; a ``.jsonl`` file itself may be any size."""

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

STDIN_NAME = "<stdin>"
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05
_META_KEYS = ("title", "url", "outlet", "language")
_UNRESOLVED_TAGS = frozenset({"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"})
_FENCE = re.compile(r"---[ \t]*(?:\r\n|\n|\r|$)")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)

Result = ArticleDoc | Skipped


class _Reject(Exception):
    """Internal: input that must become a Skipped with this reason (and line)."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def read_paths(paths: Sequence[str | Path]) -> Iterator[Result]:
    """Read files, folders (recursively, sorted, hidden entries skipped) and ``-``."""
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin()
            continue
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path, set()):
                yield from _read_file(found)
        elif not path.exists():
            yield Skipped(path=str(path), reason="no such file or folder")
        elif path.suffix.lower() not in SUFFIXES:
            yield Skipped(path=str(path), reason=_unknown_suffix(path.suffix))
        else:
            yield from _read_file(path)


def read_upload(filename: str, data: bytes) -> Iterator[Result]:
    """Read one uploaded file, dispatching on the extension of ``filename``."""
    suffix = Path(filename).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_from_stream(io.BytesIO(data), filename)
    elif suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        yield _guarded(filename, lambda: _parse_whole(data, filename, suffix))
    else:
        yield Skipped(path=filename, reason=_unknown_suffix(suffix))


def _unknown_suffix(suffix: str) -> str:
    known = ", ".join(sorted(SUFFIXES))
    return f"unsupported file type {suffix or '(no extension)'!r}; expected one of {known}"


def _walk(folder: Path, seen: set[Path]) -> Iterator[Path]:
    """Readable files under ``folder`` in sorted order, depth first, no hidden entries."""
    real = folder.resolve()
    if real in seen:  # a symlink loop
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
        elif entry.is_file() and entry.suffix.lower() in SUFFIXES:
            yield entry


def _read_file(path: Path) -> Iterator[Result]:
    name = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as stream:
                yield from _jsonl_from_stream(stream, name)
            return
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        yield Skipped(path=name, reason=f"cannot read: {exc.strerror or exc}")
        return
    yield _guarded(name, lambda: _parse_whole(data, name, suffix))


def _read_stdin() -> Iterator[Result]:
    """Standard input: JSON lines if the first non-blank byte is ``{``, else text."""
    try:
        stream = _stdin_bytes()
        head = stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
        if head.lstrip(codecs.BOM_UTF8).lstrip().startswith(b"{"):
            yield from _jsonl_from_stream(stream, STDIN_NAME)
            return
        data = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError, AttributeError) as exc:  # closed or captured stdin
        yield Skipped(path=STDIN_NAME, reason=f"cannot read standard input: {exc}")
        return
    yield _guarded(STDIN_NAME, lambda: _parse_whole(data, STDIN_NAME, ".txt"))


def _stdin_bytes() -> io.BufferedReader:
    """Standard input as a peekable byte stream (tests may swap in a text-only stream)."""
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:
        raw = io.BytesIO(sys.stdin.read().encode("utf-8"))
    return raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)


def _guarded(name: str, parse: Callable[[], ArticleDoc]) -> Result:
    try:
        doc: ArticleDoc = parse()
    except _Reject as rej:
        return Skipped(path=name, line=rej.line, reason=rej.reason)
    except RecursionError:  # nesting the checks above did not foresee (indented YAML)
        return Skipped(path=name, reason="nested too deeply to parse")
    return doc


# --- whole files: text, markdown, html -------------------------------------------


def _parse_whole(data: bytes, name: str, suffix: str) -> ArticleDoc:
    if len(data) > MAX_FILE_BYTES:
        raise _Reject(f"file is larger than the {_mb(MAX_FILE_BYTES)} limit")
    if suffix in HTML_SUFFIXES:
        return _parse_html(data, name)
    return _parse_text(_decode(data), name)


def _parse_text(text: str, name: str) -> ArticleDoc:
    meta, body = _split_front_matter(text)
    if not body.strip():
        raise _Reject("no text after the front matter" if meta else "empty or whitespace only")
    return ArticleDoc(origin=name, text=body, **meta)


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Metadata from a leading ``---`` block and the text after its closing line."""
    opening = _FENCE.match(text)
    if opening is None:
        return {}, text
    for closing in _FENCE.finditer(text, opening.end()):
        at_line_start = text[closing.start() - 1] in "\r\n"
        if at_line_start:
            block = text[opening.end() : closing.start()]
            return _front_matter_fields(block), text[closing.end() :]
    raise _Reject("front matter opened with '---' on line 1 is never closed", line=1)


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates and yes/no words as strings, checked by us."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _UNRESOLVED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _check_nesting(text: str, what: str) -> None:
    """Refuse text whose brackets nest deeper than MAX_NESTING (quoted text aside)."""
    depth = deepest = 0
    quote = ""
    escaped = False
    for char in text:
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_NESTING:
                raise _Reject(f"{what} nests brackets more than {MAX_NESTING} deep")
        elif char in "]}":
            depth = max(0, depth - 1)


def _front_matter_fields(block: str) -> dict[str, Any]:
    _check_nesting(block, "front matter")
    try:
        loaded = yaml.load(block, Loader=_FrontMatterLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for "---", +1 for 1-based
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise _Reject(f"front matter is not valid YAML: {problem}", line=line) from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise _Reject("front matter must be a mapping of keys to values", line=2)
    fields: dict[str, Any] = {}
    for key in _META_KEYS:
        value = loaded.get(key)
        if value is None:
            continue
        if isinstance(value, (dict, list)):
            raise _Reject(f"front matter field {key!r} must be a single value, not a list or map")
        fields[key] = str(value)
    if loaded.get("published") is not None:
        fields["published"] = _as_date(loaded["published"])
    return fields


def _as_date(value: object) -> date:
    text = str(value).strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    raise _Reject(f"front matter field 'published' is not an ISO date (YYYY-MM-DD): {value!r}")


def _parse_html(data: bytes, name: str) -> ArticleDoc:
    import trafilatura  # heavy import, only needed for HTML

    html = _decode(data, fallback=_declared_charset(data))
    with _library_messages("trafilatura") as messages:
        try:
            found = trafilatura.bare_extraction(html, with_metadata=True,
                                                include_comments=False)
        except Exception as exc:  # third-party parser on untrusted input: report, don't crash
            raise _Reject(f"HTML could not be parsed: {exc}") from None
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise _Reject("no main text found in the HTML page" + _first_of(messages))
    if messages:
        log.warning("%s: read with HTML parser warnings%s", name, _first_of(messages))
    lang = _HTML_LANG.search(html[:_SNIFF_BYTES])
    return ArticleDoc(
        origin=name,
        text=text,
        title=getattr(found, "title", None) or None,
        url=getattr(found, "url", None) or None,
        outlet=getattr(found, "sitename", None) or None,
        published=_html_date(getattr(found, "date", None)),
        language=getattr(found, "language", None) or (lang.group(1).lower() if lang else None),
    )


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())


@contextmanager
def _library_messages(logger_name: str) -> Iterator[list[str]]:
    """A parser library's warnings about one file, collected instead of printed: a
    broken page would otherwise log several lines that name no file, and the reader
    says it once, with the file's name (in the skip reason or one warning)."""
    logger = logging.getLogger(logger_name)
    collected: list[str] = []
    handler = _Collect(collected)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield collected
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _first_of(messages: list[str]) -> str:
    if not messages:
        return ""
    more = f"; {len(messages) - 1} more" if len(messages) > 1 else ""
    return f" (parser: {messages[0]}{more})"


def _html_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _declared_charset(data: bytes) -> str | None:
    match = _HTML_CHARSET.search(data[:_SNIFF_BYTES])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


# --- decoding and binary detection ------------------------------------------------


def _decode(data: bytes, fallback: str | None = None) -> str:
    """UTF-8 (BOM dropped) or BOM-marked UTF-16; never decodes with replacement."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _checked_text(_strict(data[len(bom) :], codec, len(bom)))
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise _Reject("binary file (contains NUL bytes)")
    offset = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = _strict(data[offset:], "utf-8", offset)
    except _Reject:
        if fallback is None or fallback == "utf-8":
            raise
        text = _strict(data, fallback, 0)
    return _checked_text(text)


def _strict(data: bytes, codec: str, shift: int, within: str = "file") -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        where = f"byte offset {exc.start + shift} of the {within}"
        raise _Reject(f"not valid {codec.upper()}: undecodable byte at {where}") from None


def _checked_text(text: str) -> str:
    sample = text[:_SNIFF_BYTES]
    controls = sum(1 for ch in sample if _is_control(ch))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise _Reject("binary file (mostly non-text characters)")
    return text


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return (code < 0x20 and ch not in "\t\n\r\f\v") or 0x7F <= code <= 0x9F


# --- jsonl ------------------------------------------------------------------------


def _jsonl_from_stream(stream: IO[bytes], name: str) -> Iterator[Result]:
    yield from _jsonl_lines(_bounded_lines(stream, MAX_JSONL_LINE_BYTES), name)


def _bounded_lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Lines of at most ``limit`` bytes; ``None`` stands for a longer line (skipped)."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit:
            while line and not line.endswith(b"\n"):
                line = stream.readline(limit + 1)
            yield None
        else:
            yield line


def _jsonl_lines(lines: Iterable[bytes | None], name: str) -> Iterator[Result]:
    non_blank = 0
    for number, line in enumerate(lines, start=1):
        if line is not None and b"\x00" in line:
            yield Skipped(path=name, line=number, reason="binary file (contains NUL bytes)")
            return  # the rest of a binary file would only add noise
        try:
            item = _jsonl_item(line, number)
        except _Reject as rej:
            non_blank += 1
            yield Skipped(path=name, line=number, reason=rej.reason)
            continue
        if item is not None:
            non_blank += 1
            yield ArticleDoc.from_input(item, origin=f"{name}:{number}")
    if non_blank == 0:
        yield Skipped(path=name, reason="empty: no JSON lines")


def _jsonl_item(line: bytes | None, number: int) -> ArticleInput | None:
    if line is None:
        raise _Reject(f"line is longer than the {_mb(MAX_JSONL_LINE_BYTES)} limit")
    if number == 1 and line.startswith(codecs.BOM_UTF8):
        line = line[len(codecs.BOM_UTF8) :]
    text = _strict(line, "utf-8", 0, within="line")
    if not text.strip():
        return None
    _check_nesting(text, "JSON line")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Reject(f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(obj, dict):
        raise _Reject(f"expected a JSON object, got {type(obj).__name__}")
    try:
        item = ArticleInput.model_validate(obj)
    except ValidationError as exc:
        raise _Reject(_validation_summary(exc)) from None
    if not item.text.strip():
        raise _Reject("field 'text' is blank")
    return item


def _validation_summary(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"]) or "(object)"
        parts.append(f"field {field!r}: {error['msg']}")
    return "; ".join(parts)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"
