"""Generate readout-style corpora whose ground truth is known, for benchmarks.

Each *event* (a phone call, a meeting, or a ceasefire incident) is reported by
several sources: each side's official readout, often an outlet comparing them,
and sometimes a denial published the next day. The generator records, per
source, which points it asserts (with the exact sentence), which points of
another source it denies, and which points of the other side's full readout it
omits. Every recorded sentence occurs verbatim in its article's text.

Usage::

    python bench/generate_corpus.py --articles 1000 --out /tmp/corpus --seed 7
    python bench/generate_corpus.py --articles 50 --out /tmp/c --format txt

From Python (streaming, no disk)::

    for article, truth in generate(100_000, seed=1):
        ...

Output is deterministic for a given ``(n_articles, seed)``. All texts are
synthetic; names of real office-holders appear only to make entity resolution
realistic, and no quote is real.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

SHARD_LINES = 10_000
TRUTH_JSON_MAX_ARTICLES = 10_000  # above this, truth.jsonl (one event per line)
TXT_PER_FOLDER = 1_000

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Actor:
    key: str
    spellings: tuple[str, ...]  # the first one is canonical, as in the truth
    title: str
    side: str
    office_id: str
    office: str

    @property
    def name(self) -> str:
        return self.spellings[0]


# fmt: off
ACTORS = {a.key: a for a in (
    Actor("mirzoyan", ("Ararat Mirzoyan",), "Armenian Foreign Minister", "am", "am_mfa",
          "Ministry of Foreign Affairs of Armenia"),
    Actor("pashinyan", ("Nikol Pashinyan", "Nikol Pashinian"), "Armenian Prime Minister", "am",
          "am_pm_office", "Office of the Prime Minister of Armenia"),
    Actor("bayramov", ("Jeyhun Bayramov",), "Azerbaijani Foreign Minister", "az", "az_mfa",
          "Ministry of Foreign Affairs of Azerbaijan"),
    Actor("aliyev", ("Ilham Aliyev",), "Azerbaijani President", "az", "az_president",
          "press service of the President of Azerbaijan"),
    Actor("blinken", ("Antony Blinken", "Anthony Blinken"), "US Secretary of State", "us",
          "us_state", "US Department of State"),
    Actor("michel", ("Charles Michel",), "European Council President", "eu", "eu_council",
          "European Council"),
    Actor("lavrov", ("Sergey Lavrov", "Sergei Lavrov"), "Russian Foreign Minister", "ru",
          "ru_mfa", "Ministry of Foreign Affairs of Russia"),
)}
PAIRS = [("mirzoyan", "bayramov"), ("pashinyan", "aliyev"), ("blinken", "aliyev"),
         ("blinken", "pashinyan"), ("blinken", "bayramov"), ("michel", "aliyev"),
         ("michel", "pashinyan"), ("lavrov", "mirzoyan"), ("lavrov", "bayramov")]
SIDE_ADJ = {"am": "Armenian", "az": "Azerbaijani", "us": "American", "eu": "European",
            "ru": "Russian"}
SPOKESPEOPLE = {"am": "Armenian Foreign Ministry spokesperson Ani Badalyan",
                "az": "Azerbaijani Foreign Ministry spokesperson Aykhan Hajizada",
                "us": "State Department spokesperson Matthew Miller",
                "eu": "a spokesperson for the European Council",
                "ru": "Russian Foreign Ministry spokesperson Maria Zakharova"}
OUTLETS = ["Caucasus Ledger", "South Caucasus Monitor", "Araz Daily", "Yerevan Review",
           "Kura Wire", "Black Sea Courier"]  # fictional
AZERTAC = ("AzerTAc", "AzərTAc")
NAKHCHIVAN = ("Nakhchivan", "Nakhijevan")

# point id -> noun phrases that name it; "{nakh}" takes a spelling variant.
POINTS = {
    "peace_treaty": ("the draft peace agreement", "the negotiations on a peace treaty"),
    "border_delimitation": ("the delimitation of the border", "the work of the border commissions"),
    "communications": ("the opening of regional transport links",
                       "unblocking regional communications"),
    "regional_security": ("regional security", "the security situation in the South Caucasus"),
    "bilateral_agenda": ("the bilateral agenda", "prospects for bilateral cooperation"),
    "detainees": ("the release of Armenian detainees", "the return of prisoners held in Baku"),
    "eu_mission": ("the EU monitoring mission", "the role of EU observers on the border"),
    "refugees": ("the refugees from Nagorno-Karabakh", "humanitarian aid to displaced people"),
    "sovereign_routes": ("routes under the sovereignty of the countries they cross",
                         "reciprocity in the use of transit roads"),
    "nakhchivan_link": ("an unimpeded connection with {nakh}", "the road to the {nakh} exclave"),
    "missing_persons": ("the fate of Azerbaijanis missing since the 1990s", "missing persons"),
    "landmines": ("maps of the minefields", "the threat posed by landmines"),
    "constitution": ("territorial claims in the Armenian constitution",
                     "amendments to Armenia's constitution"),
    "human_rights": ("respect for human rights and fundamental freedoms", "press freedom"),
    "minsk_group": ("the OSCE Minsk Group", "the mediation of the Minsk Group"),
    "ukraine": ("accountability for the war against Ukraine", "sanctions against Russia"),
    "connectivity_fund": ("EU investment in regional connectivity", "the Global Gateway programme"),
    "trilateral_statements": ("the trilateral statements of 2020 and 2021",
                              "the commitments of the November 2020 statement"),
}
SHARED = ("peace_treaty", "border_delimitation", "communications", "regional_security",
          "bilateral_agenda")
LEANINGS = {
    "am": ("detainees", "eu_mission", "refugees", "sovereign_routes"),
    "az": ("nakhchivan_link", "missing_persons", "landmines", "constitution"),
    "us": ("human_rights", "minsk_group", "detainees", "ukraine"),
    "eu": ("eu_mission", "connectivity_fund", "human_rights"),
    "ru": ("trilateral_statements", "minsk_group"),
}

ASSERT_OWN = (  # a readout crediting its own principal: {s} speaker, {o} point
    "{s} stressed the importance of {o}.",
    "{s} noted that {o} remained a priority.",
    "{s} raised the issue of {o}.",
    "{s} underlined that progress on {o} was essential for lasting peace.",
    "{s} said that “we attach particular importance to {o}”.",
    '"We expect concrete steps on {o}," {s} said.',
    "{s} emphasized the need to move forward on {o}.",
)
ASSERT_BOTH = (  # {ev} event noun
    "The sides discussed {o}.",
    "During the {ev}, views were exchanged on {o}.",
    "The interlocutors also touched upon {o}.",
    "Particular attention was paid to {o} during the {ev}.",
)
REPORTED = (  # an outlet relaying a readout: {src} the office or agency
    "According to {src}, {s} stressed the importance of {o}.",
    "{src} reported that {s} had raised {o}.",
    "{s} also spoke about {o}, {src} said.",
    "In its readout, {src} said that {o} was discussed.",
    "{s} tweeted that he had discussed {o}, {src} noted.",
)
DENIALS = (  # {d} denier, {adj} side adjective of the denied source
    "{d} denied that {o} had been discussed during the {ev}.",
    "“There was no mention of {o} in the {ev},” {d} said.",
    '{d} described the {adj} claim that {o} was raised as "completely untrue".',
    "{d} said the {adj} account of a discussion of {o} “does not reflect reality”.",
)
REJECTIONS = (  # ceasefire: {mod} the rejecting ministry, {adj} adjective of the accuser
    "The {mod} said that the {adj} report of a ceasefire violation “does not reflect reality”.",
    '"The information spread by the {adj} side is disinformation," the {mod} said.',
    "The {mod} categorically denied that its units had opened fire, calling the {adj} "
    "statement disinformation.",
)
CLOSINGS = (
    "The sides agreed to maintain contact.",
    "The parties agreed to continue contacts at various levels.",
    "It was agreed to hold the next round of talks in the near future.",
)
FRONTLINE = {"am": ("Vardenis", "Sotk", "Yeraskh", "Berd", "Tegh"),
             "az": ("Kalbajar", "Lachin", "Gadabay", "Tovuz", "{nakh}")}
MODS = {"am": "Ministry of Defence of Armenia", "az": "Ministry of Defence of Azerbaijan"}
ARMIES = {"am": "Armed Forces of Armenia", "az": "Azerbaijan Army"}
BACKGROUND = (
    "Armenia and Azerbaijan fought two wars over Nagorno-Karabakh, in the early 1990s and in 2020.",
    "Since 2021 the European Union has hosted several meetings of the two leaders in Brussels.",
    "The United States has also held rounds of talks between the foreign ministers in Washington.",
    "The two countries have no diplomatic relations and their common border remains closed.",
    "Border commissions set up by both governments have met several times since 2022.",
    "The peace agreement under discussion would cover the mutual recognition of territorial "
    "integrity, the delimitation of the border and the establishment of diplomatic relations.",
    "Observers note that official readouts of the same conversation often differ in emphasis.",
    "Transport links closed for three decades could connect Turkey with Central Asia.",
    "Russia, which deployed peacekeepers to the region in 2020, has offered to host talks as well.",
    "An EU civilian mission has monitored the Armenian side of the border since early 2023.",
    "Thousands of people are still listed as missing from the conflicts of the past decades.",
    "Landmines continue to kill and injure civilians in the areas affected by the fighting.",
    "Analysts in both capitals describe the talks as the most advanced in thirty years.",
    "Trade between the South Caucasus and Europe has grown along the so-called Middle Corridor.",
    "Regional energy projects have drawn the attention of European buyers of natural gas.",
    "Critics in both societies accuse their governments of making too many concessions.",
    "Several draft texts of the agreement have been exchanged through diplomatic channels.",
    "Previous mediation efforts produced statements of principle but no signed settlement.",
    "Diplomats say that the sequencing of the remaining steps is the main obstacle to a deal.",
    "Public opinion polls in both countries show deep mistrust of the other side.",
    "Turkey and Armenia have appointed special envoys to discuss the normalisation of ties.",
    "Iran has repeatedly warned against any change of internationally recognised borders.",
    "Georgia has offered Tbilisi as a venue for talks between the two neighbours.",
    "The ministries did not say whether a date had been set for the next round of talks.",
    "Opposition parties in Yerevan have called for more transparency about the negotiations.",
    "Officials in Baku have urged Yerevan to speed up the work on the draft agreement.",
    "International organisations have called on both sides to respect humanitarian law.",
    "The road and rail links under discussion were built in Soviet times and later dismantled.",
    "Western governments have encouraged both capitals to keep the momentum of the talks.",
    "Both sides have exchanged prisoners and the remains of soldiers on several occasions.",
)
_FILLER_OPENERS = (  # {year}, {city}, {n} filled when the filler pool is built
    "In {year}, talks in {city} ended without an agreed statement.",
    "According to official figures, about {n} people were displaced during the fighting.",
    "A round of consultations held in {city} in {year} focused on the humanitarian agenda.",
    "Experts estimate that clearing the mined areas could take more than {n} days of work.",
)
_CITIES = ("Brussels", "Washington", "Moscow", "Tbilisi", "Almaty", "Prague", "Granada")
# fmt: on


class _Event:
    """One event being written: its header, counters and the articles' truths."""

    def __init__(self, index: int, kind: str, day: date, a: Actor, b: Actor) -> None:
        self.id = f"e{index:07d}"
        self.kind, self.day, self.a, self.b = kind, day, a, b
        self.noun = {"phone_call": "phone conversation", "meeting": "meeting"}.get(kind, "incident")

    def header(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "date": self.day.isoformat(),
            "participants": [self.a.name, self.b.name],
            "sides": [self.a.side, self.b.side],
        }


