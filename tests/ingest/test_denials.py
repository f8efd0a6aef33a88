# ruff: noqa: E501  (article paragraphs are one line each, as published)
"""A denial points at the claim it denies, end to end through the real extractor.

The articles are written for these tests; no sentence comes from a real one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from ingest.pipeline import ingest_paths
from tests.ingest.test_attribution_scope import sources_of
from tests.ingest.test_extraction_corpus import assert_verbatim, doc, ingest

LEDGER = "Caucasus Ledger"
MFA_GE = "Ministry of Foreign Affairs of Georgia"
MFA_AM = "Ministry of Foreign Affairs of Armenia"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_denying_the_claim_points_at_the_claim_reported_before() -> None:
    g = ingest(doc("claim_then_denial", "2024-02-12", LEDGER, """
The Georgian Foreign Ministry said on Sunday that the two governments had agreed to open a new border crossing near Sadakhlo next spring.

The Armenian Foreign Ministry denied the claim on Monday, saying the question was still under discussion.
"""))
    denied = g.by("DENIES", MFA_AM)
    assert len(denied) == 1
    claim, props = denied[0]
    assert "Sadakhlo" in claim  # the claim denied, not the denial's own words
    assert "denied the claim" in str(props["evidence"])
    assert sources_of(g, "Sadakhlo") == {MFA_GE}
    assert_verbatim(g)


def test_accusations_that_z_make_z_the_denied_claim_asserted_by_its_owner() -> None:
    g = ingest(doc("accusation_rejected", "2024-02-12", LEDGER, """
The Armenian Foreign Ministry on Monday rejected accusations by the Georgian Foreign Ministry that Armenian trucks had carried weapons through the Bagratashen checkpoint.
"""))
    ((claim, props),) = g.by("DENIES", MFA_AM)
    assert "trucks had carried weapons" in claim.lower()
    assert "rejected" not in claim.lower()
    assert "rejected accusations" in str(props["evidence"])
    assert MFA_GE in sources_of(g, "trucks", "weapons")
    assert_verbatim(g)


def test_rejecting_a_request_is_no_denial() -> None:
    g = ingest(doc("request_rejected", "2024-02-12", LEDGER, """
The Georgian Foreign Ministry said on Monday that the Armenian side had rejected a request to move the next round of border talks to Tbilisi.
"""))
    assert not g.edges("DENIES")


def test_a_spokesperson_the_list_lacks_speaks_for_the_body_named_in_the_title() -> None:
    g = ingest(doc("unlisted_spokesperson", "2024-02-12", LEDGER, """
Georgian Foreign Ministry spokesperson Nino Kapanadze said on Monday that the consultations in Yerevan had been constructive.

"The sides agreed to meet again before the summer," Kapanadze told reporters.
"""))
    assert sources_of(g, "consultations in Yerevan") == {MFA_GE}
    assert sources_of(g, "meet again before the summer") == {MFA_GE}



@pytest.mark.parametrize("order", [("04", "05"), ("05", "04")])
def test_the_samples_rejection_denies_the_accusation_it_answers_in_either_order(
        order: tuple[str, str]) -> None:
    files = {"04": SAMPLES / "04_az_mod_ceasefire_accusation.md",
             "05": SAMPLES / "05_am_mod_rejection.txt"}
    store = EmbeddedStore(None)
    for key in order:
        report = ingest_paths(store, [files[key]], progress=False)
        assert not report.skipped, report.summary()
    export = store.export()
    name = {n.id: n.properties.get("name") for n in export.nodes}
    by_claim: dict[str, set[tuple[str, object]]] = {}
    for r in export.relationships:
        if r.type in ("ASSERTS", "DENIES"):
            by_claim.setdefault(r.end, set()).add((r.type, name[r.start]))
    both = [c for c, edges in by_claim.items()
            if ("ASSERTS", "Ministry of Defence of Azerbaijan") in edges
            and ("DENIES", "Ministry of Defence of Armenia") in edges]
    assert both, by_claim


def test_a_negated_restatement_of_another_sources_claim_denies_it() -> None:
    g = ingest(doc("contradiction", "2024-02-12", LEDGER, """
The Georgian Foreign Ministry said on Sunday that Armenian trucks had carried weapons through the Bagratashen checkpoint.

The Armenian Foreign Ministry said on Monday that Armenian trucks had not carried any weapons through the Bagratashen checkpoint.
"""))
    ((claim, props),) = g.by("DENIES", MFA_AM)
    assert "had carried weapons" in claim  # the Georgian claim, not the denial's words
    assert sources_of(g, "trucks had carried weapons") == {MFA_GE}
    assert "had not carried" in str(props["evidence"])
    assert props["frame"] == "contradiction"
    assert_verbatim(g)


def test_a_negation_that_shares_only_a_topic_with_a_claim_denies_nothing() -> None:
    g = ingest(doc("no_contradiction", "2024-02-12", LEDGER, """
