"""Daily data: the moments and rituals validate, meet their minimums, and bad input is located."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from generator.daily import daily_order, load_daily
from helpers import REPO

PRACTICES = ["notice-bids", "repair", "rituals", "texts", "reflect-back", "celebrate", "hard-times"]


def real():
    daily = load_daily(REPO / "daily", REPO)
    assert daily.problems == [], "\n".join(map(str, daily.problems))
    return daily


def test_there_are_sixty_moments_tagged_across_every_practice():
    moments = real().moments
    assert len(moments) >= 60
    per_practice = Counter(moment.practice.id for moment in moments)
    assert all(per_practice[practice] >= 5 for practice in PRACTICES), per_practice
    assert len({moment.text for moment in moments}) == len(moments)


def test_the_planner_offers_the_rituals_the_guide_names():
    titles = " | ".join(ritual.title.lower() for ritual in real().rituals)
    for needed in ("goodbye hug", "screen-free dinner", "highs and lows", "check-in text", "walk"):
        assert needed in titles, needed


def test_the_daily_order_is_fixed_and_mixes_practices():
    moments = real().moments
    first, second = daily_order(moments), daily_order(moments)
    assert first == second and sorted(m.id for m in first) == sorted(m.id for m in moments)
    same_in_a_row = sum(a.practice == b.practice for a, b in zip(first, first[1:]))
    assert same_in_a_row < len(first) // 3


def write(folder: Path, moments: str = "", rituals: str = "") -> Path:
    folder.mkdir()
    if moments:
        (folder / "moments.yml").write_text(moments)
    if rituals:
        (folder / "rituals.yml").write_text(rituals)
    return folder


def test_a_bad_moment_is_reported_with_file_line_and_column(tmp_path: Path):
    folder = write(tmp_path / "daily", moments=(
        "moments:\n"
        "  - id: hug\n    practice: ritual\n    text: Hug.\n"
        "  - id: hug\n    practice: repair\n    text: Say sorry.\n"
        "  - id: long\n    practice: repair\n    text: " + "x" * 170 + "\n"))
    assert [str(p) for p in load_daily(folder, tmp_path).problems] == [
        "daily/moments.yml:3:15: unknown practice 'ritual' — did you mean 'rituals'?; expected one "
        "of: build-or-break, notice-bids, repair, rituals, texts, reflect-back, celebrate, hard-times",
        "daily/moments.yml:5:9: the id 'hug' is used twice (first at line 2); expected a new id",
        "daily/moments.yml:10:11: 'text' is 170 characters long; expected at most 160"]


def test_a_bad_ritual_time_or_day_is_reported(tmp_path: Path):
    folder = write(tmp_path / "daily", rituals=(
        "rituals:\n"
        "  - id: walk\n    title: A walk\n    practice: rituals\n    description: Walk.\n"
        "    minutes: 30\n    days: [SA, XX]\n    time: '7:45'\n"))
    assert [str(p) for p in load_daily(folder, tmp_path).problems] == [
        "daily/rituals.yml:7:16: found the day 'XX'; expected each of MO, TU, WE, TH, FR, SA, SU "
        "at most once",
        "daily/rituals.yml:8:11: found the time '7:45'; expected 24-hour HH:MM, such as \"07:45\" "
        "(in quotes)"]


def test_a_missing_daily_folder_gives_nothing_and_no_problem(tmp_path: Path):
    daily = load_daily(tmp_path / "nowhere", tmp_path)
    assert (daily.moments, daily.rituals, daily.problems) == ([], [], [])


def test_a_ritual_id_the_planner_builds_from_another_ritual_is_refused(tmp_path: Path):
    ritual = ("  - id: {}\n    title: A walk\n    practice: rituals\n    description: Walk.\n"
              "    minutes: 30\n    days: [SA]\n    time: '07:45'\n")
    folder = write(tmp_path / "daily", rituals="rituals:\n" + ritual.format("walk")
                   + ritual.format("walk-time") + ritual.format("walk-sa"))
    daily = load_daily(folder, tmp_path)
    assert [str(p) for p in daily.problems] == [
        "daily/rituals.yml:9:9: the id 'walk-time' is used by the planner page itself (the time "
        "of the ritual 'walk'); choose another, e.g. 'walk-time-1'",
        "daily/rituals.yml:16:9: the id 'walk-sa' is used by the planner page itself (the day box "
        "of the ritual 'walk'); choose another, e.g. 'walk-sa-1'"]
    assert [ritual.id for ritual in daily.rituals] == ["walk"]


def test_the_planner_ids_are_the_ones_daily_guards():
    import re
    found = set(re.findall(r'id="([^"]*)"', (REPO / "generator" / "templates" / "planner.md.j2")
                           .read_text()))
    assert found == {"planner", "ritual-{{ ritual.id }}", "ritual-{{ ritual.id }}-{{ code | lower }}",
                     "ritual-{{ ritual.id }}-time"}
