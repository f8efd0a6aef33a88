# ruff: noqa: E501  (article paragraphs are one line each, as published)
"""How far an account reaches, end to end through the real extractor.

Each test ingests one or two short articles written for these tests (no
sentence comes from a real article) and asks who ASSERTS what: whether a
body's frame covers the next sentence, the next paragraph or the rest of the
article; whether a frameless quotation still has its speaker; and whether a
sentence with no nameable speaker falls back to the outlet instead of getting
a made-up source.
"""

from __future__ import annotations

from tests.ingest.test_extraction_corpus import Graph, assert_verbatim, doc, ingest

LEDGER = "Caucasus Ledger"  # a fictional outlet, not in the gazetteer
MFA_GE = "Ministry of Foreign Affairs of Georgia"
MFA_AZ = "Ministry of Foreign Affairs of Azerbaijan"


def sources_of(g: Graph, *words: str) -> set[str]:
    """Who ASSERTS the claim(s) whose text or evidence has all ``words``."""
    found = set()
    for source, claim, props in g.edges("ASSERTS"):
        blob = (claim + " " + str(props.get("evidence", ""))).lower()
        if all(w.lower() in blob for w in words):
            found.add(source)
    return found


def speakers_of(g: Graph, source: str, *words: str) -> set[object]:
    return {p.get("speaker_id") for c, p in g.by("ASSERTS", source)
            if all(w.lower() in (c + " " + str(p.get("evidence", ""))).lower() for w in words)}


# ------------------------------------------------------------ account scope

HEADER_LINE = doc("header_line", "2023-10-10", LEDGER, """
The Georgian Foreign Ministry issued a statement on Tuesday, which reads:

The resumption of the international discussions in Geneva is an important step towards stability in the region.

All participants should refrain from actions that undermine the security of the civilian population.
""")


def test_header_line_ending_in_a_colon_carries_the_account_across_paragraphs() -> None:
    g = ingest(HEADER_LINE)
    assert sources_of(g, "resumption", "Geneva") == {MFA_GE}
    assert sources_of(g, "refrain", "civilian population") == {MFA_GE}
    assert not g.by("ASSERTS", LEDGER)  # the header line is no point of the outlet's
    assert_verbatim(g)


SAID_THAT = doc("said_that", "2023-10-10", LEDGER, """
The Georgian Foreign Ministry said on Tuesday that the next round of the Geneva discussions would take place in December. The talks will focus on the security of the population along the dividing line.

The discussions have produced few results since they began, and many observers doubt that the new round will change that.
""")


def test_said_that_in_an_outlets_story_covers_its_own_paragraph_only() -> None:
    g = ingest(SAID_THAT)
    assert sources_of(g, "December") == {MFA_GE}
    assert sources_of(g, "dividing line") == {MFA_GE}  # same paragraph: still the ministry
    assert sources_of(g, "few results") == {LEDGER}  # next paragraph: the outlet's voice again
    assert_verbatim(g)


RUNNING_READOUT = doc("running_readout", "2023-10-10", LEDGER, """
The Georgian Foreign Ministry reports that the foreign ministers of Georgia and Armenia held consultations in Tbilisi on Monday.

The sides discussed the rehabilitation of the railway connection and the opening of a new border crossing point.
""")

PAST_TENSE_REPORT = doc("past_tense_report", "2023-10-10", LEDGER, """
The Georgian Foreign Ministry reported that the foreign ministers of Georgia and Armenia held consultations in Tbilisi on Monday.

The sides discussed the rehabilitation of the railway connection and the opening of a new border crossing point.
""")


def test_running_readout_in_the_present_tense_carries_across_paragraphs() -> None:
    g = ingest(RUNNING_READOUT)
    assert sources_of(g, "consultations in Tbilisi") == {MFA_GE}
    assert sources_of(g, "railway connection") == {MFA_GE}


def test_past_tense_reported_is_a_statement_of_its_paragraph() -> None:
    g = ingest(PAST_TENSE_REPORT)
    assert sources_of(g, "consultations in Tbilisi") == {MFA_GE}
    assert sources_of(g, "railway connection") == {LEDGER}


def test_an_article_with_no_outlet_has_no_voice_to_return_to() -> None:
    text = PAST_TENSE_REPORT.text
    g = ingest(doc("no_outlet", "2023-10-10", None, text))
    assert sources_of(g, "consultations in Tbilisi") == {MFA_GE}
    assert sources_of(g, "railway connection") == {MFA_GE}


# ---------------------------------------------------------------- quotations

TWO_QUOTES = doc("two_quotes", "2023-11-08", LEDGER, """
Azerbaijan's Foreign Ministry spokesman Aykhan Hajizada commented on Wednesday on the remarks of the French foreign minister.

"Such statements do not serve the cause of peace in the region," Hajizada said.

"The agreement can be signed this year if the other side shows the necessary political will."
""")

