"""The MkDocs adapter: it translates the site plan (generator/site.py) into MkDocs' terms.

Everything it knows of the project comes from `plan_site`; what is MkDocs' or Material's own
business (how generated files, the menu and errors are handed over, keeping HTML blocks away
from Markdown, fixing Material's markup, watching folders under `serve`) stays here."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import CountHandler

from .site import (HOLD, INDEX_PAGE_PATH, PageSource, Plan, PlanCache, Settings, expand_menu,
                   finish_site, plan_site, replace_folder, runtime_settings)
from .warm import WarmTheme

log = logging.getLogger("mkdocs.plugins.small_moments")


# Material 9.8 puts autocomplete="off" on two checkboxes in base.html, outside any block a
# custom_dir can override; the Nu HTML checker reports each as an error on every page.
MARKUP_FIXES = (
    ('type="checkbox" id="__drawer" autocomplete="off"', 'type="checkbox" id="__drawer"'),
    ('type="checkbox" id="__search" autocomplete="off"', 'type="checkbox" id="__search"'),
    # Its search dialog has no accessible name (Lighthouse: aria-dialog-name).
    ('<div class="md-search" data-md-component="search" role="dialog">',
     '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'),
    # Its search results' scroll box is a Tab stop of no size while search is closed; the
    # results' own links are the stops that matter.
    ('<div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>',
     '<div class="md-search__scrollwrap" data-md-scrollfix>'),
)


# Material's search plugin skips an element with this attribute, and then removes every
# data-search-* attribute with a value from the page it indexed (its on_page_context).
SEARCH_EXCLUDE = "data-search-exclude"
SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
# What the search parser reads of a tag's attributes: a heading's id and a link's class (its
# permalinks); once excluded elements are gone, any other tag's attributes make no difference.
_ATTRIBUTES = re.compile(r"<(?!(?:h[1-6]|a)[\s/>])([a-zA-Z][a-zA-Z0-9-]*)\s[^<>]*?(/?)>")
# MkDocs warns at every --dirty build; with this plugin a dirty build is exact (see _plan).
DIRTY_WARNING = "A 'dirty' build is being performed"


def search_view(html: str) -> str:
    """`html` without the elements Material's search skips (`data-search-exclude`).

    Its index of either is the same, but its HTML parser reads every tag of what it is given;
    the answer blocks it skips are about half of an exercise page, and the attributes of the
    rest most of its tags' length. Left whole if unbalanced."""
    kept: list[str] = []
    start = 0
    while (found := html.find(SEARCH_EXCLUDE, start)) >= 0:
        opening = html.rfind("<", start, found)
        name = _TAG_NAME.match(html, opening) if opening >= 0 else None
        if name is None:
            return html
        depth, end = 0, -1
        for tag in re.compile(rf"<(/?){name.group(1)}[\s>]").finditer(html, opening):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = html.find(">", tag.end() - 1) + 1
                break
        if end <= 0:
            return html
        kept.append(html[start:opening])
        start = end
    kept.append(html[start:])
    return _ATTRIBUTES.sub(r"<\1\2>", "".join(kept))


