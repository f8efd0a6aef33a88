"""Settings: read from SCKG_* variables, documented, secrets kept secret."""

from __future__ import annotations

import pytest

from app.settings import Settings, default_db, get_settings


def test_every_setting_is_documented() -> None:
    for name, info in Settings.model_fields.items():
        assert info.description and len(info.description) > 15, name


def test_defaults_need_no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCKG_DB", raising=False)

    settings = Settings()

    assert settings.db == default_db() and settings.db.endswith("graph")
    assert (settings.neo4j_user, settings.api_key, settings.cors_origins) == ("neo4j", None, [])
    assert (settings.cypher_timeout_s, settings.cypher_row_limit, settings.page_limit_max) == (
        10.0, 1000, 500,
    )  # fmt: skip


def test_values_come_from_sckg_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCKG_DB", "bolt://localhost:7687")
    monkeypatch.setenv("SCKG_NEO4J_PASSWORD", "s3cret-pass")
    monkeypatch.setenv("SCKG_CYPHER_ROW_LIMIT", "50")

    settings = Settings()

    assert settings.db == "bolt://localhost:7687" and settings.cypher_row_limit == 50
    assert settings.neo4j_password_value() == "s3cret-pass"
    assert "s3cret-pass" not in repr(settings)


@pytest.mark.parametrize(
    "raw", ['["http://a.test", "http://b.test"]', "http://a.test, http://b.test"]
)
def test_cors_origins_take_a_json_list_or_commas(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("SCKG_CORS_ORIGINS", raw)

    assert Settings().cors_origins == ["http://a.test", "http://b.test"]


def test_nonsense_is_refused_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCKG_CYPHER_TIMEOUT_S", "-1")

    with pytest.raises(ValueError, match="cypher_timeout_s"):
        Settings()


def test_get_settings_builds_them_once() -> None:
    get_settings.cache_clear()
    try:
        assert get_settings() is get_settings()
    finally:
        get_settings.cache_clear()
