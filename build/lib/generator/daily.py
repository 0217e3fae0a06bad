"""Everyday practice data: one-line moments for each day, and the rituals the planner offers."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from .folders import leads_outside, link_problem
from .limits import DAYS
from .load import Mapping, Node, load_file
from .practices import PRACTICES, Practice
from .problems import Problem, sort_problems
from .validator import MAX_ID, Validator, suggest

MOMENTS_FILE = "moments.yml"
RITUALS_FILE = "rituals.yml"
MAX_MOMENT = 160
MAX_RITUAL_TITLE = 60
MAX_RITUAL_TEXT = 240
RITUAL_MINUTES = (1, 120)
TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


@dataclass(frozen=True)
class Moment:
    """A small thing to do today, tagged with the practice it belongs to."""

    id: str
    practice: Practice
    text: str


@dataclass(frozen=True)
class Ritual:
    """A ritual of connection the planner offers, with its suggested days and time."""

    id: str
    title: str
    practice: Practice
    description: str
    minutes: int
    days: tuple[str, ...]
    time: str


@dataclass
class Daily:
    """The moments and rituals, or the problems found in their files."""

    moments: list[Moment] = field(default_factory=list)
    rituals: list[Ritual] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _practice(v: Validator, node: Mapping) -> Practice | None:
    name = v.text(node, "practice", MAX_ID)
    if name is None:
        return None
    if name not in PRACTICES:
        v.report(node.items["practice"], f"unknown practice '{name}'{suggest(name, list(PRACTICES))}; "
                 f"expected one of: {', '.join(PRACTICES)}")
        return None
    return PRACTICES[name]


def _entries(v: Validator, root: Node | None, key: str, noun: str) -> list[Node]:
    if root is None:
        return []
    top = v.mapping(root, f"the {noun} file", (key,))
    return [] if top is None else v.sequence(top, key, 1, 1000, noun)


def _unique(v: Validator, node: Mapping, value: str | None, seen: dict[str, int]) -> bool:
    if value is None:
        return False
    if value in seen:
        v.report(node.items["id"], f"the id '{value}' is used twice (first at line "
                 f"{seen[value]}); expected a new id")
        return False
    seen[value] = node.items["id"].line
    return True


def read_moments(v: Validator, root: Node | None) -> list[Moment]:
    """Validate the moments file's list."""
    moments: list[Moment] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(_entries(v, root, "moments", "moments"), start=1):
        node = v.mapping(item, f"moment {number}", ("id", "practice", "text"))
        if node is None:
            continue
        ident = v.ident(node, "id")
        practice = _practice(v, node)
        text = v.text(node, "text", MAX_MOMENT)
        if _unique(v, node, ident, seen) and practice and text:
            moments.append(Moment(ident, practice, text))  # type: ignore[arg-type]
    return moments


def _days(v: Validator, node: Mapping) -> tuple[str, ...] | None:
    items = v.sequence(node, "days", 1, 7, "days")
    days = []
    for item in items:
        day = v.scalar_text(item, "a day of 'days'", 2)
        if day is None:
            return None
        if day not in DAYS or day in days:
            v.report(item, f"found the day '{day}'; expected each of {', '.join(DAYS)} at most once")
            return None
        days.append(day)
    return tuple(sorted(days, key=DAYS.index)) if days else None


def read_rituals(v: Validator, root: Node | None) -> list[Ritual]:
    """Validate the rituals file's list."""
    rituals: list[Ritual] = []
    seen: dict[str, int] = {}
    id_nodes: dict[str, Node] = {}
    keys = ("id", "title", "practice", "description", "minutes", "days", "time")
    for number, item in enumerate(_entries(v, root, "rituals", "rituals"), start=1):
        node = v.mapping(item, f"ritual {number}", keys)
        if node is None:
            continue
        ident = v.ident(node, "id")
        title = v.plain(node, "title", MAX_RITUAL_TITLE)
        practice = _practice(v, node)
        description = v.text(node, "description", MAX_RITUAL_TEXT)
        minutes = v.integer(node, "minutes", *RITUAL_MINUTES)
        days = _days(v, node)
        time = v.text(node, "time", 5)
        if time is not None and not TIME.match(time):
            v.report(node.items["time"], f"found the time '{time}'; expected 24-hour HH:MM, "
                     "such as \"07:45\" (in quotes)")
            time = None
        values = (title, practice, description, minutes, days, time)
        if _unique(v, node, ident, seen) and None not in values:
            rituals.append(Ritual(ident, *values))  # type: ignore[arg-type]
            id_nodes[ident] = node.items["id"]  # type: ignore[index]
    return _planner_ids(v, rituals, id_nodes)


# The planner page gives each ritual's controls ids built from its id: 'ritual-<id>' for the
# pick box, 'ritual-<id>-mo' ... for the days and 'ritual-<id>-time' (templates/planner.md.j2).
PLANNER_SUFFIXES = ("time",) + tuple(day.lower() for day in DAYS)


def _planner_ids(v: Validator, rituals: list[Ritual], id_nodes: dict[str, Node]) -> list[Ritual]:
    """Refuse a ritual id that is another ritual's id plus a suffix the planner adds."""
    known = {ritual.id for ritual in rituals}
    kept = []
    for ritual in rituals:
        head, _, tail = ritual.id.rpartition("-")
        if tail in PLANNER_SUFFIXES and head in known:
            what = "time" if tail == "time" else "day box"
            v.report(id_nodes[ritual.id], f"the id '{ritual.id}' is used by the planner page "
                     f"itself (the {what} of the ritual '{head}'); choose another, e.g. "
                     f"'{ritual.id}-1'")
        else:
            kept.append(ritual)
    return kept


def load_daily(folder: Path, base: Path | None = None, pages: set[str] | None = None) -> Daily:
    """Read and validate the daily folder; a missing folder or file simply gives nothing.

    `pages`, when given, are the guide pages a link in a ritual or moment may lead to. A link
    that leads outside the folder (a file, or the folder itself) is reported by its own name
    and never followed."""
    daily = Daily()
    parent = folder.absolute().parent
    if folder.is_symlink() and leads_outside(folder, parent):
        shown = str(folder.relative_to(base)) if base else str(folder)
        daily.problems.append(link_problem(shown, parent.name or str(parent)))
        return daily
    for name, reader, target in ((MOMENTS_FILE, read_moments, daily.moments),
                                 (RITUALS_FILE, read_rituals, daily.rituals)):
        file = folder / name
        display = str(file.relative_to(base)) if base else str(file)
        if file.is_symlink() and leads_outside(file, folder):
            daily.problems.append(link_problem(display, folder.absolute().name))
            continue
        if not file.exists():
            continue
        loaded = load_file(file, display)
        v = Validator(display, pages)
        target.extend(reader(v, loaded.root))  # type: ignore[operator]
        daily.problems += loaded.problems + v.problems
    daily.problems = sort_problems(daily.problems)
    return daily


def daily_order(moments: list[Moment]) -> list[Moment]:
    """The moments in a fixed, mixed order, so consecutive days come from different practices."""
    order = list(moments)
    random.Random("small-moments").shuffle(order)
    return order
