"""The thin MkDocs adapter: validate before anything is cleaned, then add the generated pages."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from .assets import RUNTIME_DIR, finish_runtime
from .collect import Collection, collect, guide_pages
from .daily import Daily, load_daily
from .limits import runtime_settings
from .render import (ASSIGNMENT_PAGE_PATH, INDEX_PAGE_PATH, TODAY_MARKER, exercise_page_path,
                     generated_pages, generated_paths, hold_body, qr_codes, render_redirect,
                     render_today, restore_body)
from .urls import LinkPlan, manifest, plan

log = logging.getLogger("mkdocs.plugins.small_moments")


# Material 9.8 puts autocomplete="off" on two checkboxes in base.html, outside any block a
# custom_dir can override; the Nu HTML checker reports each as an error on every page.
MARKUP_FIXES = (
    ('type="checkbox" id="__drawer" autocomplete="off"', 'type="checkbox" id="__drawer"'),
    ('type="checkbox" id="__search" autocomplete="off"', 'type="checkbox" id="__search"'),
    # Its search dialog has no accessible name (Lighthouse: aria-dialog-name).
    ('<div class="md-search" data-md-component="search" role="dialog">',
     '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'),
)


def fix_markup(output: str) -> str:
    """Apply MARKUP_FIXES to a rendered page."""
    for old, new in MARKUP_FIXES:
        output = output.replace(old, new)
    return output


class SmallMomentsConfig(Config):
    """Options under `plugins: - small-moments:` in mkdocs.yml."""

    exercises_dir = c.Type(str, default="exercises")
    published = c.Type(str, default="published-urls.txt")
    redirects = c.Type(str, default="redirects.yml")
    public_url = c.Type(str, default="")
    daily_dir = c.Type(str, default="daily")
    nav_limit = c.Type(int, default=60)


def _expand_nav(nav: list[Any], pages: list[dict[str, str]]) -> bool:
    """Turn the nav entry for the exercises index into a section listing every exercise."""
    for position, entry in enumerate(nav):
        if entry == INDEX_PAGE_PATH or (isinstance(entry, dict) and INDEX_PAGE_PATH in entry.values()):
            title = next(iter(entry)) if isinstance(entry, dict) else "Exercises"
            nav[position] = {title: [{"All exercises": INDEX_PAGE_PATH}, *pages]}
            return True
        if isinstance(entry, dict):
            for children in entry.values():
                if isinstance(children, list) and _expand_nav(children, pages):
                    return True
    return False


class SmallMomentsPlugin(BasePlugin[SmallMomentsConfig]):
    """Validates `exercises/` at configuration time and adds one page per exercise."""

    def __init__(self) -> None:
        self.collection = Collection()
        self.exercises_dir = Path("exercises")
        self.daily_dir = Path("daily")
        self.daily = Daily()
        self.links = LinkPlan([], [], {}, {})
        self.pages: dict[str, str] = {}
        self.in_nav: set[str] = set()
        self.held: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.extra["small_moments"] = runtime_settings()  # main.html writes it as JSON
        project = Path(config.config_file_path).resolve().parent
        self.exercises_dir = project / self.config.exercises_dir
        self.daily_dir = project / self.config.daily_dir
        content = guide_pages(Path(config.docs_dir))
        self.collection = collect([self.exercises_dir], pages=content)
        self.daily = load_daily(self.daily_dir, project)
        problems = list(self.collection.problems) + self.daily.problems
        if self.collection.ok:
            pages = generated_paths(self.collection.exercises, self.daily.rituals)
            self.links = plan(project, sorted(content | set(pages)), self.collection.exercises,
                              self.config.published, self.config.redirects)
            problems += self.links.problems
        if problems:
            for problem in problems:
                log.error(str(problem))
            count = len(problems)
            raise PluginError(f"{count} problem{'s' if count != 1 else ''} in the exercises, "
                              "daily files or links; nothing was built and the site folder was "
                              "left as it was.")
        self.pages = generated_pages(self.collection.exercises, self.links.aliases,
                                     self.config.public_url, self.daily.rituals)
        # A menu listing every exercise is rendered into every page: past a limit, the build
        # slows more than linearly (bench/), so the menu then shows only "All exercises".
        exercises = self.collection.exercises
        listed = exercises if len(exercises) <= self.config.nav_limit else []
        self.in_nav = {exercise_page_path(exercise) for exercise in listed}
        if isinstance(config.nav, list):
            # Themes print nav titles unescaped; escape them here, as the page titles are.
            pages = [{str(escape(exercise.title)): exercise_page_path(exercise)}
                     for exercise in exercises if exercise_page_path(exercise) in self.in_nav]
            _expand_nav(config.nav, pages)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        generated = dict(self.pages)
        generated["urls.txt"] = manifest(self.links.urls)
        generated.update(qr_codes(self.collection.exercises, self.config.public_url))
        for old, page in self.links.redirects.items():
            generated[old] = render_redirect(str(page["target"]), dict(page["anchors"]))  # type: ignore[call-overload]
        for src_uri, content in generated.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"{config.docs_dir}/{src_uri} exists, but that page is generated "
                                  "from the exercises; remove or rename the file")
            # The assignment page is reached from a counselor's link, not from the menu.
            hidden = (src_uri == ASSIGNMENT_PAGE_PATH or not src_uri.endswith(".md")
                      or (src_uri.startswith("exercises/") and src_uri != INDEX_PAGE_PATH
                          and src_uri not in self.in_nav))
            files.append(File.generated(config, src_uri, content=content,
                                        inclusion=InclusionLevel.NOT_IN_NAV if hidden
                                        else InclusionLevel.UNDEFINED))
        return files

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Files) -> str:
        if TODAY_MARKER in markdown and self.daily.moments:
            return markdown.replace(TODAY_MARKER, render_today(self.daily.moments))
        if page.file.src_uri in self.pages:
            # The exercise's HTML block needs nothing from Markdown, whose raw-HTML parser
            # costs more than the rest of the page; it goes back in on_page_content.
            markdown, body = hold_body(markdown)
            if body:
                self.held[page.file.src_uri] = body
        return markdown

    def on_page_content(self, html: str, page: Any, config: MkDocsConfig, files: Files) -> str:
        body = self.held.pop(page.file.src_uri, None)
        return html if body is None else restore_body(html, body)

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        return fix_markup(output)

    def on_post_template(self, output_content: str, template_name: str,
                         config: MkDocsConfig) -> str:
        return fix_markup(output_content)

    def on_post_build(self, config: MkDocsConfig) -> None:
        finish_runtime(Path(config.site_dir) / RUNTIME_DIR)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.exercises_dir))
        if self.daily_dir.is_dir():
            server.watch(str(self.daily_dir))
        rebuild = server.builder

        def rebuild_keeping_the_last_good_site() -> None:
            # A bad save: the problems are already logged; MkDocs would add a traceback.
            try:
                rebuild()
            except Abort:
                log.error("The last good version of the site is still being served. "
                          "Fix the problems above and save: the page reloads by itself.")

        server.builder = rebuild_keeping_the_last_good_site
        return server
