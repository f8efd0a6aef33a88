"""Dates as diplomatic texts write them, resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.dates import best_date, find_dates

FRIDAY = date(2023, 6, 2)  # a Friday


def days(text: str, published: date | None = FRIDAY) -> list[date]:
    return [d.day for d in find_dates(text, published)]


@pytest.mark.parametrize(("text", "expected"), [
    ("On 25 July, the secretary called", date(2022, 7, 25)),
    ("on 14 November 2023", date(2023, 11, 14)),
    ("On March 15, 2022, Blinken called", date(2022, 3, 15)),
    ("on the 3rd of May", date(2023, 5, 3)),
    ("on Sept. 19", date(2022, 9, 19)),
    ("published 2023-05-30 in Baku", date(2023, 5, 30)),
])
def test_calendar_dates(text: str, expected: date) -> None:
    assert days(text) == [expected]


def test_day_month_without_year_is_not_in_the_future() -> None:
    # Published 2 June 2023: "25 July" is last July, "1 June" is this year, and a date a
    # few days ahead ("on 5 June", an announced visit) stays in this year.
    assert days("on 25 July") == [date(2022, 7, 25)]
    assert days("on 1 June") == [date(2023, 6, 1)]
    assert days("on 5 June") == [date(2023, 6, 5)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Today, the ministers spoke", FRIDAY),
    ("said yesterday", date(2023, 6, 1)),
    ("on Friday", FRIDAY),
    ("on Thursday", date(2023, 6, 1)),
    ("during Thursday's phone conversation", date(2023, 6, 1)),
    ("last Friday", date(2023, 5, 26)),
    ("on Monday", date(2023, 5, 29)),
    ("last night", date(2023, 6, 1)),
])
def test_relative_dates(text: str, expected: date) -> None:
    assert days(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("A day earlier, the prime minister said", date(2023, 6, 1)),
    ("the previous day", date(2023, 6, 1)),
    ("two days ago", date(2023, 5, 31)),
    ("3 days earlier", date(2023, 5, 30)),
])
def test_days_counted_back_from_the_report(text: str, expected: date) -> None:
    assert days(text) == [expected]


def test_dotted_dates_are_day_first() -> None:
    assert days("the statement of 04.05.2024") == [date(2024, 5, 4)]
    assert days("on 31.02.2024") == []


def test_a_month_and_year_is_a_month() -> None:
    (mention,) = find_dates("talks held in March 2023 in Brussels", FRIDAY)
    assert (mention.day, mention.precision) == (date(2023, 3, 1), "month")
    (mention,) = find_dates("on 14 March 2023", FRIDAY)
    assert mention.precision == "day"


def test_a_day_beats_a_month() -> None:
    chosen = best_date(find_dates("In March 2023 the sides met on 14 March", FRIDAY))
    assert chosen is not None and chosen.day == date(2023, 3, 14)


def test_relative_dates_need_a_publication_date() -> None:
    assert days("today and on Friday", None) == []
    assert days("on 14 November 2023", None) == [date(2023, 11, 14)]


@pytest.mark.parametrize("text", [
    "on the night of May 27 to May 28",
    "on the night of May 27 to 28",
    "on the night of 27 to 28 May",
    "during the night of 27 May into 28 May",
])
def test_a_night_is_dated_by_its_first_day(text: str) -> None:
    assert days(text, date(2023, 5, 28)) == [date(2023, 5, 27)]


def test_offsets_point_into_the_text() -> None:
    text = "The call took place on 14 November, the ministry said on Tuesday."
    for mention in find_dates(text, date(2023, 11, 15), 5, len(text)):
        assert text[mention.start : mention.end] in ("14 November", "on Tuesday")


def test_invalid_dates_are_ignored() -> None:
    assert days("on 31 June") == []
    assert days("in 2023-02-30") == []


def test_a_calendar_date_beats_today() -> None:
    mentions = find_dates("Today the ministry said the call of 1 June was useful", FRIDAY)
    chosen = best_date(mentions)
    assert chosen is not None and chosen.day == date(2023, 6, 1)
    assert best_date([]) is None


def test_weekdays_and_dates_across_a_year_end() -> None:
    tuesday = date(2024, 1, 2)
    assert days("on Friday", tuesday) == [date(2023, 12, 29)]
    assert days("on Tuesday", tuesday) == [tuesday]
    assert days("last Tuesday", tuesday) == [date(2023, 12, 26)]
    assert days("on 30 December", tuesday) == [date(2023, 12, 30)]
    assert days("yesterday", date(2024, 3, 1)) == [date(2024, 2, 29)]


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("The airliner crashed near the coast on the 25th.", date(2024, 12, 28), date(2024, 12, 25)),
    # Later in the month than the report: the month before.
    ("The shelling began on the 28th, when the talks broke off.", date(2024, 3, 5),
     date(2024, 2, 28)),
])
def test_on_the_nth_is_a_day_of_the_reports_month_or_the_one_before(
        text: str, published: date, expected: date) -> None:
    assert days(text, published) == [expected]


def test_on_the_nth_before_a_noun_is_no_day() -> None:
    for text in ("He spoke at the 79th session of the assembly.",
                 "They met on the 3rd anniversary of the war."):
        assert find_dates(text, date(2024, 12, 28)) == []
