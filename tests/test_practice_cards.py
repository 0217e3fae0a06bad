"""The home page's generated blocks: the practice cards and typographic quotes (issue 14)."""

from __future__ import annotations

from generator.exercise_rules import validate_exercise
from generator.load import parse
from generator.render import curly_quotes, render_practice_cards, render_today
from generator.daily import Moment
from generator.practices import PRACTICES
from helpers import VALID


def exercise_from(text: str, name: str = "tiny-bids.yml"):
    exercise, problems = validate_exercise(parse(text, name).root, name)
    assert problems == []
    return exercise


def test_cards_add_up_each_practices_exercise_minutes_and_leave_out_the_trust_chapter():
    minutes = VALID.split("\nminutes: ")[1].split("\n")[0]
    second = VALID.replace("id: tiny-bids", "id: tiny-two")
    chapter = VALID.replace("id: tiny-bids", "id: tiny-trust").replace(
        "practice: notice-bids", "practice: build-or-break")
    cards = render_practice_cards([exercise_from(VALID), exercise_from(second, "tiny-two.yml"),
                                   exercise_from(chapter, "tiny-trust.yml")])
    assert cards.count('<li class="sm-card">') == 1
    assert '<a href="practices/notice-bids.html">Notice bids</a>' in cards
    assert PRACTICES["notice-bids"].summary in cards
    assert f"2 exercises, about {2 * int(minutes)} minutes" in cards
    assert PRACTICES["build-or-break"].title not in cards


def test_curly_quotes_open_after_a_space_or_bracket_and_close_otherwise():
    assert curly_quotes('ask "And then?" instead') == "ask \u201cAnd then?\u201d instead"
    assert curly_quotes("don't say ('no')") == "don\u2019t say (\u2018no\u2019)"
    assert curly_quotes('"Start" here') == "\u201cStart\u201d here"


def test_todays_moment_shows_typographic_quotes_and_escapes_markup():
    practice = PRACTICES["notice-bids"]
    block = render_today([Moment("m", practice, 'Say "Long day?" <b>')])
    assert "Say \u201cLong day?\u201d &lt;b&gt;" in block
