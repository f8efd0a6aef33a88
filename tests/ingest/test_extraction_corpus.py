# ruff: noqa: E501  (article paragraphs are one line each, as published)
"""Extraction behaviour on a varied corpus of short articles written for these tests.

Every article below was written for sckg's tests. None is a real readout or
quote; the office-holders are real so that entity resolution has real names to
work on, the outlets are real or fictional, and the words are invented. The
texts vary on purpose (outlets, reporting verbs, “curly” and "straight"
quotes, date expressions, transliterations, spokespeople, anonymous sources,
navigation lines) so that the tests check the method, not one wording.

Everything goes through the public path: ``ingest_documents`` into an
in-memory store, then ``store.export()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from graph.embedded import EmbeddedStore
from graph.model import GraphExport
from ingest.documents import ArticleDoc
from ingest.pipeline import ingest_documents

ACCOUNT_EDGES = ("ASSERTS", "DENIES", "OMITS")


def doc(origin: str, published: str, outlet: str | None, text: str,
        title: str | None = None) -> ArticleDoc:
    """An article as a reader would give it to the pipeline."""
    return ArticleDoc(origin=origin, text=text.strip() + "\n", title=title, outlet=outlet,
                      published=date.fromisoformat(published), language="en")


# ----------------------------------------------------------------- the corpus
# A. Two competing readouts of one call, a next-day denial, a tweet.

AM_MFA_READOUT = doc("am_mfa_readout", "2023-06-02", "Ministry of Foreign Affairs of Armenia", """
On 1 June, Foreign Minister of Armenia Ararat Mirzoyan had a telephone conversation with Foreign Minister of Azerbaijan Jeyhun Bayramov.

The ministers discussed the draft agreement on the establishment of peace and interstate relations between the two countries.

Minister Mirzoyan stressed the need for the immediate release of the Armenian prisoners of war and civilians held in Azerbaijan.

The Armenian Foreign Minister also underlined the importance of the international monitoring presence along the border for stability.

The sides agreed to continue contacts at the level of foreign ministers.
""")

AZ_MFA_READOUT = doc("az_mfa_readout", "2023-06-01", "Ministry of Foreign Affairs of Azerbaijan", """
Today, Minister of Foreign Affairs Jeyhun Bayramov held a phone conversation with Armenian Foreign Minister Ararat Mirzoyan.

During the conversation, the sides discussed the draft agreement on the establishment of peace and interstate relations between Azerbaijan and Armenia.

Minister Bayramov emphasized the importance of opening all regional communications, including an unimpeded connection between mainland Azerbaijan and Nakhijevan.

The minister drew attention to the fate of Azerbaijanis missing since the first Karabakh war and called on Armenia to hand over accurate minefield maps.

The parties agreed to continue contacts.
""")

DENIAL_NEXT_DAY = doc("denial_next_day", "2023-06-02", "Caucasus Ledger", """
Baku rejects Yerevan's account of ministers' call
Read also: Border commissions to meet in Brussels next month
Azerbaijan's Foreign Ministry on Friday denied that the release of Armenian prisoners was raised during Thursday's phone conversation between Jeyhun Bayramov and Ararat Mirzoyan.

"The question of so-called Armenian prisoners of war was not discussed during the conversation of the ministers," spokesman Aykhan Hajizada told reporters in Baku.

Hajizada said the persons in question were detained for sabotage and would be tried under Azerbaijani law.
""")

MIRZOYAN_TWEET = doc("mirzoyan_tweet", "2023-06-01", "News.am", """
Armenian Foreign Minister Ararat Mirzoyan wrote on X on Thursday that he had “a frank phone call with FM Jeyhun Bayramov on the peace agenda and the release of detainees.”
""")

# B. A ceasefire accusation and the other side's rejection.

AZ_MOD_ACCUSATION = doc("az_mod_accusation", "2023-05-28", "APA", """
On the night of May 27 to May 28, units of the Armenian armed forces subjected the positions of the Azerbaijani Army in the Kalbajar district to fire from small arms, the Ministry of Defense of Azerbaijan said.