The Georgian Foreign Ministry said on Sunday that Armenian trucks had carried weapons through the Bagratashen checkpoint.

The Armenian Foreign Ministry said on Monday that the Bagratashen checkpoint would not close for the holidays.
"""))
    assert not g.edges("DENIES")



def test_a_denial_of_what_the_owner_said_picks_the_owners_point_that_says_it() -> None:
    g = ingest(doc("owner_two_points", "2024-08-21", LEDGER, """
Russian Foreign Minister Sergey Lavrov said on Monday that Yerevan was sabotaging the agreement on reopening the railway through Meghri.

Lavrov added that the trilateral documents remained the basis for any settlement.

The Armenian Foreign Ministry said on Tuesday that Lavrov's claim that Yerevan was sabotaging the railway agreement was false.
"""))
    ((claim, _props),) = g.by("DENIES", MFA_AM)
    assert "sabotaging" in claim
    assert "trilateral documents" not in claim


def test_a_word_the_denial_shares_outside_what_it_denies_is_no_target() -> None:
    g = ingest(doc("such_incident", "2024-02-14", LEDGER, """
The Azerbaijani Foreign Ministry said on Monday that an Azerbaijani border guard had been wounded by Armenian fire near Kokhanabi.

The Armenian Foreign Ministry said on Monday that these findings indicate a policy of escalation on the border.

The Armenian Defence Ministry said on Tuesday that checks indicate no such incident occurred in that area.
"""))
    denied = [c for c, _ in g.by("DENIES", "Ministry of Defence of Armenia")]
    assert not [c for c in denied if "escalation" in c]


def test_according_to_a_spokesman_the_noun_contradicts_the_verb() -> None:
    g = ingest(doc("threat_contradicted", "2024-09-19", LEDGER, """
Armenian Prime Minister Nikol Pashinyan said on Wednesday that the CSTO threatens Armenia's security and sovereignty.

According to Kremlin spokesman Dmitry Peskov, the CSTO does not pose any threat to Armenia's sovereignty.
"""))
    denied = [c for s, c, _ in g.edges("DENIES")]
    assert len(denied) == 1 and "threatens" in denied[0]


def test_a_negation_from_the_same_side_restates_its_position() -> None:
    g = ingest(doc("same_side", "2023-06-02", LEDGER, """
Azerbaijan has accused the French President of distorting the positions of the parties after the meeting in Chisinau.

The Azerbaijani Foreign Ministry said that the French statement does not reflect the positions of the parties.
"""))
    assert not [c for s, c, _ in g.edges("DENIES") if "accused" in c]


def test_never_did_contradicts_the_claim_that_it_is_so() -> None:
    g = ingest(doc("never_worked", "2023-09-18", LEDGER, """
The head of the Georgian security service said on Monday that Nika Abashidze, a former deputy minister, is now a senior adviser of the Ukrainian military intelligence.

A spokesman for the Ukrainian Defence Ministry, Dmytro Lazutkin, said Abashidze never worked as an adviser of the Ukrainian military intelligence.
"""))
    denied = [c for _, c, _ in g.edges("DENIES")]
    assert len(denied) == 1 and "senior adviser" in denied[0]


def test_what_someone_did_not_say_is_no_contradiction_of_what_they_did() -> None:
    g = ingest(doc("did_not_claim", "2024-12-28", LEDGER, """
The Kremlin said that Putin had apologised to Aliyev for the tragic incident over Russian airspace.

Putin did not claim Russian responsibility for the tragic incident over Russian airspace.
"""))
    assert not g.edges("DENIES")


def test_the_facts_distorted_are_the_owners_one_claim_and_no_guess_among_several() -> None:
    one = doc("one_claim", "2023-03-06", LEDGER, """
The Russian Defence Ministry said on Sunday that Azerbaijani soldiers had fired on a police car near Stepanakert.

The Azerbaijani Defence Ministry said on Monday that the Russian Defence Ministry distorted the facts in its bulletin.
""")
    ((claim, _props),) = ingest(one).by("DENIES", "Ministry of Defence of Azerbaijan")
    assert "fired on a police car" in claim
    # Another day's report: the Russian bulletin made two points, the denial names none.
    bulletin = doc("bulletin", "2023-03-06", "Tbilisi Herald", """
The Russian Defence Ministry said on Sunday that Azerbaijani soldiers had fired on a police car near Stepanakert.

