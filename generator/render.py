"""Render validated exercises into Markdown pages through Jinja2 templates."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from . import inline
from .model import Exercise, fingerprint
from .daily import Moment, Ritual, daily_order
from .practices import PRACTICES, Practice
from .qr import qr_svg
from . import limits

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def markdown_text(value: str) -> Markup:
    """Escape plain text for a Markdown line: HTML-escape, then backslash Markdown syntax."""
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(value))))


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["fingerprint"] = fingerprint
    module = env.get_template("inline.html.j2").module
    env.globals["text"] = lambda value: module.render(inline.parse(value))  # type: ignore[attr-defined]
    return env


_ENV = _environment()


def exercise_page_path(exercise: Exercise) -> str:
    """Where an exercise's page lives, relative to the content folder."""
    return f"exercises/{exercise.id}.md"


INDEX_PAGE_PATH = "exercises/index.md"
PROGRESS_PAGE_PATH = "progress.md"
CATALOG_PAGE_PATH = "catalog.md"
ASSIGNMENT_PAGE_PATH = "assignment.md"
NOTE_CAP = limits.ASSIGNMENT_NOTE_CAP
TRACKER_NOTE_CAP = limits.BID_NOTE_CAP
# A line in a guide page (the home page) that the day's small moment replaces.
TODAY_MARKER = "<!-- small-moments: today -->"
TRACKER_PAGE_PATH = "bid-tracker.md"
PLANNER_PAGE_PATH = "ritual-planner.md"
# An exercise page's HTML block sits between these two comments. It is plain HTML already, so a
# build may lift it out before Markdown (whose raw-HTML parsing is slow) and put it back after.
BODY_START = "<!-- small-moments: body -->\n"
BODY_END = "\n<!-- small-moments: end of body -->"
BODY_HELD = "<!-- small-moments: body held -->"
KIND_NAMES = {"single": "choose one", "multiple": "choose all that apply", "sort": "sort",
              "order": "put in order", "write": "write your own"}


def kinds_of(exercise: Exercise) -> str:
    """The kinds of question in an exercise, in plain words, in order of first use."""
    return ", ".join(dict.fromkeys(KIND_NAMES[question.kind] for question in exercise.questions))


def _page_renderers(exercises: Iterable[Exercise],
                    aliases: dict[str, dict[str, list[str]]] | None = None,
                    public_url: str = "", rituals: Iterable[Ritual] = ()
                    ) -> dict[str, Callable[[], str]]:
    """Every generated page's path, each with what renders it: the one list of generated pages."""
    exercises = list(exercises)
    aliases = aliases or {}
    rituals = list(rituals)
    pages: dict[str, Callable[[], str]] = {
        INDEX_PAGE_PATH: lambda: render_index(exercises),
        PROGRESS_PAGE_PATH: lambda: render_progress(exercises),
        CATALOG_PAGE_PATH: lambda: render_catalog(exercises, public_url),
        ASSIGNMENT_PAGE_PATH: lambda: render_assignment(exercises),
        TRACKER_PAGE_PATH: render_tracker}
    if rituals:
        pages[PLANNER_PAGE_PATH] = lambda: render_planner(rituals)
    for exercise in exercises:
        path = exercise_page_path(exercise)
        pages[path] = functools.partial(render_exercise, exercise, aliases.get(path[:-3] + ".html"),
                                        public_url)
    return pages


def generated_paths(exercises: Iterable[Exercise], rituals: Iterable[Ritual] = ()) -> list[str]:
    """The content-folder path of every page `generated_pages` makes, without rendering any."""
    return list(_page_renderers(exercises, rituals=rituals))


def hold_body(markdown: str) -> tuple[str, str]:
    """Lift an exercise page's HTML block out of its Markdown: (Markdown with a stand-in, block).

    Markdown without the block comes back whole, with an empty block."""
    start = markdown.find(BODY_START)
    end = markdown.find(BODY_END, start)
    if start < 0 or end < 0:
        return markdown, ""
    return (markdown[:start] + BODY_HELD + markdown[end + len(BODY_END):],
            markdown[start + len(BODY_START):end])


def restore_body(html: str, body: str) -> str:
    """Put a held HTML block back where Markdown left its stand-in."""
    return html.replace(BODY_HELD, body, 1)


