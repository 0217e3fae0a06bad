"""Render validated exercises into Markdown pages through Jinja2 templates."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable, Iterable

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from . import inline
from .address import Linker, page_address
from .address import exercise_page_path as _page_of_id
from .model import Exercise, fingerprint
from .daily import Moment, Ritual, daily_order
from .helplines import Helplines
from .practices import PRACTICES, Practice
from .qr import qr_svg
from . import limits

# What keeps one exercise's entry in a list page across plans (PlanCache.piece): the entry's
# key (template, page, exercise, values) and how to render it.
Keep = Callable[[Hashable, Callable[[], Markup]], Markup]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def markdown_text(value: str) -> Markup:
    """Escape plain text for a Markdown line: HTML-escape, then backslash Markdown syntax."""
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(value))))


_OPENING = re.compile(r"(^|[\s(\[\u2014\u2013])([\"'])")


def curly_quotes(value: str) -> str:
    """Plain text with typewriter quotes made typographic, as Markdown's smarty does for prose:
    a quote after a space or a bracket (or at the start) opens, any other one closes."""
    opened = _OPENING.sub(lambda m: m.group(1) + ("\u201c" if m.group(2) == '"' else "\u2018"),
                          str(value))
    return opened.replace('"', "\u201d").replace("'", "\u2019")


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # The templates are the package's own: no build needs to look for changes to them.
        auto_reload=False,
    )
    env.filters["md"] = markdown_text
    env.filters["curly"] = curly_quotes
    env.filters["fingerprint"] = fingerprint
    module = env.get_template("inline.html.j2").module

    @pass_context
    def text(context: Context, value: str) -> Markup:
        """An author's text field as inline markup, its links made from the page being rendered."""
        return module.render(inline.parse(value), context["link"])  # type: ignore[attr-defined]

    @pass_context
    def piece(context: Context, template: str, exercise: Exercise, **values: Hashable) -> Markup:
        """One exercise's entry in a page that lists many (`template` with `exercise` and
        `values`), from the page's keeper when it has one: under serve, an unchanged exercise's
        entry is not rendered again."""
        link = context["link"]

        def render() -> Markup:
            return Markup(env.get_template(template).render(link=link, exercise=exercise,
                                                            **values))

        keep = context.get("keep")
        return render() if keep is None else keep((template, link.path, exercise,
                                                   tuple(sorted(values.items()))), render)

    env.globals["text"] = text
    env.globals["piece"] = piece
    env.globals["page_of"] = exercise_page_path
    env.globals["address"] = lambda exercise: page_address(exercise_page_path(exercise))
    env.globals["pair_word_min"] = limits.PAIR_WORD_MIN
    return env


def exercise_page_path(exercise: Exercise) -> str:
    """Where an exercise's page lives, relative to the content folder."""
    return _page_of_id(exercise.id)


_ENV = _environment()


INDEX_PAGE_PATH = "exercises/index.md"
PROGRESS_PAGE_PATH = "progress.md"
CATALOG_PAGE_PATH = "catalog.md"
ASSIGNMENT_PAGE_PATH = "assignment.md"
WORKBOOK_PAGE_PATH = "workbook.md"
NOTE_CAP = limits.ASSIGNMENT_NOTE_CAP
TRACKER_NOTE_CAP = limits.BID_NOTE_CAP
# A line in a guide page (the home page) that the day's small moment replaces.
TODAY_MARKER = "<!-- small-moments: today -->"
# A line in a guide page (the home page) that the practices' cards replace.
PRACTICE_CARDS_MARKER = "<!-- small-moments: practice-cards -->"
# Lines in guide pages that the helplines replace: the Safety page's full list, the home page's
# box, and References' list of where each was checked.
HELPLINES_MARKER = "<!-- small-moments: helplines -->"
HELPLINES_HOME_MARKER = "<!-- small-moments: helplines-home -->"
HELPLINE_SOURCES_MARKER = "<!-- small-moments: helpline-sources -->"
# Where the Safety page names the quick exit's destination (mkdocs.yml, extra.quick_exit.name).
QUICK_EXIT_MARKER = "<!-- small-moments: quick-exit -->"
# The counselor's lists kept in this browser, on a guide page (the home page).
COUNSELOR_LISTS_MARKER = "<!-- small-moments: counselor-lists -->"
HELPLINE_MARKERS = (HELPLINES_MARKER, HELPLINES_HOME_MARKER, HELPLINE_SOURCES_MARKER)
HELPLINE_GROUPS = (
    ("emergency", "In an emergency",
     "If you or someone else is in danger right now, call the emergency number where you are. "
     "You do not need to be sure it is serious enough."),
    ("abuse", "If you feel afraid of your partner",
     "These services are free and confidential. The people who answer listen, help you think "
     "about your safety, and know what help there is near you. You do not need to be sure that "
     "what is happening counts as abuse to call them."),
    ("crisis", "If you are thinking about suicide, or feel you cannot cope",
     "These lines are for anyone in deep distress, about anything."),
    ("directory", "Anywhere else",
     "For every other country, this directory lists helplines that it has checked."),
)
TRACKER_PAGE_PATH = "bid-tracker.md"
PLANNER_PAGE_PATH = "ritual-planner.md"
# Where a generated page's HTML block goes in its Markdown. The block is plain HTML already, so
# an engine may keep it away from its Markdown parser and put it back after (see PageSource).
HOLD = "<!-- small-moments: html block -->"
# The exercise template marks its HTML block with these two comments; render.py lifts it out.
_BODY_START = "<!-- small-moments: body -->\n"
_BODY_END = "\n<!-- small-moments: end of body -->"


