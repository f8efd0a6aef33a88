"""Articles as the pipeline sees them, before any extraction.

An :class:`ArticleDoc` is one text with its metadata and where it came from
(file and line), so every later error or edge can name its origin. A
:class:`Skipped` records input that could not become a document, and why.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from graph.ids import article_id, content_hash
from graph.model import KeptText


class ArticleInput(BaseModel):
    """One article as given over the API or in a ``.jsonl`` line."""

    model_config = ConfigDict(extra="ignore")

    text: str = Field(min_length=1, description="Main text of the article.")
    title: str | None = Field(default=None, description="Headline.")
    url: str | None = Field(default=None, description="Where it was published.")
    outlet: str | None = Field(default=None, description="Who published it (e.g. JAMnews).")
    published: date | None = Field(default=None, description="Publication date (ISO).")
    language: str | None = Field(default=None, description="ISO 639-1 code, e.g. en.")


class ArticleDoc(BaseModel):
    """A readable article with its origin; the unit the extractor works on."""

    model_config = ConfigDict(extra="forbid")

    origin: str  # file path, "path:line" for jsonl, "<stdin>", or "api[3]"
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = None

    @classmethod
    def from_input(cls, item: ArticleInput, origin: str) -> ArticleDoc:
        return cls(origin=origin, **item.model_dump())

    @property
    def article_id(self) -> str:
        return article_id(content_hash(self.text))

    def kept(self) -> KeptText:
        """The text and metadata the store keeps beside the graph (see KeptText)."""
        return KeptText(article_id=self.article_id, content_hash=content_hash(self.text),
                        origin=self.origin, text=self.text, title=self.title, url=self.url,
                        outlet=self.outlet, language=self.language,
                        published=self.published.isoformat() if self.published else None)

    @classmethod
    def from_kept(cls, kept: KeptText) -> ArticleDoc:
        """The document a kept text was read from (its text empty if kept without it)."""
        return cls(origin=kept.origin, text=kept.text, title=kept.title, url=kept.url,
                   outlet=kept.outlet, language=kept.language,
                   published=date.fromisoformat(kept.published) if kept.published else None)


class Skipped(BaseModel):
    """Input that was not ingested, and the reason a user can act on."""

    path: str
    line: int | None = None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"
