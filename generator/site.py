"""The site plan: one function from the project folder to all its problems or the complete plan.

Every adapter (the MkDocs plugin, the Zensical staging build, `python -m generator check` and
`urls`) calls `plan_site` and translates what it returns; none of them assembles a build itself."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .address import page_address
from .assets import RUNTIME_DIR, finish_runtime
from .cache import PlanCache
from .collect import collect, display_path, guide_pages
from .daily import Daily, load_daily
from .folders import content_problems
from .helplines import load_helplines
from .limits import runtime_settings
from .model import Exercise
from .practices import PRACTICES
from .problems import Problem, sort_problems
from .offline import finish_site
from .publish import replace_folder
from .render import (ASSIGNMENT_PAGE_PATH, CATALOG_PAGE_PATH, COUNSELOR_LISTS_MARKER,
                     HELPLINE_MARKERS, HOLD, INDEX_PAGE_PATH, PLANNER_PAGE_PATH,
                     PRACTICE_CARDS_MARKER, PROGRESS_PAGE_PATH, QUICK_EXIT_MARKER, TODAY_MARKER,
                     TRACKER_PAGE_PATH, WORKBOOK_PAGE_PATH, PageSource, exercise_page_path,
                     qr_code, qr_path, render_assignment, render_catalog, render_counselor_lists,
                     render_exercise, render_helpline_blocks, render_index, render_planner,
                     render_practice_cards, render_progress, render_quick_exit_name,
                     render_redirect, render_today, render_tracker, render_workbook)
from .urls import manifest, plan as plan_links

__all__ = ["HOLD", "INDEX_PAGE_PATH", "expand_menu", "RUNTIME_DIR", "Output", "PageSource", "Plan",
           "PlanCache", "Settings", "finish_runtime", "finish_site", "plan_site", "replace_folder",
           "runtime_settings"]

MANIFEST_PATH = "urls.txt"
T = TypeVar("T")


def expand_menu(nav: list[object], index: str, pages: list[dict[str, str]]) -> bool:
    """In a menu written as mkdocs.yml's `nav:`, turn the entry for the exercises index into a
    section: "All exercises" first, then `pages` (each {title: content path}). Both engines'
    adapters use it; False when the menu has no such entry."""
    for position, entry in enumerate(nav):
        if entry == index or (isinstance(entry, dict) and index in entry.values()):
            title = next(iter(entry)) if isinstance(entry, dict) else "Exercises"
            nav[position] = {title: [{"All exercises": index}, *pages]}
            return True
        if isinstance(entry, dict):
            for children in entry.values():
                if isinstance(children, list) and expand_menu(children, index, pages):
                    return True
    return False


@dataclass(frozen=True)
class Settings:
    """Where a project keeps its parts, and the choices a site is built with."""

    root: Path
    content: str = "content"
    exercises: str = "exercises"
    daily: str = "daily"
    data: str = "data"
    published: str = "published-urls.txt"
    redirects: str = "redirects.yml"
    public_url: str = ""
    nav_limit: int = 60
    quick_exit_name: str | None = None

    def folder(self, name: str) -> Path:
        """A project folder by its setting's value, relative to the root unless absolute."""
        path = Path(name)
        return path if path.is_absolute() else self.root / path


@dataclass(frozen=True)
class Output:
    """One generated file: where it goes, its public address, and what makes its content.

    A page's `path` is in the content folder (it is a Markdown page an engine renders); a
    file's `path` is in the built site (written as it is). `hidden` pages are reachable by
    links only: no engine lists them in its menu on its own."""

    path: str
    address: str
    page: bool
    hidden: bool
    render: Callable[[], PageSource | str] = field(compare=False, repr=False)


