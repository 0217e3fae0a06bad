"""Question ids (page anchors) never equal an id the exercise page's own markup uses."""

from __future__ import annotations

import re

import pytest

from generator import anchors
from generator.load import parse
from generator.render import render_exercise
from generator.exercise_rules import validate_exercise
from helpers import ALL_KINDS, REPO, VALID

TEMPLATES = REPO / "generator" / "templates"


def validate(text: str, name: str = "tiny-bids"):
    loaded = parse(text, f"exercises/{name}.yml")
    assert loaded.problems == []
    return validate_exercise(loaded.root, f"exercises/{name}.yml", name)


def test_the_module_knows_every_id_the_exercise_page_templates_write():
    found = {match for name in anchors.PAGE_TEMPLATES
             for match in re.findall(r'id="[^"]*"', (TEMPLATES / name).read_text())
             if not match.startswith('id="sm-')}
    assert found == anchors.TEMPLATE_IDS
    included = set(re.findall(r'include "([^"]+)"', (TEMPLATES / "exercise.md.j2").read_text()))
    assert {name for name in included if name.endswith(".j2")} <= set(anchors.PAGE_TEMPLATES)


def test_page_ids_are_every_id_on_the_rendered_page_but_the_question_ids():
    exercise, problems = validate(ALL_KINDS.replace("minutes: 5", "minutes: 5\ndiscussion:\n"
                                                    "  - What would you say?"), "all-kinds")
    assert problems == []
    rendered = {name for name in re.findall(r' id="([^"]+)"', render_exercise(exercise).text)
                if not name.startswith(anchors.RESERVED_PREFIXES)}
    questions = {question.id for question in exercise.questions}
    assert rendered - questions == set(anchors.page_ids(exercise))
    assert not questions & set(anchors.page_ids(exercise))


def test_the_theme_and_site_ids_are_reserved_or_impossible():
    main = (REPO / "theme_overrides" / "main.html").read_text()
    for name in re.findall(r'id="([^"{]+)"', main):
        assert anchors.clash(name, {}) is not None, name


@pytest.mark.parametrize("question_id, message", [
    ("exercise", "the id 'exercise' is used by the page itself (the page itself); choose "
     "another, e.g. 'exercise-1'"),
    ("sm-quick-exit-hint", "the id 'sm-quick-exit-hint' is used by the page itself (ids starting "
     "with 'sm-' belong to the site's own parts); choose another, e.g. 'quick-exit-hint'"),
    ("tiny-link-option-2", "the id 'tiny-link-option-2' is used by the page itself (option 2 of "
     "question 'tiny-link'); choose another, e.g. 'tiny-link-option-2-1'"),
    ("tiny-link-title", "the id 'tiny-link-title' is used by the page itself (the heading of "
     "question 'tiny-link'); choose another, e.g. 'tiny-link-title-1'"),
    ("tiny-bids-result", "the id 'tiny-bids-result' is used by the page itself (the result "
     "heading); choose another, e.g. 'tiny-bids-result-1'"),
])
def test_a_question_id_the_page_already_uses_is_refused(question_id: str, message: str):
    exercise, problems = validate(VALID.replace("id: tiny-sigh", f"id: {question_id}"))
    assert exercise is None
    assert [str(problem) for problem in problems] == [f"exercises/tiny-bids.yml:11:9: {message}"]


def test_the_theme_prefix_cannot_be_written_at_all():
    exercise, problems = validate(VALID.replace("id: tiny-sigh", "id: __search"))
    assert exercise is None and "expected lowercase letters" in problems[0].message


def test_the_suggestion_is_free_itself():
    ids = {"a-title": "x", "a-title-1": "y"}
    assert anchors.instead("a-title", ids, {"a-title-2"}) == "a-title-3"
