"""Word lists the rule extractor relies on, kept apart from the logic.

They describe how English-language diplomatic reporting is phrased in general
(reporting verbs, denial formulas, event words), not any particular article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def _words(block: str) -> list[str]:
    """Word lists are kept as blocks of text: easier to read and extend than literals."""
    return block.split()


# Verbs that introduce what a source or speaker says. Base forms; inflections
# are generated below.
REPORTING_VERBS = _words("""
say state stress note emphasize emphasise underline underscore urge reiterate describe add
tell announce report claim declare warn welcome express highlight point confirm assert argue
insist mention convey thank hail encourage reaffirm praise condemn accuse deny reject refute
dismiss call write tweet post inform clarify explain observe remark recall affirm voice propose
suggest demand ask raise brief accept acknowledge agree reply respond answer counter comment
allege expect believe consider regret express share discuss spoke speak lament criticize
criticise blame
""")

_IRREGULAR = {
    "say": ["said", "says", "saying"], "tell": ["told", "tells"], "write": ["wrote", "writes"],
    "speak": ["spoke", "speaks"], "spoke": [], "share": ["shared", "shares"],
}


def _inflect(verb: str) -> list[str]:
    if verb in _IRREGULAR:
        return [verb, *_IRREGULAR[verb]]
    if verb.endswith("e"):
        return [verb, verb + "d", verb + "s", verb[:-1] + "ing"]
    if verb.endswith("y") and verb not in ("say", "convey", "survey"):
        return [verb, verb[:-1] + "ied", verb[:-1] + "ies", verb + "ing"]
    if verb in ("regret", "admit", "submit", "commit"):
        return [verb, verb + "ted", verb + "s", verb + "ting"]
    return [verb, verb + "ed", verb + "s", verb + "ing"]


REPORTING_FORMS = sorted({f for v in REPORTING_VERBS for f in _inflect(v)}, key=len, reverse=True)
REPORTING_RE = re.compile(
    r"\b(?:" + "|".join(REPORTING_FORMS) + r")\b(?:\s+(?:out|up|on|upon))?", re.IGNORECASE
)

# Verbs whose subject is the one giving the account even in a trailing clause:
# "..., president.az reports." / "..., the report adds."
TRAILING_VERBS = (
    r"(?:reports?|reported|says?|said|adds?|added|notes?|noted|states?|stated|writes?|wrote|"
    r"informs?|informed|tweeted|announced|stresse[sd]|emphasi[sz]ed|concluded|continued)"
)

# Verbs that denote the account being *given* rather than a point of it.
PRESENTING = re.compile(
    r"\b(?:as follows|reads|presented|published|released|issued|posted|following statement)\b",
    re.IGNORECASE,
)

DENIAL_RE = re.compile(
    r"\b(?:den(?:y|ied|ies|ying)|reject(?:ed|s|ing)?|refut(?:e|ed|es|ing)|"
    r"dismiss(?:ed|es|ing)?\s+(?:as|the)|rebuff(?:ed)?|disavow(?:ed)?|"
    r"(?:completely|totally|absolutely|entirely)\s+(?:untrue|false|baseless|groundless)|"
    r"(?:is|are|was|were)\s+(?:untrue|false|baseless|groundless|not true|fabricated)|"
    r"there (?:was|were|has been) no (?:mention|discussion|talk)|no such (?:issue|topic|matter)|"
    r"(?:was|were) not (?:discussed|raised|mentioned|on the agenda)|"
    r"did not (?:discuss|raise|mention|take place)|never (?:discussed|raised|happened|took place)|"
    r"disinformation|misinformation|fake news|\bfake\b|fabrication|"
    r"does not (?:reflect|correspond to) (?:the )?(?:truth|reality|facts)|"
    r"do not (?:reflect|correspond to) (?:the )?(?:truth|reality|facts)|"
    r"(?:is|are) not true|not (?:correspond|consistent) with reality|"
    r"far from (?:the )?(?:truth|reality))",
    re.IGNORECASE,
)
# Denial cues on raw text: only to find where, in a denial the parse gave no target
# to (ingest.stance), the denied clause starts (extractor._denied_clause).
STRONG_DENIAL_RE = re.compile(
    r"\b(?:den(?:y|ied|ies|ying)|reject(?:ed|s|ing)?|refut(?:e|ed|es|ing)|"
    r"untrue|baseless|groundless|not true|fabricated|"
    r"(?:completely|totally|absolutely|entirely|utterly)\s+(?:false|wrong)|"
    r"(?:is|are|was|were)\s+false|"
    r"there (?:was|were|has been) no (?:mention|discussion|talk)|"
    r"(?:was|were) not (?:discussed|raised|on the agenda)|"
    r"(?:does|do) not (?:reflect|correspond to) (?:the )?(?:truth|reality|facts))",
    re.IGNORECASE,
)
# A rebuttal that confirms the topic while attacking the one who asked.
CONFIRM_RE = re.compile(r"\b(?:confirm(?:ed|s)?|acknowledg(?:ed|es)|admitted)\b", re.IGNORECASE)
ASKER_RE = re.compile(
    r"\b(?:question|journalist|reporter|asker|the media|insinuation|speculation)s?\b",
    re.IGNORECASE,
)

# An account said to leave something out: "the Azeri version 'disappeared' the points".
OMISSION_RE = re.compile(
    r"\b(?:omit(?:ted|s)?|left out|leaves out|leave out|disappeared|dropped|removed|"
    r"(?:made|makes|make) no mention of|did not mention|does not mention|failed to mention|"
    r"(?:was|were|is|are) no mention of|(?:was|were|is|are) not mentioned|"
    r"(?:was|were|is|are) (?:missing|absent) from|(?:is|was) silent (?:on|about)|cut out|"
    r"excluded|skipped)\b",
    re.IGNORECASE,
)
ACCOUNT_NOUNS = re.compile(
    r"\b(?:version|readout|read-out|account|report|statement|press release|communiqu[eé]|"
    r"summary|publication|information)\b",
    re.IGNORECASE,
)

AGREEMENT_RE = re.compile(
    r"^\s*(?:I|We)\s+(?:fully\s+|completely\s+)?(?:agree|share|concur|support)\s+"
    r"(?:with\s+)?(?:this|that|the)\s+(?:point of view|view|opinion|assessment|statement|position)",
    re.IGNORECASE,
)

# Descriptions that refer back to a source already named, or name an unnamed one.
SOURCE_DESCRIPTORS = re.compile(
    r"\b(?:(?:the|its|this|that|a|an|our)\s+)?(?:(?P<demonym>[A-Z][a-z]+)\s+)?"
    r"(?P<noun>presidential press service|press service|press office|foreign ministry|mfa|mod|"
    r"ministry of foreign affairs|defen[cs]e ministry|ministry of defen[cs]e|ministry|"
    r"state department|department|embassy|government|office|report|statement|readout|"
    r"press release|communiqu[eé]|agency|news agency|website|portal|outlet|newspaper|"
    r"publication|interlocutor|expert|analyst|source|spokesperson|spokesman|spokeswoman)\b",
    re.IGNORECASE,
)
ANONYMOUS_RE = re.compile(
    r"\b(?:(?:diplomatic|informed|official|government|military|unnamed|anonymous|"
    r"well-informed|reliable)\s+sources?|a source (?:close|familiar)|sources (?:close|familiar)|"
    r"an? (?:official|diplomat) who (?:spoke|asked))",
    re.IGNORECASE,
)
OUTLET_NAME_RE = re.compile(
    r"\b(?P<name>[A-Z][\w-]*(?:\.[a-z]{2,4})+)\b"  # Haqqin.az, news.am, Civil.ge
    r"|\b(?P<named>(?:[A-Z][\w-]+\s){0,3}[A-Z][\w-]+)\s+(?:news\s+)?"
    r"(?:news website|website|news agency|newspaper|portal|TV channel|outlet)\b"
)
PERSON_ROLE_RE = re.compile(
    r"\b(?:political scientist|political analyst|analyst|expert|politician|professor|"
    r"historian|journalist|researcher|commentator|lawmaker|MP|deputy|opposition leader|"
    r"ambassador|adviser|advisor|official|diplomat|activist|economist|scholar)\s+"
    r"(?P<name>[A-Z][a-zəöüçşğı'’-]+(?:\s+[A-Z][a-zəöüçşğı'’-]+){1,2})"
)
# A bare role noun referring back to someone already named: "the minister said".
ROLE_NOUN_RE = re.compile(
    r"\b[Tt]he\s+(?P<role>prime minister|premier|minister|president|secretary|"
    r"spokes(?:person|man|woman)|ambassador|speaker|head of state)\b"
)
CAPITALISED_NAME_RE = re.compile(
    r"\b(?P<name>[A-Z][a-zəöüçşğı'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zəöüçşğı'’-]+){1,2})"
    r"(?=\s+(?:said|says|told|stressed|noted|added|wrote|argued|believes|replied|stated|"
    r"claimed|warned|explained|commented)\b)"
)

# Verbs of saying next to a date: the date is the statement's, not the event's.
_STATEMENT_VERBS = (r"(?:said|says|told|stated|denied|rejected|refuted|dismissed|added|noted|"
                    r"stressed|announced|reported|tweeted|wrote|claimed|confirmed|declared)")
STATEMENT_VERB_RE = re.compile(rf"\s*,?\s*{_STATEMENT_VERBS}\b", re.IGNORECASE)
STATEMENT_VERB_BEFORE_RE = re.compile(rf"\b{_STATEMENT_VERBS}\s*,?\s*$", re.IGNORECASE)
# Kinds one event may be told as: a meeting is "talks" in one report and "a visit" in
# another; a call is never a meeting, nor a statement an incident.
_KIND_FAMILY = {"meeting": "talks", "summit": "talks", "visit": "talks",
                "press_conference": "statement", "interview": "statement"}


def kind_family(kind: str) -> str:
    return _KIND_FAMILY.get(kind, kind)


# More specific kinds win when one event is described in different words.
KIND_RANK = {"phone_call": 0, "incident": 1, "summit": 2, "visit": 3, "meeting": 4, "statement": 5}

# Words that carry no point of their own in a readout ("discussed issues of mutual interest").
GENERIC_WORDS = set(_words("""
side sides party parties discuss discussed discussing discussion discussions issue issues
matter matters topic topics mutual interest interests several various number range wide
exchange exchanged views view held hold opinions also both two during conversation
telephone phone call talks meeting today yesterday agenda questions question
"""))

STOPWORDS = set(_words("""
a an the of to in on and or for with by at from as is was were be been being that this these
those it its his her their he she they we our us also which who whom whose has have had not no
but about into than then there during after over said says would will could should can may
might must shall do does did so such own other others some any all each more most very just
only even too up out if while when where what why how because since until upon within without
between among against toward towards via per i you your my me him them its itself themselves
cannot according never
"""))


class Cue:
    """A case-insensitive cue pattern, searched fast on lower-cased text.

    Python's ``re`` is several times slower with IGNORECASE on long
    alternations; these patterns have no upper-case literals, so matching the
    lower-cased text case-sensitively finds the same cues at the same offsets
    (when lower-casing keeps the length, which it does outside a few scripts).
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        literal = re.sub(r"\\.", "", pattern.pattern)
        if any(c.isupper() for c in literal):
            raise ValueError(f"cue pattern has upper-case literals: {pattern.pattern[:60]}")
        self.slow = pattern
        self.fast = re.compile(pattern.pattern)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low = text.lower()
        return self.fast.finditer(low) if len(low) == len(text) else self.slow.finditer(text)

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        low = text.lower() if lowered is None else lowered
        if len(low) == len(text):
            return self.fast.search(low)
        return self.slow.search(text)


OMISSION_CUE = Cue(OMISSION_RE)