QUOTE_TOO_FAR = doc("quote_too_far", "2023-11-08", LEDGER, """
"Such statements do not serve the cause of peace in the region," Azerbaijani Foreign Ministry spokesman Aykhan Hajizada told reporters.

The border commissions of the two countries last met in Brussels in the spring.

"The next meeting of the commissions will take place before the end of the year."
""")


def test_frameless_quotation_continues_the_last_quoted_speaker() -> None:
    g = ingest(TWO_QUOTES)
    assert sources_of(g, "cause of peace") == {MFA_AZ}
    assert sources_of(g, "political will") == {MFA_AZ}
    assert speakers_of(g, MFA_AZ, "political will") == {"actor:aykhan-hajizada"}
    assert_verbatim(g)


def test_frameless_quotation_two_paragraphs_later_is_not_continued() -> None:
    g = ingest(QUOTE_TOO_FAR)
    assert sources_of(g, "cause of peace") == {MFA_AZ}
    assert sources_of(g, "next meeting of the commissions") == {LEDGER}  # no speaker assumed


def test_inverted_added_x_after_a_quotation_names_the_source() -> None:
    g = ingest(doc("added_x", "2023-10-10", LEDGER, """
"Both sides must refrain from provocations along the dividing line," added the Georgian Foreign Ministry.
"""))
    assert sources_of(g, "provocations") == {MFA_GE}


def test_inverted_said_x_after_a_quotation_names_the_source() -> None:
    """The same sentence with "said": the contrast to "added" above."""
    g = ingest(doc("said_x", "2023-10-10", LEDGER, """
"Both sides must refrain from provocations along the dividing line," said the Georgian Foreign Ministry.
"""))
    assert sources_of(g, "provocations") == {MFA_GE}


def test_a_call_inside_a_quotation_stays_the_quoted_speakers() -> None:
    g = ingest(doc("call_in_quote", "2023-11-08", LEDGER, """
"Such statements do not serve the cause of peace in the region," Hajizada said. "Paris should instead urge Yerevan to sign the agreement without further delay."
"""))
    assert sources_of(g, "sign the agreement") == {MFA_AZ}
    assert "France" not in g.sources()


# ---------------------------------------------------------- who is the source

def test_person_found_only_by_ner_is_their_own_source() -> None:
    g = ingest(doc("ner_expert", "2023-08-22", LEDGER, """
Regional analyst Levan Kharadze said that the new railway line would shift trade away from the northern route within a few years, while Armenian Foreign Minister Ararat Mirzoyan was visiting Tbilisi.
"""))
    assert sources_of(g, "railway line") == {"Levan Kharadze"}
    actors = {n.properties["name"]: n.properties for n in g.export.nodes if "Actor" in n.labels}
    assert actors["Levan Kharadze"]["known"] is False  # from NER, not the gazetteer
    assert actors["Ararat Mirzoyan"]["known"] is True  # the contrast: a gazetteer person
    assert speakers_of(g, "Levan Kharadze", "railway line") == {"actor:levan-kharadze"}


def test_person_found_only_by_ner_in_a_quotation_frame() -> None:
    g = ingest(doc("ner_quote", "2023-08-22", LEDGER, """
"Nobody in the region can afford another closed border," Tamar Lomidze, a researcher at a Tbilisi think tank, told the newspaper.
"""))
    assert sources_of(g, "closed border") == {"Tamar Lomidze"}
    assert LEDGER not in sources_of(g, "closed border")


def test_spokesperson_speaks_for_the_body() -> None:
    g = ingest(doc("spokesman_said", "2023-11-08", LEDGER, """
Azerbaijani Foreign Ministry spokesman Aykhan Hajizada said on Monday that the border commissions would meet in Baku next month.
"""))
    assert sources_of(g, "border commissions") == {MFA_AZ}
    assert speakers_of(g, MFA_AZ, "border commissions") == {"actor:aykhan-hajizada"}
    assert "Aykhan Hajizada" not in g.sources()


def test_spokesperson_named_without_the_body_still_speaks_for_it() -> None:
    g = ingest(doc("spokesman_quote", "2023-11-08", LEDGER, """
"The border commissions will meet in Baku next month," spokesman Aykhan Hajizada told reporters.
"""))
    assert sources_of(g, "border commissions") == {MFA_AZ}  # from his office in the gazetteer
    assert speakers_of(g, MFA_AZ, "border commissions") == {"actor:aykhan-hajizada"}


def test_spokesperson_with_body_and_name_in_a_quotation_frame_is_the_speaker() -> None:
    g = ingest(doc("spokesman_body_quote", "2023-11-08", LEDGER, """
"The border commissions will meet in Baku next month," Azerbaijani Foreign Ministry spokesman Aykhan Hajizada told reporters.
"""))
    assert sources_of(g, "border commissions") == {MFA_AZ}
    assert speakers_of(g, MFA_AZ, "border commissions") == {"actor:aykhan-hajizada"}


