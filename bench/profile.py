"""Where a build's time goes: cProfile of one `mkdocs build`, summed into named parts."""

from __future__ import annotations

import os
import pstats
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

# Each part: a label and the (file ending, function) entries whose cumulative time it sums.
PARTS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Theme: navigation, rendered into every page (Material's partials/nav.html)",
     (("material/templates/partials/nav.html", "root"),)),
    ("Markdown to HTML (Python-Markdown and extensions)", (("markdown/core.py", "convert"),)),
    ("Search index (Material's search plugin)",
     (("material/plugins/search/plugin.py", "on_page_context"),
      ("material/plugins/search/plugin.py", "on_post_build"))),
    ("Generator: reading YAML (load.py: libyaml, then its checks)", (("generator/load.py", "load_file"),)),
    ("Generator: validating exercises", (("generator/exercise_rules.py", "validate_exercise"),)),
    ("Generator: rendering the planned pages (Jinja2; the plugin's on_files)",
     (("generator/plugin.py", "on_files"),)),
    # (If on_files is renamed, the renderers are summed instead: see FALLBACK.)
    ("Generator: page hooks and minifying", (("generator/plugin.py", "on_post_page"),
                                             ("generator/plugin.py", "on_post_build"))),
)
FALLBACK = {"on_files": (("generator/render.py", "render_exercise"),
                                ("generator/render.py", "render_index"),
                                ("generator/render.py", "render_progress"))}
TEMPLATES = ("jinja2/environment.py", "render")
TOTAL = ("mkdocs/commands/build.py", "build")


@dataclass(frozen=True)
class Profile:
    """Seconds under cProfile: the whole build, each named part, and the costliest functions."""

    total: float
    parts: list[tuple[str, float]]
    top: list[tuple[str, int, float, float]]


def _cumulative(stats: pstats.Stats, wanted: tuple[str, str]) -> float:
    table = stats.stats  # type: ignore[attr-defined]
    return sum(row[3] for (file, _, name), row in table.items()
               if file.endswith(wanted[0]) and name == wanted[1])


def _short(file: str, line: int, name: str) -> str:
    for marker in ("site-packages/", "/work/main/", "lib/python3"):
        if marker in file:
            file = file.split(marker, 1)[1]
    return f"{file}:{line} {name}"


def run(project: Path, python: str = sys.executable, top: int = 12) -> Profile:
    """Profile `mkdocs build` of `project` in a fresh process; sum the named parts."""
    out = project / "build.prof"
    subprocess.run([python, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "-q",
                    "-d", str(project / "site")], cwd=project, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True)
    stats = pstats.Stats(str(out))
    total = _cumulative(stats, TOTAL)
    parts = []
    for label, entries in PARTS:
        seconds = sum(_cumulative(stats, entry) for entry in entries)
        if not seconds and entries[0][1] in FALLBACK:
            seconds = sum(_cumulative(stats, entry) for entry in FALLBACK[entries[0][1]])
        parts.append((label, seconds))
    # Jinja2's render also runs the generator's own templates: count those once, as the generator's.
    ours = dict(parts)["Generator: rendering the planned pages (Jinja2; the plugin's on_files)"]
    templates = _cumulative(stats, TEMPLATES) - parts[0][1] - ours
    parts.insert(1, ("Theme: the rest of every page's template", templates))
    parts.append(("Everything else (MkDocs, file copies, other plugins)",
                  total - sum(seconds for _, seconds in parts)))
    table = stats.stats  # type: ignore[attr-defined]
    costly = sorted(table.items(), key=lambda item: item[1][2], reverse=True)[:top]
    return Profile(total, parts, [(_short(*key), row[1], row[2], row[3]) for key, row in costly])


def yaml_loaders(folder: Path) -> dict[str, float]:
    """Seconds to compose every YAML file in `folder` with PyYAML's Python and libyaml loaders."""
    texts = [file.read_text(encoding="utf-8") for file in sorted(folder.glob("*.yml"))]
    seconds = {}
    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", None)):
        if loader is None:
            continue
        start = time.perf_counter()
        for text in texts:
            list(yaml.compose_all(text, Loader=loader))
        seconds[loader.__name__] = time.perf_counter() - start
    return seconds
