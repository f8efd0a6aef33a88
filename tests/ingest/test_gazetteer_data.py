"""Data checks for the curated gazetteer (ingest/data/gazetteer.yaml).

Reads the YAML directly with PyYAML so that it tests the data, not the loader.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

GAZETTEER = Path(__file__).parents[2] / "ingest/data/gazetteer.yaml"

ACTOR_KINDS = {"person", "state", "organisation", "armed_forces", "region", "party"}
SOURCE_KINDS = {
    "ministry",
    "press_service",
    "government",
    "news_agency",
    "news_outlet",
    "international_organisation",
    "parliament",
    "armed_forces",
}
ACTOR_KEYS = {"name", "kind", "aliases", "country", "offices", "demonyms"}
SOURCE_KEYS = {"name", "kind", "speaks_for", "country", "aliases", "owner"}
OFFICE_KEYS = {"title", "of", "from", "to", "mentions"}
OFFICE_REQUIRED = {"title", "of", "from"}


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    with GAZETTEER.open(encoding="utf-8") as fh:
        loaded = yaml.safe_load(fh)
    assert isinstance(loaded, dict)
    return loaded


def _entries(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [("actors", e) for e in data["actors"]] + [("sources", e) for e in data["sources"]]


def _as_date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        raise AssertionError(f"{where}: expected a date, got a datetime {value!r}")
    if isinstance(value, dt.date):
        return value
    assert isinstance(value, str), f"{where}: date must be YYYY-MM-DD, got {value!r}"
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:  # pragma: no cover - failure path
        raise AssertionError(f"{where}: bad date {value!r}") from exc


def _surface_forms(entry: dict[str, Any]) -> list[str]:
    return [entry["name"], *entry.get("aliases", []), *entry.get("demonyms", [])]


def test_top_level_keys(data: dict[str, Any]) -> None:
    assert set(data) == {"actors", "sources"}
    assert isinstance(data["actors"], list) and data["actors"]
    assert isinstance(data["sources"], list) and data["sources"]


def test_size_in_expected_range(data: dict[str, Any]) -> None:
    total = len(data["actors"]) + len(data["sources"])
    assert total >= 250, total


def test_actor_schema(data: dict[str, Any]) -> None:
    for actor in data["actors"]:
        assert isinstance(actor, dict), actor
        name = actor.get("name")
        assert isinstance(name, str) and name.strip() == name and name, actor
        extra = set(actor) - ACTOR_KEYS
        assert not extra, f"{name}: unexpected keys {extra}"
        assert actor.get("kind") in ACTOR_KINDS, f"{name}: bad kind {actor.get('kind')!r}"
        for key in ("aliases", "demonyms"):
            if key in actor:
                values = actor[key]
                assert isinstance(values, list), f"{name}: {key} must be a list"
                for v in values:
                    assert isinstance(v, str) and v and v.strip() == v, f"{name}: {key} {v!r}"
        if "country" in actor:
            assert isinstance(actor["country"], str), name
        if "offices" in actor:
            assert actor["kind"] == "person", f"{name}: offices only for people"
            assert isinstance(actor["offices"], list) and actor["offices"], name


def test_source_schema(data: dict[str, Any]) -> None:
    for source in data["sources"]:
        assert isinstance(source, dict), source
        name = source.get("name")
        assert isinstance(name, str) and name.strip() == name and name, source
        extra = set(source) - SOURCE_KEYS
        assert not extra, f"{name}: unexpected keys {extra}"
        assert source.get("kind") in SOURCE_KINDS, f"{name}: bad kind {source.get('kind')!r}"
        aliases = source.get("aliases", [])
        assert isinstance(aliases, list), name
        for v in aliases:
            assert isinstance(v, str) and v and v.strip() == v, f"{name}: alias {v!r}"
        owner = source.get("owner")
        assert owner is None or isinstance(owner, str), f"{name}: owner {owner!r}"
        for key in ("speaks_for", "country"):
            if key in source and source[key] is not None:
                assert isinstance(source[key], str), f"{name}: {key}"


def test_office_schema_and_dates(data: dict[str, Any]) -> None:
    for actor in data["actors"]:
        for i, office in enumerate(actor.get("offices", [])):
            where = f"{actor['name']} office #{i}"
            assert isinstance(office, dict), where
            extra = set(office) - OFFICE_KEYS
            assert not extra, f"{where}: unexpected keys {extra}"
            missing = OFFICE_REQUIRED - set(office)
            assert not missing, f"{where}: missing {missing}"
            assert isinstance(office["title"], str) and office["title"], where
            start = _as_date(office["from"], where)
            assert dt.date(1985, 1, 1) <= start <= dt.date(2026, 12, 31), f"{where}: {start}"
            if office.get("to") is not None:
                end = _as_date(office["to"], where)
                assert start <= end, f"{where}: from {start} after to {end}"
            mentions = office.get("mentions", [])
            assert isinstance(mentions, list), where
            for m in mentions:
                assert isinstance(m, str) and m and m.strip() == m, f"{where}: mention {m!r}"


def test_same_office_does_not_overlap_for_one_person(data: dict[str, Any]) -> None:
    for actor in data["actors"]:
        spans: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
        for office in actor.get("offices", []):
            start = _as_date(office["from"], actor["name"])
            end = _as_date(office["to"], actor["name"]) if office.get("to") else dt.date.max
            spans[(office["title"], office["of"])].append((start, end))
        for key, ranges in spans.items():
            ranges.sort()
            for (_, prev_end), (next_start, _) in itertools.pairwise(ranges):
                assert prev_end <= next_start, f"{actor['name']}: overlapping {key}"


def test_names_unique_across_actors_and_sources(data: dict[str, Any]) -> None:
    seen: dict[str, str] = {}
    for section, entry in _entries(data):
        key = entry["name"].casefold()
        assert key not in seen, f"duplicate name {entry['name']!r} ({seen[key]} / {section})"
        seen[key] = section


def test_no_surface_form_shared_between_entries(data: dict[str, Any]) -> None:
    owner_of: dict[str, str] = {}
    clashes: list[str] = []
    for _, entry in _entries(data):
        for form in {f.casefold() for f in _surface_forms(entry)}:
            other = owner_of.setdefault(form, entry["name"])
            if other != entry["name"]:
                clashes.append(f"{form!r}: {other} / {entry['name']}")
    assert not clashes, "\n".join(clashes)


def test_no_duplicate_alias_within_entry(data: dict[str, Any]) -> None:
    for _, entry in _entries(data):
        forms = [*entry.get("aliases", []), *entry.get("demonyms", [])]
        dupes = {f for f in forms if forms.count(f) > 1}
        assert not dupes, f"{entry['name']}: repeated {dupes}"
        assert entry["name"] not in forms, f"{entry['name']}: name repeated as alias"


def test_references_resolve(data: dict[str, Any]) -> None:
    names = {e["name"] for _, e in _entries(data)}
    actor_names = {a["name"] for a in data["actors"]}
    states = {a["name"] for a in data["actors"] if a["kind"] == "state"}
    problems: list[str] = []
    for section, entry in _entries(data):
        country = entry.get("country")
        if country is not None and country not in names:
            problems.append(f"{entry['name']}: country {country!r}")
        if section == "sources":
            speaks_for = entry.get("speaks_for")
            if speaks_for is not None and speaks_for not in actor_names:
                problems.append(f"{entry['name']}: speaks_for {speaks_for!r}")
        for office in entry.get("offices", []):
            if office["of"] not in names:
                problems.append(f"{entry['name']}: office of {office['of']!r}")
    assert not problems, "\n".join(problems)
    # people and armed forces that declare a country point at a state or de facto region
    for actor in data["actors"]:
        if actor["kind"] in {"person", "armed_forces", "party"} and "country" in actor:
            target = next(a for a in data["actors"] if a["name"] == actor["country"])
            assert target["kind"] in {"state", "region"}, actor["name"]
    assert {"Armenia", "Azerbaijan", "Georgia", "Russia", "Turkey", "Iran"} <= states


def test_minsk_is_not_an_alias(data: dict[str, Any]) -> None:
    for _, entry in _entries(data):
        forms = {f.casefold() for f in _surface_forms(entry)}
        assert "minsk" not in forms, entry["name"]
    belarus = next(a for a in data["actors"] if a["name"] == "Belarus")
    assert "Minsk" not in belarus.get("aliases", [])


def test_no_generic_lowercase_aliases(data: dict[str, Any]) -> None:
    generic = {
        "the president",
        "the prime minister",
        "the ministry",
        "the foreign minister",
        "president",
        "prime minister",
        "foreign minister",
        "spokesperson",
        "presidential press service",
        "the foreign ministry",
        "foreign ministry",
        "security council",
        "national assembly",
        "parliament",
    }
    for _, entry in _entries(data):
        for form in [*entry.get("aliases", []), *entry.get("demonyms", [])]:
            assert form.casefold() not in generic, f"{entry['name']}: generic alias {form!r}"


@pytest.mark.parametrize(
    ("title_country", "when", "expected"),
    [
        ("Azerbaijan", dt.date(2022, 6, 1), "Ilham Aliyev"),
        ("Armenia", dt.date(2015, 6, 1), "Serzh Sargsyan"),
        ("Armenia", dt.date(2020, 6, 1), "Armen Sarkissian"),
        ("Georgia", dt.date(2021, 6, 1), "Salome Zourabichvili"),
        ("Russia", dt.date(2010, 6, 1), "Dmitry Medvedev"),
        ("Iran", dt.date(2023, 6, 1), "Ebrahim Raisi"),
        ("United States", dt.date(2022, 6, 1), "Joe Biden"),
        ("France", dt.date(2020, 6, 1), "Emmanuel Macron"),
    ],
)
def test_president_resolves_uniquely(
    data: dict[str, Any], title_country: str, when: dt.date, expected: str
) -> None:
    holders = []
    for actor in data["actors"]:
        for office in actor.get("offices", []):
            if office["title"] != "President" or office["of"] != title_country:
                continue
            start = _as_date(office["from"], actor["name"])
            end = _as_date(office["to"], actor["name"]) if office.get("to") else dt.date.max
            if start <= when < end:
                holders.append(actor["name"])
    assert holders == [expected]


def test_single_holder_per_office_at_any_time(data: dict[str, Any]) -> None:
    """For a few key offices, terms of different people must not overlap."""
    key_offices = {
        ("President", "Armenia"),
        ("Prime Minister", "Armenia"),
        ("Foreign Minister", "Armenia"),
        ("Defence Minister", "Armenia"),
        ("President", "Azerbaijan"),
        ("Prime Minister", "Azerbaijan"),
        ("Foreign Minister", "Azerbaijan"),
        ("Defence Minister", "Azerbaijan"),
        ("President", "Georgia"),
        ("Prime Minister", "Georgia"),
        ("Foreign Minister", "Georgia"),
        ("President", "Russia"),
        ("Foreign Minister", "Russia"),
        ("President", "Turkey"),
        ("Foreign Minister", "Turkey"),
        ("President", "Iran"),
        ("Foreign Minister", "Iran"),
        ("Secretary of State", "United States"),
        ("President", "United States"),
        ("Spokesperson", "US State Department"),
        ("Spokesperson", "Ministry of Foreign Affairs of Armenia"),
        ("Spokesperson", "Ministry of Foreign Affairs of Azerbaijan"),
        ("Spokesperson", "Ministry of Foreign Affairs of Iran"),
        ("High Representative for Foreign Affairs and Security Policy", "European Union"),
        ("President of the European Council", "European Council"),
    }
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for actor in data["actors"]:
        for office in actor.get("offices", []):
            key = (office["title"], office["of"])
            if key in key_offices:
                start = _as_date(office["from"], actor["name"])
                end = _as_date(office["to"], actor["name"]) if office.get("to") else dt.date.max
                spans[key].append((start, end, actor["name"]))
    for key, ranges in spans.items():
        ranges.sort()
        for (_, prev_end, prev), (next_start, _, nxt) in itertools.pairwise(ranges):
            assert prev_end <= next_start, f"{key}: {prev} overlaps {nxt}"