The Russian Defence Ministry said on Sunday that the peacekeepers were investigating the shooting together with both sides.
""")
    answer = doc("answer", "2023-03-07", LEDGER, """
The Azerbaijani Defence Ministry said on Monday that the Russian Defence Ministry distorted the facts in its bulletin.
""")
    assert not ingest(bulletin, answer).by("DENIES", "Ministry of Defence of Azerbaijan")


BORDER_AZ = "State Border Service of Azerbaijan"
MOD_AM = "Ministry of Defence of Armenia"


def test_no_such_incident_denies_the_news_of_the_account_it_answers() -> None:
    g = ingest(doc("no_such_incident", "2024-02-14", LEDGER, """
Azerbaijan's State Border Service said on Tuesday that one of its servicemen had been wounded by Armenian fire near the village of Alpha on Monday. It said the attack was a provocation aimed at the peace process.

The Armenian Defence Ministry said preliminary findings indicate that no such incident took place in that area on Monday.
"""))
    (denied, props), = g.by("DENIES", MOD_AM)
    assert "servicemen had been wounded" in denied  # the news, not the blame after it
    assert "no such incident" in str(props["evidence"])
    assert sources_of(g, "servicemen had been wounded") == {BORDER_AZ}
    assert_verbatim(g)


def test_no_such_incident_answers_the_sides_account_though_an_outlet_of_that_side_spoke_last() -> None:
    g = ingest(doc("no_such_incident_side", "2024-02-14", LEDGER, """
Azerbaijan's State Border Service said on Tuesday that one of its servicemen had been wounded by Armenian fire near the village of Alpha on Monday.

Pro-government news agency Report.az published what it called a video of the shooting.

The Armenian Defence Ministry said preliminary findings indicate that no such incident took place in that area on Monday.
"""))
    (denied, _), = g.by("DENIES", MOD_AM)
    assert "servicemen had been wounded" in denied  # the side's news, not the outlet's video
    assert sources_of(g, "video of the shooting") == {"Report News Agency"}


def test_no_such_talks_denies_the_point_of_the_account_it_restates() -> None:
    g = ingest(doc("no_such_talks", "2024-02-14", LEDGER, """
The Georgian Foreign Ministry said on Tuesday that the two sides had reviewed the schedule of the border commission. It said the ministers had also discussed a new rail link to Kars.

The Armenian Foreign Ministry said that no such discussion of a rail link to Kars had taken place.
"""))
    (denied, _), = g.by("DENIES", MFA_AM)
    assert "rail link" in denied


FACT_CHECK = doc("fact_check_verdict", "2025-03-04", "Verify Desk", """
Alen Simonyan: “…the Venice Commission has endorsed our new electoral code”

Verdict: Verify Desk concludes that Alen Simonyan’s statement is FALSE.

The commission’s opinion of 14 February lists eleven recommendations and calls two provisions of the code incompatible with European standards.
""", title="Alen Simonyan: “…the Venice Commission has endorsed our new electoral code”")


def test_a_fact_check_headline_quoting_a_speaker_is_the_speakers_claim() -> None:
    g = ingest(FACT_CHECK)
    claim = g.claim_with("ASSERTS", "Alen Simonyan", "Venice Commission", "endorsed")
    assert claim is not None
    assert g.claim_with("ASSERTS", "Verify Desk", "endorsed") is None
    assert_verbatim(g)


def test_a_verdict_that_the_speakers_statement_is_false_denies_that_claim() -> None:
    g = ingest(FACT_CHECK)
    ((claim, props),) = g.by("DENIES", "Verify Desk")
    assert "endorsed" in claim
    assert "is FALSE" in str(props["evidence"])


def test_a_headline_label_without_quotation_marks_stays_a_heading() -> None:
    g = ingest(doc("plain_headline", "2025-03-04", "Verify Desk", """
Electoral code: what the Venice Commission said

