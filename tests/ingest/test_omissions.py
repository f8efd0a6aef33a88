# ruff: noqa: E501  (article paragraphs are one line each, as published)
"""Omissions by comparison: each side's account of one call, as a news story relays them.

A call's two parties each put out a readout; an outlet often reports both in a
few sentences ("the Kremlin said …", "the Armenian government also said …").
What one side's body says of the call and the other's does not is an omission,
however short the relay. Not compared: a multilateral summit, two bodies of one
side, a body arguing with another's account, and two wordings of one point.
"""

from __future__ import annotations

import pytest

from tests.ingest.test_extraction_corpus import doc, ingest

KREMLIN = "Kremlin press service"
GOV_AM = "Government of Armenia"

RELAYED_READOUTS = doc("relayed_readouts", "2024-05-08", "Caucasus Ledger", """
Russian President Vladimir Putin spoke by phone with Armenian Prime Minister Nikol Pashinyan on Tuesday.

According to a Kremlin statement, the two leaders discussed the work of the joint border commissions and agreed to keep in touch. The Russian side is ready to help restore rail traffic through the region, the statement added.

The Armenian government said the leaders discussed the border commissions. In that context, it said, Pashinyan raised the fate of Armenian detainees still held in Baku.
""")


def omitted_by(g: object, source: str) -> list[str]:
    return [c for s, c, _ in g.edges("OMITS") if s == source]  # type: ignore[attr-defined]


def test_each_side_omits_what_only_the_other_side_said() -> None:
    g = ingest(RELAYED_READOUTS)
    assert any("detainees" in c for c in omitted_by(g, KREMLIN))
    assert any("rail traffic" in c for c in omitted_by(g, GOV_AM))


def test_a_point_both_sides_made_in_other_words_is_not_omitted() -> None:
    g = ingest(RELAYED_READOUTS)
    assert not any("border commissions" in c for c in omitted_by(g, GOV_AM))
    assert not any("border commissions" in c for c in omitted_by(g, KREMLIN))


def test_an_omission_says_whose_account_it_was_compared_with() -> None:
    g = ingest(RELAYED_READOUTS)
    [props] = [p for s, c, p in g.edges("OMITS") if s == KREMLIN and "detainees" in c]
    assert props["method"] == "comparison"
    assert GOV_AM.lower().replace(" ", "-") in str(props["evidence"])


def test_a_summit_is_not_compared_statement_by_statement() -> None:
    summit = doc("summit_statements", "2024-05-08", "Caucasus Ledger", """
French President Emmanuel Macron, Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan met at a summit in Granada on Tuesday.

The Elysée Palace said the leaders discussed the opening of regional transport routes and the work of the border commissions.

The Azerbaijani Foreign Ministry said the French statement gave a one-sided picture of the talks.
""")
    g = ingest(summit)
    assert omitted_by(g, "Ministry of Foreign Affairs of Azerbaijan") == []
    assert omitted_by(g, "Élysée Palace") == []


def test_two_bodies_of_one_side_are_not_compared() -> None:
    one_side = doc("one_side_two_bodies", "2024-05-08", "Caucasus Ledger", """
Russian President Vladimir Putin spoke by phone with Armenian Prime Minister Nikol Pashinyan on Tuesday.

The Kremlin said the two leaders discussed the work of the joint border commissions.

The Russian foreign ministry said the call also covered the restoration of rail traffic through the region.
""")
    g = ingest(one_side)
    assert omitted_by(g, KREMLIN) == []
    assert omitted_by(g, "Ministry of Foreign Affairs of Russia") == []


def test_a_point_a_party_made_separately_is_no_account_of_the_call() -> None:
    separate = doc("separate_point", "2024-05-09", "Caucasus Ledger", """
Russian President Vladimir Putin spoke by phone with Armenian Prime Minister Nikol Pashinyan on Tuesday.

The Kremlin said the two leaders discussed the work of the joint border commissions and the restoration of rail traffic.

Separately, the Armenian Foreign Ministry said that the situation on the border with Azerbaijan had been calm for a week.
""")
    g = ingest(separate)
    assert g.edges("OMITS") == []


