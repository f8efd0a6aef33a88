"""Tests for ingest.readers: every format, front matter, folders, stdin, bad input."""

from __future__ import annotations

import io
import json
import logging
import sys
from datetime import date
from pathlib import Path

import pytest

from ingest import readers
from ingest.documents import ArticleDoc, Skipped
from ingest.readers import read_paths, read_upload

BODY = "On 25 July, Ararat Mirzoyan spoke with Jeyhun Bayramov.\n\n  Indented   line.\n"
FRONT = (
    "---\ntitle: A call\nurl: https://example.org/a\noutlet: Example\n"
    "published: 2023-07-26\nlanguage: en\nextra: ignored\n---\n"
)

HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministers speak | Caucasus Wire</title>
<meta property="og:title" content="Ministers speak by phone">
<meta property="og:site_name" content="Caucasus Wire">
<meta property="og:url" content="https://example.org/news/1">
<meta property="article:published_time" content="2023-05-02">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li></ul></nav>
<article><h1>Ministers speak by phone</h1>
<p>Armenian Foreign Minister Ararat Mirzoyan and Azerbaijani Foreign Minister Jeyhun Bayramov
held a phone conversation on Tuesday, the ministry said in a statement.</p>
<p>The ministers discussed the draft peace treaty and the delimitation of the border,
according to the readout published by the ministry on its website.</p>
</article>
<footer>Copyright 2023 Caucasus Wire. All rights reserved.</footer>
</body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def one(results: list[ArticleDoc | Skipped]) -> ArticleDoc | Skipped:
    assert len(results) == 1, results
    return results[0]


def doc_of(path: Path) -> ArticleDoc:
    result = one(list(read_paths([path])))
    assert isinstance(result, ArticleDoc), result
    return result


def skip_of(path: Path) -> Skipped:
    result = one(list(read_paths([path])))
    assert isinstance(result, Skipped), result
    assert result.path == str(path)
    return result


# --- text and markdown -------------------------------------------------------------


def test_txt_without_front_matter_keeps_text_exactly(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", BODY)
    doc = doc_of(path)
    assert doc.text == BODY
    assert doc.origin == str(path)
    assert doc.title is None and doc.published is None


def test_front_matter_fields_and_text_after_it(tmp_path: Path) -> None:
    doc = doc_of(write(tmp_path / "a.md", FRONT + BODY))
    assert doc.text == BODY
    assert doc.title == "A call"
    assert doc.url == "https://example.org/a"
    assert doc.outlet == "Example"
    assert doc.published == date(2023, 7, 26)
    assert doc.language == "en"


def test_offsets_equal_file_text_minus_front_matter(tmp_path: Path) -> None:
    body = "# Heading stays\n\n\tTabbed  text  \n\n\nTrailing blank lines\n\n\n"
    raw = FRONT + body
    doc = doc_of(write(tmp_path / "a.markdown", raw))
    assert doc.text == raw[len(FRONT) :]
    start = doc.text.index("Tabbed")
    assert raw[len(FRONT) + start :].startswith("Tabbed  text")


def test_blank_line_after_front_matter_is_kept(tmp_path: Path) -> None:
    doc = doc_of(write(tmp_path / "a.txt", "---\ntitle: T\n---\n\nBody\n"))
    assert doc.text == "\nBody\n"


def test_crlf_front_matter_and_body_untouched(tmp_path: Path) -> None:
    raw = "---\r\ntitle: T\r\npublished: 2022-03-16\r\n---\r\nLine one.\r\nLine two.\r\n"
    doc = doc_of(write(tmp_path / "a.txt", raw))
    assert doc.title == "T"
    assert doc.published == date(2022, 3, 16)
    assert doc.text == "Line one.\r\nLine two.\r\n"


def test_empty_front_matter_block(tmp_path: Path) -> None:
    doc = doc_of(write(tmp_path / "a.txt", "---\n---\nBody\n"))
    assert doc.text == "Body\n" and doc.title is None


def test_utf8_bom_is_dropped_before_front_matter(tmp_path: Path) -> None:
    doc = doc_of(write(tmp_path / "a.txt", b"\xef\xbb\xbf" + (FRONT + BODY).encode()))
    assert doc.title == "A call" and doc.text == BODY


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    doc = doc_of(write(tmp_path / "a.txt", (FRONT + BODY).encode("utf-16")))
    assert doc.text == BODY


def test_yes_no_words_and_numbers_stay_text(tmp_path: Path) -> None:
    doc = doc_of(write(tmp_path / "a.txt", "---\ntitle: 2022\nlanguage: no\n---\nBody\n"))
    assert doc.title == "2022" and doc.language == "no"


def test_datetime_published_is_reduced_to_date(tmp_path: Path) -> None:
    doc = doc_of(write(tmp_path / "a.txt", "---\npublished: 2022-07-26T10:30:00\n---\nB\n"))
    assert doc.published == date(2022, 7, 26)


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "---\ntitle: ok\nurl: [unclosed\noutlet: x\n---\nBody\n")
    skipped = skip_of(path)
    assert "not valid YAML" in skipped.reason
    assert skipped.line is not None and skipped.line >= 3
    assert str(skipped).startswith(f"{path}:")