def generated_pages(exercises: Iterable[Exercise],
                    aliases: dict[str, dict[str, list[str]]] | None = None,
                    public_url: str = "", rituals: Iterable[Ritual] = ()) -> dict[str, str]:
    """Every page made from the exercises and the daily data, by its path in the content folder."""
    return {path: render() for path, render in
            _page_renderers(exercises, aliases, public_url, rituals).items()}


def permalink(exercise: Exercise, public_url: str) -> str:
    """The exercise's absolute permanent link, or "" when the published address is not known."""
    if not public_url:
        return ""
    return public_url.rstrip("/") + "/" + exercise_page_path(exercise)[:-3] + ".html"


def qr_path(exercise: Exercise) -> str:
    """Where the QR code of an exercise's permanent link is written in the site."""
    return f"assets/qr/{exercise.id}.svg"


def render_exercise(exercise: Exercise, aliases: dict[str, list[str]] | None = None,
                    public_url: str = "") -> str:
    """The Markdown page (an HTML block that works without JavaScript) for one exercise.

    `aliases` maps a question id to old anchors that should still land on it."""
    return _ENV.get_template("exercise.md.j2").render(
        exercise=exercise, aliases=aliases or {}, permalink=permalink(exercise, public_url),
        qr=qr_path(exercise))


def qr_codes(exercises: Iterable[Exercise], public_url: str) -> dict[str, str]:
    """SVG files of each exercise's permanent link, by path in the site; none without an address."""
    if not public_url:
        return {}
    return {qr_path(exercise): qr_svg(permalink(exercise, public_url)) for exercise in exercises}


def render_catalog(exercises: Iterable[Exercise], public_url: str = "") -> str:
    """The counselors' catalog: every exercise with copy-link and assignment controls."""
    exercises = list(exercises)
    return _ENV.get_template("catalog.md.j2").render(
        groups=_by_practice(exercises), kinds={e.id: kinds_of(e) for e in exercises},
        public_url=public_url, note_cap=NOTE_CAP)


def render_assignment(exercises: Iterable[Exercise]) -> str:
    """The page a client opens from an assignment link; the runtime fills it in."""
    return _ENV.get_template("assignment.md.j2").render(exercises=list(exercises), note_cap=NOTE_CAP)


def render_tracker() -> str:
    """The bid tracker page; the runtime does the logging and the chart."""
    return _ENV.get_template("tracker.md.j2").render(
        note_cap=TRACKER_NOTE_CAP, toward_high=limits.TOWARD_STAYED,
        toward_low=limits.TOWARD_DIVORCED, fields=limits.BID_FIELDS)


def render_planner(rituals: Iterable[Ritual]) -> str:
    """The ritual planner page: every ritual with its suggested days and time."""
    return _ENV.get_template("planner.md.j2").render(rituals=list(rituals),
                                                     days=list(zip(limits.DAYS, limits.DAY_NAMES)))


def render_today(moments: Iterable[Moment]) -> str:
    """The home page's "small moment for today" block, the moments in their daily order."""
    return _ENV.get_template("today.html.j2").render(moments=daily_order(list(moments)))


def render_redirect(target: str, anchors: dict[str, str]) -> str:
    """A standalone page that sends an old address on to its new one, also from file://."""
    return _ENV.get_template("redirect.html.j2").render(target=target, anchors=anchors)


def _by_practice(exercises: Iterable[Exercise]) -> list[tuple[object, list[Exercise]]]:
    exercises = list(exercises)
    groups = [
        (practice, [exercise for exercise in exercises if exercise.practice.id == practice.id])
        for practice in PRACTICES.values()
    ]
    return [group for group in groups if group[1]]


def render_index(exercises: Iterable[Exercise]) -> str:
    """The exercises index: every exercise grouped by practice, in practice order."""
    return _ENV.get_template("index.md.j2").render(groups=_by_practice(exercises))


def render_progress(exercises: Iterable[Exercise]) -> str:
    """The My progress page: every exercise by practice; the runtime fills in each state."""
    return _ENV.get_template("progress.md.j2").render(groups=_by_practice(exercises))


def render_starter(exercise_id: str, kind: str, practice: Practice, path: str) -> str:
    """A commented starter exercise file of one kind that validates as it is."""
    return _ENV.get_template("starter.yml.j2").render(id=exercise_id, kind=kind,
                                                      practice=practice, path=path)