def test_minister_quoted_by_a_news_outlet_is_their_own_source() -> None:
    g = ingest(doc("minister_said", "2023-09-01", LEDGER, """
Armenian Foreign Minister Ararat Mirzoyan said on Friday that Yerevan was ready to sign the peace agreement before the end of the year.
"""))
    assert sources_of(g, "before the end of the year") == {"Ararat Mirzoyan"}


def test_agency_narrating_its_own_head_of_government_keeps_the_account() -> None:
    g = ingest(doc("agency_readout", "2023-09-04", "Armenpress", """
Prime Minister Nikol Pashinyan received the EU Special Representative for the South Caucasus on Monday.

The Prime Minister stressed the importance of the EU monitoring mission for stability along the border.

Pashinyan said that the peace agreement could be signed within months.
"""))
    assert sources_of(g, "monitoring mission") == {"Armenpress"}
    assert speakers_of(g, "Armenpress", "monitoring mission") == {"actor:nikol-pashinyan"}
    assert sources_of(g, "within months") == {"Nikol Pashinyan"}  # "said": his own words


def test_possessor_of_a_statement_is_the_source() -> None:
    g = ingest(doc("possessive_statement", "2023-10-10", LEDGER, """
The Georgian Foreign Ministry's statement said the border commission would meet in Tbilisi next week.
"""))
    assert sources_of(g, "border commission") == {MFA_GE}


def test_statement_issued_by_a_body_is_the_bodys() -> None:
    g = ingest(doc("issued_by", "2023-10-10", LEDGER, """
A statement issued by the Georgian Foreign Ministry said the border commission would meet in Tbilisi next week.

The Azerbaijani Foreign Ministry issued a statement saying the decision violated the trilateral agreement.
"""))
    assert sources_of(g, "border commission") == {MFA_GE}
    assert sources_of(g, "trilateral agreement") == {MFA_AZ}


# ------------------------------------------------ no edge rather than a wrong one

def test_passive_report_is_the_outlets_own_voice_or_nothing() -> None:
    g = ingest(doc("passive", "2023-10-10", LEDGER, """
It was reported in Baku on Monday that the two delegations would meet again in Vienna.

Pashinyan is reported to be preparing a visit to Brussels.
"""))
    assert g.sources() == {LEDGER}  # no source made up from "Baku" or "Pashinyan"
    assert sources_of(g, "Vienna") <= {LEDGER}
    assert sources_of(g, "Brussels") <= {LEDGER}
    assert not g.edges("DENIES") and not g.edges("OMITS")


def test_passive_report_without_an_outlet_gives_no_edge() -> None:
    g = ingest(doc("passive_no_outlet", "2023-10-10", None, """
It was reported that the two delegations would meet again in Vienna.
"""))
    assert not g.edges("ASSERTS")
    assert not g.sources()


# ------------------------------------------------ outlet tags and long quotes

AGENCY_TAG = doc("agency_tag", "2023-03-06", LEDGER, """
"We note with regret that the ministry of the neighbouring country spread untrue information about the incident on the mountain road," said the Georgian Foreign Ministry in a statement, Caucasus Ledger reports.

"On March 5, a patrol tried to stop a truck carrying weapons. The patrol came under fire from the men inside the truck.

"Two of the attackers were detained after the exchange of fire," the statement added.
""")


def test_the_outlets_own_tag_does_not_take_the_quotation_from_its_speaker() -> None:
    g = ingest(AGENCY_TAG)
    givers = {s for kind in ("ASSERTS", "DENIES") for s, _, p in g.edges(kind)
              if "mountain road" in str(p.get("evidence"))}
    assert givers == {MFA_GE}


def test_a_quotation_running_over_paragraphs_keeps_its_speaker() -> None:
    g = ingest(AGENCY_TAG)
    assert sources_of(g, "patrol tried to stop a truck") == {MFA_GE}
    assert sources_of(g, "came under fire") == {MFA_GE}
    assert not g.by("ASSERTS", LEDGER)
    assert_verbatim(g)


TWO_SPELLINGS = doc("two_spellings", "2023-03-06", LEDGER, """
The Azerbaijani Ministry of Defense said on Monday that its positions near the border had come under fire during the night.
""")


def test_a_listed_body_written_another_way_is_the_listed_body() -> None:
    g = ingest(TWO_SPELLINGS)
    assert sources_of(g, "positions near the border") == {"Ministry of Defence of Azerbaijan"}