class Generator:
    """Deterministic stream of ``(article, truth)`` pairs from one seeded RNG."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.filler = [self._filler_paragraph() for _ in range(400)]
        self.n_events = 0
        self.n_articles = 0

    # -- small helpers ----------------------------------------------------------

    def _filler_paragraph(self) -> str:
        opener = self.rng.choice(_FILLER_OPENERS).format(
            year=self.rng.randint(2001, 2023),
            city=self.rng.choice(_CITIES),
            n=self.rng.randrange(1_000, 90_000, 500),
        )
        return " ".join([opener, *self.rng.sample(BACKGROUND, self.rng.randint(3, 5))])

    def _phrase(self, point: str) -> str:
        return self.rng.choice(POINTS[point]).replace("{nakh}", self.rng.choice(NAKHCHIVAN))

    def _name(self, actor: Actor) -> str:
        return self.rng.choice(actor.spellings)

    def _source_name(self, actor: Actor) -> str:
        if actor.key == "aliyev" and self.rng.random() < 0.5:
            return self.rng.choice(AZERTAC)
        return f"the {actor.office}"

    def _date_expr(self, day: date, published: date) -> str:
        options: tuple[str, ...]
        if day == published:
            options = (
                f"On {day.day} {MONTH_NAMES[day.month - 1]}",
                "Today",
                f"On {WEEKDAYS[day.weekday()]}",
                f"On {MONTH_NAMES[day.month - 1]} {day.day}",
            )
        else:
            options = (
                f"On {WEEKDAYS[day.weekday()]}",
                "Yesterday",
                f"On {day.day} {MONTH_NAMES[day.month - 1]} {day.year}",
            )
        return self.rng.choice(options)

    def _article(
        self, ev: _Event, outlet: str, published: date, title: str, core: list[str]
    ) -> dict[str, Any]:
        """Interleave core paragraphs with background; return the jsonl-shaped article."""
        background = self.rng.sample(self.filler, self.rng.randint(4, 12))
        paragraphs = [core[0]]
        for para in core[1:]:
            paragraphs.append(para)
            if background and self.rng.random() < 0.4:
                paragraphs.append(background.pop())
        paragraphs.extend(background)
        self.n_articles += 1
        slug = f"{ev.id}-{self.n_articles:08d}"
        return {
            "url": f"https://example.org/{outlet.lower().replace(' ', '-')}/{slug}",
            "title": title,
            "outlet": outlet,
            "published": published.isoformat(),
            "language": "en",
            "text": "\n\n".join(paragraphs) + "\n",
        }

    @staticmethod
    def _truth(
        ev: _Event, source: str, role: str, article: dict[str, Any], date_expression: str
    ) -> dict[str, Any]:
        return {
            "event": ev.header(),
            "source": source,
            "role": role,
            "url": article["url"],
            "published": article["published"],
            "date_expression": date_expression,
            "asserts": [],
            "denials": [],
            "omissions": [],
        }

    # -- event kinds ------------------------------------------------------------

    def events(self) -> Iterator[list[tuple[dict[str, Any], dict[str, Any]]]]:
        start = date(2021, 1, 4)
        while True:
            day = start + timedelta(days=self.rng.randrange(1500))
            self.n_events += 1
            if self.rng.random() < 0.2:
                yield self._ceasefire(day)
            else:
                yield self._talks(day)

    def _talks(self, day: date) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        a, b = (ACTORS[k] for k in self.rng.choice(PAIRS))
        ev = _Event(
            self.n_events, "meeting" if self.rng.random() < 0.3 else "phone_call", day, a, b
        )
        shared = self.rng.sample(SHARED, self.rng.randint(2, 3))
        own = {}
        for actor, other in ((a, b), (b, a)):
            pool = [p for p in LEANINGS[actor.side] if p not in LEANINGS[other.side]]
            own[actor.key] = self.rng.sample(pool, min(len(pool), self.rng.randint(1, 2)))
        out = [
            self._readout(ev, a, b, shared, own[a.key], own[b.key]),
            self._readout(ev, b, a, shared, own[b.key], own[a.key]),
        ]
        if self.rng.random() < 0.6:
            out.append(self._comparison(ev, out[0][1], out[1][1]))
        if self.rng.random() < 0.5:
            out.append(self._denial(ev, out[0][1], b))
        return out

    def _readout(
        self,
        ev: _Event,
        me: Actor,
        other: Actor,
        shared: list[str],
        mine: list[str],
        theirs: list[str],
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        when = self._date_expr(ev.day, ev.day)
        verb = "held a phone conversation with" if ev.kind == "phone_call" else "met"
        lead = f"{when}, {me.title} {self._name(me)} {verb} {other.title} {self._name(other)}."
        outlet = me.office
        if me.key == "aliyev" and self.rng.random() < 0.5:
            outlet = self.rng.choice(AZERTAC)
            lead = lead[:-1] + f", {outlet} reports."
        points = [(p, None) for p in shared] + [(p, me) for p in mine]
        self.rng.shuffle(points)
        core, asserts = [lead], []
        for point, speaker in points:
            if speaker is None:
                sentence = self.rng.choice(ASSERT_BOTH).format(o=self._phrase(point), ev=ev.noun)
            else:
                s = self.rng.choice((f"{me.title} {self._name(me)}", self._name(me).split()[-1]))
                sentence = self.rng.choice(ASSERT_OWN).format(s=s, o=self._phrase(point))
                sentence = sentence[0].upper() + sentence[1:]
            core.append(sentence)
            who = [me.name, other.name] if speaker is None else [me.name]
            asserts.append({"point": point, "speakers": who, "sentence": sentence})
        closing = self.rng.choice(CLOSINGS)
        core.append(closing)
        asserts.append(
            {"point": "maintain_contact", "speakers": [me.name, other.name], "sentence": closing}
        )
        title = f"{me.title} {self._name(me)} {verb} {self._name(other)}"
        article = self._article(ev, outlet, ev.day, title, core)
        truth = self._truth(ev, me.office_id, "readout", article, when)
        truth["asserts"] = asserts
        truth["omissions"] = [{"point": p, "present_in": other.office_id} for p in theirs]
        return article, truth

    def _comparison(
        self, ev: _Event, first: dict[str, Any], second: dict[str, Any]
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        published = ev.day + timedelta(days=self.rng.randint(0, 1))
        when = self._date_expr(ev.day, published)
        outlet = self.rng.choice(OUTLETS)
        core = [
            f"{when}, {ev.a.title} {self._name(ev.a)} and {ev.b.title} {self._name(ev.b)} "
            f"held a {ev.noun}, but the two sides' accounts of it differ."
        ]
        asserts = []
        for actor, readout in ((ev.a, first), (ev.b, second)):
            for item in [x for x in readout["asserts"] if x["point"] in POINTS][:3]:
                src = self._source_name(actor)
                tpl = self.rng.choice(REPORTED)
                sentence = tpl.format(src=src, s=self._name(actor), o=self._phrase(item["point"]))
                sentence = sentence[0].upper() + sentence[1:]
                core.append(sentence)
                asserts.append(
                    {
                        "point": item["point"],
                        "speakers": item["speakers"],
                        "reported_from": readout["source"],
                        "sentence": sentence,
                    }
                )
        article = self._article(ev, outlet, published, f"Readouts of {ev.noun} differ", core)
        truth = self._truth(ev, f"outlet:{outlet}", "report", article, when)
        truth["asserts"] = asserts
        return article, truth

    def _denial(
        self, ev: _Event, denied: dict[str, Any], denier_side: Actor
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        own = [x for x in denied["asserts"] if len(x["speakers"]) == 1]
        target = self.rng.choice(own) if own else denied["asserts"][0]
        published = ev.day + timedelta(days=1)
        when = self._date_expr(ev.day, published)
        outlet = self.rng.choice(OUTLETS)
        adj = SIDE_ADJ[ev.a.side]
        by = self.rng.choice((SPOKESPEOPLE[denier_side.side], "diplomatic sources"))
        phrase = self._phrase(target["point"])
        if by == "diplomatic sources":
            sentence = (
                f"Citing diplomatic sources, {outlet} reported that {phrase} was not on "
                f"the agenda of the {ev.noun}."
            )
        else:
            sentence = self.rng.choice(DENIALS).format(d=by, o=phrase, ev=ev.noun, adj=adj)
            sentence = sentence[0].upper() + sentence[1:]
        claim = (
            f"{when}, {self._source_name(ev.a)} said that the {ev.noun} between "
            f"{self._name(ev.a)} and {self._name(ev.b)} had covered {phrase}."
        )
        claim = claim[0].upper() + claim[1:]
        core = [claim, sentence]
        title = f"{SIDE_ADJ[denier_side.side]} side disputes {adj} readout"
        article = self._article(ev, outlet, published, title, core)
        truth = self._truth(ev, f"outlet:{outlet}", "denial_report", article, when)
        truth["asserts"] = [
            {
                "point": target["point"],
                "speakers": target["speakers"],
                "reported_from": denied["source"],
                "sentence": claim,
            }
        ]
        truth["denials"] = [
            {
                "point": target["point"],
                "denied_source": denied["source"],
                "denied_url": denied["url"],
                "denied_by": by,
                "sentence": sentence,
            }
        ]
        return article, truth

    def _ceasefire(self, day: date) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        accuser, accused = ("az", "am") if self.rng.random() < 0.5 else ("am", "az")
        ev = _Event(self.n_events, "ceasefire", day, _mod(accuser), _mod(accused))
        when = self._date_expr(day, day)
        there = self.rng.choice(FRONTLINE[accused]).replace("{nakh}", self.rng.choice(NAKHCHIVAN))
        here = self.rng.choice(FRONTLINE[accuser]).replace("{nakh}", self.rng.choice(NAKHCHIVAN))
        hour = f"{self.rng.randint(0, 23):02d}:{self.rng.choice(('05', '20', '35', '50'))}"
        claim = (
            f"{when}, at about {hour}, units of the {ARMIES[accused]} stationed in the "
            f"direction of {there} opened fire at positions of the {ARMIES[accuser]} near "
            f"{here}, the {MODS[accuser]} reported."
        )
        title = f"{MODS[accuser]}: ceasefire violated near {here}"
        accusation = self._article(ev, MODS[accuser], day, title, [claim])
        truth_a = self._truth(ev, f"{accuser}_mod", "statement", accusation, when)
        truth_a["asserts"] = [
            {"point": "ceasefire_violation", "speakers": [MODS[accuser]], "sentence": claim}
        ]
        published = day + timedelta(days=self.rng.randint(0, 1))
        rejection = self.rng.choice(REJECTIONS).format(mod=MODS[accused], adj=SIDE_ADJ[accuser])
        when = self._date_expr(day, published)
        reported = (
            f"{when}, the {MODS[accuser]} accused the {ARMIES[accused]} of violating the "
            f"ceasefire near {here}."
        )
        title = f"{MODS[accused]} rejects claim"
        reply = self._article(ev, MODS[accused], published, title, [reported, rejection])
        truth_b = self._truth(ev, f"{accused}_mod", "statement", reply, when)
        truth_b["asserts"] = [
            {
                "point": "ceasefire_violation",
                "speakers": [MODS[accuser]],
                "reported_from": f"{accuser}_mod",
                "sentence": reported,
            }
        ]
        truth_b["denials"] = [
            {
                "point": "ceasefire_violation",
                "denied_source": f"{accuser}_mod",
                "denied_url": accusation["url"],
                "denied_by": MODS[accused],
                "sentence": rejection,
            }
        ]
        return [(accusation, truth_a), (reply, truth_b)]


def _mod(side: str) -> Actor:
    return Actor(f"{side}_mod", (MODS[side],), "", side, f"{side}_mod", MODS[side])


def generate(n_articles: int, seed: int) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Yield ``n_articles`` pairs of (article in jsonl shape, its truth record)."""
    left = n_articles
    for pairs in Generator(seed).events():
        if left <= 0:
            return
        if len(pairs) > left:
            pairs = _truncated(pairs[:left])
        yield from pairs
        left -= len(pairs)