@dataclass
class Plan:
    """Everything a build needs, or the problems that stop it (then nothing else is set)."""

    problems: list[Problem] = field(default_factory=list)
    outputs: list[Output] = field(default_factory=list)
    guide: list[str] = field(default_factory=list)
    menu: list[tuple[str, str]] = field(default_factory=list)
    blocks: dict[str, str] = field(default_factory=dict)
    urls: list[str] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    daily: Daily = field(default_factory=Daily)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def manifest(self) -> str:
        """The text of the manifest of public addresses (`urls.txt`)."""
        return manifest(self.urls)

    def fill(self, markdown: str) -> str:
        """A guide page's Markdown with every block marker it holds replaced."""
        for marker, block in self.blocks.items():
            if marker in markdown:
                markdown = markdown.replace(marker, block)
        return markdown

    def counts(self) -> dict[str, object]:
        """How much the guide offers: exercises and questions, by practice and by kind."""
        by_practice = {practice: 0 for practice in PRACTICES}
        kinds: dict[str, set[str]] = {}
        for exercise in self.exercises:
            by_practice[exercise.practice.id] += 1
            for question in exercise.questions:
                kinds.setdefault(question.kind, set()).add(exercise.practice.id)
        return {"exercises": len(self.exercises),
                "questions": sum(len(exercise.questions) for exercise in self.exercises),
                "by_practice": by_practice,
                "practices_by_kind": {kind: len(used) for kind, used in sorted(kinds.items())}}


def _pages_showing(content: Path, guide: set[str], markers: tuple[str, ...]) -> dict[str, str]:
    """For each marker, the first guide page that shows it."""
    found: dict[str, str] = {}
    for page in sorted(guide):
        text = (content / page).read_text(encoding="utf-8", errors="replace")
        for marker in markers:
            if marker in text:
                found.setdefault(marker, page)
    return found


def _page_table(exercises: list[Exercise], daily: Daily, public_url: str,
                aliases: dict[str, dict[str, list[str]]], cache: PlanCache | None = None
                ) -> dict[str, Callable[[], PageSource]]:
    """Every generated page's content path, each with what renders it: the one list of pages.

    With a `cache`, each render is kept by everything it reads (see _keep)."""
    everything = tuple(exercises)
    keep = cache.piece if cache is not None else None
    pages: dict[str, Callable[[], PageSource]] = {
        INDEX_PAGE_PATH: _keep(cache, (INDEX_PAGE_PATH, everything),
                               lambda: render_index(exercises, keep)),
        PROGRESS_PAGE_PATH: _keep(cache, (PROGRESS_PAGE_PATH, everything),
                                  lambda: render_progress(exercises, keep)),
        CATALOG_PAGE_PATH: _keep(cache, (CATALOG_PAGE_PATH, everything, public_url),
                                 lambda: render_catalog(exercises, public_url, keep)),
        ASSIGNMENT_PAGE_PATH: _keep(cache, (ASSIGNMENT_PAGE_PATH, everything),
                                    lambda: render_assignment(exercises, keep)),
        WORKBOOK_PAGE_PATH: _keep(cache, (WORKBOOK_PAGE_PATH, everything, public_url),
                                  lambda: render_workbook(exercises, public_url, keep)),
        TRACKER_PAGE_PATH: _keep(cache, (TRACKER_PAGE_PATH,), render_tracker)}
    if daily.rituals:
        pages[PLANNER_PAGE_PATH] = _keep(cache, (PLANNER_PAGE_PATH, repr(daily.rituals)),
                                         lambda: render_planner(daily.rituals))
    for exercise in exercises:
        path = exercise_page_path(exercise)
        shown = aliases.get(page_address(path))
        pages[path] = _keep(cache, (path, exercise, repr(shown), public_url),
                            functools.partial(render_exercise, exercise, shown, public_url))
    return pages


def _keep(cache: PlanCache | None, key: tuple[object, ...], render: Callable[[], T]) -> Callable[[], T]:
    """`render`, kept in `cache` (if any) by `key`: the output's path and everything it reads.

    An exercise is a frozen value, so it stands for its own content."""
    return render if cache is None else cache.rendered(key, render)