def test_no_point_is_made_of_datelines_credits_and_appeals() -> None:
    g = ingest(doc("furniture", "2024-09-30", LEDGER, """
TBILISI, September 30. /Caucasus Ledger/.

The Georgian Foreign Ministry said on Monday that the talks with the European Commission on the visa regime would resume in October.

(JOHN SMITH/Caucasus Ledger via Photo Agency)

Support independent journalism in the region. Subscribe to our newsletter today.
"""))
    assert {c for c, _ in g.by("ASSERTS", LEDGER)} == set()
    assert sources_of(g, "visa regime") == {MFA_GE}


# -------------------------------------- nested quotations and narrated officials

OMBUDSMAN_QUOTES_PRESIDENT = doc("nested_quote", "2021-02-27", LEDGER, """
The Human Rights Defender of Armenia issued a statement, which reads:

“On Friday, the President of Azerbaijan said: “The people we hold are not prisoners of war. They crossed the border as saboteurs.” This is a distortion of international humanitarian law, as the detained servicemen are prisoners of war by status.”
""")


def test_a_foreign_leader_quoted_word_for_word_in_a_statement_is_his_own_source() -> None:
    g = ingest(OMBUDSMAN_QUOTES_PRESIDENT)
    assert sources_of(g, "not prisoners of war") == {"Ilham Aliyev"}
    assert sources_of(g, "crossed the border as saboteurs") == {"Ilham Aliyev"}
    # Calling the quoted words a distortion answers them: "this" is the last of them.
    hrd = "Human Rights Defender of Armenia"
    assert [c for c, _ in g.by("DENIES", hrd)] == [g.claim_with("ASSERTS", "Ilham Aliyev", "saboteurs")]
    assert [p["evidence"] for _, p in g.by("DENIES", hrd)] == [
        "This is a distortion of international humanitarian law, as the detained servicemen"
        " are prisoners of war by status."]
    assert_verbatim(g)


def test_according_to_a_ministry_its_minister_speaks_in_its_account() -> None:
    g = ingest(doc("according_to_mfa", "2022-06-02", LEDGER, """
Georgian Foreign Minister Ilia Darchiashvili met the EU Commissioner for Enlargement in Brussels on Thursday.

According to the MFA, Minister Darchiashvili stressed that the reforms are being carried out in close cooperation with the European institutions.
"""))
    assert sources_of(g, "close cooperation with the European institutions") == {MFA_GE}


def test_a_bare_foreign_ministry_is_that_of_the_state_just_named() -> None:
    g = ingest(doc("bare_ministry", "2022-06-02", LEDGER, """
Georgian Foreign Minister Ilia Darchiashvili met the EU Commissioner for Enlargement in Brussels on Thursday.

The Foreign Ministry said the two discussed the twelve priorities set by the European Commission.
"""))
    assert sources_of(g, "twelve priorities") == {MFA_GE}


def test_a_listed_body_described_by_its_state_keeps_the_texts_wording_as_alias() -> None:
    g = ingest(doc("described_body", "2024-12-28", LEDGER, """
The Azerbaijani presidential press office said on Saturday that the two presidents had discussed the investigation of the crash.
"""))
    (node,) = [n.properties for n in g.export.nodes if "Source" in n.labels
               and n.properties["name"] == "Press Service of the President of Azerbaijan"]
    assert "Azerbaijani presidential press office" in node["aliases"]  # type: ignore[operator]


# ------------------------------------------------------------ one point per verb

def test_a_second_reporting_verb_of_the_same_speaker_gives_its_own_point() -> None:
    g = ingest(doc("two_verbs", "2023-06-05", LEDGER, """
The Georgian Foreign Ministry confirmed on Monday that the commission had finished its work on the border section, but added that the final document would be signed only next year.
"""))
    claims = sorted(claim for claim, _ in g.by("ASSERTS", MFA_GE))
    assert len(claims) == 2
    assert "finished its work" in claims[0] and "next year" not in claims[0]
    assert "signed only next year" in claims[1] and "finished" not in claims[1]
    assert_verbatim(g)


def test_a_negated_verb_of_saying_is_the_outlets_statement() -> None:
    g = ingest(doc("negated_frame", "2024-12-28", LEDGER, """
At the same time, the Georgian Foreign Ministry did not confirm that the talks on the visa regime had been suspended.
"""))
    assert sources_of(g, "visa regime") == {LEDGER}


def test_a_relayed_readout_goes_on_with_its_own_states_office_holder() -> None:
    g = ingest(doc("lingering_readout", "2024-12-28", LEDGER, """
The Azerbaijani presidential press office said that the two presidents had discussed the investigation of the crash in a phone call on Saturday.

Ilham Aliyev stressed that the investigation must be thorough and transparent.

Nikol Pashinyan said on Sunday that Armenia was ready to help the investigation.
"""))
    press = "Press Service of the President of Azerbaijan"
    assert sources_of(g, "thorough and transparent") == {press}
    assert sources_of(g, "ready to help the investigation") == {"Nikol Pashinyan"}