def _stamp(paths: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """Every file under `paths` with its modification time and size."""
    found = []
    for path in paths:
        if path.is_file():
            stat = path.stat()
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
        elif path.is_dir():
            for folder, _, names in os.walk(path):
                for name in names:
                    stat = os.stat(os.path.join(folder, name))
                    found.append((os.path.join(folder, name), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(found))


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


def _unmodified() -> bool:
    return False


def _modified() -> bool:
    return True


class _Held:
    """Generated pages' HTML blocks from on_files until each page is built.

    A build keeps them in a temporary folder, so it never holds every page's block at once;
    `mkdocs serve` keeps them in memory (its plan cache holds them anyway)."""

    def __init__(self, on_disk: bool) -> None:
        self.blocks: dict[str, str] = {}
        self.on_disk = on_disk
        self.folder: str | None = None

    def put(self, path: str, html: str) -> None:
        if not self.on_disk:
            self.blocks[path] = html
            return
        if self.folder is None:
            self.folder = tempfile.mkdtemp(prefix="small-moments-held-")
        name = os.path.join(self.folder, f"{len(self.blocks)}.html")
        with open(name, "w", encoding="utf-8") as file:
            file.write(html)
        self.blocks[path] = name

    def get(self, path: str) -> str | None:
        held = self.blocks.get(path)
        if held is None or not self.on_disk:
            return held
        with open(held, encoding="utf-8") as file:
            return file.read()

    def close(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None
        self.blocks = {}


def fix_markup(output: str) -> str:
    """Apply MARKUP_FIXES to a rendered page."""
    for old, new in MARKUP_FIXES:
        output = output.replace(old, new)
    return output


# Printed once by a build without a public address (README, "Publishing").
NO_PUBLIC_ADDRESS = ("No public address: SITE_URL is not set, so copied links, assignment links "
                     "and worksheet addresses open only on the device that opens this site. "
                     "To publish it, build with SITE_URL=https://your.address/ make site")


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
    """Adds the planned pages and files to the build, and the planned blocks to guide pages.

    Under `mkdocs serve` the same object serves every rebuild (it has on_startup): it keeps a
    plan cache, and with `--dirty` it marks as modified only the generated files whose content
    changed, so a save re-renders only the pages it changes (see _plan for when a rebuild
    is whole)."""

    # Keep generated HTML blocks away from Markdown (a test turns it off to compare the pages).
    hold_html = True

    def __init__(self) -> None:
        self.plan = Plan()
        self.settings: Settings | None = None
        self.held = _Held(on_disk=False)
        self.site_dir: Path | None = None
        self.scratch: Path | None = None
        self.serving = False
        self.dirty = False
        self.cache: PlanCache | None = None
        self.warm: WarmTheme | None = None
        # The last good build under serve: each generated file's content, where it was
        # written in the site, everything every page shows (menu, theme, configuration), and
        # the blocks that fill guide pages' markers (a changed block rebuilds only the pages
        # holding it).
        self.built: dict[str, object] = {}
        self.written: dict[str, str] = {}
        self.world: object = None
        self.blocks: dict[str, str] = {}
        self.changed_blocks: set[str] = set()
        self.incremental = False
        self._next: tuple[dict[str, object], dict[str, str], object] = ({}, {}, None)
        # Material's search plugin, and (under serve) each page's entries in its index.
        self.search: Any = None
        self.search_entries: dict[str, list[Any]] = {}
        self.page_order: list[str] = []
        self._marks: dict[str, int] = {}
        self._pages: dict[str, tuple[str, str]] = {}
        # Generated pages whose only change is their HTML block: the page written last time
        # with the old block swapped for the new one (path: text), written in _finish.
        self.spliced: dict[str, str] = {}
        # Under serve, each built file's hash for the offline worker's list, by its time and size.
        self.hashes: dict[tuple[str, int, int], str] = {}
        # What the last build re-rendered and rebuilt (for the bench and the tests).
        self.last_rebuild: dict[str, int] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Keep this object across `mkdocs serve` rebuilds, with a plan cache."""
        self.serving = command == "serve"
        self.dirty = dirty and self.serving
        self.cache = PlanCache() if self.serving else None
        self.warm = WarmTheme() if self.serving else None
        if self.dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())

    @event_priority(100)
    def _warm_theme(self, config: MkDocsConfig) -> MkDocsConfig:
        """Under serve, before any plugin asks the theme for templates (Material's search asks
        for its translations): keep what MkDocs compiled and listed last time (generator/warm.py)."""
        if self.warm is not None:
            self.warm.adopt(config.theme)
        return config

    def _plan(self, config: MkDocsConfig) -> MkDocsConfig:
        """Plan the site before MkDocs touches the site folder; stop on any problem."""
        config.extra["small_moments"] = runtime_settings()  # main.html writes it as JSON
        self.settings = settings_from(config, self.config)
        if not self.settings.public_url:
            # One line, at INFO: a warning would stop every `--strict` build of a local copy.
            log.info(NO_PUBLIC_ADDRESS)
        self.plan = plan_site(self.settings, self.cache)
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
        self.search = next((plugin for plugin in config.plugins.values()
                            if hasattr(plugin, "search_index_prev")
                            and getattr(plugin.config, "enabled", True)), None)
        self.site_dir = Path(config.site_dir).resolve()
        self.scratch = None
        # What every page shows besides its own content: when any of it changes, every page
        # is rebuilt. A save that changes only generated files' content or guide pages' blocks
        # rebuilds only those files and the guide pages holding those blocks' markers.
        world = (tuple(self.plan.menu),
                 tuple(self.plan.guide), repr(config.nav), config.site_url,
                 _stamp([Path(config.config_file_path),
                         *([Path(config.theme.custom_dir)] if config.theme.custom_dir else []),
                         *(Path(path) for path in config.watch)]))
        self.incremental = (self.dirty and world == self.world and bool(self.built)
                            and self.site_dir.is_dir())
        self._next = ({}, {}, world)
        self.changed_blocks = {marker for marker in self.plan.blocks.keys() | self.blocks.keys()
                               if self.plan.blocks.get(marker) != self.blocks.get(marker)}
        if self.incremental:
            return config  # MkDocs rewrites only the modified pages, in the site being served
        # Build into a fresh folder beside the site; it replaces the site only when the whole
        # build succeeded (on_post_build), so a failure never leaves a worse site than before.
        self.scratch = self.site_dir.with_name(f".{self.site_dir.name}.building-{os.getpid()}")
        if self.scratch.exists():
            shutil.rmtree(self.scratch)
        config["site_dir"] = str(self.scratch)
        return config

    on_config = CombinedEvent(_warm_theme, _plan)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Hand every planned output to MkDocs as a generated file."""
        self.held.close()
        self.held = _Held(on_disk=self.cache is None)
        self.spliced = {}
        built, written, _ = self._next
        for output in self.plan.outputs:
            if files.get_file_from_path(output.path) is not None:
                raise PluginError(f"{config.docs_dir}/{output.path} exists, but that page is "
                                  "generated from the exercises; remove or rename the file")
            rendered = output.render()
            content = rendered
            if isinstance(rendered, PageSource):
                # The HTML block needs nothing from Markdown, whose raw-HTML parser costs more
                # than the rest of the page: it goes in when the page is built (on_page_context).
                if rendered.html and self.hold_html:
                    self.held.put(output.path, rendered.html)
                content = rendered.markdown if self.hold_html else rendered.text
            file = File.generated(config, output.path, content=content,
                                  inclusion=InclusionLevel.NOT_IN_NAV if output.hidden
                                  else InclusionLevel.UNDEFINED)
            if self.cache is not None:
                built[output.path] = rendered
                written[output.path] = file.dest_uri
                if self.incremental and (self.built.get(output.path) == rendered
                                         or self._splice(output.path, rendered, file)):
                    file.is_modified = _unmodified  # type: ignore[method-assign]
            files.append(file)
        if self.incremental and self.changed_blocks:
            for page in files.documentation_pages():
                if not page.generated_by and any(
                        marker in page.content_string for marker in self.changed_blocks) \
                        and not self._splice_blocks(page):
                    page.is_modified = _modified  # type: ignore[method-assign]
        if self.cache is not None:
            self.last_rebuild = {"checked": self.cache.checked_again,
                                 "rendered": self.cache.rendered_again,
                                 "pages spliced": len(self.spliced),
                                 "generated files rewritten": sum(
                                     1 for path in built if self.built.get(path) != built[path])
                                 if self.incremental else len(built)}
        return files

    def _final(self, block: str) -> str:
        """An HTML block as the page written shows it (see _block_for_page)."""
        if self.search is None or "data-search-" not in block:
            return block
        return SEARCH_ATTRIBUTES.sub("", block)

    def _swap(self, path: str, text: str, before: str, after: str) -> str | None:
        """`text` with the block `before` swapped for `after`, or None when that is not exact:
        the search index must read the same from both (the page has no entries, or the same
        view of the block), and `before` must appear exactly once, as written."""
        if self.search is not None:
            entries = self.search_entries.get(path)
            if entries is None or (entries and search_view(before) != search_view(after)):
                return None
        before, after = self._final(before), self._final(after)
        if fix_markup(before) != before or fix_markup(after) != after or text.count(before) != 1:
            return None
        return text.replace(before, after, 1)

    def _written(self, dest_uri: str) -> str | None:
        """The text of a page the last build wrote, if it is there."""
        try:
            with open(os.path.join(self.site_dir or "", dest_uri), encoding="utf-8") as page:
                return page.read()
        except OSError:
            return None

    def _splice_blocks(self, page: File) -> bool:
        """Whether a guide page whose own Markdown did not change can be written by swapping
        its changed blocks in the page written last time (kept for _finish), as _splice does."""
        if page.is_modified() or self.site_dir is None:
            return False
        text = self._written(page.dest_uri)
        for marker in sorted(self.changed_blocks):
            if text is None:
                return False
            if marker in page.content_string:
                before, after = self.blocks.get(marker), self.plan.blocks.get(marker)
                if before is None or after is None:
                    return False
                text = self._swap(page.src_uri, text, before, after)
        if text is None:
            return False
        self.spliced[page.abs_dest_path] = text
        return True

    def _splice(self, path: str, rendered: object, file: File) -> bool:
        """Whether a changed generated page can be written by swapping its HTML block in the
        page written last time, instead of building it again; if so, the new text is kept.

        Only its block may have changed (front matter and Markdown the same), the search index
        must read the same from it (no entries, or the same view of the block), and the old
        block must appear exactly once, as written, in the old page: then the result is what a
        clean build writes, byte for byte (tests/test_incremental.py)."""
        old = self.built.get(path)
        if not (isinstance(old, PageSource) and isinstance(rendered, PageSource)
                and old.html and rendered.html and old.markdown == rendered.markdown
                and self.hold_html and path in self.written):
            return False
        text = self._written(file.dest_uri)
        spliced = None if text is None else self._swap(path, text, old.html, rendered.html)
        if spliced is None:
            return False
        self.spliced[file.abs_dest_path] = spliced
        return True

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        """Under serve, note the pages' order: the search index lists them in it."""
        if self.cache is not None:
            self.page_order = [file.src_uri for file in
                               files.documentation_pages(inclusion=InclusionLevel.is_in_serve)]
        return env

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Files) -> str:
        """Fill a guide page's block markers (helplines, today's moment, the quick exit)."""
        return self.plan.fill(markdown)

    @event_priority(100)
    def _block_for_search(self, context: Any, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        """Before the search plugin indexes a generated page: its HTML block goes in, without
        what the index skips."""
        uri = page.file.src_uri
        block = self.held.get(uri)
        if block is not None:
            self._pages[uri] = (page.content, block)
            page.content = page.content.replace(HOLD, search_view(block) if self.search
                                                else block, 1)
        if self.search is not None and self.cache is not None:
            self._marks[uri] = len(self.search.search_index.entries)
        return context

    @event_priority(-100)
    def _block_for_page(self, context: Any, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        """After it: the whole block, as the search plugin leaves a page it indexed."""
        uri = page.file.src_uri
        if uri in self._pages:
            original, block = self._pages[uri]
            page.content = original.replace(HOLD, block, 1)
            if self.search is not None:
                page.content = SEARCH_ATTRIBUTES.sub("", page.content)
        if uri in self._marks:
            self.search_entries[uri] = self.search.search_index.entries[self._marks.pop(uri):]
        return context

    on_page_context = CombinedEvent(_block_for_search, _block_for_page)

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        # The page is written: let its block go (a build never holds every page's at once).
        held = self._pages.pop(page.file.src_uri, None)
        if held is not None:
            page.content = held[0]
        return fix_markup(output)

    def on_post_template(self, output_content: str, template_name: str,
                         config: MkDocsConfig) -> str:
        return fix_markup(output_content)

    @event_priority(100)
    def _whole_search_index(self, config: MkDocsConfig) -> None:
        """Under serve, hand the search plugin every page's entries in the order of a full
        build: those of the pages built now, the last build's for the others."""
        if self.search is None or self.cache is None:
            return
        self.search_entries = {uri: self.search_entries[uri] for uri in self.page_order
                               if uri in self.search_entries}
        self.search.search_index.entries = [entry for entries in self.search_entries.values()
                                            for entry in entries]
        self.search.search_index_prev = None

    @event_priority(-110)
    def _finish(self, config: MkDocsConfig) -> None:
        """Finish the site (minify and bundle the runtime, write the app manifest and the service
        worker listing every built file), then put the new site in place unless the build has
        already failed: in strict mode, MkDocs counts warnings and aborts only after this hook.
        Last of all (Material's offline plugin writes search_index.js at -100), so the worker's
        list holds every file and the whole new site moves into place at once."""
        self.held.close()
        warned = config.strict and any(
            handler.get_counts() for handler in logging.getLogger("mkdocs").handlers
            if isinstance(handler, CountHandler))
        for destination, text in ({} if warned else self.spliced).items():
            with open(destination, "w", encoding="utf-8") as page:
                page.write(text)
        self.spliced = {}
        # An incremental build copied no theme file again: the runtime is finished already.
        finish_site(Path(config.site_dir), config, runtime=not self.incremental,
                    hashes=self.hashes if self.cache is not None else None)
        if self.site_dir is None:
            return
        if warned:
            log.error(f"The build had warnings in strict mode; {self.site_dir} was left as it was.")
            if self.scratch is not None:
                shutil.rmtree(self.scratch, ignore_errors=True)
        else:
            if self.scratch is not None:
                replace_folder(self.scratch, self.site_dir)
            elif self.incremental:
                self._remove_gone(self._next[1])
            if self.cache is not None:
                self.built, self.written, self.world = self._next
                self.blocks = dict(self.plan.blocks)
        config["site_dir"] = str(self.site_dir)

    on_post_build = CombinedEvent(_whole_search_index, _finish)

    def _remove_gone(self, written: dict[str, str]) -> None:
        """After an incremental build, remove the generated files no longer planned."""
        for path in self.built.keys() - written.keys():
            with contextlib.suppress(OSError):
                os.remove(os.path.join(self.site_dir or "", self.written[path]))

    def on_build_error(self, error: Exception) -> None:
        """A build that failed leaves the site as it was; its fresh folder goes."""
        self.held.close()
        self._pages.clear()
        self.spliced = {}
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