def _truncated(
    pairs: list[tuple[dict[str, Any], dict[str, Any]]],
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """The last event cut short: drop omissions relative to sources left out."""
    kept = {truth["source"] for _, truth in pairs}
    for _, truth in pairs:
        truth["omissions"] = [o for o in truth["omissions"] if o["present_in"] in kept]
    return pairs


# --- writing to disk ------------------------------------------------------------------


def write_corpus(n_articles: int, out: Path, seed: int, fmt: str) -> dict[str, int]:
    """Write articles and truth under ``out``; return size statistics."""
    out.mkdir(parents=True, exist_ok=True)
    stats = {"articles": 0, "events": 0, "words": 0}
    sink = _ArticleSink(out, fmt)
    located = ((article, {**sink.write(article), **truth}) for article, truth in
               generate(n_articles, seed))  # fmt: skip
    try:
        events = _events_of(located, stats)
        if n_articles > TRUTH_JSON_MAX_ARTICLES:
            with (out / "truth.jsonl").open("w", encoding="utf-8") as lines:
                for event in events:
                    lines.write(json.dumps(event, ensure_ascii=False) + "\n")
        else:
            document = {"seed": seed, "articles": n_articles, "events": list(events)}
            text = json.dumps(document, ensure_ascii=False, indent=1)
            (out / "truth.json").write_text(text + "\n", encoding="utf-8")
    finally:
        sink.close()
    return stats


def _events_of(
    located: Iterator[tuple[dict[str, Any], dict[str, Any]]], stats: dict[str, int]
) -> Iterator[dict[str, Any]]:
    """Group consecutive truth records into one record per event, with its sources."""
    current: dict[str, Any] | None = None
    for article, truth in located:
        event = truth.pop("event")
        if current is None or current["id"] != event["id"]:
            if current is not None:
                yield current
            current = {**event, "sources": []}
            stats["events"] += 1
        current["sources"].append(truth)
        stats["articles"] += 1
        stats["words"] += len(article["text"].split())
    if current is not None:
        yield current


class _ArticleSink:
    """Writes articles as jsonl shards or txt files; says where each one went."""

    def __init__(self, out: Path, fmt: str) -> None:
        self.out, self.fmt = out, fmt
        self.count = 0
        self.shard: TextIO | None = None
        self.shard_name = ""

    def write(self, article: dict[str, Any]) -> dict[str, Any]:
        index, self.count = self.count, self.count + 1
        if self.fmt == "txt":
            rel = f"{index // TXT_PER_FOLDER:04d}/{index:07d}.txt"
            if index % TXT_PER_FOLDER == 0:
                (self.out / rel).parent.mkdir(exist_ok=True)
            (self.out / rel).write_text(_front_matter(article) + article["text"], encoding="utf-8")
            return {"file": rel}
        if index % SHARD_LINES == 0:
            self.close()
            self.shard_name = f"articles-{index // SHARD_LINES:05d}.jsonl"
            self.shard = (self.out / self.shard_name).open("w", encoding="utf-8")
        assert self.shard is not None
        self.shard.write(json.dumps(article, ensure_ascii=False) + "\n")
        return {"file": self.shard_name, "line": index % SHARD_LINES + 1}

    def close(self) -> None:
        if self.shard is not None:
            self.shard.close()
            self.shard = None


def _front_matter(article: dict[str, Any]) -> str:
    lines = ["---"]
    for key in ("title", "url", "outlet", "published", "language"):
        lines.append(f"{key}: {json.dumps(article[key], ensure_ascii=False)}")
    return "\n".join(lines) + "\n---\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="how many articles")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--format", choices=("jsonl", "txt"), default="jsonl")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    started = time.perf_counter()
    stats = write_corpus(args.articles, args.out, args.seed, args.format)
    seconds = time.perf_counter() - started
    print(
        f"{stats['articles']} articles, {stats['words'] / stats['articles']:.0f} words on "
        f"average, in {seconds:.1f}s ({stats['articles'] / seconds:.0f} articles/s) "
        f"-> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