def plan_site(settings: Settings, cache: PlanCache | None = None) -> Plan:
    """Read, validate and plan the whole site: every problem at once, or the complete plan.

    An adapter that plans the same project again and again (`mkdocs serve`) passes the same
    `cache` each time: unchanged exercise files are not read again, nor unchanged pages
    rendered again. The plan is the same as without it."""
    if cache is not None:
        cache.start()
    content = settings.folder(settings.content)
    # A link in the content folder that leads outside it is refused before any page is read.
    escaped = content_problems(content, settings.root) if content.is_dir() else []
    if escaped:
        return Plan(problems=escaped)
    # Without a content folder (checking exercises on their own), pages are not checked.
    known = guide_pages(content) if content.is_dir() else None
    guide = known or set()
    collection = collect([settings.folder(settings.exercises)], settings.root, pages=known,
                         cache=cache)
    daily = load_daily(settings.folder(settings.daily), settings.root, pages=known)
    showing = _pages_showing(content, guide, (*HELPLINE_MARKERS, TODAY_MARKER,
                                              PRACTICE_CARDS_MARKER, COUNSELOR_LISTS_MARKER))
    helpline_page = next((showing[m] for m in HELPLINE_MARKERS if m in showing), "")
    helplines = load_helplines(settings.folder(settings.data), settings.root,
                               f"{display_path(content, settings.root)}/{helpline_page}"
                               if helpline_page else "")
    problems = list(collection.problems) + daily.problems + helplines.problems
    if problems:
        return Plan(problems=sort_problems(problems))

    exercises = collection.exercises
    paths = list(_page_table(exercises, daily, settings.public_url, {}))
    links = plan_links(settings.root, sorted(guide | set(paths)), exercises,
                       settings.published, settings.redirects)
    if links.problems:
        return Plan(problems=links.problems)
    pages = _page_table(exercises, daily, settings.public_url, links.aliases, cache)

    listed = exercises if len(exercises) <= settings.nav_limit else []
    in_menu = {exercise_page_path(exercise) for exercise in listed}
    outputs = [Output(path, page_address(path), True,
                      path in (ASSIGNMENT_PAGE_PATH, WORKBOOK_PAGE_PATH)
                      or (path.startswith("exercises/") and path != INDEX_PAGE_PATH
                          and path not in in_menu), render)
               for path, render in pages.items()]
    files: dict[str, Callable[[], str]] = {MANIFEST_PATH: lambda: manifest(links.urls)}
    if settings.public_url:
        for exercise in exercises:
            files[qr_path(exercise)] = _keep(cache, (qr_path(exercise), exercise, settings.public_url),
                                             functools.partial(qr_code, exercise, settings.public_url))
    for old, redirect in links.redirects.items():
        files[old] = functools.partial(render_redirect, str(redirect["target"]),
                                       dict(redirect["anchors"]))  # type: ignore[call-overload]
    outputs += [Output(path, path, False, True, render) for path, render in files.items()]

    blocks = render_helpline_blocks(helplines, showing)
    blocks[QUICK_EXIT_MARKER] = render_quick_exit_name(settings.quick_exit_name)
    if COUNSELOR_LISTS_MARKER in showing:
        blocks[COUNSELOR_LISTS_MARKER] = render_counselor_lists(
            exercises, showing[COUNSELOR_LISTS_MARKER], cache.piece if cache is not None else None)
    if daily.moments:
        blocks[TODAY_MARKER] = render_today(daily.moments, showing.get(TODAY_MARKER, "index.md"))
    blocks[PRACTICE_CARDS_MARKER] = render_practice_cards(
        exercises, showing.get(PRACTICE_CARDS_MARKER, "index.md"))
    if cache is not None:
        cache.complete()
    return Plan(outputs=outputs, guide=sorted(guide),
                menu=[(exercise.title, exercise_page_path(exercise)) for exercise in listed],
                blocks=blocks, urls=links.urls, exercises=exercises, daily=daily)
