# ruff: noqa: E501  (article paragraphs are one line each, as published)
"""Events: what an article is about, its date, and the same event across articles.

The articles are written for these tests; no sentence comes from a real one.
"""

from __future__ import annotations

from tests.ingest.test_extraction_corpus import Graph, doc, ingest

LEDGER = "Caucasus Ledger"
HERALD = "Tbilisi Herald"


def calls(g: Graph) -> list[dict[str, object]]:
    return [e for e in g.events() if e["kind"] == "phone_call"]


def about(g: Graph, words: str) -> set[str]:
    """(kind, date) of the events the claim holding ``words`` is ABOUT."""
    nodes = {n.id: n.properties for n in g.export.nodes}
    return {f"{nodes[r.end].get('kind')} {nodes[r.end].get('date')}" for r in g.export.relationships
            if r.type == "ABOUT" and words in str(nodes[r.start].get("text"))}


UNDATED_CALL = doc("undated_call", "2024-12-28", LEDGER, """
Russian President Vladimir Putin and Azerbaijani President Ilham Aliyev held a phone call about the downed airliner.

The Kremlin said that Putin had offered his condolences to the families of the victims.
""")

DATED_CALL = doc("dated_call", "2024-12-29", HERALD, """
Azerbaijani President Ilham Aliyev and Russian President Vladimir Putin spoke by phone on 27 December.

The Azerbaijani presidential press service said that Aliyev had demanded a full investigation of the crash.
""")


def test_an_undated_call_is_dated_by_the_report() -> None:
    g = ingest(UNDATED_CALL)
    (call,) = calls(g)
    assert (call["date"], call["date_precision"]) == ("2024-12-28", "reported")
    assert about(g, "condolences") == {"phone_call 2024-12-28"}


def test_a_dated_account_of_a_report_dated_call_is_the_same_call_whatever_the_order() -> None:
    for docs in ((UNDATED_CALL, DATED_CALL), (DATED_CALL, UNDATED_CALL)):
        for batch_size in (1, 50):
            g = ingest(*docs, batch_size=batch_size)
            (call,) = calls(g)
            assert (call["date"], call["date_precision"]) == ("2024-12-27", "day"), (docs, batch_size)


def test_two_calls_between_the_same_presidents_months_apart_are_two_events() -> None:
    later = doc("later_call", "2025-04-02", LEDGER, """
Russian President Vladimir Putin and Azerbaijani President Ilham Aliyev held a phone call.

The Kremlin said that the presidents had discussed the North-South transport corridor.
""")
    g = ingest(UNDATED_CALL, later, batch_size=1)
    assert sorted(str(c["date"]) for c in calls(g)) == ["2024-12-28", "2025-04-02"]


def test_a_call_and_a_border_incident_between_the_same_states_are_not_one_event() -> None:
    g = ingest(doc("call_then_shooting", "2024-02-14", LEDGER, """
Armenian Foreign Minister Ararat Mirzoyan and Azerbaijani Foreign Minister Jeyhun Bayramov held a phone call on Monday.

On Tuesday Azerbaijani forces opened fire on Armenian positions near the village of Nerkin Hand, the Armenian Defence Ministry said.
"""), doc("shooting", "2024-02-14", HERALD, """
Armenian positions near Nerkin Hand came under fire from Azerbaijani forces, the Armenian Defence Ministry said.
"""))
    kinds = sorted(str(e["kind"]) for e in g.events() if e["kind"] in ("phone_call", "incident"))
    assert kinds == ["incident", "phone_call"]


def test_the_capital_where_talks_are_held_is_their_place_not_a_side() -> None:
    g = ingest(doc("talks_in_chisinau", "2023-06-02", LEDGER, """
Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev held talks in Chisinau on 1 June.

Pashinyan's office said that the leaders had agreed to continue the work of the border commissions.
"""))
    (talks,) = [e for e in g.events() if e["kind"] == "meeting"]
    assert talks["participant_names"] == ["Ilham Aliyev", "Nikol Pashinyan"]
    assert talks["location"] == "Chisinau"


def test_a_dated_mention_of_the_event_is_the_main_one_over_an_undated_headline() -> None:
    g = ingest(doc("headline_then_date", "2023-06-03", LEDGER, """
Baku criticises Macron after meeting in Chisinau

Azerbaijan criticised French President Emmanuel Macron after the meeting in Chisinau.

Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev held talks with Macron at the summit in Chisinau on 1 June.

The Azerbaijani Foreign Ministry said that the French statement after the talks distorted the positions of the parties.
"""))
    assert about(g, "distorted the positions") == {"summit 2023-06-01"}


def test_a_weekday_possessive_dates_the_incident_not_the_statement() -> None:
    g = ingest(doc("sunday_ambush", "2023-03-07", LEDGER, """
The Russian Defence Ministry on Tuesday confirmed Sunday's ambush of an Armenian police car by Azerbaijani forces.
"""))
    (incident,) = [e for e in g.events() if e["kind"] == "incident"]
    assert incident["date"] == "2023-03-05"