GOVERNMENT_RELEASE = doc("government_release", "2024-05-14", LEDGER, """
Georgian Prime Minister Irakli Kobakhidze met the visiting US Assistant Secretary of State on Tuesday.

The government’s press release said that “the sides held a long discussion on all issues of the bilateral relations.

“The Prime Minister explained the need for the new law to his guest.”

A day earlier, Kobakhidze said at a press conference that the guest had asked for a meeting with the party chairman. According to the Prime Minister, the request had been turned down.
""")


def test_a_bare_government_is_the_government_of_the_state_just_named() -> None:
    g = ingest(GOVERNMENT_RELEASE)
    gov = "Administration of the Government of Georgia"
    assert sources_of(g, "long discussion on all issues") == {gov}
    assert sources_of(g, "need for the new law") == {gov}


def test_a_person_speaking_on_an_occasion_of_their_own_leaves_the_account() -> None:
    g = ingest(GOVERNMENT_RELEASE)
    assert sources_of(g, "asked for a meeting with the party chairman") == {"Irakli Kobakhidze"}
    assert sources_of(g, "request had been turned down") == {"Irakli Kobakhidze"}


def test_accusing_someone_of_something_is_the_accusers_point() -> None:
    g = ingest(doc("accused_of", "2023-09-19", LEDGER, """
Before the talks, Baku accused the Armenian side of shelling Azerbaijani positions near the border.
"""))
    assert sources_of(g, "shelling Azerbaijani positions") == {"Azerbaijan"}


def test_a_body_named_with_its_state_opening_the_sentence_is_the_listed_body() -> None:
    g = ingest(doc("possessive_at_start", "2023-03-06", LEDGER, """
Russia’s Defense Ministry said on Monday that the patrol had been fired upon near the village.
"""))
    assert sources_of(g, "patrol had been fired upon") == {"Ministry of Defence of Russia"}


def test_what_a_body_did_not_say_inside_its_account_is_the_outlets() -> None:
    g = ingest(doc("negated_in_account", "2024-12-28", LEDGER, """
The Georgian Foreign Ministry said on Friday that the talks on the visa regime would resume in spring. At the same time, the ministry did not confirm that the visa fees would be cut.
"""))
    assert sources_of(g, "visa fees would be cut") == {LEDGER}
    assert sources_of(g, "resume in spring") == {MFA_GE}


def test_continuing_to_do_something_is_no_verb_of_saying() -> None:
    g = ingest(doc("continue_to", "2024-12-28", LEDGER, """
Photographs published by several outlets showed the two leaders shaking hands, as Tbilisi and Moscow continue to argue over the border.
"""))
    assert sources_of(g, "shaking hands") == {LEDGER}


def test_calling_something_a_mistake_is_the_callers_point() -> None:
    g = ingest(doc("called_it", "2024-10-01", LEDGER, """
On Tuesday the Georgian Foreign Ministry called the decision of the neighbouring parliament a serious mistake.
"""))
    assert sources_of(g, "serious mistake") == {MFA_GE}


def test_a_headline_given_to_a_body_carries_its_statement_through_plain_paragraphs() -> None:
    title = "Armenian MoD: the convoy near Sotk carried no weapons"
    g = ingest(doc("relayed_statement", "2024-02-14", LEDGER, f"""
{title}

"We note with regret that the Azerbaijani side has again spread false information about the convoy," the Armenian Defence Ministry said.

The convoy carried food and medicine for the villages of the Sotk valley.

The ministry calls on the international observers to visit the area and see for themselves.
""", title=title))
    mod = "Ministry of Defence of Armenia"
    assert sources_of(g, "food and medicine") == {mod}
    assert sources_of(g, "international observers") == {mod}


def test_without_such_a_headline_the_outlet_speaks_after_the_quote() -> None:
    g = ingest(doc("outlet_after_quote", "2024-02-14", LEDGER, """
Convoy dispute near Sotk

"We note with regret that the Azerbaijani side has again spread false information about the convoy," the Armenian Defence Ministry said.

The convoy carried food and medicine for the villages of the Sotk valley.
""", title="Convoy dispute near Sotk"))
    assert sources_of(g, "food and medicine") == {LEDGER}


def test_a_quoted_readout_that_narrates_a_telling_keeps_its_body_as_source() -> None:
    g = ingest(doc("narrated_telling", "2024-08-24", "Caucasus Ledger", """
Russian President Vladimir Putin called Armenian Prime Minister Nikol Pashinyan on Friday.

“The President of Russia told the Prime Minister of Armenia about his talks in Baku last week, for which Prime Minister Pashinyan thanked him,” a short statement from Pashinyan’s press office said.
"""))
    assert sources_of(g, "about his talks in Baku") == {"Office of the Prime Minister of Armenia"}