@pytest.mark.parametrize("value", ["26 July 2022", "2022-13-01", "soon"])
def test_published_that_is_not_a_date_names_the_field(tmp_path: Path, value: str) -> None:
    skipped = skip_of(write(tmp_path / "a.txt", f"---\npublished: {value}\n---\nBody\n"))
    assert "published" in skipped.reason


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    skipped = skip_of(write(tmp_path / "a.txt", "---\n- a\n- b\n---\nBody\n"))
    assert "mapping" in skipped.reason


def test_front_matter_list_value_names_the_field(tmp_path: Path) -> None:
    skipped = skip_of(write(tmp_path / "a.txt", "---\ntitle: [a, b]\n---\nBody\n"))
    assert "'title'" in skipped.reason


def test_unclosed_front_matter(tmp_path: Path) -> None:
    skipped = skip_of(write(tmp_path / "a.md", "---\ntitle: x\nBody without closing\n"))
    assert "never closed" in skipped.reason and skipped.line == 1


def test_dashes_later_in_text_are_not_front_matter(tmp_path: Path) -> None:
    raw = "Intro\n---\ntitle: no\n---\nMore\n"
    assert doc_of(write(tmp_path / "a.md", raw)).text == raw


def test_front_matter_only_is_skipped(tmp_path: Path) -> None:
    skipped = skip_of(write(tmp_path / "a.txt", FRONT + "\n  \n"))
    assert "no text after the front matter" in skipped.reason


# --- html --------------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    doc = doc_of(write(tmp_path / "page.html", HTML))
    assert "Ararat Mirzoyan" in doc.text
    assert "Politics" not in doc.text and "All rights reserved" not in doc.text
    assert doc.title == "Ministers speak by phone"
    assert doc.outlet == "Caucasus Wire"
    assert doc.url == "https://example.org/news/1"
    assert doc.published == date(2023, 5, 2)
    assert doc.language == "en"


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    html = HTML.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "Tuesday", "Tuesday – café"
    )
    doc = doc_of(write(tmp_path / "page.htm", html.encode("cp1252")))
    assert "café" in doc.text


def test_html_without_main_text_is_skipped(tmp_path: Path) -> None:
    skipped = skip_of(write(tmp_path / "empty.html", "<html><head></head><body></body></html>"))
    assert "no main text" in skipped.reason


def test_a_broken_page_is_one_line_naming_its_file_not_several_library_warnings(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str],
) -> None:
    with caplog.at_level(logging.DEBUG):
        skipped = skip_of(write(tmp_path / "blank.html", " "))
    assert "no main text" in skipped.reason and "parser: " in skipped.reason
    assert [r for r in caplog.records if r.name.startswith("trafilatura")] == []
    assert capsys.readouterr().err == ""


# --- jsonl -------------------------------------------------------------------------


def jsonl(*rows: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows)


def test_jsonl_lines_blank_lines_and_origins(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.jsonl",
        jsonl(
            {"text": "First.", "title": "One", "published": "2023-01-02", "outlet": "X"},
            "",
            {"text": "Second.", "url": "https://e.org/2", "language": "en", "unknown": 1},
        ),
    )
    docs = list(read_paths([path]))
    assert [d.origin for d in docs if isinstance(d, ArticleDoc)] == [f"{path}:1", f"{path}:3"]
    first = docs[0]
    assert isinstance(first, ArticleDoc)
    assert first.published == date(2023, 1, 2) and first.outlet == "X"


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        (json.dumps({"title": "no text"}), "'text'"),
        (json.dumps({"text": "   "}), "'text'"),
        (json.dumps({"text": "x", "published": "July"}), "'published'"),
    ],
)
def test_jsonl_malformed_line_names_line_and_problem(
    tmp_path: Path, line: str, needle: str
) -> None:
    path = write(tmp_path / "a.jsonl", jsonl({"text": "Good."}, line, {"text": "Also good."}))
    results = list(read_paths([path]))
    assert [type(r).__name__ for r in results] == ["ArticleDoc", "Skipped", "ArticleDoc"]
    skipped = results[1]
    assert isinstance(skipped, Skipped)
    assert skipped.path == str(path) and skipped.line == 2
    assert needle in skipped.reason