def test_the_day_of_a_saying_does_not_date_the_meeting_it_tells_of() -> None:
    g = ingest(doc("day_of_saying", "2024-05-15", LEDGER, """
US envoy James O'Brien met Georgian Prime Minister Irakli Kobakhidze in Tbilisi on 15 May.

A day earlier, Kobakhidze said at a briefing that O'Brien had asked for a meeting with Bidzina Ivanishvili.
"""))
    meetings = [e for e in g.events() if e["kind"] == "meeting"]
    assert [m["date"] for m in meetings] == ["2024-05-15"]
    briefings = [e for e in g.events() if e["kind"] == "press_conference"]
    assert [b["date"] for b in briefings] == ["2024-05-14"]


def test_a_call_told_as_called_is_dated_by_its_date() -> None:
    g = ingest(doc("called_on", "2022-03-16", LEDGER, """
On March 15, US Secretary of State Antony Blinken called President of Azerbaijan Ilham Aliyev.

The State Department said that the two had discussed the peace process.
"""))
    assert [c["date"] for c in calls(g)] == ["2022-03-15"]


def test_a_statement_released_on_a_day_is_dated_by_it() -> None:
    g = ingest(doc("released_on", "2024-02-14", LEDGER, """
On 12 February, the Azerbaijani Foreign Ministry released a statement saying that a border guard had been wounded by fire from Armenian positions.
"""))
    statements = [e for e in g.events() if e["kind"] == "statement"]
    assert [(s["date"], s["date_precision"]) for s in statements] == [("2024-02-12", "day")]
    assert about(g, "border guard had been wounded") == {"statement 2024-02-12"}


def test_a_meeting_named_in_passing_in_a_report_of_a_call_is_not_what_its_points_are_about() -> None:
    g = ingest(doc("passing_meeting", "2024-06-12", LEDGER, """
Armenian Foreign Minister Ararat Mirzoyan and Azerbaijani Foreign Minister Jeyhun Bayramov held a phone call on 11 June.

The call came weeks after President Ilham Aliyev and Prime Minister Nikol Pashinyan met in Brussels.

The Armenian Foreign Ministry said that the ministers had discussed the text of the peace treaty.
"""))
    (call,) = calls(g)
    assert call["participant_names"] == ["Ararat Mirzoyan", "Jeyhun Bayramov"]
    assert about(g, "text of the peace treaty") == {"phone_call 2024-06-11"}


def test_shootings_on_consecutive_days_between_the_same_sides_are_two_incidents() -> None:
    monday = doc("monday_shooting", "2024-02-13", LEDGER, """
On 12 February Azerbaijani forces opened fire on Armenian positions near Kut, the Armenian Defence Ministry said.
""")
    tuesday = doc("tuesday_shooting", "2024-02-14", HERALD, """
On 13 February Azerbaijani forces opened fire on Armenian positions near Nerkin Hand, the Armenian Defence Ministry said.
""")
    for docs in ((monday, tuesday), (tuesday, monday)):
        g = ingest(*docs, batch_size=1)
        days = sorted(str(e["date"]) for e in g.events() if e["kind"] == "incident")
        assert days == ["2024-02-12", "2024-02-13"]


def test_a_call_dated_a_day_apart_by_two_reports_is_one_call() -> None:
    late = doc("late_report", "2024-12-29", LEDGER, """
Azerbaijani President Ilham Aliyev and Russian President Vladimir Putin spoke by phone on 28 December.

The Kremlin said that Putin had offered his condolences to the families of the victims.
""")
    g = ingest(DATED_CALL, late)
    assert len(calls(g)) == 1


def test_two_reports_that_disagree_on_the_day_keep_both_dates_with_their_articles() -> None:
    late = doc("late_report", "2024-12-29", LEDGER, """
Azerbaijani President Ilham Aliyev and Russian President Vladimir Putin spoke by phone on 28 December.

The Kremlin said that Putin had offered his condolences to the families of the victims.
""")
    for docs in ((DATED_CALL, late), (late, DATED_CALL)):
        for batch_size in (1, 50):
            g = ingest(*docs, batch_size=batch_size)
            (call,) = calls(g)
            articles = {str(n.properties["path"]): n.id for n in g.export.nodes
                        if "Article" in n.labels}
            assert call["dates_given"] == [
                f"2024-12-27 day {articles['dated_call']}",
                f"2024-12-28 day {articles['late_report']}"], (docs, batch_size)
            assert call["date"] == "2024-12-27"


def test_a_trilateral_declaration_named_in_an_interview_is_no_meeting() -> None:
    interview = doc("trilateral_declaration", "2022-06-02", LEDGER, """
Armenian Foreign Minister Ararat Mirzoyan said on 1 June that Azerbaijani President Ilham Aliyev had signed the trilateral declaration of 10 November 2020, which names Nagorno-Karabakh.
""")
    g = ingest(interview)
    assert not [e for e in g.events() if e["kind"] in ("meeting", "summit", "talks")]


