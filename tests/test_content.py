"""The real exercise set: it validates, and it meets the minimums the guide promises."""

from __future__ import annotations

from collections import Counter

from generator.collect import collect, guide_pages
from helpers import REPO


def real_exercises():
    result = collect([REPO / "exercises"], base=REPO, pages=guide_pages(REPO / "content"))
    assert result.problems == [], "\n".join(str(p) for p in result.problems)
    return result.exercises


def test_at_least_twelve_exercises_and_eighty_questions():
    exercises = real_exercises()
    assert len(exercises) >= 12
    assert sum(len(exercise.questions) for exercise in exercises) >= 80


def test_each_family_has_its_minimum_of_exercises():
    families = Counter(exercise.practice.id for exercise in real_exercises())
    for family in ("notice-bids", "repair", "reflect-back"):
        assert families[family] >= 3, family
    for family in ("rituals", "texts", "celebrate", "hard-times", "build-or-break"):
        assert families[family] >= 1, family


def test_every_question_kind_and_dialogue_is_used():
    questions = [question for exercise in real_exercises() for question in exercise.questions]
    kinds = Counter(question.kind for question in questions)
    for kind in ("single", "multiple", "sort", "order", "write"):
        assert kinds[kind] >= 1, kind
    assert sum(1 for question in questions if question.dialogue) >= 1
