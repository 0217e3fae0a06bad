"""The typed model of an exercise and its questions, as validated from YAML."""

from __future__ import annotations

import functools
import hashlib
import json
import random
from dataclasses import asdict, dataclass, fields
from typing import ClassVar, Union

from .practices import Practice


@dataclass(frozen=True)
class Line:
    """One line of a dialogue shown above a question."""

    speaker: str
    line: str


@dataclass(frozen=True)
class Option:
    """An answer of a single or multiple-choice question, with feedback that explains it."""

    text: str
    feedback: str
    correct: bool


@dataclass(frozen=True)
class QuestionBase:
    """What every question has: an id, a prompt, an optional closing note and dialogue."""

    kind: ClassVar[str] = ""
    scored: ClassVar[bool] = True
    id: str
    prompt: str
    note: str | None
    dialogue: tuple[Line, ...]


@dataclass(frozen=True)
class SingleQuestion(QuestionBase):
    """Pick one option; exactly one is correct."""

    kind: ClassVar[str] = "single"
    options: tuple[Option, ...] = ()


@dataclass(frozen=True)
class MultipleQuestion(QuestionBase):
    """Select all that apply; at least one option is correct."""

    kind: ClassVar[str] = "multiple"
    options: tuple[Option, ...] = ()


@dataclass(frozen=True)
class Group:
    """A named group items are sorted into."""

    id: str
    label: str


@dataclass(frozen=True)
class SortItem:
    """An item to sort, the group it belongs to, and why."""

    text: str
    group: str
    feedback: str


@dataclass(frozen=True)
class SortQuestion(QuestionBase):
    """Place each item in one of two to four groups."""

    kind: ClassVar[str] = "sort"
    groups: tuple[Group, ...] = ()
    items: tuple[SortItem, ...] = ()

    def label(self, group_id: str) -> str:
        """The label of a group, by id."""
        return next(group.label for group in self.groups if group.id == group_id)


@dataclass(frozen=True)
class Step:
    """One step of an order question, and why it comes where it does."""

    text: str
    why: str


@dataclass(frozen=True)
class OrderQuestion(QuestionBase):
    """Put three to seven steps in order; `steps` holds the right order."""

    kind: ClassVar[str] = "order"
    steps: tuple[Step, ...] = ()

    @property
    def shuffled(self) -> tuple[int, ...]:
        """The order the steps are shown in: fixed by the question id, never the answer."""
        order = list(range(len(self.steps)))
        shuffler = random.Random(self.id)
        while order == sorted(order):
            shuffler.shuffle(order)
        return tuple(order)


@dataclass(frozen=True)
class WriteQuestion(QuestionBase):
    """Free practice: write a reply, then compare with model replies and a self-check list."""

    kind: ClassVar[str] = "write"
    scored: ClassVar[bool] = False
    models: tuple[str, ...] = ()
    checklist: tuple[str, ...] = ()


Question = Union[SingleQuestion, MultipleQuestion, SortQuestion, OrderQuestion, WriteQuestion]


@dataclass(frozen=True)
class Exercise:
    """A page of questions practising one of the practices, linked to its guide page."""

    id: str
    title: str
    practice: Practice
    page: str
    summary: str
    minutes: int
    intro: tuple[str, ...]
    questions: tuple[Question, ...]
    # Where each question's id is written in the file (line, column), in question order: for
    # problems found later across files, such as an id used twice.
    places: tuple[tuple[int, int], ...]
    discussion: tuple[str, ...] = ()

    def __hash__(self) -> int:
        """The fields' hash, computed once: an exercise keys many kept renders under serve."""
        kept = self.__dict__.get("_hash")
        if kept is None:
            kept = hash(tuple(getattr(self, field.name) for field in fields(self)))
            object.__setattr__(self, "_hash", kept)
        return kept


@functools.lru_cache(maxsize=None)
def fingerprint(question: Question) -> str:
    """A short digest of a question's content: saved answers are kept only while it matches.

    Cached: each page that lists a question (exercise, My progress, assignment) asks for it."""
    content = {"kind": question.kind, **asdict(question)}
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()[:12]