def test_the_day_the_outlet_says_someone_spoke_dates_their_later_points() -> None:
    interview = doc("narrated_interview", "2022-06-03", LEDGER, """
Armenian Foreign Minister Ararat Mirzoyan on 1 June referred to recent remarks by Azerbaijani President Ilham Aliyev in an interview with a local radio station.

Asked about the border commissions, Mirzoyan said that the commissions had met twice and would meet again in the autumn.
""")
    g = ingest(interview)
    assert about(g, "would meet again in the autumn") == {"statement 2022-06-01"}


def test_a_press_conference_following_dated_talks_is_dated_by_them() -> None:
    briefing = doc("conference_after_talks", "2024-10-01", LEDGER, """
At a press conference following his talks with the Turkish foreign minister in New York on September 28, Russian Foreign Minister Sergey Lavrov said that Russia was ready to host the next round.
""")
    g = ingest(briefing)
    assert about(g, "ready to host the next round") == {"press_conference 2024-09-28"}


def test_the_points_after_a_dated_one_continue_it_rather_than_take_the_dateline() -> None:
    report = doc("dateline_then_continuation", "2024-10-01", LEDGER, """
MOSCOW, October 1. /Caucasus Ledger/. Russian Foreign Minister Sergey Lavrov said on September 28 that Russia was ready to host the next round of talks. According to him, the sides had agreed to meet again before the end of the year.
""")
    g = ingest(report)
    assert about(g, "meet again before the end of the year") == \
        about(g, "ready to host the next round") == {"statement 2024-09-28"}


def test_a_call_on_thursday_in_one_report_and_on_1_june_in_another_is_one_call() -> None:
    weekday = doc("weekday_call", "2023-06-02", LEDGER, """
Armenian Foreign Minister Ararat Mirzoyan and Azerbaijani Foreign Minister Jeyhun Bayramov spoke by phone on Thursday.

The Armenian Foreign Ministry said the ministers had discussed the work of the border commissions.
""")
    dated = doc("dated_june_call", "2023-06-05", HERALD, """
On 1 June, Azerbaijani Foreign Minister Jeyhun Bayramov held a telephone conversation with Armenian Foreign Minister Ararat Mirzoyan.

The Azerbaijani Foreign Ministry said the ministers had discussed the opening of regional transport links.
""")
    for docs in ((weekday, dated), (dated, weekday)):
        for batch_size in (1, 50):
            g = ingest(*docs, batch_size=batch_size)
            (call,) = calls(g)
            assert call["date"] == "2023-06-01", (docs, batch_size)
            assert about(g, "border commissions") == about(g, "transport links") == \
                {"phone_call 2023-06-01"}


def test_a_call_one_day_after_another_with_someone_else_is_a_second_call() -> None:
    report = doc("call_after_call", "2021-06-24", LEDGER, """
Russian President Vladimir Putin telephoned Armenian Prime Minister Nikol Pashinyan on Thursday.

Putin spoke with Pashinyan one day after his phone call with Azerbaijani President Ilham Aliyev.

The Kremlin said the two leaders discussed the border commissions.
""")
    g = ingest(report)
    found = sorted((str(c["date"]), tuple(c["participant_names"])) for c in calls(g))  # type: ignore[call-overload]
    assert found == [("2021-06-23", ("Ilham Aliyev", "Vladimir Putin")),
                     ("2021-06-24", ("Nikol Pashinyan", "Vladimir Putin"))]
    assert about(g, "border commissions") == {"phone_call 2021-06-24"}


CALL_THEN_EARLIER_CALL = """
Russian President Vladimir Putin spoke by phone with Armenian Prime Minister Nikol Pashinyan on Tuesday.

The Kremlin said the two leaders discussed the border commissions.

Putin spoke with Pashinyan two days after his telephone conversation with Azerbaijani President Ilham Aliyev.

According to the Kremlin, {pointer}

“Particular attention was given to reopening the railway through Nakhchivan,” the Kremlin statement added.
"""


def test_the_call_named_with_the_other_side_of_an_earlier_call_is_that_call() -> None:
    """"The call" after a sentence that told of two calls is the one whose sides
    the sentence names ("the Azerbaijani side" took part only in the earlier one); the
    next point of the same statement is about that call too."""
    g = ingest(doc("pointer_earlier", "2024-03-14", LEDGER, CALL_THEN_EARLIER_CALL.format(
        pointer="the call was requested by the Azerbaijani side and covered the demarcation of the border.")))
    assert about(g, "requested by the Azerbaijani side") == {"phone_call 2024-03-10"}
    assert about(g, "reopening the railway") == {"phone_call 2024-03-10"}
    assert about(g, "border commissions") == {"phone_call 2024-03-12"}


def test_the_call_named_with_the_sides_of_the_main_call_stays_with_it() -> None:
    g = ingest(doc("pointer_main", "2024-03-14", LEDGER, CALL_THEN_EARLIER_CALL.format(
        pointer="during the call Pashinyan raised the return of Armenian detainees.")))
    assert about(g, "Armenian detainees") == {"phone_call 2024-03-12"}
    assert about(g, "reopening the railway") == {"phone_call 2024-03-12"}
