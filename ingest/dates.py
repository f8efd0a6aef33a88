"""Resolve the dates that diplomatic texts use against the publication date.

"On 25 July", "March 15", "today", "yesterday", "on Friday", "the night of
May 27 to May 28": each is turned into an ISO day with a precision, taking the
latest plausible day not after publication (news reports the past).

This module *locates* the expressions (regexes over the sentence text, so each
has its character offsets) and leaves reading them to ``dateparser``, relative
to the publication day. What it keeps for itself is the reporting policy a
parser cannot know: a day and month without a year is the latest such day not
long after publication; "the night of 27 to 28 May" is the 27th; "on the 25th"
is in the report's month or the one before; "a day earlier" counts back from
the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

# The names the locators look for; reading them is dateparser's job.
MONTH_NAMES = ("january", "jan", "february", "feb", "march", "mar", "april", "apr", "may",
               "june", "jun", "july", "jul", "august", "aug", "september", "sept", "sep",
               "october", "oct", "november", "nov", "december", "dec")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(?P<month>" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_THROUGH = r"\s+(?:to|into|-|–)\s+"
_PATTERNS = [
    # "the night of May 27 to May 28", "the night of 27 to 28 May": the night's first day.
    re.compile(rf"\bnight of {_MONTH}\s+{_DAY}{_THROUGH}(?:[A-Za-z]+\.?\s+)?"
               rf"\d{{1,2}}(?:st|nd|rd|th)?\b{_YEAR}", re.IGNORECASE),
    re.compile(rf"\bnight of {_DAY}(?:\s+[A-Za-z]+)?{_THROUGH}\d{{1,2}}(?:st|nd|rd|th)?"
               rf"\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY}{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"),
    # "22.04.2024": day first, as the region's ministries write it.
    re.compile(r"\b(?P<dday>[0-3]?\d)\.(?P<dmonth>[01]?\d)\.(?P<dyear>(?:19|20)\d\d)\b"),
]
# "in March 2023": a month, when no day is given.
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_RELATIVE = re.compile(
    r"\b(?P<word>today|yesterday|tonight|this morning|this evening|last night|"
    r"(?:(?:on|last|this)\s+)?(?:" + "|".join(WEEKDAYS) + r"))\b",
    re.IGNORECASE,
)


# "a day earlier", "the previous day", "two days ago": counted back from the report.
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_DAYS_BACK = re.compile(
    r"\b(?:(?P<count>a|one|two|three|four|five|six|\d) days? (?:earlier|ago|before)|"
    r"the (?P<one>previous|preceding) day|the day before)\b", re.IGNORECASE)

# "crashed on the 25th": a day of the month the report is in (or the month before).
# Only "on the Nth" closing a phrase: "the 79th session", "the 25th anniversary" are no days.
_ORDINAL_DAY = re.compile(
    r"\bon the (?P<day>[1-3]?\d)(?:st|nd|rd|th)\b"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:at|in|when|and|after|before|morning|evening|night)\b)",
    re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: date
    precision: str  # day | month
    explicit: bool  # a calendar date rather than "today" or "on Friday"


def _roll_back(candidate: date, published: date | None) -> date:
    """A day-month without a year is the latest such day not long after publication."""
    if published is not None and candidate > published + timedelta(days=7):
        try:
            return candidate.replace(year=candidate.year - 1)
        except ValueError:  # 29 February
            return candidate - timedelta(days=365)
    return candidate


def _explicit(match: re.Match[str], published: date | None) -> date | None:
    groups = match.groupdict()
    base = published or date.today()
    if groups.get("dday") or groups.get("iso"):
        read = _read(match.group(0), base)  # "22.04.2024" (day first), "2024-04-22"
        return read[0] if read is not None else None
    expression = f"{groups['day']} {groups['month'].rstrip('.')} {groups.get('year') or ''}"
    read = _read(expression.strip(), base)
    if read is None:
        return None  # "31 February"
    return read[0] if groups.get("year") else _roll_back(read[0], published)


def _relative(word: str, published: date) -> date:
    """"Yesterday", "on Friday", "last Friday": dateparser reads them against the report's
    day, a weekday as the latest one not after it ("on Friday" in Friday's paper is that
    day; "last Friday" the week before)."""
    read = _read(word, published)
    return read[0] if read is not None else published


@lru_cache(maxsize=8192)
def _read(expression: str, base: date) -> tuple[date, str] | None:
    """The day and precision (day, month, year) dateparser reads in ``expression``."""
    data = _parser(base).get_date_data(expression)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), str(data.period or "day")


@lru_cache(maxsize=256)
def _parser(base: date) -> DateDataParser:
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "current_period", "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False,
    })


def _day_of_recent_month(day: int, published: date) -> date | None:
    """Day ``day`` of the report's month, else of the month before (not after the report)."""
    year, month = published.year, published.month
    for _ in range(2):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate <= published:
            return candidate
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def find_dates(text: str, published: date | None, start: int = 0,
               end: int | None = None) -> list[DateMention]:
    """Date mentions in ``text[start:end]``, resolved; relative ones need ``published``."""
    stop = len(text) if end is None else end
    segment = text[start:stop]
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(segment):
            span = (match.start(), match.end())
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            day = _explicit(match, published)
            if day is not None:
                taken.append(span)
                found.append(DateMention(start + span[0], start + span[1], day, "day", True))
    for match in _MONTH_YEAR.finditer(segment):
        span = (match.start(), match.end())
        if not any(a < span[1] and span[0] < b for a, b in taken):
            read = _read(match.group(0).replace(".", ""), published or date.today())
            if read is not None:
                found.append(DateMention(start + span[0], start + span[1], read[0].replace(day=1),
                                         "month", True))
    if published is not None:
        for match in _RELATIVE.finditer(segment):
            day = _relative(match.group("word"), published)
            found.append(DateMention(start + match.start(), start + match.end(), day, "day", False))
        for match in _ORDINAL_DAY.finditer(segment):
            day = _day_of_recent_month(int(match.group("day")), published)
            if day is not None:
                found.append(DateMention(start + match.start(), start + match.end(), day,
                                         "day", False))
        for match in _DAYS_BACK.finditer(segment):
            count = match.group("count")
            back = 1 if count is None else NUMBER_WORDS.get(count.lower()) or int(count)
            found.append(DateMention(start + match.start(), start + match.end(),
                                     published - timedelta(days=back), "day", False))
    return sorted(found, key=lambda d: d.start)


def best_date(mentions: list[DateMention]) -> DateMention | None:
    """A calendar day beats "today", which beats a month; among equals the first wins."""
    if not mentions:
        return None
    days = [m for m in mentions if m.precision == "day"]
    explicit = [m for m in days if m.explicit]
    return (explicit or days or mentions)[0]