The commission’s opinion of 14 February lists eleven recommendations for the new code.
""", title="Electoral code: what the Venice Commission said"))
    assert all("what the Venice Commission said" not in c for _, c, _ in g.edges("ASSERTS"))


MET = "Armenian Foreign Minister Ararat Mirzoyan and Azerbaijani Foreign Minister Jeyhun Bayramov met in Almaty on Monday."
AGREED = "The Armenian Foreign Ministry said the ministers agreed on the wording of the article on the delimitation commissions."
NOT_AGREED = "The Azerbaijani Foreign Ministry said the ministers did not agree on the wording of the article on the delimitation commissions."
MFA_AZ = "Ministry of Foreign Affairs of Azerbaijan"


def test_did_not_agree_after_agreed_contradicts_the_claim() -> None:
    g = ingest(doc("agreed_then_not", "2024-03-05", LEDGER, f"{MET}\n\n{AGREED}\n\n{NOT_AGREED}\n"))
    ((claim, props),) = g.by("DENIES", MFA_AZ)
    assert "not" not in claim and "agreed on the wording" in claim
    assert "did not agree" in str(props["evidence"])
    assert sources_of(g, "agreed on the wording") == {MFA_AM}


def test_agreed_after_did_not_agree_is_never_the_same_claim() -> None:
    # The other order: the negation is stated first, and the later "agreed" must not
    # be filed under it (one claim would make the Armenian ministry say "did not agree").
    g = ingest(doc("not_then_agreed", "2024-03-05", LEDGER, f"{MET}\n\n{NOT_AGREED}\n\n{AGREED}\n"))
    for claim, _ in g.by("ASSERTS", MFA_AM):
        assert "not agree" not in claim
    for claim, _ in g.by("ASSERTS", MFA_AZ):
        assert "not agree" in claim


def test_each_side_accusing_the_other_gives_two_claims() -> None:
    g = ingest(doc("mutual_accusations", "2024-03-05", LEDGER, """
The Armenian Defence Ministry said on Monday that Azerbaijani forces had shelled Armenian positions near Sotk overnight, wounding two soldiers.

The Azerbaijani Defence Ministry said on Monday that Armenian forces had shelled Azerbaijani positions near Sotk overnight, wounding two soldiers.
"""))
    (am_claim, _), = g.by("ASSERTS", "Ministry of Defence of Armenia")
    (az_claim, _), = g.by("ASSERTS", "Ministry of Defence of Azerbaijan")
    assert am_claim.startswith("That Azerbaijani forces")
    assert az_claim.startswith("That Armenian forces")


def test_calling_a_claim_a_distortion_denies_it() -> None:
    g = ingest(doc("distortion", "2024-02-12", LEDGER, """
The Georgian Foreign Ministry said on Sunday that Armenian customs officers had held forty Georgian lorries at the Bagratashen checkpoint for three days.

The Armenian Foreign Ministry said on Monday: "We believe this is a distortion of what happened at the checkpoint."
"""))
    ((claim, props),) = g.by("DENIES", MFA_AM)
    assert "forty Georgian lorries" in claim
    assert "distortion" in str(props["evidence"])
    assert_verbatim(g)


MOD_AZ = "Ministry of Defence of Azerbaijan"
SHELLING = ("Azerbaijan's Defence Ministry said on Monday that Armenian forces had shelled "
            "Azerbaijani positions near the village of Sofulu.")


@pytest.mark.parametrize("denial", [
    "The Armenian Defence Ministry rejected the Azerbaijani claims as groundless.",
    "The Armenian Defence Ministry said the claims were far from the truth.",
    "The Armenian Defence Ministry said that the Azerbaijani report does not correspond to reality.",
    "The Armenian Defence Ministry branded the allegations fake news.",
    "The Armenian Defence Ministry said the Azerbaijani allegations were fabricated.",
    "“This is another piece of disinformation,” the Armenian Defence Ministry said of the report.",
])
def test_each_label_denies_the_shelling_report_it_answers(denial: str) -> None:
    g = ingest(doc("label_shapes", "2024-05-07", LEDGER, f"{SHELLING}\n\n{denial}\n"))
    ((claim, props),) = g.by("DENIES", MOD_AM)
    assert "shelled" in claim
    assert str(props["evidence"]) in denial  # the denial's own words are the evidence
    assert sources_of(g, "shelled") == {MOD_AZ}
    assert_verbatim(g)


def test_the_armenian_side_denying_is_armenia() -> None:
    g = ingest(doc("side_denies", "2024-05-07", LEDGER, f"""{SHELLING}

The Armenian side categorically denies the information spread by the Azerbaijani Defence Ministry.
"""))
    ((claim, _),) = g.by("DENIES", "Armenia")
    assert "shelled" in claim


def test_the_azerbaijani_claims_found_in_the_graph_in_either_order() -> None:
    """The owner named only by its state's adjective: the claims of whoever speaks for
    that state, in an earlier article or a later one."""
    claim = doc("az_claim", "2024-05-06", "Tbilisi Herald", f"{SHELLING}\n")
    reply = doc("am_reply", "2024-05-07", LEDGER, """
The Armenian Defence Ministry on Tuesday rejected the Azerbaijani claims of shelling near Sofulu as groundless.
""")
    for docs in ((claim, reply), (reply, claim)):
        g = ingest(*docs, batch_size=1)
        denied = [c for c, _ in g.by("DENIES", MOD_AM)]
        assert len(denied) == 1 and "shelled" in denied[0], docs[0].origin
