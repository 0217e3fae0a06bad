"""Temporary MkDocs projects: the site with the plugin, and the same pages built other ways."""

from __future__ import annotations

import contextlib
import copy
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from generator.limits import runtime_settings

from . import synth

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / ".work"
# What a project does not copy from the repo's top level: what no build reads, and what each
# project writes itself (mkdocs.yml is inherited, exercises/ holds the set being measured).
# Hidden folders (.git, .venv, caches) are skipped too.
SKIP = {"bench", "tests", "generator", "node_modules", "site", "dist", "mkdocs.yml", "exercises"}
# Files the plugin reads beside mkdocs.yml that list the real site's URLs: real site only.
LINK_FILES = {"published-urls.txt", "redirects.yml"}
INDEX = "exercises/index.md"
# small-moments: our plugin reads YAML. written-out: the plugin's pages and navigation written
# to Markdown once and built without it (same theme). material: the same questions written by
# hand for stock Material. mkdocs-quiz: the same questions in mkdocs-quiz's format. All four
# share the navigation the plugin makes.
VARIANTS = ("small-moments", "written-out", "material", "mkdocs-quiz")


def expand_nav(nav: list[Any], pages: list[dict[str, str]]) -> list[Any]:
    """A copy of `nav` with the exercises index entry turned into a section listing `pages`."""
    result: list[Any] = []
    for entry in copy.deepcopy(nav):
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if value == INDEX:
            title = next(iter(entry)) if isinstance(entry, dict) else "Exercises"
            entry = {title: [{"All exercises": INDEX}, *pages]}
        elif isinstance(value, list):
            entry = {next(iter(entry)): expand_nav(value, pages)}
        result.append(entry)
    return result


def _copy_site(dest: Path, real: bool) -> None:
    """Copy what a build reads from the repo; `stock/` is a theme folder with only the search shim."""
    if dest.exists():
        shutil.rmtree(dest)

    def skipped(folder: str, names: list[str]) -> set[str]:
        if Path(folder) != REPO:
            return {name for name in names if name == "__pycache__"}
        return {name for name in names if name in SKIP or name.startswith(".")
                or name.endswith(".egg-info") or (not real and name in LINK_FILES)}

    shutil.copytree(REPO, dest, ignore=skipped)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.base.yml")
    shutil.copytree(REPO / "theme_overrides" / "assets" / "vendor", dest / "stock" / "assets" / "vendor")


def _write_config(dest: Path, strict: bool, plugins: list[str] | None = None, stock: bool = False,
                  nav: list[Any] | None = None, not_in_nav: list[str] | None = None,
                  extra: dict[str, Any] | None = None) -> None:
    config: dict[str, Any] = {"INHERIT": "mkdocs.base.yml", "strict": strict}
    if extra:
        config["extra"] = extra  # merged into the inherited extra
    if not_in_nav:
        config["not_in_nav"] = "".join(f"/{path}\n" for path in not_in_nav)
    if plugins is not None:
        config["plugins"] = plugins
    if stock:
        config["theme"] = {"custom_dir": "stock"}
    if nav is not None:
        config["nav"] = nav
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, width=200))


def _write_pages(dest: Path, pages: dict[str, str]) -> None:
    for path, text in pages.items():
        target = dest / "content" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@contextlib.contextmanager
def _questions_allowed(most: int) -> Iterator[None]:
    """Let the schema accept up to `most` questions per exercise, for the long browser page."""
    from generator import exercise_rules as schema
    limits = schema.QUESTIONS
    schema.QUESTIONS = (limits[0], max(limits[1], most))
    try:
        yield
    finally:
        schema.QUESTIONS = limits


@dataclass
class PluginOutput:
    """What our plugin adds to a build: files by path, the files kept out of the nav, the nav."""

    files: dict[str, str]
    not_in_nav: list[str]
    nav: list[Any]


def plugin_output(project: Path, most_questions: int = 0) -> PluginOutput:
    """Run the config and files events of a project's plugins and keep what ours adds."""
    config = load_config(str(project / "mkdocs.yml"))
    # Each page whole, its HTML block in its Markdown (a build holds the block back until
    # the page is built, which this never reaches).
    config.plugins["small-moments"].hold_html = False
    with _questions_allowed(most_questions):
        config = config.plugins.on_config(config)
    files = [f for f in config.plugins.on_files(get_files(config), config=config)
             if f.generated_by == "small-moments"]
    return PluginOutput({f.src_uri: f.content_string for f in files},
                        [f.src_uri for f in files if f.inclusion.is_not_in_nav()], list(config.nav or []))


def _existing(nav: list[Any], content: Path) -> list[Any]:
    """`nav` without the entries whose page is not in `content` (pages only our plugin makes)."""
    kept: list[Any] = []
    for entry in nav:
        title, value = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if isinstance(value, list):
            value = _existing(value, content)
            if not value:
                continue
        elif not (content / value).is_file():
            continue
        kept.append({title: value} if title is not None else value)
    return kept


def make(dest: Path, variant: str, exercises: list[dict[str, Any]] | None,
         extra: dict[str, Any] | None = None, every_page_in_nav: bool = False) -> Path:
    """Write a project for `variant` at `dest` and return it; `exercises` None means the real ones.

    Every variant gets the navigation our plugin makes (it stops listing exercises past its
    `nav_limit`), unless `every_page_in_nav`. `extra` (written-out only) is one more exercise
    of any length: the long browser page."""
    real = exercises is None
    _copy_site(dest, real)
    yaml_dir = dest / "exercises"
    if exercises is None:
        shutil.copytree(REPO / "exercises", yaml_dir)
    else:
        yaml_dir.mkdir()
        for data in exercises:
            (yaml_dir / f"{data['id']}.yml").write_text(synth.exercise_yaml(data), encoding="utf-8")
    if extra is not None:
        (yaml_dir / f"{extra['id']}.yml").write_text(synth.exercise_yaml(extra), encoding="utf-8")
    _write_config(dest, real)
    if variant == "small-moments":
        return dest
    ours = plugin_output(dest, len(extra["questions"]) if extra else 0)
    if variant == "written-out":
        _write_pages(dest, ours.files)
        # Our theme's main.html writes the settings our plugin puts in `extra` (its on_config).
        _write_config(dest, real, ["search", "offline"], nav=ours.nav, not_in_nav=ours.not_in_nav,
                      extra={"small_moments": runtime_settings()})
        return dest
    if exercises is None:
        raise ValueError(f"{variant} needs synthetic exercises")
    page = synth.material_page if variant == "material" else synth.quiz_page
    pages = {INDEX: synth.index_page(exercises)}
    pages.update({f"exercises/{data['id']}.md": page(data) for data in exercises})
    _write_pages(dest, pages)
    nav = ours.nav
    if every_page_in_nav:
        listed = [{data["title"]: f"exercises/{data['id']}.md"} for data in exercises]
        nav = expand_nav(list(load_config(str(dest / "mkdocs.yml")).nav or []), listed)
    hidden = sorted(set(pages) - set(_flat(nav)))
    plugins = ["search", "offline"] + (["mkdocs_quiz"] if variant == "mkdocs-quiz" else [])
    _write_config(dest, real, plugins, stock=True, nav=_existing(nav, dest / "content"), not_in_nav=hidden)
    return dest


def _flat(nav: list[Any]) -> list[str]:
    """Every page path in a nav."""
    paths: list[str] = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        paths.extend(_flat(value) if isinstance(value, list) else [value])
    return paths
