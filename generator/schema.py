"""The typed model of an exercise, and validation that collects every problem in a file."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Callable, ClassVar, Union

from .load import Mapping, Node, Scalar, Sequence
from .practices import PRACTICES, Practice
from .problems import Problem

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID = 60
MAX_TITLE = 80
MAX_SUMMARY = 160
MAX_TEXT = 2000
MINUTES = (1, 60)
QUESTIONS = (1, 40)
SINGLE_OPTIONS = (2, 6)


@dataclass(frozen=True)
class Option:
    """One answer of a single-choice question, with feedback that explains it."""

    text: str
    feedback: str
    correct: bool


@dataclass(frozen=True)
class SingleQuestion:
    """Pick one option; exactly one is correct and every option explains itself."""

    kind: ClassVar[str] = "single"
    id: str
    prompt: str
    options: tuple[Option, ...]
    note: str | None

    @property
    def answer(self) -> int:
        """Index of the correct option."""
        return next(index for index, option in enumerate(self.options) if option.correct)


Question = Union[SingleQuestion]


@dataclass(frozen=True)
class Exercise:
    """A page of questions practising one of the seven practices."""

    id: str
    title: str
    practice: Practice
    summary: str
    minutes: int
    intro: tuple[str, ...]
    questions: tuple[Question, ...]
    source: str


def describe(node: Node) -> str:
    """Say in plain words what an author wrote, for 'found … expected …' messages."""
    if isinstance(node, Mapping):
        return "a mapping (key: value pairs)"
    if isinstance(node, Sequence):
        return "a list"
    if node.tag == "null":
        return "nothing"
    if node.tag == "bool":
        return f"'{node.text}' (true/false)"
    if node.tag in ("int", "float"):
        return f"the number {node.text}"
    text = " ".join(node.text.split())
    return f"'{text if len(text) <= 40 else text[:39] + '…'}'"


def suggest(word: str, choices: list[str]) -> str:
    """A ' — did you mean …?' hint for a misspelt name, or nothing."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