def test_quotations_listed_after_a_published_statement_are_its_excerpts() -> None:
    g = ingest(doc("bulleted_excerpts", "2024-05-10", "Caucasus Ledger", """
The Georgian Foreign Ministry has issued a statement on the new border crossing, the Caucasus Ledger reports.

  • "We welcome the agreement to open the crossing at Sadakhlo next spring."
  • "We are ready to continue the talks on the remaining sections of the border."
"""))
    ministry = {"Ministry of Foreign Affairs of Georgia"}
    assert sources_of(g, "crossing at Sadakhlo") == ministry
    assert sources_of(g, "remaining sections") == ministry


QUOTED_OFFICE = doc("quoted_office_statement", "2024-03-05", LEDGER, """
The Kremlin said on Monday that Russian border guards had reinforced their posts along the Armenian section of the frontier after the night's shooting.

“Prime Minister Nikol Pashinyan stressed that the village school, while within range of the firing positions, came under fire twice, as a result of which classes were suspended for a week,” said the statement of the office of the Prime Minister of Armenia.

It added that Pashinyan “called on the international partners to send observers to the area without delay.”
""")


def test_a_quotation_closed_by_said_the_statement_of_a_body_is_the_bodys() -> None:
    # The minister named inside the quotation speaks in the office's statement.
    g = ingest(QUOTED_OFFICE)
    assert sources_of(g, "village school") == {"Office of the Prime Minister of Armenia"}


def test_it_added_continues_the_body_quoted_last_not_an_earlier_account() -> None:
    g = ingest(QUOTED_OFFICE)
    assert sources_of(g, "send observers") == {"Office of the Prime Minister of Armenia"}
    assert sources_of(g, "border guards") == {"Kremlin press service"}


# ------------------------------------------------------------ other parties inside an account

OTHER_PARTY = doc("other_party", "2023-09-20", LEDGER, """
The Azerbaijani Defence Ministry said that its units had taken several positions overnight. The operation will go on until the positions are cleared, the ministry said. The Russian Defence Ministry sent more peacekeepers to the area. Armenia has not fulfilled its obligations under the ceasefire.
""")


def test_a_foreign_body_doing_something_inside_an_account_is_told_in_the_outlets_words() -> None:
    g = ingest(OTHER_PARTY)
    mod_az = "Ministry of Defence of Azerbaijan"
    assert sources_of(g, "taken several positions") == {mod_az}
    assert sources_of(g, "until the positions are cleared") == {mod_az}
    assert sources_of(g, "sent more peacekeepers") == {LEDGER}
    # A readout speaks of other states all the time: a state as subject stays in it.
    assert sources_of(g, "not fulfilled its obligations") == {mod_az}


def test_residents_of_a_named_place_are_a_source_of_their_own() -> None:
    g = ingest(doc("residents", "2023-09-20", LEDGER, """
The shelling went on through the night. Residents of Tegh reported explosions on the outskirts of the village. Kapan residents said that the roads were closed.
"""))
    assert sources_of(g, "explosions on the outskirts") == {"residents of Tegh"}
    assert sources_of(g, "roads were closed") == {"residents of Kapan"}
    # Unnamed residents are told apart from no other group: no source is made of them.
    unnamed = ingest(doc("local_residents", "2023-09-20", LEDGER, """
The shelling went on through the night. Local residents said the power had been cut.
"""))
    assert sources_of(unnamed, "power had been cut") == {LEDGER}


def test_a_statement_named_after_a_seat_of_power_is_that_bodys() -> None:
    g = ingest(doc("seat_statement", "2024-08-23", LEDGER, """
Vladimir Putin called Nikol Pashinyan on Friday.

“The sides noted the growth of mutual trade. An agreement to keep in touch was reached,” the Kremlin statement added.

The talks covered energy supplies, the Kremlin readout said.
"""))
    kremlin = "Kremlin press service"
    assert sources_of(g, "growth of mutual trade") == {kremlin}
    assert sources_of(g, "keep in touch") == {kremlin}
    assert sources_of(g, "energy supplies") == {kremlin}


def test_a_member_of_parliament_described_by_their_seat_is_their_own_source() -> None:
    g = ingest(doc("committee_chair", "2022-01-13", LEDGER, """
Talks between the special envoys are due next month.

“The border should open without conditions,” Eduard Aghajanian, the chairman of the Armenian parliament committee on foreign relations, told reporters.

“The visa rules will not change,” Anna Petrosyan, a spokeswoman for the Armenian parliament, said.
"""))
    assert sources_of(g, "open without conditions") == {"Eduard Aghajanian"}
    # A spokesperson still speaks for the body.
    assert sources_of(g, "visa rules will not change") == {"National Assembly of Armenia"}


