"""The helplines: one data file, every entry reachable, placed and sourced, and the services a
frightened reader in each named country needs are there with their published numbers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.helplines import load_helplines
from generator.problems import Problem
from helpers import REPO

DATA = REPO / "data" / "helplines.yml"


def entries() -> list[dict]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))["services"]


def test_the_helplines_file_validates_without_a_problem():
    assert load_helplines(REPO / "data", REPO).problems == []


@pytest.mark.parametrize("entry", entries(), ids=lambda entry: entry["id"])
def test_every_entry_has_a_way_in_a_country_a_source_and_a_date_checked(entry: dict):
    assert any(entry.get(key) for key in ("phone", "tty", "text", "web")), "no number or address"
    assert entry.get("country"), "no country"
    assert str(entry.get("source", "")).startswith(("https://", "http://")), "no source page"
    assert str(entry.get("recheck", "")).startswith("https://"), "no service page to recheck"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(entry.get("checked"))), "no date checked"


# The services the Safety page must name, with the numbers the services publish (issue 13).
EXPECTED = [
    ("United States and Canada", "911"), ("United Kingdom", "999"),
    ("Ireland and the European Union", "112"),
    ("United States", "1-800-799-7233"), ("United States", "988"),
    ("United Kingdom", "0808 2000 247"), ("United Kingdom and Ireland", "116 123"),
    ("Australia", "1800 737 732"),
]


@pytest.mark.parametrize("country, number", EXPECTED)
def test_a_needed_service_is_listed_with_its_published_number(country: str, number: str):
    assert any(entry["country"] == country and entry.get("phone") == number for entry in entries())


def test_the_us_hotline_lists_its_tty_and_text_line():
    hotline = next(entry for entry in entries() if entry.get("phone") == "1-800-799-7233")
    assert hotline["tty"] == "1-800-787-3224"
    assert hotline["text"] == {"to": "88788", "body": "START"}


def test_services_for_men_and_for_lgbtq_people_in_the_uk_are_listed():
    uk = [entry for entry in entries() if entry["country"] == "United Kingdom"]
    assert any("Men" in entry["name"] for entry in uk)
    assert any("LGBT" in entry["name"] for entry in uk)


@pytest.mark.parametrize("country", ["Canada", "Australia", "Ireland", "New Zealand"])
def test_each_named_country_has_an_abuse_service(country: str):
    assert any(entry["country"] == country and entry["kind"] == "abuse" for entry in entries())


def test_one_directory_covers_every_other_country():
    assert [entry["country"] for entry in entries() if entry["kind"] == "directory"] == [
        "Every other country"]


# Numbers live in the data file only: a page that wrote one out would drift from it.
def test_no_guide_page_writes_a_phone_link_or_a_listed_number_itself():
    numbers = {entry[key] for entry in entries() for key in ("phone", "tty") if key in entry
               and len(re.sub(r"\D", "", entry[key])) > 4}
    for page in (REPO / "content").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert "tel:" not in text, f"{page.name} writes a tel: link; use data/helplines.yml"
        for number in numbers:
            assert number not in text, f"{page.name} writes {number}; use data/helplines.yml"


def test_an_entry_without_a_way_in_is_refused_at_its_line(tmp_path: Path):
    (tmp_path / "helplines.yml").write_text(
        "services:\n"
        "  - id: nowhere\n    name: Nowhere\n    country: Nowhere\n    kind: abuse\n"
        "    hours: Never\n    source: https://example.org/\n    recheck: https://example.org/\n"
        "    checked: 2026-12-01\n")
    problems = load_helplines(tmp_path, tmp_path).problems
    assert problems == [Problem("helplines.yml", 2, 5, "service 1 has no way to reach it; "
                                "expected a 'phone', 'text' or 'web'")]


def test_a_number_with_letters_is_refused(tmp_path: Path):
    (tmp_path / "helplines.yml").write_text(
        "services:\n"
        "  - id: letters\n    name: Letters\n    country: X\n    kind: abuse\n    hours: Always\n"
        "    phone: 1-800-SAFE\n    source: https://example.org/\n"
        "    recheck: https://example.org/\n    checked: 2026-12-01\n")
    [problem] = load_helplines(tmp_path, tmp_path).problems
    assert (problem.line, problem.col) == (7, 12)
    assert "found the number '1-800-SAFE' for 'phone'; expected digits" in problem.message


def test_a_page_that_shows_the_helplines_needs_the_file(tmp_path: Path):
    [problem] = load_helplines(tmp_path, tmp_path, "content/safety.md").problems
    assert str(problem) == ("helplines.yml:1:1: the helplines file is missing, but "
                            "content/safety.md shows the helplines; expected the list of services")
