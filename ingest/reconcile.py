"""Turn article extractions into one graph fragment, matched against the store.

This is where articles meet: the same call reported in two articles becomes one
Event; the same point asserted by two sources becomes one Claim with two
ASSERTS edges; a denial is linked to the claim another source asserted (in this
article or an earlier one); and every event touched gets its omissions
recomputed from all the full accounts now known. Cross-article matching is
blocked by event and by date, never over all pairs, so cost stays linear.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from graph.ids import claim_id, edge_id, event_id
from graph.model import (
    Actor,
    Article,
    Claim,
    Edge,
    EdgeType,
    Event,
    GraphFragment,
    Source,
)
from graph.store import GraphStore
from ingest.claims import SAME_POINT, claim_text, features, opposed, similarity
from ingest.entities import Ref
from ingest.events import ArticleEvent, event_label
from ingest.extractor import ArticleExtraction, Point
from ingest.gazetteer import load as load_gazetteer
from ingest.lexicon import KIND_RANK
from ingest.matching import (
    CONTRADICTED,
    COVERED_HERE,
    ClaimState,
    EventState,
    account_owner,
    anaphoric_target,
    best_denied,
    claim_from_record,
    compared_accounts,
    covering_claim,
    loosely_same,
    omitted_items,
    same_event,
    with_states,
)

EVENT_DATE_SLACK = timedelta(days=1)
DATE_RANK = {"day": 0, "month": 1, "reported": 2}  # which account's date an event keeps
STATEMENT_KINDS = frozenset({"statement", "press_conference", "interview"})
DENIAL_LOOKBACK = timedelta(days=3)
UNDATED_LOOKBACK = timedelta(days=7)
PREFETCH_MAX_DAYS = 120


def _date_given(ev: ArticleEvent, article_id: str) -> list[str]:
    """The date this article's text gives the event ("<date> <precision> <article>"),
    if it gives one; the day of a report is no date the text gives."""
    if ev.date is None or ev.date_precision not in ("day", "month", "year"):
        return []
    return [f"{ev.date.isoformat()} {ev.date_precision} {article_id}"]


class Reconciler:
    """Builds one fragment for a batch of extractions; see the module docstring."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.fragment = GraphFragment()
        self.events: dict[str, EventState] = {}
        self._nodes: dict[str, Actor | Source | Event | Claim | Article] = {}
        self._article_states: list[EventState] = []
        self._edge_ids: set[str] = set()
        self._touched: set[str] = set()
        self._fetched_days: set[date] = set()
        self._stored_sources: dict[str, tuple[str | None, str | None]] = {}

    # -- nodes and edges ---------------------------------------------------

    def _node(self, node: Actor | Source | Event | Claim) -> None:
        kept = self._nodes.get(node.id)
        if kept is None:
            self._nodes[node.id] = node
            self.fragment.nodes.append(node)
        elif isinstance(kept, Actor | Source) and isinstance(node, Actor | Source):
            # One batch, several articles: every spelling they use is kept, as the store does.
            kept.aliases = sorted(set(kept.aliases) | set(node.aliases))

    def _edge(self, edge: Edge) -> None:
        if edge.id not in self._edge_ids:
            self._edge_ids.add(edge.id)
            self.fragment.edges.append(edge)

    def _ref(self, ref: Ref) -> str:
        if ref.category == "source":
            self._node(Source(id=ref.id, name=ref.name, kind=ref.kind,
                              aliases=sorted(ref.surfaces - {ref.name}), country=ref.country,
                              known=ref.entry is not None))
            if ref.speaks_for:
                target = self._speaker_actor(ref)
                self._edge(Edge(id=edge_id("SPEAKS_FOR", ref.id, target.id),
                                type=EdgeType.SPEAKS_FOR, start=ref.id, end=target.id))
        else:
            office = ref.entry.offices[-1].title if ref.entry and ref.entry.offices else None
            self._node(Actor(id=ref.id, name=ref.name, kind=ref.kind,
                             aliases=sorted(ref.surfaces - {ref.name}), office=office,
                             country=ref.country if ref.country != ref.name else None,
                             known=ref.entry is not None))
        return ref.id

    def _speaker_actor(self, source: Ref) -> Ref:
        """The actor a source speaks for, described as the gazetteer knows it."""
        name = source.speaks_for or source.name
        entry = load_gazetteer().get(name)
        if entry is not None and entry.category == "actor":
            target = Ref(name, "actor", entry.kind, entry=entry, country=entry.country)
        else:
            person = source.kind in ("expert", "official", "person")
            itself = name == source.name and not person  # an unlisted body speaking for itself
            target = Ref(name, "actor", "person" if person else
                         "organisation" if itself else "unknown",
                         country=source.country if itself else None)
        self._ref(target)
        return target

    # -- events ------------------------------------------------------------

    def _event_for(self, ev: ArticleEvent, published: date | None,
                   article_id: str) -> EventState:
        participant_ids = {p.id for p in ev.participants}
        given = _date_given(ev, article_id)
        for state in self._candidates(ev):
            if same_event(state, ev, participant_ids):
                self._absorb(state, ev, participant_ids, given)
                return state
        new = Event(
            id=event_id(ev.kind, ev.date.isoformat() if ev.date else None, sorted(participant_ids),
                        "" if ev.date else f"{published}"),
            kind=ev.kind, name=ev.label(), date=ev.date.isoformat() if ev.date else None,
            date_precision=ev.date_precision, participant_names=ev.participant_names,  # type: ignore[arg-type]
            location=ev.location, dates_given=given,
        )
        state = EventState(new, participant_ids)
        self.events[new.id] = state
        return state

    @staticmethod
    def _absorb(state: EventState, ev: ArticleEvent, participant_ids: set[str],
                given: list[str]) -> None:
        """Another account of a known event: what the event is follows from all its
        accounts, whichever came first (ingest order must not change the graph).

        Participants are the union; the most specific kind wins; the best-dated
        account gives the date (a day over a month over the day of a report), the
        earlier of two days, and every date given is kept beside it; the first
        location given stays.
        """
        known = state.event
        state.participants |= participant_ids
        names = sorted(set(known.participant_names) | set(ev.participant_names))
        kind = min(known.kind, ev.kind, key=lambda k: (KIND_RANK.get(k, 9), k))
        day, precision = known.date, str(known.date_precision)
        if ev.date is not None:
            mine = (DATE_RANK.get(ev.date_precision, 9), ev.date.isoformat())
            if day is None or mine < (DATE_RANK.get(precision, 9), day):
                day, precision = ev.date.isoformat(), ev.date_precision
        state.event = known.model_copy(update={
            "kind": kind, "participant_names": names, "date": day,
            "date_precision": precision, "name": event_label(kind, names, day),
            "location": known.location or ev.location,
            "dates_given": sorted(set(known.dates_given) | set(given))})

    def _candidates(self, ev: ArticleEvent) -> list[EventState]:
        """Stored events this one may be: blocked by date, so the cost stays linear.

        A report-dated event is looked for among the events of the week before its
        report (the news tells of what has just happened), the most recent first.
        Undated events (passing mentions) are never matched across articles: without
        a date, two calls between the same people months apart could not be told
        apart, and whether a dated one is found would depend on ingest order.
        """
        if ev.date is None:
            return []  # a passing mention with no date: this article's own
        if ev.date_precision == "reported":
            day = ev.date
            self._fetch_days(day - UNDATED_LOOKBACK, day + EVENT_DATE_SLACK)
            lo = (day - UNDATED_LOOKBACK).isoformat()
            hi = (day + EVENT_DATE_SLACK).isoformat()
            recent = [s for s in self.events.values() if s.event.date and lo <= s.event.date <= hi]
            return sorted(recent, key=lambda s: (-date.fromisoformat(str(s.event.date)).toordinal(),
                                                 s.event.id))
        # A dated account may be of an event an earlier report dated by its own day. A
        # day either side allows for time zones and late reports, except for incidents:
        # the same two sides exchange fire on consecutive days.
        slack = timedelta(0) if ev.kind == "incident" else EVENT_DATE_SLACK
        self._fetch_days(ev.date - EVENT_DATE_SLACK, ev.date + UNDATED_LOOKBACK)
        lo, hi = (ev.date - slack).isoformat(), (ev.date + slack).isoformat()
        reported_lo = (ev.date - EVENT_DATE_SLACK).isoformat()
        reported_hi = (ev.date + UNDATED_LOOKBACK).isoformat()
        found = [s for s in self.events.values() if s.event.date and (
            (s.event.date_precision != "reported" and lo <= s.event.date <= hi)
            or (s.event.date_precision == "reported"
                and reported_lo <= s.event.date <= reported_hi))]
        # The closest day first, then by id: the match must not depend on ingest order.
        when = ev.date
        return sorted(found, key=lambda s: (abs(date.fromisoformat(str(s.event.date)) - when),
                                            s.event.id))

    def _prefetch_days(self, extractions: list[ArticleExtraction]) -> None:
        """One range read for the whole batch when its dates are close together."""
        days: list[date] = []
        for ex in extractions:
            days += [ev.date for ev in ex.events if ev.date is not None]
            if ex.doc.published is not None:
                days.append(ex.doc.published)
        if not days:
            return
        first = min(days) - max(DENIAL_LOOKBACK, UNDATED_LOOKBACK, EVENT_DATE_SLACK)
        last = max(days) + EVENT_DATE_SLACK
        if (last - first).days <= PREFETCH_MAX_DAYS:
            self._fetch_days(first, last)

    def _fetch_days(self, first: date, last: date) -> None:
        """Load stored events of these days once per batch: blocking by date keeps cost linear."""
        day = first
        while day <= last:
            if day in self._fetched_days:
                day += timedelta(days=1)
                continue
            start = day
            while day <= last and day not in self._fetched_days:
                self._fetched_days.add(day)
                day += timedelta(days=1)
            end = day - timedelta(days=1)
            for stored, participants in self.store.events_between(start.isoformat(),
                                                                  end.isoformat()):
                self.events.setdefault(stored.id, EventState(stored, set(participants)))

    def _load_claims_of(self, states: list[EventState]) -> None:
        """One store read for all events a batch touches, instead of one per event."""
        wanted = [s for s in states if not s.loaded]
        for state in wanted:
            state.loaded = True
        if not wanted:
            return
        by_id = {s.event.id: s for s in wanted}
        for record in self.store.claims_about(sorted(by_id)):
            state = by_id[record.event_id]
            state.claims.setdefault(record.claim.id, claim_from_record(record))

    def _load_claims(self, state: EventState) -> None:
        self._load_claims_of([state])

    def add_batch(self, extractions: list[ArticleExtraction]) -> None:
        """Resolve every article's events first, load their claims in one read, then points."""
        self._prefetch_days(extractions)
        resolved = [(ex, self._resolve_events(ex)) for ex in extractions]
        self._load_claims_of([state for _, states in resolved for state in states.values()])
        for ex, states in resolved:
            self._add_points(ex, states)

    def add(self, ex: ArticleExtraction) -> None:
        self.add_batch([ex])

    def _resolve_events(self, ex: ArticleExtraction) -> dict[int, EventState]:
        return {id(ev): self._event_for(ev, ex.doc.published, ex.article.id)
                for ev in ex.events}

    def _add_points(self, ex: ArticleExtraction, states: dict[int, EventState]) -> None:
        article = ex.article
        self._article_states = list(states.values())
        self.fragment.nodes.append(article)
        self._nodes[article.id] = article
        for ref in ex.refs:
            if ref.category == "actor":
                self._ref(ref)
        if ex.publisher is not None:
            self._ref(ex.publisher)
            self._edge(Edge(id=edge_id("PUBLISHED_BY", article.id, ex.publisher.id),
                            type=EdgeType.PUBLISHED_BY, start=article.id, end=ex.publisher.id))
        for ev in ex.events:
            state = states[id(ev)]
            self._load_claims_of([state])
            self._write_event(state, ev, article.id)
        asserted: list[tuple[Point, ClaimState]] = []
        # Assertions first: a denial may answer a point the article states further down.
        ordered = sorted(ex.points, key=lambda p: (p.act in ("deny", "omit"), p.order))
        for point in ordered:
            found = states.get(id(point.event)) if point.event is not None else None
            self._point(ex, point, found, asserted)

    def _write_event(self, state: EventState, ev: ArticleEvent, article_id: str) -> None:
        self._node(state.event)
        self._touched.add(state.event.id)
        self._edge(Edge(id=edge_id("REPORTS", article_id, state.event.id), type=EdgeType.REPORTS,
                        start=article_id, end=state.event.id))
        for p in ev.participants:
            self._ref(p)
            self._edge(Edge(id=edge_id("PARTICIPANT", state.event.id, p.id),
                            type=EdgeType.PARTICIPANT, start=state.event.id, end=p.id,
                            role="participant"))

    def _point(self, ex: ArticleExtraction, point: Point, state: EventState | None,
               asserted: list[tuple[Point, ClaimState]]) -> None:
        source_id = self._ref(point.source)
        scope = state.event.id if state else ex.article.id
        if point.act == "assert":
            contradicted = self._contradicted(point, state, source_id, ex) \
                if point.negated else None
            if contradicted is not None:
                self._account(EdgeType.DENIES, source_id, contradicted, ex, point, "contradiction")
                return
            claim = self._claim_for(point, state, scope)
            self._account(EdgeType.ASSERTS, source_id, claim, ex, point, point.frame)
            asserted.append((point, claim))
        elif point.act == "agree":
            earlier = [c for p, c in asserted if p.source.id != source_id]
            if earlier:
                self._account(EdgeType.ASSERTS, source_id, earlier[-1], ex, point, "agreement")
        elif point.act == "deny":
            target = anaphoric_target(ex, point, source_id, asserted)
            denial = point.denial
            says_what = denial is not None and denial.content is not None
            if target is None and says_what:
                # "X denied that Z": a claim that states Z, else Z itself; "Z was not
                # discussed" must find the claim that Z was.
                candidates = self._denial_candidates(point, state, source_id, ex)
                own = {id(c) for s in self._article_states for c in s.claims.values()}
                # This article's claims first: a denial usually answers what it reports.
                here = [c for c in candidates if id(c[0]) in own]
                target = covering_claim(point.features, here, COVERED_HERE) \
                    or covering_claim(point.features, candidates)
                if target is None and denial is not None and denial.shape in ("verb", "label"):
                    target = self._claim_denied_in(ex, point, state, scope)
            if target is None:
                target = self._denied_claim(point, state, source_id, ex)
            if target is None:
                # A denial with nothing to point at ("this is disinformation") is a claim
                # of its own: an analyst sees it asserted, never a denial of nothing.
                claim = self._claim_for(point, state, scope)
                self._account(EdgeType.ASSERTS, source_id, claim, ex, point, point.frame)
                return
            self._account(EdgeType.DENIES, source_id, target, ex, point, "denial")
        elif point.act == "omit":
            self._stated_omissions(ex, point, state)

    def _contradicted(self, point: Point, state: EventState | None, source_id: str,
                      ex: ArticleExtraction) -> ClaimState | None:
        """The claim another source made that this negated point says is not so.

        "The CSTO does not pose any threat to Armenia's sovereignty" after "the CSTO
        threatens Armenia's sovereignty": no denial word, yet a denial. The bar is
        higher than for a denial's target (CONTRADICTED): without a denial word, only a
        point that restates most of the claim with "not" denies it; a claim that is
        itself a negation is agreed with, not denied.
        """
        # A claim naming the speaker reports what the speaker said ("Aliyev stated that …"):
        # the speaker's own words cannot contradict it.
        own = {f"@{r.name}" for r in (point.speaker, point.source) if r is not None}
        side = self._side(source_id)
        candidates = [(c, p) for c, p in self._denial_candidates(point, state, source_id, ex)
                      if not c.negated and not own & c.features
                      and not self._only_from_side(c, side)]
        # "According to Peskov, …": who says it is not part of what is said.
        said = point.features - own
        found = covering_claim(said, candidates, CONTRADICTED)
        # Half of a short point is two words: a shared place ("the Bagratashen
        # checkpoint") is no contradiction; three shared words at least are.
        return found if found is not None and len(said & found.features) >= 3 else None

    def _side(self, source_id: str) -> str | None:
        """The state a source speaks from (its country, or itself when it is a state)."""
        return self._source_facts(source_id)[1]

    def _only_from_side(self, claim: ClaimState, side: str | None) -> bool:
        """Whether every source asserting the claim speaks from ``side``: a negated point
        of the same side restates its own position, it does not contradict it."""
        givers = [s for t, s, _ in claim.accounts if t == "ASSERTS"]
        return side is not None and bool(givers) and all(self._side(s) == side for s in givers)

    def _claim_for(self, point: Point, state: EventState | None, scope: str,
                   not_by: str | None = None) -> ClaimState:
        """The claim ``point`` states: an existing one that says the same, else a new one.

        ``not_by``: a source whose own claims are not candidates (what a source
        denies is never the claim it asserts itself, however alike the words).
        """
        pool = state.claims if state is not None else self._loose_claims(scope)
        best, score = None, 0.0
        for claim in pool.values():
            if not_by is not None and any(t == "ASSERTS" and s == not_by
                                          for t, s, _ in claim.accounts):
                continue
            s = similarity(point.features, claim.features)
            if s > score and not opposed(point.text, claim.text):
                best, score = claim, s
        if best is not None and score >= SAME_POINT:
            return best
        denied = self._denied_before(point, pool)
        if denied is not None:
            return denied
        negated = point.negated and point.act == "assert"
        claim = ClaimState(claim_id(scope, point.text), point.text, scope, set(point.features),
                           negated=negated)
        pool[claim.id] = claim
        self._node(Claim(id=claim.id, text=claim.text, negated=negated or None))
        if state is not None:
            self._edge(Edge(id=edge_id("ABOUT", claim.id, state.event.id), type=EdgeType.ABOUT,
                            start=claim.id, end=state.event.id))
        for actor in point.mentions:
            self._edge(Edge(id=edge_id("MENTIONS", claim.id, actor.id), type=EdgeType.MENTIONS,
                            start=claim.id, end=actor.id))
        return claim

    def _denied_before(self, point: Point, pool: dict[str, ClaimState]) -> ClaimState | None:
        """A denial can reach us before the claim it answers (published or ingested first).

        It then made a claim of its own words. When another source asserts the
        point, the assertion joins that claim, which takes the asserted wording,
        so the DENIES edge ends up on the claim that was actually made.
        """
        source_id = point.source.id
        only_denied = [
            (claim, set[str]()) for claim in pool.values()
            if claim.accounts and all(t == "DENIES" and s != source_id
                                      for t, s, _ in claim.accounts)
        ]
        best = best_denied(point.features | point.context, only_denied)
        if best is None:
            return None
        best.text = point.text
        best.features |= point.features
        self._replace_claim_node(best)
        return best

    def _replace_claim_node(self, claim: ClaimState) -> None:
        node = Claim(id=claim.id, text=claim.text, negated=claim.negated or None)
        self.fragment.nodes = [n for n in self.fragment.nodes if n.id != claim.id]
        self.fragment.nodes.append(node)
        self._nodes[claim.id] = node

    def _loose_claims(self, scope: str) -> dict[str, ClaimState]:
        key = f"loose:{scope}"
        if key not in self.events:
            placeholder = Event(id=key, kind="none", name="none")
            self.events[key] = EventState(placeholder, set(), loaded=True)
        return self.events[key].claims

    def _account(self, edge_type: EdgeType, source_id: str, claim: ClaimState,
                 ex: ArticleExtraction, point: Point, frame: str) -> None:
        self._node(Claim(id=claim.id, text=claim.text))
        speaker = point.speaker.id if point.speaker is not None else None
        if point.speaker is not None:
            self._ref(point.speaker)
        edge = Edge(
            id=edge_id(str(edge_type), source_id, claim.id, ex.article.id, str(point.start)),
            type=edge_type, start=source_id, end=claim.id,
            evidence=ex.text[point.start : point.end], article_id=ex.article.id,
            start_char=point.start, end_char=point.end, speaker_id=speaker,
            confidence=0.6 if point.anonymous else 0.8, method="rule", frame=frame,
        )
        self._edge(edge)
        claim.accounts.append((str(edge_type), source_id, frame))
        if edge_type == EdgeType.ASSERTS:
            claim.asserted_in.add((source_id, ex.article.id))

    # -- denials and omissions ---------------------------------------------

    def _denied_claim(self, point: Point, state: EventState | None, source_id: str,
                      ex: ArticleExtraction) -> ClaimState | None:
        candidates = self._denial_candidates(point, state, source_id, ex)
        owner = point.denied_owner
        if owner is not None:  # "the ministry distorted the facts": the ministry's claims
            # and only theirs: another source's claim is no stand-in for the one named.
            # "The Azerbaijani claims": a state's claims are those of whoever speaks for it.
            candidates = [(c, p) for c, p in candidates
                          if any(t == "ASSERTS" and (s == owner.id or (
                              owner.kind == "state" and self._side(s) == owner.name))
                                 for t, s, _ in c.accounts)]
            if len(candidates) > 1 and (point.denial is None or point.denial.content is None):
                # "X distorted the facts": X's whole account is denied, and no one of its
                # claims more than another; pointing at one would be a guess.
                return None
        found = best_denied(point.features, candidates)
        if found is not None or (point.denial is not None and point.denial.content is not None):
            return found
        # What is denied is stated after the cue; the whole sentence is the fallback, for
        # a denial whose parse gave no content (a word it shares with a claim outside
        # what it denies, "findings indicate …", is no sign of its target).
        return best_denied(point.features | point.context, candidates)

    def _denial_candidates(self, point: Point, state: EventState | None, source_id: str,
                           ex: ArticleExtraction) -> list[tuple[ClaimState, set[str]]]:
        """Claims another source asserted that a denial here could answer, each with the
        participants of its event (shared by all its claims, so weak evidence)."""
        # Its own event first, then the article's other events (a denial dated as a
        # statement of its own answers a claim about the meeting), then recent ones.
        pools = [state] if state is not None else []
        pools += [s for s in self._article_states if all(s is not p for p in pools)]
        # The owner's statement is an event of its own ("the ministry's bulletin").
        if state is None or state.event.kind in STATEMENT_KINDS or point.denied_owner is not None:
            pools += [s for s in self._recent_events(ex, point) if all(s is not p for p in pools)]
        pools += self._batch_pools(pools, ex, point)
        # "X was not discussed" answers a claim that X was: never one saying something
        # is not so ("there are no sanctions" is no report that sanctions came up).
        occurrence = point.denial is not None and point.denial.shape == "occurrence"
        candidates: list[tuple[ClaimState, set[str]]] = []
        for pool in pools:
            self._load_claims(pool)
            participants = {f"@{n}" for n in pool.event.participant_names}
            for claim in pool.claims.values():
                if occurrence and claim.negated:
                    continue
                if any(t == "ASSERTS" and s != source_id for t, s, _ in claim.accounts):
                    candidates.append((claim, participants))
        return candidates

    def _claim_denied_in(self, ex: ArticleExtraction, point: Point, state: EventState | None,
                         scope: str) -> ClaimState:
        """'X denied that Z', 'X rejected accusations by Y that Z': Z is the claim denied.

        Its text is Z, never the denial's words; the owner the denial names, if
        any, ASSERTS it, with the clause that names them as evidence.
        """
        assert point.denial is not None and point.denial.content is not None
        start, end = point.denial.content
        denied = replace(point, text=claim_text(ex.text[start:end]), start=start, end=end)
        claim = self._claim_for(denied, state, scope, not_by=point.source.id)
        owner = point.denied_owner
        if owner is not None and owner.id != point.source.id:
            owned = point.denial.owner
            begin = owned[0] if owned is not None and owned[0] < start else start
            said = replace(denied, source=owner, speaker=None, start=begin, act="assert")
            self._account(EdgeType.ASSERTS, self._ref(owner), claim, ex, said, "statement")
        return claim

    def _batch_pools(self, searched: list[EventState], ex: ArticleExtraction,
                     point: Point) -> list[EventState]:
        """Claims no dated event holds: the article's own points without an event (a
        claim and its rejection reported together), then undated events of this batch
        among the people the denial names (talks "later this month")."""
        seen = {id(s) for s in searched}
        own = self.events.get(f"loose:{ex.article.id}")
        pools = [own] if own is not None and id(own) not in seen else []
        names = {r.name for r in point.mentions}
        pools += [s for s in self.events.values() if id(s) not in seen and s is not own
                  and s.event.date is None and s.event.kind != "none"
                  and len(names & set(s.event.participant_names)) >= 2]
        return pools

    def _recent_events(self, ex: ArticleExtraction, point: Point) -> list[EventState]:
        published = ex.doc.published
        if published is None:
            return []
        lo = (published - DENIAL_LOOKBACK).isoformat()
        self._fetch_days(published - DENIAL_LOOKBACK, published)
        names = with_states(point.mentions) | {f[1:] for f in point.context if f[0] == "@"}
        owner = point.denied_owner  # "the Azerbaijani claims": what Azerbaijan took part in
        if owner is not None:
            names |= {n for n in (owner.name, owner.speaks_for, owner.country) if n}
        return [s for s in self.events.values() if s.event.date and lo <= s.event.date
                <= published.isoformat() and names & set(s.event.participant_names)]

    def _stated_omissions(self, ex: ArticleExtraction, point: Point,
                          state: EventState | None) -> None:
        """'The Azeri version dropped the points about X and Y': one OMITS per point."""
        if state is None:
            return
        omitting = account_owner(ex, point, state)
        if omitting is None and point.omitting is not None:
            # "The Azerbaijani readout did not mention X": Baku's account, though this
            # article gives none of it
            omitting = self._ref(point.omitting)
        if omitting is None:
            return
        text = ex.text
        for start, end in omitted_items(text, point.start, point.end):
            item_features = features(text[start:end], {r.name for r in point.mentions
                                                       if r.name in text[start:end]})
            best, score = None, 0
            for claim in state.claims.values():
                if any(t == "ASSERTS" and s == omitting for t, s, _ in claim.accounts):
                    continue
                shared = len(item_features & claim.features)
                if shared > score:
                    best, score = claim, shared
            if best is not None and score >= 2:
                self._edge(Edge(
                    id=edge_id("OMITS", omitting, best.id, ex.article.id, str(start)),
                    type=EdgeType.OMITS, start=omitting, end=best.id, evidence=text[start:end],
                    article_id=ex.article.id, start_char=start, end_char=end, method="stated",
                    frame="stated", confidence=0.8,
                ))
                best.accounts.append(("OMITS", omitting, "stated"))

    def omissions(self) -> None:
        """Recompute comparison omissions for every event this batch touched.

        A source omits a point another side's account of the event makes when
        none of its own points says it, even loosely, and it has not answered it
        (a denial is an answer).
        """
        for event_id_ in sorted(self._touched):
            state = self.events[event_id_]
            # Read off the claim's own text, as a claim loaded from the store is: the
            # same omissions whether the accounts came in this batch or an earlier one.
            said = {c.id: features(c.text) for c in state.claims.values()}
            accounts = compared_accounts(state, self._source_facts, said)
            asserted = {s: [c for c in state.claims.values()
                            if any(t == "ASSERTS" and g == s for t, g, _ in c.accounts)]
                        for s in accounts}
            for claim in state.claims.values():
                answered = {s for t, s, f in claim.accounts
                            if not (t == "OMITS" and f == "comparison")}
                for omitting in sorted(set(accounts) - answered):
                    givers = sorted({s for t, s, _ in claim.accounts if t == "ASSERTS"
                                     and s in accounts and self._compared(s, omitting, accounts)})
                    if givers and not any(loosely_same(said[claim.id], said[own.id])
                                          for own in asserted[omitting]):
                        self._comparison_omission(omitting, claim, givers)
        self.fragment.recompute_omissions = sorted(self._touched)

    @staticmethod
    def _compared(giver: str, omitting: str, accounts: dict[str, str | None]) -> bool:
        """Two accounts are compared when they come from different sides: two readouts
        by one government are one side's account."""
        return accounts[giver] is None or accounts[giver] != accounts[omitting]

    def _source_facts(self, source_id: str) -> tuple[str | None, str | None]:
        """A source's kind and side, from this batch or the store (an earlier batch)."""
        node = self._nodes.get(source_id)
        if isinstance(node, Source):
            return node.kind, node.country or (node.name if node.kind == "state" else None)
        if source_id not in self._stored_sources:
            stored = self.store.get_node(source_id)
            props = stored.properties if stored is not None else {}
            kind = props.get("kind")
            side = props.get("country") or (props.get("name") if kind == "state" else None)
            self._stored_sources[source_id] = (
                str(kind) if kind else None, str(side) if side else None)
        return self._stored_sources[source_id]

    def _comparison_omission(self, omitting: str, claim: ClaimState, givers: list[str]) -> None:
        """OMITS by comparison; ``compared_with`` names each account it was compared with
        ("<source id> <article id>"), so an analyst can open the readout that says it."""
        self._node(Claim(id=claim.id, text=claim.text))
        compared = sorted(f"{s} {a}" for s, a in claim.asserted_in if s in givers)
        self._edge(Edge(
            id=edge_id("OMITS", omitting, claim.id, "comparison"), type=EdgeType.OMITS,
            start=omitting, end=claim.id, method="comparison", frame="comparison",
            evidence=f"Absent from this source's account of the event; asserted by "
                     f"{', '.join(givers)}.", confidence=0.7, compared_with=compared or None,
        ))

    def build(self) -> GraphFragment:
        self.omissions()
        return self.fragment