According to the ministry, the Azerbaijani Army units took adequate retaliatory measures and there were no losses among Azerbaijani servicemen.
""")

AM_MOD_REJECTION = doc("am_mod_rejection", "2023-05-28", "Armenpress", """
The Ministry of Defence of Armenia has rejected the Azerbaijani claim that Armenian units opened fire on Azerbaijani positions in the Kalbajar direction.

“The report disseminated by the Azerbaijani Defence Ministry that Armenian units fired at Azerbaijani positions on the night of May 27 to 28 does not correspond to reality,” the ministry said in a statement.
""")

# C. An outlet citing anonymous sources.

ANONYMOUS_SOURCES = doc("anonymous", "2023-09-14", "Caucasus Ledger", """
Baku and Yerevan are close to agreeing on the venue of the next round of peace talks, diplomatic sources told Caucasus Ledger on Thursday.

According to a source familiar with the negotiations, the two foreign ministers could meet in Washington in the second half of October.

Related: Pashinian says peace treaty "within reach"

Subscribe to our Telegram channel for the latest news
""")

# D. A rebuttal that confirms the topic, and a denial that is negated.

ZAKHAROVA_REBUTTAL = doc("zakharova", "2023-10-05", "Caucasus Ledger", """
Russian Foreign Ministry spokeswoman Maria Zakharova on Thursday confirmed that Sergey Lavrov and Jeyhun Bayramov had discussed the situation of the Russian peacekeepers, dismissing the journalist's question as a provocation by Western media.

Zakharova did not deny that the withdrawal of the peacekeeping contingent from Karabakh had been raised by the Azerbaijani side.
""")

# E. Readouts of one call by the two governments; a different call on another date.

STATE_DEPT_CALL = doc("state_dept_call", "2022-09-17", "US State Department", """
The following is attributable to Spokesperson Ned Price:

Secretary of State Antony J. Blinken spoke with Armenian Prime Minister Nikol Pashinian on Friday. The Secretary expressed deep concern over the recent escalation along the border and urged an end to hostilities.

Secretary Blinken underscored that there can be no military solution to the conflict and encouraged the parties to return to negotiations.
""")

AM_PM_CALL = doc("am_pm_call", "2022-09-16", "Office of the Prime Minister of Armenia", """
Prime Minister Nikol Pashinyan had a telephone conversation with US Secretary of State Antony Blinken today.

The Prime Minister presented the situation created as a result of the aggression of the Azerbaijani armed forces against the sovereign territory of Armenia.

Nikol Pashinyan stressed the importance of a clear response from the international community to the attack on Jermuk and other settlements.
""")

LATER_CALL = doc("later_call", "2022-11-03", "US State Department", """
Secretary Blinken spoke with Armenian Prime Minister Nikol Pashinyan on 2 November about the next steps towards a peace agreement. The Secretary welcomed the meeting of the foreign ministers in Washington and urged the leaders to keep up the momentum.
""")

# F. A president's words resolved from "the president"; straight quotes over two paragraphs.

PRESIDENT_RECEIVES = doc("president_receives", "2023-04-20", "Trend", """
President of Azerbaijan Ilham Aliyev has received a delegation led by Toivo Klaar, the EU Special Representative for the South Caucasus, Trend reports.

The president stressed that Azerbaijan had proposed five basic principles for a peace agreement and that Armenia should recognise the territorial integrity of Azerbaijan without reservations.

"We are ready to sign a peace treaty this year.

"But the other side must stop its territorial claims," Aliyev said.
""")

BADALYAN_ANSWER = doc("badalyan", "2023-07-12", "Armenpress", """
Armenian Foreign Ministry spokesperson Ani Badalyan said on 11 July that Yerevan had submitted its comments on the draft peace agreement to Baku.

Asked about the statements of the Azerbaijani side, Badalyan said that Armenia remains committed to the peace agenda, while noting that the claims of Baku about arms supplies are "absolutely false."
""")

MILLER_BRIEFING = doc("miller", "2023-09-20", "Azatutyun", """
State Department spokesperson Matthew Miller told reporters on Tuesday that the United States is deeply concerned by Azerbaijan's military actions in Nagorno-Karabakh.

