"""Deterministic ids, derived from normalised content.

The rule: an id is a function of what a thing *is*, never of when or in which
order it was seen. Writing the same input twice therefore merges onto the same
nodes and edges instead of duplicating them, in both stores.

* Actor and Source ids are readable slugs of the canonical name
  (``actor:antony-blinken``), because analysts type them in Cypher.
* Event ids combine kind, date and the sorted participant ids.
* Claim, Article and edge ids are short hashes of their defining content.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^a-z0-9@.]+")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c))
    ascii_only = ascii_only.replace("ə", "a").replace("Ə", "a").replace("ı", "i")
    return _NON_WORD.sub(" ", ascii_only.lower()).strip(" .")


def slug(text: str) -> str:
    return normalise(text).replace(" ", "-").replace(".", "-").strip("-") or "x"


def digest(*parts: str, length: int = 16) -> str:
    joined = "\x1f".join(parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


def actor_id(name: str) -> str:
    return f"actor:{slug(name)}"


def source_id(name: str) -> str:
    return f"source:{slug(name)}"


def article_id(content_hash: str) -> str:
    return f"article:{content_hash[:16]}"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_id(kind: str, date: str | None, participant_ids: list[str], extra: str = "") -> str:
    """Same kind, same day, same participants: the same event, whoever reports it."""
    people = ",".join(sorted(set(participant_ids)))
    return f"event:{kind}:{date or 'undated'}:{digest(people, extra, length=10)}"


def claim_id(event_or_scope: str, text: str) -> str:
    return f"claim:{digest(event_or_scope, normalise(text))}"


def edge_id(edge_type: str, start: str, end: str, *qualifiers: str) -> str:
    return f"rel:{digest(edge_type, start, end, *qualifiers)}"