class Validator:
    """Reads located nodes into model values, collecting problems instead of raising."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def report(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.path, node.line, node.col, message))

    def mapping(self, node: Node, what: str, required: tuple[str, ...],
                optional: tuple[str, ...] = ()) -> Mapping | None:
        """Check that `node` is a mapping with the required keys and no unknown ones."""
        if not isinstance(node, Mapping):
            self.report(node, f"found {describe(node)} for {what}; expected a mapping with "
                        f"the keys {', '.join(required)}")
            return None
        allowed = list(required) + list(optional)
        for name, key in node.keys.items():
            if name not in allowed:
                self.report(key, f"unknown key '{name}' in {what}{suggest(name, allowed)}; "
                            f"allowed keys: {', '.join(allowed)}")
        for name in required:
            if name not in node.keys:
                self.report(node, f"{what} is missing the required key '{name}'")
        return node

    def text(self, node: Mapping, key: str, max_len: int = MAX_TEXT) -> str | None:
        """Read a required or optional text field; None when absent or invalid."""
        value = node.items.get(key)
        if value is None:
            return None
        if not isinstance(value, Scalar) or value.tag == "null":
            self.report(value, f"found {describe(value)} for '{key}'; expected text")
            return None
        text = value.text.strip() if value.tag != "str" else str(value.value).strip()
        if not text:
            self.report(value, f"found empty text for '{key}'; expected some words")
            return None
        if len(text) > max_len:
            self.report(value, f"'{key}' is {len(text)} characters long; expected at most {max_len}")
            return None
        return text

    def ident(self, node: Mapping, key: str) -> str | None:
        """Read an id: lowercase letters, digits and single hyphens."""
        text = self.text(node, key, MAX_ID)
        if text is not None and not ID_PATTERN.match(text):
            self.report(node.items[key], f"found the {key} '{text}'; expected lowercase letters, "
                        "digits and single hyphens, such as 'sigh-after-work'")
            return None
        return text

    def integer(self, node: Mapping, key: str, low: int, high: int) -> int | None:
        """Read a whole number between `low` and `high` inclusive."""
        value = node.items.get(key)
        if value is None:
            return None
        if not isinstance(value, Scalar) or value.tag != "int" or not low <= value.value <= high:
            self.report(value, f"found {describe(value)} for '{key}'; expected a whole number "
                        f"from {low} to {high}")
            return None
        return int(value.value)  # type: ignore[call-overload]

    def boolean(self, node: Mapping, key: str, default: bool) -> bool:
        """Read true/false, or the default when the key is absent."""
        value = node.items.get(key)
        if value is None:
            return default
        if not isinstance(value, Scalar) or value.tag != "bool":
            self.report(value, f"found {describe(value)} for '{key}'; expected true or false")
            return default
        return bool(value.value)

    def sequence(self, node: Mapping, key: str, low: int, high: int, noun: str) -> list[Node]:
        """Read a list of `low` to `high` items; an empty list when absent or invalid."""
        value = node.items.get(key)
        if value is None:
            return []
        if not isinstance(value, Sequence):
            self.report(value, f"found {describe(value)} for '{key}'; expected a list of {noun}, "
                        "each item starting with '- '")
            return []
        if not low <= len(value.items) <= high:
            self.report(value, f"found {len(value.items)} {noun} in '{key}'; expected "
                        f"{low} to {high}")
        return value.items


def _single(v: Validator, node: Mapping, qid: str | None, prompt: str | None,
            note: str | None) -> SingleQuestion | None:
    options: list[Option] = []
    correct_at: list[int] = []
    seen: dict[str, int] = {}
    items = v.sequence(node, "options", *SINGLE_OPTIONS, "options")
    for number, item in enumerate(items, start=1):
        what = f"option {number}"
        option = v.mapping(item, what, ("text", "feedback"), ("correct",))
        if option is None:
            continue
        text = v.text(option, "text")
        feedback = v.text(option, "feedback")
        correct = v.boolean(option, "correct", False)
        if correct:
            correct_at.append(number)
            if len(correct_at) > 1:
                v.report(option.items["correct"], f"option {number} is marked correct, but option "
                         f"{correct_at[0]} already is; expected exactly one correct option in a "
                         "single-choice question")
        if text is not None and text.casefold() in seen:
            v.report(option.items["text"], f"option {number} has the same text as option "
                     f"{seen[text.casefold()]}; expected different options")
        elif text is not None:
            seen[text.casefold()] = number
        if text is not None and feedback is not None:
            options.append(Option(text, feedback, correct))
    if items and not correct_at:
        v.report(node.items["options"], "no option is marked 'correct: true'; expected exactly "
                 "one correct option in a single-choice question")
    if qid is None or prompt is None or len(options) != len(items) or len(correct_at) != 1:
        return None
    if not SINGLE_OPTIONS[0] <= len(options) <= SINGLE_OPTIONS[1]:
        return None
    return SingleQuestion(qid, prompt, tuple(options), note)


KindReader = Callable[[Validator, Mapping, "str | None", "str | None", "str | None"],
                      "Question | None"]
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], KindReader]] = {
    "single": (("options",), ("note",), _single),
}
_COMMON_REQUIRED = ("id", "kind", "prompt")


def _question(v: Validator, node: Node, number: int) -> Question | None:
    what = f"question {number}"
    if not isinstance(node, Mapping):
        v.mapping(node, what, _COMMON_REQUIRED)
        return None
    kind_node = node.items.get("kind")
    kind = v.text(node, "kind", MAX_ID) if kind_node is not None else None
    if kind is not None and kind not in KINDS:
        v.report(kind_node, f"unknown kind '{kind}'{suggest(kind, list(KINDS))}; expected one "
                 f"of: {', '.join(KINDS)}")
        kind = None
    if kind is None:
        v.mapping(node, what, _COMMON_REQUIRED, tuple(k for spec in KINDS.values()
                                                      for k in spec[0] + spec[1]))
        v.ident(node, "id")
        v.text(node, "prompt")
        return None
    required, optional, reader = KINDS[kind]
    v.mapping(node, f"{what} ({kind})", _COMMON_REQUIRED + required, optional)
    qid = v.ident(node, "id")
    prompt = v.text(node, "prompt")
    note = v.text(node, "note")
    return reader(v, node, qid, prompt, note)


def validate_exercise(root: Node, path: str, expected_id: str | None = None
                      ) -> tuple[Exercise | None, list[Problem]]:
    """Turn a loaded document into an Exercise, or report every problem found in it."""
    v = Validator(path)
    node = v.mapping(root, "the exercise",
                     ("id", "title", "practice", "summary", "minutes", "questions"), ("intro",))
    if node is None:
        return None, v.problems
    exercise_id = v.ident(node, "id")
    if exercise_id is not None and expected_id is not None and exercise_id != expected_id:
        v.report(node.items["id"], f"found the id '{exercise_id}' in the file "
                 f"'{expected_id}.yml'; expected the id to match the file name ('{expected_id}')")
    title = v.text(node, "title", MAX_TITLE)
    summary = v.text(node, "summary", MAX_SUMMARY)
    minutes = v.integer(node, "minutes", *MINUTES)
    intro_text = v.text(node, "intro")
    practice = None
    practice_name = v.text(node, "practice", MAX_ID)
    if practice_name is not None:
        practice = PRACTICES.get(practice_name)
        if practice is None:
            v.report(node.items["practice"], f"unknown practice '{practice_name}'"
                     f"{suggest(practice_name, list(PRACTICES))}; expected one of: "
                     f"{', '.join(PRACTICES)}")
    questions: list[Question | None] = []
    seen: dict[str, Node] = {}
    for number, item in enumerate(v.sequence(node, "questions", *QUESTIONS, "questions"), 1):
        question = _question(v, item, number)
        questions.append(question)
        if question is not None:
            if question.id in seen:
                first = seen[question.id]
                v.report(item.items["id"], f"the question id '{question.id}' is used twice in this "  # type: ignore[union-attr]
                         f"exercise (first at line {first.line}); expected a new id")
            else:
                seen[question.id] = item.items["id"]  # type: ignore[union-attr]
    if v.problems or None in (exercise_id, title, practice, summary, minutes) or not questions:
        return None, v.problems
    intro = tuple(part.strip() for part in re.split(r"\n\s*\n", intro_text or "") if part.strip())
    exercise = Exercise(exercise_id, title, practice, summary, minutes, intro,  # type: ignore[arg-type]
                        tuple(q for q in questions if q is not None), path)
    return exercise, v.problems


def question_lines(root: Node) -> dict[str, tuple[int, int]]:
    """Where each question id is written, for problems that span several files."""
    found: dict[str, tuple[int, int]] = {}
    if isinstance(root, Mapping) and isinstance(root.items.get("questions"), Sequence):
        for item in root.items["questions"].items:  # type: ignore[union-attr]
            if isinstance(item, Mapping) and isinstance(item.items.get("id"), Scalar):
                node = item.items["id"]
                found.setdefault(str(node.value), (node.line, node.col))  # type: ignore[union-attr]
    return found