Miller said that Secretary Blinken would call President Aliyev and urge an immediate cessation of hostilities.
""")


# G. One outlet reporting a claim and the other side's rejection; other spellings.

OUTLET_BOTH_SIDES = doc("both_sides", "2023-11-14", "Caucasus Ledger", """
Yerevan and Baku trade accusations over Sotk shooting

The Armenian Foreign Ministry said on Tuesday that Azerbaijani forces had fired on the village of Sotk in Gegharkunik province overnight, damaging the roof of a school.

Azerbaijan's Foreign Ministry spokesman Aykhan Hajizada dismissed the Armenian statement as “groundless”, saying that no shots had been fired from Azerbaijani positions near Sotk.
""")

AZERTAC_HEAD_OF_STATE = doc("azertac_michel", "2023-11-15", "AzərTAc", """
President of the Republic of Azerbaijan Ilham Aliyev had a phone conversation with President of the European Council Charles Michel on 14 November.

The head of state stressed that Azerbaijan remains committed to the peace agenda and is ready to continue the negotiations on a bilateral basis.

Charles Michel invited the leaders to meet in Brussels before the end of the year.

Will the leaders meet in Brussels before the new year?
""")

# H. An outlet's anonymous-source report and a denial the next day, in a later batch.

KAZAN_REPORT = doc("kazan_report", "2023-10-04", "Caucasus Ledger", """
Moscow has offered to host the next round of talks between Pashinyan and Aliyev in Kazan later this month, a source familiar with the preparations told Caucasus Ledger.

According to the source, the Kremlin wants to regain the initiative in the negotiations after the meetings in Brussels and Washington.
""")

ZAKHAROVA_DENIAL = doc("zakharova_denial", "2023-10-05", "Caucasus Ledger", """
Maria Zakharova, the spokeswoman of the Russian Foreign Ministry, on Thursday denied reports that Moscow had offered to host talks between Pashinyan and Aliyev in Kazan, calling them “fake news spread by those who want to sideline Russia”.
""")

# I. Commentary: "no one denies" is no denial; the expert is the source.

EXPERT_COMMENT = doc("expert", "2023-08-10", "JAMnews", """
Political analyst Tigran Grigoryan said no one denies that the peace talks have stalled since the spring.

