"""The ids an exercise page's own markup uses, so no question id (a page anchor) can equal one.

A question's id is its anchor on the exercise page (exercises/<id>.html#<question-id>). The page
also gives ids to its own parts: literal ones ('exercise'), ones built from the exercise id
('<exercise-id>-result') and ones built from each question id ('<question-id>-option-2'). Two
equal ids on one page break links, labels and the answers saved in the browser, so a question id
must not be any of them. The theme's ids start with '__' (Material: '__search', '__drawer') or
'sm-' (ours: 'sm-quick-exit-hint'); an id can never hold '_', and 'sm-' is kept for the site.

TEMPLATE_IDS lists every id="..." written in the templates of an exercise page, exactly as
written there, but the reserved 'sm-' ones; tests/test_anchors.py fails when a template gains an id this module does not know."""

from __future__ import annotations

from .model import (Exercise, MultipleQuestion, OrderQuestion, SingleQuestion, SortQuestion,
                    WriteQuestion)

TEMPLATE_IDS = frozenset({
    'id="exercise"',
    'id="together"',
    'id="{{ exercise.id }}-result"',
    'id="{{ exercise.id }}-discussion"',
    'id="{{ question.id }}"',
    'id="{{ old }}"',
    'id="{{ question.id }}-title"',
    'id="{{ question.id }}-option-{{ loop.index }}"',
    'id="{{ question.id }}-prompt"',
    'id="{{ question.id }}-step-{{ index + 1 }}"',
    'id="{{ question.id }}-item-{{ item_number }}-{{ group.id }}"',
    'id="{{ question.id }}-reply"',
    'id="{{ question.id }}-check-{{ loop.index }}"',
})
# The templates an exercise page is made of (exercise.md.j2 includes the rest).
PAGE_TEMPLATES = ("exercise.md.j2", "device-note.html.j2", "question-base.html.j2",
                  "question-single.html.j2", "question-multiple.html.j2",
                  "question-sort.html.j2", "question-order.html.j2", "question-write.html.j2",
                  "pair.html.j2", "pair-share.html.j2", "pair-receive.html.j2")
PAGE_IDS = frozenset({"exercise", "together"})
RESERVED_PREFIXES = ("sm-", "__")


def page_ids(exercise: Exercise) -> dict[str, str]:
    """Every id the page of `exercise` gives its own parts, with what each one names."""
    ids = {name: "the page itself" for name in PAGE_IDS}
    ids[f"{exercise.id}-result"] = "the result heading"
    ids[f"{exercise.id}-discussion"] = "the 'Talk it over' heading"
    for question in exercise.questions:
        of = f"question '{question.id}'"
        ids[f"{question.id}-title"] = f"the heading of {of}"
        if isinstance(question, (SingleQuestion, MultipleQuestion)):
            for number in range(1, len(question.options) + 1):
                ids[f"{question.id}-option-{number}"] = f"option {number} of {of}"
        if isinstance(question, (SortQuestion, OrderQuestion)):
            ids[f"{question.id}-prompt"] = f"the prompt of {of}"
        if isinstance(question, OrderQuestion):
            for number in range(1, len(question.steps) + 1):
                ids[f"{question.id}-step-{number}"] = f"step {number} of {of}"
        if isinstance(question, SortQuestion):
            for number in range(1, len(question.items) + 1):
                for group in question.groups:
                    ids[f"{question.id}-item-{number}-{group.id}"] = \
                        f"item {number}'s choice '{group.id}' in {of}"
        if isinstance(question, WriteQuestion):
            ids[f"{question.id}-reply"] = f"the reply box of {of}"
            for number in range(1, len(question.checklist) + 1):
                ids[f"{question.id}-check-{number}"] = f"check {number} of {of}"
    return ids


def clash(question_id: str, ids: dict[str, str]) -> str | None:
    """What of the page's own markup already uses `question_id`, or None when it is free."""
    for prefix in RESERVED_PREFIXES:
        if question_id.startswith(prefix):
            return f"ids starting with '{prefix}' belong to the site's own parts"
    return ids.get(question_id)


def instead(question_id: str, ids: dict[str, str], taken: set[str]) -> str:
    """A nearby id that is free: without a reserved prefix, else with a number added."""
    base = question_id
    for prefix in RESERVED_PREFIXES:
        if base.startswith(prefix) and base[len(prefix):].strip("-_"):
            base = base[len(prefix):].strip("-_")
    if base != question_id and clash(base, ids) is None and base not in taken:
        return base
    number = 1
    while clash(f"{base}-{number}", ids) is not None or f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
