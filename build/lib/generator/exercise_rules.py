"""Validation of a whole exercise file into the typed model, collecting every problem."""

from __future__ import annotations

import re

from .anchors import clash, instead, page_ids
from .kinds import read_question
from .load import Mapping, Node, Scalar, Sequence
from .model import Exercise, Question
from .practices import PRACTICES
from .problems import Problem, excerpt
from .validator import MAX_ID, Validator, suggest

MAX_TITLE = 80
MAX_SUMMARY = 160
MAX_PAGE = 120
MINUTES = (1, 60)
QUESTIONS = (1, 40)
PAGE_PATTERN = re.compile(r"^(?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_-]*\.md$")
REQUIRED = ("id", "title", "practice", "page", "summary", "minutes", "questions")
OPTIONAL = ("intro", "discussion")
DISCUSSION = (1, 5)
MAX_PROMPT = 200


def _page(v: Validator, node: Mapping, pages: set[str] | None) -> str | None:
    page = v.text(node, "page", MAX_PAGE)
    if page is None:
        return None
    if not PAGE_PATTERN.match(page):
        v.report(node.items["page"], f"found the page '{excerpt(page, 60)}'; expected a guide "
                 "page path inside the content folder, such as 'practices/notice-bids.md'")
        return None
    if pages is not None and page not in pages:
        v.report(node.items["page"], f"the page '{excerpt(page, 60)}' is not in the content folder"
                 f"{suggest(page, sorted(pages))}; expected an existing guide page")
        return None
    return page


def validate_exercise(root: Node, path: str, expected_id: str | None = None,
                      pages: set[str] | None = None) -> tuple[Exercise | None, list[Problem]]:
    """Turn a loaded document into an Exercise, or report every problem found in it.

    `pages`, when given, is the set of guide pages an exercise's `page` must be one of."""
    v = Validator(path, pages)
    node = v.mapping(root, "the exercise", REQUIRED, OPTIONAL)
    if node is None:
        return None, v.problems
    exercise_id = v.ident(node, "id")
    if exercise_id is not None and expected_id is not None and exercise_id != expected_id:
        v.report(node.items["id"], f"found the id '{exercise_id}' in the file "
                 f"'{expected_id}.yml'; expected the id to match the file name ('{expected_id}')")
    title = v.plain(node, "title", MAX_TITLE)
    summary = v.plain(node, "summary", MAX_SUMMARY)
    minutes = v.integer(node, "minutes", *MINUTES)
    intro_text = v.text(node, "intro")
    prompts = [v.scalar_text(item, f"prompt {number} of 'discussion'", MAX_PROMPT)
               for number, item in enumerate(v.sequence(node, "discussion", *DISCUSSION,
                                                        "prompts"), start=1)]
    page = _page(v, node, pages)
    practice = None
    practice_name = v.text(node, "practice", MAX_ID)
    if practice_name is not None:
        practice = PRACTICES.get(practice_name)
        if practice is None:
            v.report(node.items["practice"], f"unknown practice '{practice_name}'"
                     f"{suggest(practice_name, list(PRACTICES))}; expected one of: "
                     f"{', '.join(PRACTICES)}")
    questions: list[Question] = []
    seen: dict[str, Node] = {}
    for number, item in enumerate(v.sequence(node, "questions", *QUESTIONS, "questions"), 1):
        question = read_question(v, item, number)
        if question is None:
            continue
        id_node = item.items["id"]  # type: ignore[union-attr]
        if question.id in seen:
            v.report(id_node, f"the question id '{question.id}' is used twice in this exercise "
                     f"(first at line {seen[question.id].line}); expected a new id")
        else:
            seen[question.id] = id_node
            questions.append(question)
    if v.problems or None in (exercise_id, title, practice, page, summary, minutes) or not questions:
        return None, v.problems
    intro = tuple(part.strip() for part in re.split(r"\n\s*\n", intro_text or "") if part.strip())
    exercise = Exercise(exercise_id, title, practice, page, summary, minutes,  # type: ignore[arg-type]
                        intro, tuple(questions),
                        tuple((seen[q.id].line, seen[q.id].col) for q in questions),
                        tuple(prompt for prompt in prompts if prompt is not None))
    _reserved(v, exercise, seen)
    return (None, v.problems) if v.problems else (exercise, v.problems)


def _reserved(v: Validator, exercise: Exercise, id_nodes: dict[str, Node]) -> None:
    """Report each question id that the page's own markup already uses."""
    ids = page_ids(exercise)
    for question in exercise.questions:
        used_by = clash(question.id, ids)
        if used_by is not None:
            other = instead(question.id, ids, set(id_nodes))
            v.report(id_nodes[question.id], f"the id '{question.id}' is used by the page itself "
                     f"({used_by}); choose another, e.g. '{other}'")