def test_jsonl_undecodable_line_gives_offset(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", b'{"text": "ok"}\n{"text": "bad \xff"}\n')
    skipped = list(read_paths([path]))[1]
    assert isinstance(skipped, Skipped) and skipped.line == 2
    assert "byte offset 14 of the line" in skipped.reason


def test_jsonl_oversized_line_is_skipped_and_reading_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_JSONL_LINE_BYTES", 100)
    long = json.dumps({"text": "x" * 500})
    path = write(tmp_path / "a.jsonl", jsonl(long, {"text": "after"}))
    results = list(read_paths([path]))
    assert isinstance(results[0], Skipped) and results[0].line == 1
    assert "longer than" in results[0].reason
    assert isinstance(results[1], ArticleDoc) and results[1].origin == f"{path}:2"


def test_jsonl_binary_stops_at_first_nul(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", b"\x00\x01\x02\n" * 50)
    skipped = skip_of(path)
    assert "binary" in skipped.reason and skipped.line == 1


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_jsonl_empty_file(tmp_path: Path, content: str) -> None:
    assert "empty" in skip_of(write(tmp_path / "a.jsonl", content)).reason


# --- bad input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\t\r\n", "empty"),
        ("nul.txt", b"text\x00more", "binary"),
        ("controls.txt", bytes(range(1, 9)) * 50, "binary"),
        ("latin1.txt", "Caf\u00e9 de Paris".encode("latin-1"), "byte offset 3"),
        ("bom_latin1.txt", b"\xef\xbb\xbfCaf\xe9", "byte offset 6"),
        ("nul.html", b"<html>\x00</html>", "binary"),
        ("bad.html", b"<html><body><p>caf\xe9</p></body></html>", "byte offset"),
    ],
)
def test_bad_files_are_skipped_naming_the_file(
    tmp_path: Path, name: str, content: bytes, needle: str
) -> None:
    skipped = skip_of(write(tmp_path / name, content))
    assert needle in skipped.reason
    assert str(skipped).startswith(str(tmp_path / name))


def test_oversized_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 50)
    skipped = skip_of(write(tmp_path / "big.txt", "word " * 20))
    assert "larger than" in skipped.reason


def test_missing_path_is_skipped(tmp_path: Path) -> None:
    assert "no such file" in skip_of(tmp_path / "nope.txt").reason


def test_explicit_unknown_extension_is_skipped(tmp_path: Path) -> None:
    skipped = skip_of(write(tmp_path / "notes.pdf", "hello"))
    assert "unsupported file type '.pdf'" in skipped.reason


# --- folders -----------------------------------------------------------------------


def test_folders_are_read_recursively_sorted_without_hidden_or_unknown(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", "b")
    write(root / "a.md", "a")
    write(root / "sub" / "c.TXT", "c")
    write(root / "sub" / "deeper" / "d.jsonl", jsonl({"text": "d"}))
    write(root / "z.html", HTML)
    write(root / "ignored.pdf", "pdf")
    write(root / "README", "no extension")
    write(root / ".hidden.txt", "hidden")
    write(root / ".git" / "x.txt", "hidden dir")
    results = list(read_paths([root]))
    assert all(isinstance(r, ArticleDoc) for r in results), results
    origins = [r.origin for r in results if isinstance(r, ArticleDoc)]
    assert origins == [
        str(root / "a.md"),
        str(root / "b.txt"),
        str(root / "sub" / "c.TXT"),
        f"{root / 'sub' / 'deeper' / 'd.jsonl'}:1",
        str(root / "z.html"),
    ]


def test_paths_keep_the_given_order(tmp_path: Path) -> None:
    second = write(tmp_path / "b.txt", "b")
    first = write(tmp_path / "a.txt", "a")
    docs = list(read_paths([second, str(first)]))
    assert [d.text for d in docs if isinstance(d, ArticleDoc)] == ["b", "a"]


# --- stdin and uploads -------------------------------------------------------------


def test_stdin_text_with_front_matter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((FRONT + BODY).encode())))
    doc = one(list(read_paths(["-"])))
    assert isinstance(doc, ArticleDoc)
    assert doc.origin == "<stdin>" and doc.title == "A call" and doc.text == BODY


def test_stdin_without_buffer_attribute(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(BODY))
    doc = one(list(read_paths(["-"])))
    assert isinstance(doc, ArticleDoc) and doc.text == BODY