QUOTED_PRESIDENCY = doc("quoted_presidency", "2024-03-08", "Caucasus Ledger", """
Russian President Vladimir Putin and Azerbaijani President Ilham Aliyev spoke by phone on Thursday.

The Kremlin said the two presidents discussed the schedule of the intergovernmental commission and agreed to stay in contact.

“President Ilham Aliyev stressed that the cargo trains, while crossing the Russian section of the corridor, were held up for days, as a result of which exporters lost contracts,” said the statement of the office of the President of Azerbaijan.

It added that Aliyev “asked Putin to order the customs service to clear the backlog before the end of the month.”
""")


def test_points_of_a_readout_quoted_and_continued_with_it_added_are_compared() -> None:
    # The presidency's statement is quoted, then carried on by "It added": both points
    # are the presidency's, so the Kremlin's account is what leaves them out.
    g = ingest(QUOTED_PRESIDENCY)
    omitted = omitted_by(g, KREMLIN)
    assert any("cargo trains" in c for c in omitted)
    assert any("customs service" in c for c in omitted)
    assert not omitted_by(g, "Ilham Aliyev")


def test_an_omission_names_the_account_it_was_compared_with() -> None:
    g = ingest(RELAYED_READOUTS)
    article = next(n.id for n in g.export.nodes if "Article" in n.labels)
    (props,) = [p for c, p in g.by("OMITS", KREMLIN) if "detainees" in c]
    assert props["compared_with"] == [f"source:government-of-armenia {article}"]


STATED_BASE = """
Armenian Foreign Minister Ararat Mirzoyan and Azerbaijani Foreign Minister Jeyhun Bayramov held a phone call on Monday.

The Armenian Foreign Ministry said the ministers had discussed the release of Armenian detainees held in Baku.

"""


@pytest.mark.parametrize(("stated", "omitting"), [
    ("The Azerbaijani readout of the call did not mention the release of the Armenian detainees.", "Azerbaijan"),
    ("The Azerbaijani Foreign Ministry's statement made no mention of the release of the Armenian detainees.", "Ministry of Foreign Affairs of Azerbaijan"),
    ("The Azerbaijani readout was silent on the release of the Armenian detainees.", "Azerbaijan"),
    ("There was no mention of the release of the Armenian detainees in the Azerbaijani statement.", "Azerbaijan"),
    ("The release of the Armenian detainees was not mentioned in the Azerbaijani readout.", "Azerbaijan"),
    ("Baku's readout omitted any reference to the release of the Armenian detainees.", "Azerbaijan"),
])
def test_a_stated_omission_is_the_named_accounts_though_the_story_gives_none_of_it(
        stated: str, omitting: str) -> None:
    g = ingest(doc("stated_omission", "2024-05-07", "Caucasus Ledger", STATED_BASE + stated))
    (claim,) = omitted_by(g, omitting)
    assert "release of Armenian detainees" in claim
    assert not g.edges("DENIES")  # what an account left out is no denial
    ((_, _, props),) = [e for e in g.edges("OMITS") if e[0] == omitting]
    assert props["method"] == "stated" and str(props["evidence"]) in stated


@pytest.mark.parametrize("said", [
    "There was no mention of the release of the Armenian detainees during the call, the Azerbaijani Foreign Ministry said.",
    "The release of the Armenian detainees was not mentioned, Jeyhun Bayramov said.",
])
def test_not_mentioned_in_the_talks_is_no_omission(said: str) -> None:
    g = ingest(doc("not_mentioned_in_talks", "2024-05-07", "Caucasus Ledger", STATED_BASE + said))
    assert not [e for e in g.edges("OMITS") if e[0] in ("Azerbaijan", "Ministry of Foreign Affairs of Azerbaijan")
                and "release" in e[1] and e[2].get("method") == "stated"]