@dataclass(frozen=True)
class PageSource:
    """A generated page: its Markdown, with HOLD where an HTML block (if any) goes."""

    markdown: str
    html: str = ""

    @property
    def text(self) -> str:
        """The whole page as one Markdown file, as any engine reads it."""
        return self.markdown.replace(HOLD, self.html, 1) if self.html else self.markdown


def _split_body(page: str) -> PageSource:
    start = page.find(_BODY_START)
    end = page.find(_BODY_END, start)
    if start < 0 or end < 0:
        return PageSource(page)
    return PageSource(page[:start] + HOLD + page[end + len(_BODY_END):],
                      page[start + len(_BODY_START):end])
KIND_NAMES = {"single": "choose one", "multiple": "choose all that apply", "sort": "sort",
              "order": "put in order", "write": "write your own"}


def kinds_of(exercise: Exercise) -> str:
    """The kinds of question in an exercise, in plain words, in order of first use."""
    return ", ".join(dict.fromkeys(KIND_NAMES[question.kind] for question in exercise.questions))


def permalink(exercise: Exercise, public_url: str) -> str:
    """The exercise's absolute permanent link, or "" when the published address is not known."""
    if not public_url:
        return ""
    return public_url.rstrip("/") + "/" + page_address(exercise_page_path(exercise))


def qr_path(exercise: Exercise) -> str:
    """Where the QR code of an exercise's permanent link is written in the site."""
    return f"assets/qr/{exercise.id}.svg"


def _render(template: str, path: str, **values: object) -> str:
    """Render a template for the page at content path `path`: its links start from there."""
    return _ENV.get_template(template).render(link=Linker(path), **values)


def render_exercise(exercise: Exercise, aliases: dict[str, list[str]] | None = None,
                    public_url: str = "") -> PageSource:
    """One exercise's page: an HTML block that works without JavaScript, and a closing line.

    `aliases` maps a question id to old anchors that should still land on it."""
    path = exercise_page_path(exercise)
    return _split_body(_render(
        "exercise.md.j2", path, exercise=exercise, aliases=aliases or {},
        permalink=permalink(exercise, public_url), public_url=public_url, qr=qr_path(exercise)))


def qr_code(exercise: Exercise, public_url: str) -> str:
    """The SVG file of an exercise's permanent link."""
    return qr_svg(permalink(exercise, public_url))


def render_catalog(exercises: Iterable[Exercise], public_url: str = "",
                   keep: Keep | None = None) -> PageSource:
    """The counselors' catalog: every exercise with copy-link and assignment controls."""
    exercises = list(exercises)
    return _split_body(_render(
        "catalog.md.j2", CATALOG_PAGE_PATH, groups=_by_practice(exercises),
        kinds={e.id: kinds_of(e) for e in exercises}, public_url=public_url, note_cap=NOTE_CAP,
        keep=keep))


def render_workbook(exercises: Iterable[Exercise], public_url: str = "",
                    keep: Keep | None = None) -> PageSource:
    """The workbook: every exercise as a worksheet in one booklet, with a cover and contents;
    the runtime narrows it to a practice or a chosen set. QR codes only with a public address."""
    exercises = list(exercises)
    return _split_body(_render(
        "workbook.md.j2", WORKBOOK_PAGE_PATH, groups=_by_practice(exercises),
        total=len(exercises), questions=sum(len(e.questions) for e in exercises),
        public_url=public_url, permalinks={e.id: permalink(e, public_url) for e in exercises},
        qr={e.id: qr_path(e) for e in exercises}, keep=keep))


