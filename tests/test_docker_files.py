"""The Docker files, read as Docker would read them (Docker itself is not available here)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines
            if line and not line.startswith("#")]


def test_dependencies_are_installed_before_the_code_is_copied() -> None:
    steps = _instructions()
    first_code = next(i for i, (op, arg) in enumerate(steps)
                      if op == "COPY" and arg.startswith("app"))
    installs = [i for i, (op, arg) in enumerate(steps) if op == "RUN" and "requirements" in arg]
    assert installs and installs[0] < first_code
    copied_before = [arg.split()[0] for op, arg in steps[:first_code] if op == "COPY"]
    assert copied_before[0] == "pyproject.toml"
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert deps["project"]["dependencies"]  # what that step installs


def test_the_api_runs_as_a_user_and_has_a_healthcheck() -> None:
    steps = _instructions()
    users = [arg for op, arg in steps if op == "USER"]
    assert users and users[-1] not in ("root", "0")
    assert any(op == "HEALTHCHECK" and "/health" in arg for op, arg in steps)


def test_compose_mounts_the_analysts_corpus_and_checks_the_api() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    api = compose["services"]["api"]
    assert any(v.endswith(":/corpus:ro") for v in api["volumes"])
    assert "/health" in " ".join(api["healthcheck"]["test"])
    assert all(p.startswith("127.0.0.1:") for s in compose["services"].values() for p in s["ports"])
