# ruff: noqa: E501  (article paragraphs are one line each, as published)
"""Nodes written once per batch keep what every article of the batch says of them."""

from __future__ import annotations

from tests.ingest.test_extraction_corpus import doc, ingest

MOD_AZ = "Ministry of Defence of Azerbaijan"


def test_every_spelling_in_one_batch_becomes_an_alias() -> None:
    first = doc("spelling_one", "2023-03-06", "Caucasus Ledger", """
Azerbaijan's Defence Ministry said on Monday that its positions near the border had come under fire during the night.
""")
    second = doc("spelling_two", "2023-03-07", "Caucasus Ledger", """
The Azerbaijani Defense Ministry said on Tuesday that the situation on the border had been calm since the morning.
""")
    g = ingest(first, second, batch_size=10)
    (node,) = [n.properties for n in g.export.nodes
               if "Source" in n.labels and n.properties["name"] == MOD_AZ]
    aliases = set(node["aliases"])  # type: ignore[call-overload]
    assert {"Azerbaijan's Defence Ministry", "Azerbaijani Defense Ministry"} <= aliases