def test_specifying_is_saying() -> None:
    g = ingest(doc("specified", "2023-09-19", LEDGER, """
Russian Presidential Spokesman Dmitry Peskov said that Moscow disagreed with the assessment.

At the same time, he specified that Moscow keeps in touch with Yerevan and called Armenia a close partner.
"""))
    assert sources_of(g, "keeps in touch with Yerevan") == {"Kremlin press service"}


def test_declining_to_comment_is_the_outlets_report_of_silence() -> None:
    g = ingest(doc("declined", "2023-06-02", LEDGER, """
The Azerbaijani Foreign Ministry said the French readout of the talks was inaccurate. Its spokesman, meanwhile, declined to elaborate on which passages Baku considers wrong. The ministry also refused to comment on the reports of a new meeting.
"""))
    assert sources_of(g, "readout of the talks was inaccurate") == {MFA_AZ}
    assert sources_of(g, "declined to elaborate") == {LEDGER}
    assert sources_of(g, "refused to comment") == {LEDGER}


def test_as_the_body_reported_makes_the_point_the_bodys_without_the_vouching() -> None:
    g = ingest(doc("as_reported", "2024-05-06", LEDGER, """
As the Kremlin reported, Putin thanked Aliyev for the hospitality shown to the Russian delegation in Baku.

Two new border posts were opened near the Lars crossing, as the Georgian Foreign Ministry reported.
"""))
    assert sources_of(g, "hospitality") == {"Kremlin press service"}
    assert sources_of(g, "border posts") == {MFA_GE}
    claims = [c for _, c, _ in g.edges("ASSERTS")]
    assert not [c for c in claims if "reported" in c], claims
    assert_verbatim(g)


def test_the_department_is_the_ministry_named_before_others_had_their_say() -> None:
    g = ingest(doc("department_after_residents", "2024-05-06", LEDGER, """
The Georgian Defence Ministry said that its units had completed an exercise near Gori. At the same time, residents of Gori reported loud explosions on the outskirts of the town.

According to the department, the exercise involved two hundred troops and forty armoured vehicles.
"""))
    assert sources_of(g, "armoured vehicles") == {"Ministry of Defence of Georgia"}



def test_the_agency_is_not_a_ministry_named_before() -> None:
    g = ingest(doc("agency_is_no_ministry", "2024-05-06", LEDGER, """
The Georgian Defence Ministry said that its units had completed an exercise near Gori. At the same time, residents of Gori reported loud explosions on the outskirts of the town.

According to the agency, the exercise involved two hundred troops and forty armoured vehicles.
"""))
    assert "Ministry of Defence of Georgia" not in sources_of(g, "armoured vehicles")


def test_the_turkish_minister_is_the_turk_named_before_though_an_armenian_spoke_since() -> None:
    g = ingest(doc("the_turkish_minister", "2024-05-06", LEDGER, """
Turkish Foreign Minister Mevlut Cavusoglu said on Monday that Yerevan must reopen the railway to Kars before any talks on the border.

“We are ready to listen to any proposal from Ankara,” Eduard Aghajanian, the chairman of the Armenian parliament committee on foreign relations, told reporters.

The Turkish minister has repeatedly made clear that Ankara is consulting Baku on every step of the dialogue. He stressed on Monday that Turkey and Azerbaijan are “one people with two flags.”
"""))
    cavusoglu = sources_of(g, "railway to Kars")
    assert len(cavusoglu) == 1
    assert sources_of(g, "consulting Baku") == cavusoglu
    assert sources_of(g, "two flags") == cavusoglu
    assert sources_of(g, "any proposal") == {"Eduard Aghajanian"}


def test_someones_statement_that_z_is_their_point_whoever_mentions_it() -> None:
    g = ingest(doc("statement_that", "2024-05-06", LEDGER, """
Armenian Foreign Minister Ararat Mirzoyan on Tuesday referred to Azerbaijani President Ilham Aliyev's statement that a new checkpoint would be built at the Lachin bridge by June.

Mirzoyan also welcomed the statement of Georgian Prime Minister Irakli Kobakhidze that Tbilisi was ready to host the next round of talks.

The minister referred to the claim that the road through Syunik would be opened this year.
"""))
    assert sources_of(g, "new checkpoint would be built") >= {"Ilham Aliyev"}
    assert "Irakli Kobakhidze" in sources_of(g, "ready to host the next round")
    (aliyev,) = [(c, p) for c, p in g.by("ASSERTS", "Ilham Aliyev")]
    assert aliyev[0].startswith("A new checkpoint")  # the clause, without "that"
    assert "statement that a new checkpoint" in str(aliyev[1]["evidence"])
    assert not any("road through Syunik" in c for s, c, _ in g.edges("ASSERTS")
                   if s not in (LEDGER, "Ararat Mirzoyan"))  # nobody's claim is nobody's
    assert_verbatim(g)