def test_stdin_jsonl_when_it_starts_with_brace(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "\n" + jsonl({"text": "One."}, "{broken", {"text": "Two."})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    results = list(read_paths(["-"]))
    assert [r.origin for r in results if isinstance(r, ArticleDoc)] == ["<stdin>:2", "<stdin>:4"]
    skipped = results[1]
    assert isinstance(skipped, Skipped) and skipped.path == "<stdin>" and skipped.line == 3


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    skipped = one(list(read_paths(["-"])))
    assert isinstance(skipped, Skipped) and skipped.path == "<stdin>"


def test_upload_dispatches_on_extension() -> None:
    doc = one(list(read_upload("call.md", (FRONT + BODY).encode())))
    assert isinstance(doc, ArticleDoc) and doc.origin == "call.md" and doc.text == BODY
    lines = list(read_upload("batch.jsonl", jsonl({"text": "a"}, {"text": "b"}).encode()))
    assert [d.origin for d in lines if isinstance(d, ArticleDoc)] == [
        "batch.jsonl:1",
        "batch.jsonl:2",
    ]
    html = one(list(read_upload("page.HTML", HTML.encode())))
    assert isinstance(html, ArticleDoc) and "Bayramov" in html.text


def test_upload_bad_inputs_name_the_file() -> None:
    unknown = one(list(read_upload("photo.jpg", b"\xff\xd8")))
    assert isinstance(unknown, Skipped) and unknown.path == "photo.jpg"
    binary = one(list(read_upload("x.txt", b"\x00\x00")))
    assert isinstance(binary, Skipped) and binary.path == "x.txt" and "binary" in binary.reason


def test_sample_corpus_reads_without_skips() -> None:
    samples = Path(__file__).resolve().parents[2] / "samples"
    results = list(read_paths([samples]))
    assert [r for r in results if isinstance(r, Skipped)] == []
    assert len(results) >= 8
    for doc in results:
        assert isinstance(doc, ArticleDoc)
        assert doc.published is not None and doc.title and "illustrative" in doc.title


def test_stdin_text_with_a_long_first_line_is_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_JSONL_LINE_BYTES", 10)
    text = "A first line much longer than ten bytes.\nSecond line.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    doc = one(list(read_paths(["-"])))
    assert isinstance(doc, ArticleDoc) and doc.text == text


def test_unreadable_stdin_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    class Closed(io.StringIO):
        def read(self, size: int | None = -1) -> str:
            raise OSError("reading from stdin while output is captured")

    monkeypatch.setattr(sys, "stdin", Closed())
    skipped = one(list(read_paths(["-"])))
    assert isinstance(skipped, Skipped) and skipped.path == "<stdin>"
    assert "cannot read standard input" in skipped.reason


def test_deeply_nested_front_matter_is_one_skipped_file_not_a_crash(tmp_path: Path) -> None:
    flow = write(tmp_path / "flow.txt", "---\ntitle: " + "[" * 3000 + "]" * 3000
                 + "\n---\nThe talks were useful.\n")
    indented = write(tmp_path / "indented.txt", "---\n" + "".join(
        " " * i + "a:\n" for i in range(3000)) + "---\nThe talks were useful.\n")
    good = write(tmp_path / "good.txt", "---\ntitle: fine\n---\nThe talks were useful.\n")
    results = list(read_paths([flow, indented, good]))
    skipped = {Path(r.path).name: r.reason for r in results if isinstance(r, Skipped)}
    assert "more than" in skipped["flow.txt"] and "deep" in skipped["flow.txt"]
    assert "indented.txt" in skipped
    assert [Path(r.origin).name for r in results if isinstance(r, ArticleDoc)] == ["good.txt"]


def test_a_deeply_nested_json_line_is_skipped_and_the_next_line_read(tmp_path: Path) -> None:
    lines = write(tmp_path / "articles.jsonl", '{"text": ' + "[" * 5000 + "]" * 5000 + "}\n"
                  + json.dumps({"text": "The talks were useful and will go on."}) + "\n")
    results = list(read_paths([lines]))
    assert isinstance(results[0], Skipped) and "deep" in results[0].reason
    assert isinstance(results[1], ArticleDoc)


def test_brackets_inside_quoted_json_text_are_not_nesting(tmp_path: Path) -> None:
    lines = write(tmp_path / "quoted.jsonl",
                  json.dumps({"text": "A list: " + "[" * 200 + " of brackets."}) + "\n")
    assert isinstance(one(list(read_paths([lines]))), ArticleDoc)
