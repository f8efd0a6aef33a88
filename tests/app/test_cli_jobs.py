"""``sckg ingest --jobs``: how many processes extract, handed to the pipeline."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from app.cli import EXIT_USAGE, cli


@dataclass
class FakeReport:
    skipped: list[Any] = field(default_factory=list)

    def summary(self) -> str:
        return "ingested 0"


@pytest.fixture
def options(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Stand in for ingest.pipeline and record the options the CLI passed."""
    calls: dict[str, Any] = {}

    def ingest_paths(store: Any, paths: list[Path], **given: Any) -> FakeReport:
        calls.update(given)
        return FakeReport()

    module = types.ModuleType("ingest.pipeline")
    module.ingest_paths = ingest_paths  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ingest.pipeline", module)
    return calls


def sckg(tmp_path: Path, *args: str) -> Result:
    article = tmp_path / "call.txt"
    article.write_text("Aliyev spoke with Blinken.")
    argv = ["--db", str(tmp_path / "g"), "ingest", str(article), *args]
    return CliRunner().invoke(cli, argv, catch_exceptions=False)


def test_jobs_is_handed_to_the_pipeline(tmp_path: Path, options: dict[str, Any]) -> None:
    result = sckg(tmp_path, "--jobs", "3")

    assert result.exit_code == 0, result.output
    assert options["jobs"] == 3


def test_jobs_defaults_to_the_number_of_cores(
    tmp_path: Path, options: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 5)

    result = sckg(tmp_path)

    assert result.exit_code == 0, result.output
    assert options["jobs"] == 5


def test_jobs_below_one_is_a_usage_error(tmp_path: Path, options: dict[str, Any]) -> None:
    result = sckg(tmp_path, "--jobs", "0")

    assert result.exit_code == EXIT_USAGE
    assert "--jobs" in result.output and options == {}
