# ruff: noqa: E501  (article paragraphs are one line each, as published)
"""Joint accounts and unnamed officials, end to end through the real extractor.

"A and B said …" gives each of A and B the point, whether they are named
people, states, or bodies written with one shared noun ("the Armenian and
Azerbaijani foreign ministries"). "Azerbaijani officials said" is
Azerbaijan's account, given anonymously. The texts are written for these
tests; no sentence comes from a real article.
"""

from __future__ import annotations

from tests.ingest.test_attribution_scope import LEDGER, sources_of
from tests.ingest.test_extraction_corpus import Graph, assert_verbatim, doc, ingest

MFA_AM = "Ministry of Foreign Affairs of Armenia"
MFA_AZ = "Ministry of Foreign Affairs of Azerbaijan"

JOINT = doc("joint_accounts", "2024-05-02", LEDGER, """
Armenia and Azerbaijan said in a joint statement on Thursday that the border commissions would meet again in Almaty next month.

Prime Minister Nikol Pashinyan and President Ilham Aliyev also stressed that the delimitation should follow the maps agreed by both commissions.

The Armenian and Azerbaijani foreign ministries confirmed that the working groups had exchanged new drafts of the protocol.

The foreign ministers of Armenia and Azerbaijan noted that the drafts would be published after the Almaty meeting.
""")


def test_two_states_speaking_jointly_both_assert_the_point() -> None:
    g = ingest(JOINT)
    assert sources_of(g, "border commissions", "Almaty next month") == {"Armenia", "Azerbaijan"}
    assert_verbatim(g)


def test_two_named_leaders_each_assert_what_they_stressed() -> None:
    g = ingest(JOINT)
    assert sources_of(g, "delimitation", "maps agreed") == {"Nikol Pashinyan", "Ilham Aliyev"}


def test_bodies_written_with_one_shared_noun_are_each_states_body() -> None:
    g = ingest(JOINT)
    assert sources_of(g, "working groups", "new drafts") == {MFA_AM, MFA_AZ}
    assert not g.by("ASSERTS", LEDGER)  # none of it is the outlet's own word


def test_office_holders_of_two_states_are_the_holders_on_the_day() -> None:
    g = ingest(JOINT)
    assert sources_of(g, "published after", "Almaty meeting") == {"Ararat Mirzoyan",
                                                                   "Jeyhun Bayramov"}


READOUT = doc("joint_in_readout", "2024-05-02", "Kremlin press service", """
Vladimir Putin had a telephone conversation with Prime Minister of Armenia Nikol Pashinyan.

Vladimir Putin and Nikol Pashinyan stressed the importance of implementing the trilateral agreements on unblocking transport links.
""")


def test_leaders_speaking_jointly_inside_a_readout_are_the_readouts() -> None:
    g = ingest(READOUT)
    assert sources_of(g, "unblocking transport links") == {"Kremlin press service"}


UNNAMED = doc("unnamed_officials", "2024-05-02", LEDGER, """
Azerbaijani officials told reporters on Thursday that the checkpoint on the border road would remain closed until further notice.

Russian Foreign Minister Sergey Lavrov said that Moscow was ready to host the next round of the border talks.

A senior Armenian official said the government was studying the new proposals on the checkpoint.
""")


def _confidence(g: Graph, source: str, *words: str) -> float:
    found = [p["confidence"] for c, p in g.by("ASSERTS", source)
             if all(w in c + str(p.get("evidence")) for w in words)]
    assert len(found) == 1, found
    return float(str(found[0]))


def test_unnamed_officials_give_their_states_account_at_lower_confidence() -> None:
    g = ingest(UNNAMED)
    assert sources_of(g, "checkpoint on the border road") == {"Azerbaijan"}
    assert sources_of(g, "studying the new proposals") == {"Armenia"}
    named = _confidence(g, "Sergey Lavrov", "next round")
    assert _confidence(g, "Azerbaijan", "remain closed") < named
    assert not g.by("ASSERTS", LEDGER)


def test_titles_of_states_named_with_their_article_resolve_to_that_states_holder() -> None:
    g = ingest(doc("joint_titles", "2024-05-02", LEDGER, """
President Ilham Aliyev said on Monday that the commissions had made progress.

The Prime Minister of Armenia and President of the Russian Federation also emphasized the role of the mediators in their joint statement on April 19.
"""))
    # "President of the Russian Federation" is Putin, not the president named before
    assert sources_of(g, "role of the mediators") == {"Nikol Pashinyan", "Vladimir Putin"}