def test_adding_that_after_a_quotation_is_the_quoted_sources_point_too() -> None:
    g = ingest(doc("quote_then_adding", "2024-05-06", LEDGER, """
“The ceasefire has been violated eleven times since Sunday,” the Armenian Defence Ministry said in a statement, adding that Azerbaijani units used mortars near Sotk.
"""))
    mod = "Ministry of Defence of Armenia"
    assert sources_of(g, "violated eleven times") == {mod}
    assert sources_of(g, "used mortars near Sotk") == {mod}
    assert not [c for _, c, _ in g.edges("ASSERTS") if "said in a statement" in c]
    assert_verbatim(g)


BOUND_PRONOUN = doc("bound_pronoun", "2024-02-14", LEDGER, """
The Azerbaijani Foreign Ministry said on Tuesday that the situation on the border remained tense.

News agency Report.az released what it called footage of the shelling near the village of Alpha.

Russian Foreign Minister Sergey Lavrov told reporters in Moscow that he had warned both sides against any escalation at the border.
""")


def test_a_pronoun_below_a_named_subject_is_that_subject_not_the_last_speaker() -> None:
    g = ingest(BOUND_PRONOUN)
    assert sources_of(g, "footage of the shelling") == {"Report News Agency"}
    assert sources_of(g, "warned both sides") == {"Sergey Lavrov"}
    assert_verbatim(g)



CARRIED_ON = doc("carried_on", "2024-09-19", LEDGER, """
Kremlin spokesman Dmitry Peskov said that Moscow did not share the Armenian assessment. According to Peskov, the alliance has never threatened anyone in the region. Rather, it serves to protect the security of all its member states.

Moreover, the alliance has held no joint exercise in Armenia for two years.

The alliance was founded in 2002. Furthermore, its secretariat is based in Moscow and employs several hundred people.
""")


def test_a_sentence_opened_by_rather_carries_the_speakers_argument_on() -> None:
    g = ingest(CARRIED_ON)
    assert sources_of(g, "protect the security of all its member states") == {"Kremlin press service"}


def test_a_carried_on_sentence_stops_at_the_paragraph_and_at_the_outlets_voice() -> None:
    g = ingest(CARRIED_ON)
    assert sources_of(g, "no joint exercise") == {LEDGER}  # a new paragraph
    assert sources_of(g, "secretariat is based in Moscow") == {LEDGER}  # after the outlet's own words


INTERVIEW = doc("interview", "2024-05-28", LEDGER, """
YEREVAN — Foreign Minister Ararat Mirzoyan said on Monday that the border commissions had made progress in their latest round of talks.

Question: Azerbaijani President Ilham Aliyev said on Sunday that the talks had produced nothing and that the commissions should be dissolved.

Answer: The commissions have agreed on the first section of the border, and the protocol of that meeting is public. We see no reason to stop their work.

The protocol was signed in the border village of Alpha.
""")


def test_an_interviews_answers_are_the_interviewees_not_the_person_a_question_quotes() -> None:
    g = ingest(INTERVIEW)
    assert sources_of(g, "first section of the border") == {"Ararat Mirzoyan"}
    assert sources_of(g, "no reason to stop their work") == {"Ararat Mirzoyan"}
    assert sources_of(g, "commissions should be dissolved") == {"Ilham Aliyev"}
    assert sources_of(g, "signed in the border village") == {LEDGER}  # no label, no answer
    assert_verbatim(g)


WE_AND_OUR = doc("we_and_our", "2023-09-19", LEDGER, """
The Ministry of Defence of Azerbaijan announced the start of local measures in the region on Tuesday.

In order to withdraw the foreign units from our territories and restore order, local measures have been launched in the region.

The ministry's statement reads: "We are pleased to note progress in the talks. At the same time, we reiterate our position that the constitution must be amended before any signing."
""")
MOD_AZ = "Ministry of Defence of Azerbaijan"


def test_an_unquoted_sentence_saying_our_after_a_body_spoke_is_the_bodys_text() -> None:
    g = ingest(WE_AND_OUR)
    assert sources_of(g, "foreign units from our territories") == {MOD_AZ}


def test_we_framing_a_point_inside_a_quotation_is_the_quoted_body_not_the_outlet() -> None:
    g = ingest(WE_AND_OUR)
    assert sources_of(g, "constitution must be amended") == {MOD_AZ}


def test_our_correspondent_is_the_outlets_own_voice() -> None:
    g = ingest(doc("our_correspondent", "2023-09-19", LEDGER, """
The Ministry of Defence of Azerbaijan announced the start of local measures in the region on Tuesday.

Our correspondent in Barda saw long columns of trucks moving toward the front line overnight.
"""))
    assert MOD_AZ not in sources_of(g, "columns of trucks")  # the outlet's (or no point)
