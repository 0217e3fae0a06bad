"""The MkDocs adapter: it translates the site plan (generator/site.py) into MkDocs' terms.

Everything it knows of the project comes from `plan_site`; what is MkDocs' or Material's own
business (how generated files, the menu and errors are handed over, keeping HTML blocks away
from Markdown, fixing Material's markup, watching folders under `serve`) stays here."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import CountHandler

from .site import (HOLD, INDEX_PAGE_PATH, RUNTIME_DIR, PageSource, Plan, Settings, expand_menu,
                   finish_runtime, plan_site, replace_folder, runtime_settings)

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
    data_dir = c.Type(str, default="data")
    nav_limit = c.Type(int, default=60)


def settings_from(config: MkDocsConfig, options: SmallMomentsConfig) -> Settings:
    """The plan's settings from mkdocs.yml and the plugin's options."""
    root = Path(config.config_file_path).resolve().parent
    quick_exit = config.extra.get("quick_exit") or {}
    return Settings(root=root, content=str(Path(config.docs_dir).resolve()),
                    exercises=options.exercises_dir, daily=options.daily_dir,
                    data=options.data_dir, published=options.published,
                    redirects=options.redirects, public_url=options.public_url,
                    nav_limit=options.nav_limit, quick_exit_name=quick_exit.get("name"))


class SmallMomentsPlugin(BasePlugin[SmallMomentsConfig]):
    """Adds the planned pages and files to the build, and the planned blocks to guide pages."""

    # Keep generated HTML blocks away from Markdown (a test turns it off to compare the pages).
    hold_html = True

    def __init__(self) -> None:
        self.plan = Plan()
        self.settings: Settings | None = None
        self.held: dict[str, str] = {}
        self.site_dir: Path | None = None
        self.scratch: Path | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Plan the site before MkDocs touches the site folder; stop on any problem."""
        config.extra["small_moments"] = runtime_settings()  # main.html writes it as JSON
        self.settings = settings_from(config, self.config)
        self.plan = plan_site(self.settings)
        if not self.plan.ok:
            for problem in self.plan.problems:
                log.error(str(problem))
            count = len(self.plan.problems)
            raise PluginError(f"{count} problem{'s' if count != 1 else ''} in the exercises, "
                              "daily files, data or links; nothing was built and the site "
                              "folder was left as it was.")
        if isinstance(config.nav, list):
            # Themes print nav titles unescaped; escape them here, as the page titles are.
            expand_menu(config.nav, INDEX_PAGE_PATH,
                       [{str(escape(title)): path} for title, path in self.plan.menu])
        # Build into a fresh folder beside the site; it replaces the site only when the whole
        # build succeeded (on_post_build), so a failure never leaves a worse site than before.
        self.site_dir = Path(config.site_dir).resolve()
        self.scratch = self.site_dir.with_name(f".{self.site_dir.name}.building-{os.getpid()}")
        if self.scratch.exists():
            shutil.rmtree(self.scratch)
        config["site_dir"] = str(self.scratch)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Hand every planned output to MkDocs as a generated file."""
        self.held = {}
        for output in self.plan.outputs:
            if files.get_file_from_path(output.path) is not None:
                raise PluginError(f"{config.docs_dir}/{output.path} exists, but that page is "
                                  "generated from the exercises; remove or rename the file")
            content = output.render()
            if isinstance(content, PageSource):
                # The HTML block needs nothing from Markdown, whose raw-HTML parser costs more
                # than the rest of the page: it goes back in on_page_content.
                if content.html and self.hold_html:
                    self.held[output.path] = content.html
                content = content.markdown if self.hold_html else content.text
            files.append(File.generated(config, output.path, content=content,
                                        inclusion=InclusionLevel.NOT_IN_NAV if output.hidden
                                        else InclusionLevel.UNDEFINED))
        return files

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Files) -> str:
        """Fill a guide page's block markers (helplines, today's moment, the quick exit)."""
        return self.plan.fill(markdown)

    def on_page_content(self, html: str, page: Any, config: MkDocsConfig, files: Files) -> str:
        """Put a generated page's HTML block back where Markdown left its marker."""
        block = self.held.get(page.file.src_uri)
        return html if block is None else html.replace(HOLD, block, 1)

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        return fix_markup(output)

    def on_post_template(self, output_content: str, template_name: str,
                         config: MkDocsConfig) -> str:
        return fix_markup(output_content)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Minify and bundle the runtime, then put the new site in place unless the build has
        already failed: in strict mode, MkDocs counts warnings and aborts only after this hook."""
        finish_runtime(Path(config.site_dir) / RUNTIME_DIR)
        warned = config.strict and any(
            handler.get_counts() for handler in logging.getLogger("mkdocs").handlers
            if isinstance(handler, CountHandler))
        if self.scratch is None or self.site_dir is None:
            return
        if warned:
            log.error(f"The build had warnings in strict mode; {self.site_dir} was left as it was.")
            shutil.rmtree(self.scratch, ignore_errors=True)
        else:
            replace_folder(self.scratch, self.site_dir)
        config["site_dir"] = str(self.site_dir)

    def on_build_error(self, error: Exception) -> None:
        """A build that failed leaves the site as it was; its fresh folder goes."""
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Watch the exercise and data folders; a bad save keeps the last good site served."""
        if self.settings is not None:
            for name in (self.settings.exercises, self.settings.daily, self.settings.data):
                folder = self.settings.folder(name)
                if folder.is_dir():
                    server.watch(str(folder))
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