def render_assignment(exercises: Iterable[Exercise], keep: Keep | None = None) -> PageSource:
    """The page a client opens from an assignment link; the runtime fills it in."""
    return _split_body(_render("assignment.md.j2", ASSIGNMENT_PAGE_PATH,
                              exercises=list(exercises), note_cap=NOTE_CAP, keep=keep))


def render_tracker() -> PageSource:
    """The bid tracker page; the runtime does the logging and the chart."""
    return PageSource(_render("tracker.md.j2", TRACKER_PAGE_PATH, note_cap=TRACKER_NOTE_CAP,
                              toward_high=limits.TOWARD_STAYED,
                              toward_low=limits.TOWARD_DIVORCED, fields=limits.BID_FIELDS,
                              lines_from=limits.RESEARCH_LINES_FROM))


def render_planner(rituals: Iterable[Ritual]) -> PageSource:
    """The ritual planner page: every ritual with its suggested days and time."""
    return PageSource(_render("planner.md.j2", PLANNER_PAGE_PATH, rituals=list(rituals),
                              days=list(zip(limits.DAYS, limits.DAY_NAMES))))


def render_index(exercises: Iterable[Exercise], keep: Keep | None = None) -> PageSource:
    """The exercises index: every exercise grouped by practice, in practice order."""
    return PageSource(_render("index.md.j2", INDEX_PAGE_PATH, groups=_by_practice(exercises),
                              keep=keep))


def render_progress(exercises: Iterable[Exercise], keep: Keep | None = None) -> PageSource:
    """The My progress page: every exercise by practice; the runtime fills in each state."""
    exercises = list(exercises)
    return _split_body(_render("progress.md.j2", PROGRESS_PAGE_PATH,
                              groups=_by_practice(exercises), prompts=reply_prompts(exercises),
                              keep=keep))


def reply_prompts(exercises: Iterable[Exercise]) -> dict[str, dict[str, str]]:
    """Each write-your-own question's prompt in plain words, by exercise id and question id:
    the summary for a counselor shows each reply under its prompt."""
    prompts: dict[str, dict[str, str]] = {}
    for exercise in exercises:
        written = {question.id: inline.plain(inline.parse(question.prompt)).strip()
                   for question in exercise.questions if question.kind == "write"}
        if written:
            prompts[exercise.id] = written
    return prompts


def render_helpline_blocks(helplines: Helplines, path_of: dict[str, str]) -> dict[str, str]:
    """The helplines' three blocks, by the marker line each one replaces (none without any).

    `path_of` names, for each marker, the content page it appears on (its links start there)."""
    if not helplines.services:
        return {}
    checked = max(service.checked for service in helplines.services)
    blocks = {
        HELPLINES_MARKER: ("helplines.html.j2", {
            "helplines": helplines, "groups": HELPLINE_GROUPS,
            "checked": f"{checked.day} {checked:%B %Y}"}),
        HELPLINES_HOME_MARKER: ("helplines-home.html.j2", {
            "emergency": [s for s in helplines.on_home if s.kind == "emergency"],
            "services": [s for s in helplines.on_home if s.kind != "emergency"]}),
        HELPLINE_SOURCES_MARKER: ("helpline-sources.html.j2", {"helplines": helplines}),
    }
    return {marker: _render(template, path_of.get(marker, "index.md"), **values)
            for marker, (template, values) in blocks.items()}


def render_quick_exit_name(name: str | None) -> str:
    """The quick exit's destination in words, for the Safety page's description of it."""
    return str(markdown_text(name)) if name else "a blank page"


def render_today(moments: Iterable[Moment], path: str = "index.md") -> str:
    """The home page's "small moment for today" block, the moments in their daily order."""
    return _render("today.html.j2", path, moments=daily_order(list(moments)))


def render_practice_cards(exercises: Iterable[Exercise], path: str = "index.md") -> str:
    """The home page's cards: each practice with a line about it and its exercises' time."""
    groups = [(practice, len(group), sum(exercise.minutes for exercise in group))
              for practice, group in _by_practice(exercises) if practice.summary]  # type: ignore[attr-defined]
    return _render("practice-cards.html.j2", path, groups=groups)


def render_counselor_lists(exercises: Iterable[Exercise], path: str = "index.md",
                           keep: Keep | None = None) -> str:
    """The block that lists the counselor's lists kept in this browser, for a guide page."""
    return _render("counselor-lists.html.j2", path, heading="From your counselor",
                   removable=False, items=list(exercises), keep=keep)


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


def render_starter(exercise_id: str, kind: str, practice: Practice, path: str) -> str:
    """A commented starter exercise file of one kind that validates as it is."""
    return _ENV.get_template("starter.yml.j2").render(id=exercise_id, kind=kind,
                                                      practice=practice, path=path)
