"""What reconciliation reasons with: claims and events known so far, and the rules
that tie a denial to the claim it answers and an omission statement to its points.

Kept apart from :mod:`ingest.reconcile` (which builds the graph fragment) so the
matching rules can be read, and tested, on their own.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from graph.model import ClaimRecord, Event
from ingest.claims import features, generic_stems
from ingest.entities import OFFICIAL_SOURCE_KINDS, Ref
from ingest.events import ArticleEvent
from ingest.extractor import ArticleExtraction, Point
from ingest.gazetteer import load as load_gazetteer
from ingest.lexicon import OMISSION_RE, kind_family
from ingest.mentions import TITLE_WORDS

FULL_ACCOUNT_MIN_POINTS = 2


@dataclass
class ClaimState:
    """A claim as this batch knows it: its features and every account edge on it."""

    id: str
    text: str
    event_id: str
    features: set[str]
    accounts: list[tuple[str, str, str]] = field(default_factory=list)  # (type, source, frame)
    asserted_in: set[tuple[str, str]] = field(default_factory=set)  # (source, article) ASSERTS
    negated: bool = False  # it says something is not so: no occurrence denial's target


@dataclass
class EventState:
    """An event with its participants and the claims about it loaded so far."""

    event: Event
    participants: set[str]
    claims: dict[str, ClaimState] = field(default_factory=dict)
    loaded: bool = False



MIN_DENIAL_SCORE = 1.5


def best_denied(denial: set[str],
                 candidates: list[tuple[ClaimState, set[str]]]) -> ClaimState | None:
    """The claim a denial's words point at, weighting words by how rare they are.

    A denial restates only the gist ("prisoners were not discussed"): the words
    it shares with one claim and not with the others (a named organisation, a
    topic) decide, while the event's participants and readout boilerplate,
    shared by every claim, count for almost nothing.
    """
    if not candidates:
        return None
    df: dict[str, int] = {}
    for claim, _ in candidates:
        for feature in claim.features:
            df[feature] = df.get(feature, 0) + 1
    n = len(candidates)
    best, best_score = None, 0.0
    for claim, participants in candidates:
        shared = (denial & claim.features) - participants - generic_stems()
        score = sum(1.0 + math.log((n + 1) / (df[f] + 1)) + name_bonus(f) for f in shared)
        if len(shared) >= 1 and score > best_score:
            best, best_score = claim, score
    return best if best_score >= MIN_DENIAL_SCORE else None


COVERED = 0.5  # share of a denied content's words a claim must state to be its target
COVERED_HERE = 0.4  # … when the claim is one the denying article itself reports
CONTRADICTED = 0.5  # … when a negated point with no denial word restates it (3 words or more)


def covering_claim(content: set[str], candidates: list[tuple[ClaimState, set[str]]],
                   bar: float = COVERED) -> ClaimState | None:
    """The claim that states most of what a denial says did not happen ("denied that Z").

    Z is short and specific, so the bar is how much of Z a claim holds (at
    least two words and half of Z, or all of it when Z is a name, and more
    than the event's participants);
    a claim sharing only names or boilerplate with Z is not its target.
    """
    best, best_share = None, 0.0
    wanted = content - generic_stems()
    for claim, participants in candidates:
        shared = wanted & claim.features
        own = shared - participants  # what this claim says beyond who took part
        share = len(shared) / len(wanted) if wanted else 0.0
        named = share == 1.0 and any(f.startswith("@") for f in shared)  # "no mention of X"
        if own and (len(shared) >= 2 or named) and share >= bar and share > best_share:
            best, best_share = claim, share
    return best


def with_states(refs: list[Ref]) -> set[str]:
    """Names of these actors and of the states they belong to (forces stand for states)."""
    gazetteer = load_gazetteer()
    names = {r.name for r in refs}
    for ref in refs:
        state = gazetteer.state_of(ref.entry) if ref.entry is not None else None
        if state is not None:
            names.add(state.name)
    return names


def name_bonus(feature: str) -> float:
    """A named organisation or person pins a point down; states are named everywhere."""
    if not feature.startswith("@"):
        return 0.0
    entry = load_gazetteer().get(feature[1:])
    return 0.0 if entry is not None and entry.kind == "state" else 1.0


def anaphoric_target(ex: ArticleExtraction, point: Point, source_id: str,
                      asserted: list[tuple[Point, ClaimState]]) -> ClaimState | None:
    """'X denied the claim', 'Y's statement is false': a point this article reported.

    A denial that points back ("the claim", "such reports") answers the last
    point another source made before it; one that names the owner ("Y's
    statement", "accusations by Y") answers Y's last point.
    """
    denial = point.denial
    if denial is None or not (denial.anaphoric or point.denied_owner is not None):
        return None
    earlier = [(p, c) for p, c in asserted if p.order < point.order
               and p.source.id != source_id and p.end <= point.start]
    owner = point.denied_owner
    if owner is not None:
        owned = [(p, c) for p, c in earlier if p.source.id == owner.id
                 or (p.speaker is not None and p.speaker.name == owner.name)
                 or (owner.kind == "state" and owner.name in (p.source.speaks_for,
                                                               p.source.country))]
        if denial.content is not None:
            # "Y's claim that Z is false": Y's point that says Z, not just Y's last one.
            return covering_claim(point.features, [(c, set()) for _, c in owned], COVERED_HERE)
        if owned or not denial.anaphoric:
            return owned[-1][1] if owned else None
    if denial.content is None:
        return earlier[-1][1] if earlier else None
    side = _side_of(point)
    other_side = [(p, c) for p, c in earlier if _side_of(p) != side]
    if denial.shape == "occurrence" and other_side:
        return _answered_account(point, other_side)
    return None


def _answered_account(point: Point, earlier: list[tuple[Point, ClaimState]]) -> ClaimState:
    """"No such incident took place": the account this answers is the last one another
    side gave; the point it denies is the one of that account its words restate ("no
    such discussion of a rail link"), else the account's first (the news it broke: "a
    serviceman was wounded", before the details and the blame). A side's account may
    come from several of its voices (the ministry, then a government-linked outlet)."""
    last = _side_of(earlier[-1][0])
    account: list[tuple[Point, ClaimState]] = []
    for p, c in reversed(earlier):
        if _side_of(p) != last:
            break
        account.insert(0, (p, c))
    said = point.features | point.context  # "such" stands for the words that follow it
    restated = covering_claim(said, [(c, set()) for _, c in account], COVERED_HERE)
    return restated if restated is not None else account[0][1]


def _side_of(point: Point) -> str:
    """The state a point's source speaks from, else the source itself. A body speaking
    as an actor of its own ("the State Border Service") is still of its state."""
    source = point.source
    if source.country:
        return source.country
    gazetteer = load_gazetteer()
    entry = source.entry or gazetteer.get(source.speaks_for or "")
    state = gazetteer.state_of(entry) if entry is not None else None
    return state.name if state is not None else source.id


def same_event(state: EventState, ev: ArticleEvent, participant_ids: set[str]) -> bool:
    """Two accounts are of one event when they tell of the same kind of event between
    the same sides (two of them, or the one side a statement has)."""
    if kind_family(ev.kind) != kind_family(state.event.kind):
        return False
    shared = participant_ids & state.participants
    if len(shared) >= 2:
        return True
    return bool(shared) and ev.kind == state.event.kind and len(participant_ids) == 1


def claim_from_record(record: ClaimRecord) -> ClaimState:
    # The claim's own text only, as a claim built in this batch has: the same claims
    # compare the same whether their articles share a batch or not.
    feats = features(record.claim.text)
    state = ClaimState(record.claim.id, record.claim.text, record.event_id, feats,
                       negated=bool(record.claim.negated))
    state.accounts = [(str(a.type), a.source_id, a.frame or a.method or "")
                      for a in record.accounts]
    state.asserted_in = {(a.source_id, a.article_id) for a in record.accounts
                         if a.type == "ASSERTS" and a.article_id}
    return state


def full_accounts(state: EventState) -> set[str]:
    """Sources that gave their own readout of the event (at least two points)."""
    points: dict[str, set[str]] = {}
    for claim in state.claims.values():
        for edge_type, source, frame in claim.accounts:
            if edge_type == "ASSERTS" and frame == "readout":
                points.setdefault(source, set()).add(claim.id)
    return {s for s, claims in points.items() if len(claims) >= FULL_ACCOUNT_MIN_POINTS}


# Kinds of source whose statements about talks are their side's readout: a party's
# ministry, government, press service. A state named as speaker ("Baku said"), a
# state news agency or an international organisation reports on talks; none is a
# party's office.
READOUT_BODY_KINDS = frozenset(OFFICIAL_SOURCE_KINDS - {"news_agency", "state",
                                                        "international_organisation"})
SourceFacts = Callable[[str], tuple[str | None, str | None]]  # source id -> (kind, side)


def participant_sides(state: EventState) -> set[str]:
    """The states the event's participants belong to (Putin -> Russia)."""
    gazetteer = load_gazetteer()
    sides = set()
    for name in state.event.participant_names:
        entry = gazetteer.get(name)
        side = gazetteer.state_of(entry) if entry is not None else None
        if side is not None:
            sides.add(side.name)
    return sides


def compared_accounts(state: EventState, facts: SourceFacts,
                      said: dict[str, set[str]]) -> dict[str, str | None]:
    """Sources whose accounts of the event are compared, with the side each speaks from.

    A full readout (two points or more) always counts. For bilateral talks, so does
    what a party's own body said of them ("the Kremlin said …", "the Armenian government
    also said …"), however short the article's relay of it: each side's readout of
    a call is what analysts put side by side. It must tell of the talks, though: one
    of its points names a participant or says what readouts say ("the two leaders
    discussed …", "the sides agreed …"); a point the body made separately ("the
    border has been calm") is no account of the call. ``said``: claim id -> the
    features of its text.
    """
    accounts: dict[str, str | None] = {s: facts(s)[1] for s in full_accounts(state)}
    if state.event.kind not in BILATERAL_TALKS:
        return accounts
    sides = participant_sides(state)
    talk = {f"@{name}" for name in state.event.participant_names} | generic_stems()
    for claim in state.claims.values():
        for edge_type, source, frame in claim.accounts:
            if edge_type != "ASSERTS" or frame not in ("readout", "statement") \
                    or not said[claim.id] & talk:
                continue
            kind, side = facts(source)
            if kind in READOUT_BODY_KINDS and side in sides:
                accounts[source] = side
    return accounts


# Two parties' readouts of their own talks: a call, a meeting, a visit. A summit
# is multilateral: each party tells its own angle, and what one leaves out of
# another's communiqué is no omission.
BILATERAL_TALKS = frozenset({"phone_call", "meeting", "talks", "visit"})
LOOSE_SHARED = 2  # content words two wordings of one point share at the least
LOOSE_SHARE = 0.4  # … and the share of the shorter wording they make up


def loosely_same(a: set[str], b: set[str]) -> bool:
    """Whether two points may be one point in other words ("Putin apologised for the
    incident in Russian airspace" / "Putin apologised … regarding an incident …").

    Used before saying a source left a point out: a looser bar than merging two
    claims, because a wrong omission is worse than a missed one. Only what is
    said counts: names and titles ("President", "@Armenia") say who, and two
    readouts of one call name the same people throughout.
    """
    a_own, b_own = _what_is_said(a), _what_is_said(b)
    shared = a_own & b_own
    return len(shared) >= LOOSE_SHARED and len(shared) >= LOOSE_SHARE * min(len(a_own), len(b_own))


def _what_is_said(features_: set[str]) -> set[str]:
    return {f for f in features_ - generic_stems()
            if not f.startswith("@") and f not in TITLE_WORDS}


def account_owner(ex: ArticleExtraction, point: Point, state: EventState) -> str | None:
    """Which source's version an omission statement is about ("the Azeri version")."""
    text = ex.text[point.start : point.end]
    cue = OMISSION_RE.search(text)
    if cue is None:
        return None
    if _passive_cue(cue.group(0)):
        return None  # "X was not mentioned in the readout": the account comes after
    subject = text[: cue.start()]
    readouts = full_accounts(state) | {s for c in state.claims.values()
                                        for t, s, f in c.accounts if t == "ASSERTS"}
    refs = {r.id: r for r in ex.refs if r.category == "source"}
    words = re.findall(r"[A-Z][\w.]+", subject[-60:])
    for word in reversed(words):
        named = state_named_by(word)
        for sid in sorted(readouts):
            ref = refs.get(sid)
            if ref is None:
                continue
            if word in ref.surfaces or word == ref.name or (
                    named is not None and named in (ref.country, ref.speaks_for)):
                return sid
    return None


def _passive_cue(cue: str) -> bool:
    return cue.lower().endswith("not mentioned")


def state_named_by(word: str) -> str | None:
    """The state a word names or qualifies: "Azeri" and "Baku" both give Azerbaijan."""
    for m in load_gazetteer().mentions(word):
        state = load_gazetteer().state_of(m.entry)
        if state is not None:
            return state.name
    return None


def omitted_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The things said to be left out, split at 'and the' / ';' after the cue."""
    cue = OMISSION_RE.search(text, start, end)
    if cue is None:
        return []
    if _passive_cue(cue.group(0)):  # "the release of X was not mentioned in …"
        item = text[start : cue.start()].strip()
        offset = text.index(item, start) if item else start
        return [(offset, offset + len(item))] if len(item.split()) >= 3 else []
    pos = cue.end()
    while pos < end and text[pos] in "”\"’' ":
        pos += 1
    items = []
    for part in re.finditer(r"(?:[^;]+?)(?=\s+and\s+(?:the|its|also)\s|;|\.?$)", text[pos:end]):
        a, b = pos + part.start(), pos + part.end()
        segment = text[a:b].strip()
        if len(segment.split()) >= 3:
            offset = text.index(segment, a)
            items.append((offset, offset + len(segment)))
    return items