“The sides have stopped exchanging drafts, and without outside pressure nothing will move before the elections,” Grigoryan told JAMnews.
""")

# J. A State Department tweet about a call: a partial account, no omissions from it.

STATE_TWEET = doc("state_tweet", "2023-07-06", "Armenpress", """
The US State Department tweeted on Thursday: “Secretary Blinken spoke with President Aliyev today and urged restraint along the border and the reopening of the Lachin corridor.”
""")


# ------------------------------------------------------------------ helpers

@dataclass
class Graph:
    """The export, with lookups by name and the article texts for evidence checks."""

    export: GraphExport
    texts: dict[str, str]

    def node(self, node_id: str) -> dict[str, object]:
        for n in self.export.nodes:
            if n.id == node_id:
                return n.properties
        raise KeyError(node_id)

    def name(self, node_id: str) -> str:
        props = self.node(node_id)
        return str(props.get("name") or props.get("text"))

    def edges(self, kind: str) -> list[tuple[str, str, dict[str, object]]]:
        """(source name, claim text, properties) of every edge of one type."""
        return [(self.name(r.start), self.name(r.end), r.properties)
                for r in self.export.relationships if r.type == kind]

    def by(self, kind: str, source: str) -> list[tuple[str, dict[str, object]]]:
        return [(claim, props) for src, claim, props in self.edges(kind) if src == source]

    def claim_with(self, kind: str, source: str, *words: str) -> str | None:
        """The claim ``source`` has a ``kind`` edge to, whose text has all ``words``."""
        for claim, props in self.by(kind, source):
            blob = (claim + " " + str(props.get("evidence", ""))).lower()
            if all(w.lower() in blob for w in words):
                return claim
        return None

    def events(self) -> list[dict[str, object]]:
        return [n.properties for n in self.export.nodes if "Event" in n.labels]

    def sources(self) -> set[str]:
        return {str(n.properties["name"]) for n in self.export.nodes if "Source" in n.labels}


def ingest(*docs: ArticleDoc, store: EmbeddedStore | None = None, batch_size: int = 50) -> Graph:
    store = store or EmbeddedStore(None)
    report = ingest_documents(store, list(docs), batch_size=batch_size, progress=False)
    assert not report.skipped, report.summary()
    texts = {}
    for n in store.export().nodes:
        if "Article" in n.labels:
            for d in docs:
                if n.properties.get("path") == d.origin:
                    texts[n.id] = d.text
    return Graph(store.export(), texts)


def assert_verbatim(graph: Graph) -> None:
    """Every account edge from an article quotes it exactly at its offsets."""
    checked = 0
    for rel in graph.export.relationships:
        props = rel.properties
        if rel.type not in ACCOUNT_EDGES or props.get("start_char") is None:
            continue
        text = graph.texts[str(props["article_id"])]
        start, end = int(props["start_char"]), int(props["end_char"])  # type: ignore[call-overload]
        assert text[start:end] == props["evidence"], rel
        checked += 1
    assert checked


MFA_AM = "Ministry of Foreign Affairs of Armenia"
MFA_AZ = "Ministry of Foreign Affairs of Azerbaijan"
MOD_AM = "Ministry of Defence of Armenia"
MOD_AZ = "Ministry of Defence of Azerbaijan"
STATE = "US State Department"
PM_AM = "Office of the Prime Minister of Armenia"


# ------------------------------------------------------- competing readouts

def test_competing_readouts_share_one_event_and_merge_common_points() -> None:
    g = ingest(AM_MFA_READOUT, AZ_MFA_READOUT)
    calls = [e for e in g.events() if e["kind"] == "phone_call"]
    assert len(calls) == 1, calls
    assert calls[0]["date"] == "2023-06-01"
    am = g.claim_with("ASSERTS", MFA_AM, "draft agreement")
    az = g.claim_with("ASSERTS", MFA_AZ, "draft agreement")
    assert am is not None and am == az
    assert_verbatim(g)


def test_each_readout_omits_the_other_sides_own_points() -> None:
    g = ingest(AM_MFA_READOUT, AZ_MFA_READOUT)
    assert g.claim_with("OMITS", MFA_AZ, "prisoners") is not None
    assert g.claim_with("OMITS", MFA_AM, "Nakhijevan") is not None
    assert g.claim_with("OMITS", MFA_AM, "minefield") is not None
    assert g.claim_with("OMITS", MFA_AZ, "draft agreement") is None  # both said it


def test_ministers_inside_a_readout_are_speakers_not_sources() -> None:
    g = ingest(AM_MFA_READOUT, AZ_MFA_READOUT)
    assert "Ararat Mirzoyan" not in g.sources()
    assert "Jeyhun Bayramov" not in g.sources()
    prisoners = [p for c, p in g.by("ASSERTS", MFA_AM) if "prisoners" in c]
    assert prisoners and prisoners[0]["speaker_id"] == "actor:ararat-mirzoyan"
    maps = [p for c, p in g.by("ASSERTS", MFA_AZ) if "minefield" in c]
    assert maps and maps[0]["speaker_id"] == "actor:jeyhun-bayramov"  # "the minister"


def test_next_day_denial_points_at_the_asserted_claim() -> None:
    g = ingest(AM_MFA_READOUT, AZ_MFA_READOUT, DENIAL_NEXT_DAY)
    asserted = g.claim_with("ASSERTS", MFA_AM, "prisoners")
    denied = [c for c, _ in g.by("DENIES", MFA_AZ)]
    assert asserted is not None and asserted in denied
    assert_verbatim(g)


def test_denial_in_a_later_batch_finds_the_stored_claim() -> None:
    store = EmbeddedStore(None)
    ingest(AM_MFA_READOUT, AZ_MFA_READOUT, store=store)
    g = ingest(DENIAL_NEXT_DAY, store=store)
    asserted = g.claim_with("ASSERTS", MFA_AM, "prisoners")
    assert asserted in [c for c, _ in g.by("DENIES", MFA_AZ)]


def test_denial_ingested_before_the_claim_is_linked_when_the_claim_arrives() -> None:
    store = EmbeddedStore(None)
    ingest(DENIAL_NEXT_DAY, store=store)
    g = ingest(AM_MFA_READOUT, AZ_MFA_READOUT, store=store)
    asserted = g.claim_with("ASSERTS", MFA_AM, "prisoners")
    assert asserted is not None
    assert asserted in [c for c, _ in g.by("DENIES", MFA_AZ)]


def test_spokesperson_speaks_for_the_ministry() -> None:
    g = ingest(AM_MFA_READOUT, DENIAL_NEXT_DAY)
    speakers = {p.get("speaker_id") for _, p in g.by("DENIES", MFA_AZ)}
    assert "actor:aykhan-hajizada" in speakers
    assert "Aykhan Hajizada" not in g.sources()


def test_tweet_is_not_a_full_account_and_omits_nothing() -> None:
    g = ingest(AM_MFA_READOUT, AZ_MFA_READOUT, MIRZOYAN_TWEET)
    tweet_sources = {s for s, _, p in g.edges("ASSERTS") if p.get("frame") == "tweet"}
    assert tweet_sources
    omitting = {s for s, _, _ in g.edges("OMITS")}
    assert not tweet_sources & omitting
    assert "News.am" not in omitting


def test_navigation_and_teaser_lines_make_no_claims() -> None:
    g = ingest(DENIAL_NEXT_DAY, ANONYMOUS_SOURCES)
    for kind in ACCOUNT_EDGES:
        for _, claim, props in g.edges(kind):
            blob = claim + str(props.get("evidence", ""))
            for noise in ("Border commissions", "Telegram", "within reach", "rejects Yerevan"):
                assert noise not in blob, (kind, claim)


# ------------------------------------------------------------- ceasefire

def test_ceasefire_accusation_and_rejection() -> None:
    g = ingest(AZ_MOD_ACCUSATION, AM_MOD_REJECTION)
    accused = g.claim_with("ASSERTS", MOD_AZ, "Kalbajar", "fire")
    assert accused is not None
    assert accused in [c for c, _ in g.by("DENIES", MOD_AM)]
    assert_verbatim(g)


def test_night_of_two_dates_dates_the_incident() -> None:
    g = ingest(AZ_MOD_ACCUSATION)
    incidents = [e for e in g.events() if e["kind"] == "incident"]
    assert incidents and incidents[0]["date"] == "2023-05-27"


# ---------------------------------------------------------- anonymous sources

def test_anonymous_sources_are_the_outlets_account() -> None:
    g = ingest(ANONYMOUS_SOURCES)
    claims = g.by("ASSERTS", "Caucasus Ledger")
    venue = [p for c, p in claims if "venue" in c]
    washington = [p for c, p in claims if "Washington" in c]
    assert venue and washington
    assert all(float(p["confidence"]) < 0.8 for p in venue + washington)  # type: ignore[arg-type]
    assert not any("source" in s.lower() for s in g.sources())


# ---------------------------------------------------- rebuttals and negations

def test_rebuttal_that_confirms_the_topic_is_not_a_denial() -> None:
    g = ingest(ZAKHAROVA_REBUTTAL)
    assert not g.edges("DENIES")
    assert g.claim_with("ASSERTS", "Ministry of Foreign Affairs of Russia", "peacekeepers")


def test_did_not_deny_is_not_a_denial() -> None:
    g = ingest(ZAKHAROVA_REBUTTAL)
    assert not [c for _, c, _ in g.edges("DENIES") if "withdrawal" in c]


def test_absolutely_false_inside_a_quote_is_a_denial_by_the_ministry() -> None:
    g = ingest(BADALYAN_ANSWER)
    assert g.claim_with("DENIES", MFA_AM, "arms supplies")
    assert g.claim_with("ASSERTS", MFA_AM, "comments on the draft")


# ---------------------------------------------------------- events and calls

def test_two_governments_readouts_of_one_call_merge_across_spellings() -> None:
    g = ingest(STATE_DEPT_CALL, AM_PM_CALL)
    calls = [e for e in g.events() if e["kind"] == "phone_call"]
    assert len(calls) == 1, calls
    assert calls[0]["date"] == "2022-09-16"
    actors = [n.properties for n in g.export.nodes if "Actor" in n.labels
              and "Pashin" in str(n.properties["name"])]
    assert len(actors) == 1


def test_ned_price_readout_is_the_state_department_account() -> None:
    g = ingest(STATE_DEPT_CALL, AM_PM_CALL)
    assert g.claim_with("ASSERTS", STATE, "no military solution")
    assert g.claim_with("OMITS", STATE, "Jermuk")
    assert g.claim_with("OMITS", PM_AM, "military solution")
    assert "Ned Price" not in g.sources()


def test_calls_between_the_same_people_on_different_dates_stay_apart() -> None:
    g = ingest(STATE_DEPT_CALL, LATER_CALL)
    dates = sorted(str(e["date"]) for e in g.events() if e["kind"] == "phone_call")
    assert dates == ["2022-09-16", "2022-11-02"]


def test_title_resolves_to_the_president_named_before() -> None:
    g = ingest(PRESIDENT_RECEIVES)
    source = "Trend News Agency"
    principles = [p for c, p in g.by("ASSERTS", source) if "five basic principles" in c]
    assert principles and principles[0]["speaker_id"] == "actor:ilham-aliyev"


def test_straight_quote_over_two_paragraphs_keeps_its_speaker() -> None:
    g = ingest(PRESIDENT_RECEIVES)
    ready = [(s, p) for s, c, p in g.edges("ASSERTS") if "sign a peace treaty" in c]
    assert ready
    assert all(p["speaker_id"] == "actor:ilham-aliyev" for _, p in ready)
    assert_verbatim(g)


def test_spokesperson_briefing_is_the_departments_account() -> None:
    g = ingest(MILLER_BRIEFING)
    concern = [p for c, p in g.by("ASSERTS", STATE) if "deeply concerned" in c]
    assert concern and concern[0]["speaker_id"] == "actor:matthew-miller"


def test_outlet_reports_a_claim_and_its_rejection() -> None:
    g = ingest(OUTLET_BOTH_SIDES)
    fired = g.claim_with("ASSERTS", MFA_AM, "Sotk", "school")
    assert fired is not None
    assert fired in [c for c, _ in g.by("DENIES", MFA_AZ)]
    assert not g.by("ASSERTS", "Caucasus Ledger")  # the headline is no claim


def test_agency_readout_with_head_of_state() -> None:
    g = ingest(AZERTAC_HEAD_OF_STATE)
    committed = [p for c, p in g.by("ASSERTS", "AZERTAC") if "peace agenda" in c]
    assert committed and committed[0]["speaker_id"] == "actor:ilham-aliyev"
    assert not [c for _, c, _ in g.edges("ASSERTS") if c.endswith("?")]


def test_next_day_denial_of_an_anonymously_sourced_report_in_a_later_batch() -> None:
    # The report's talks have no date: they are dated by the report, so the next day's
    # denial, in a batch of its own, finds them by date.
    store = EmbeddedStore(None)
    ingest(KAZAN_REPORT, store=store)
    g = ingest(ZAKHAROVA_DENIAL, store=store)
    reported = g.claim_with("ASSERTS", "Caucasus Ledger", "Kazan")
    assert reported is not None
    assert reported in [c for c, _ in g.by("DENIES", "Ministry of Foreign Affairs of Russia")]


def test_next_day_denial_of_an_anonymously_sourced_report_in_one_batch() -> None:
    g = ingest(KAZAN_REPORT, ZAKHAROVA_DENIAL)
    reported = g.claim_with("ASSERTS", "Caucasus Ledger", "Kazan")
    assert reported in [c for c, _ in g.by("DENIES", "Ministry of Foreign Affairs of Russia")]


def test_no_one_denies_is_an_assertion_by_the_expert() -> None:
    g = ingest(EXPERT_COMMENT)
    assert not g.edges("DENIES")
    assert g.claim_with("ASSERTS", "Tigran Grigoryan", "stalled")
    assert g.claim_with("ASSERTS", "Tigran Grigoryan", "exchanging drafts")


def test_tweet_of_a_ministry_is_partial() -> None:
    g = ingest(STATE_TWEET)
    frames = {p.get("frame") for _, p in g.by("ASSERTS", STATE)}
    assert frames == {"tweet"}
    assert not g.edges("OMITS")


def test_tweet_quote_is_linked_to_the_call() -> None:
    # A partial quotation completing its sentence is part of it, so the sentence names
    # both ministers and the call, and its claim is about the call.
    g = ingest(AM_MFA_READOUT, MIRZOYAN_TWEET)
    calls = {n.id for n in g.export.nodes if "Event" in n.labels
             and n.properties.get("kind") == "phone_call"}
    about_a_call = {r.start for r in g.export.relationships
                    if r.type == "ABOUT" and r.end in calls}
    tweet = [r.end for r in g.export.relationships
             if r.type == "ASSERTS" and r.properties.get("frame") == "tweet"]
    assert tweet and set(tweet) <= about_a_call


def test_spokeswoman_in_apposition_is_the_speaker() -> None:
    g = ingest(ZAKHAROVA_DENIAL)
    speakers = {p.get("speaker_id") for _, p in g.by("DENIES", "Ministry of Foreign Affairs of Russia")}
    assert speakers == {"actor:maria-zakharova"}


def test_shelling_of_a_named_village_is_an_incident() -> None:
    g = ingest(OUTLET_BOTH_SIDES)
    assert [e for e in g.events() if e["kind"] == "incident"]


# ----------------------------------------------------------------- the graph

ALL_DOCS = [AM_MFA_READOUT, AZ_MFA_READOUT, DENIAL_NEXT_DAY, MIRZOYAN_TWEET, AZ_MOD_ACCUSATION,
            AM_MOD_REJECTION, ANONYMOUS_SOURCES, ZAKHAROVA_REBUTTAL, STATE_DEPT_CALL,
            AM_PM_CALL, LATER_CALL, PRESIDENT_RECEIVES, BADALYAN_ANSWER, MILLER_BRIEFING,
            OUTLET_BOTH_SIDES, AZERTAC_HEAD_OF_STATE, KAZAN_REPORT, ZAKHAROVA_DENIAL,
            EXPERT_COMMENT, STATE_TWEET]


def test_every_evidence_quote_is_verbatim_at_its_offsets() -> None:
    assert_verbatim(ingest(*ALL_DOCS))


def test_ingesting_twice_gives_the_same_graph() -> None:
    store = EmbeddedStore(None)
    first = ingest(*ALL_DOCS, store=store).export.model_dump()
    second = ingest(*ALL_DOCS, store=store).export.model_dump()
    assert first == second


def test_one_batch_or_one_article_per_batch_gives_the_same_graph() -> None:
    together = ingest(*ALL_DOCS).export
    apart = ingest(*ALL_DOCS, batch_size=1).export
    kinds = ("ASSERTS", "DENIES")
    assert sorted(r.id for r in together.relationships if r.type in kinds) == \
        sorted(r.id for r in apart.relationships if r.type in kinds)


def test_a_new_account_of_a_known_event_updates_omissions() -> None:
    store = EmbeddedStore(None)
    first = ingest(AM_MFA_READOUT, store=store)
    assert not first.edges("OMITS")
    g = ingest(AZ_MFA_READOUT, store=store)
    assert g.claim_with("OMITS", MFA_AZ, "prisoners")
    assert g.claim_with("OMITS", MFA_AM, "Nakhijevan")


@pytest.mark.parametrize("article", ALL_DOCS, ids=lambda d: d.origin)
def test_no_claim_is_a_bare_fragment(article: ArticleDoc) -> None:
    g = ingest(article)
    for kind in ("ASSERTS", "DENIES"):
        for _, claim, _ in g.edges(kind):
            assert len(claim.split()) >= 4, claim
