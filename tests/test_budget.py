"""Size budgets: the quiz runtime and the chrome around it, minified and gzipped as built.

Each file is gzipped on its own (level 6), as a server sends it, and the sizes are summed.
BENCHMARKS.md reports the same figures; `make bench` explains the split."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from helpers import REPO, VALID, make_project, mkdocs_build

KIB = 1024
SOURCE = REPO / "theme_overrides" / "assets" / "small-moments"
# The quiz runtime: what makes a page of questions work; its budgets are issue 8's. Every other
# script and stylesheet in assets/small-moments/ is chrome: a few small scripts on every page
# (quick exit, shared-device note, glossary, print, lazy.js) and the tool pages' own scripts,
# which lazy.js loads on those pages only. Its budgets are ceilings against runaway growth.
RUNTIME_JS = ["store.js", "quiz-dom.js", "quiz-single.js", "quiz-multiple.js", "quiz-sort.js",
              "quiz-order.js", "quiz-write.js", "quiz.js"]
RUNTIME_CSS = ["quiz.css"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The runtime folder of a small site built with the plugin."""
    root = tmp_path_factory.mktemp("budget")
    make_project(root, {"tiny-bids.yml": VALID})
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site" / "assets" / "small-moments"


def gzipped_total(folder: Path, names: list[str]) -> int:
    """The bytes a reader downloads for these files: each gzipped on its own, summed."""
    return sum(len(gzip.compress((folder / name).read_bytes(), 6, mtime=0)) for name in names)


def chrome(folder: Path, suffix: str, runtime: list[str]) -> list[str]:
    """Every file with this suffix that is not part of the runtime."""
    return sorted(path.name for path in folder.glob(f"*{suffix}") if path.name not in runtime)


def test_quiz_runtime_js_is_at_most_8_kib_gzipped(built: Path):
    assert gzipped_total(built, RUNTIME_JS) <= 8 * KIB


def test_quiz_runtime_css_is_at_most_3_kib_gzipped(built: Path):
    assert gzipped_total(built, RUNTIME_CSS) <= 3 * KIB


def test_tool_pages_scripts_are_at_most_14_kib_gzipped(built: Path):
    tools = [name for name in chrome(built, ".js", RUNTIME_JS) if name not in loaded_by_exercise_page(built)]
    assert "tracker.js" in tools
    assert gzipped_total(built, tools) <= 14 * KIB


def test_site_chrome_css_is_at_most_2_kib_gzipped(built: Path):
    assert gzipped_total(built, chrome(built, ".css", RUNTIME_CSS)) <= 2 * KIB


def loaded_by_exercise_page(built: Path) -> set[str]:
    """The scripts and stylesheets of ours that an exercise page's HTML loads."""
    page = (built.parent.parent / "exercises" / "tiny-bids.html").read_text()
    return set(re.findall(r'assets/small-moments/([\w.-]+\.(?:js|css))"', page))


def test_exercise_pages_load_every_runtime_file_the_budget_counts(built: Path):
    assert set(RUNTIME_JS + RUNTIME_CSS) <= loaded_by_exercise_page(built)


def test_chrome_js_on_every_page_is_at_most_3_kib_gzipped(built: Path):
    every_page = sorted(name for name in loaded_by_exercise_page(built)
                        if name.endswith(".js") and name not in RUNTIME_JS)
    assert "exit.js" in every_page
    assert gzipped_total(built, every_page) <= 3 * KIB


def test_exercise_pages_do_not_load_the_tool_pages_scripts(built: Path):
    tools = {"tracker.js", "planner.js", "ics.js", "catalog.js", "assignment.js", "progress.js",
             "summary.js", "share.js", "today.js"}
    assert tools <= {path.name for path in built.glob("*.js")}
    assert loaded_by_exercise_page(built) & tools == set()


def test_the_build_minifies_every_script_and_stylesheet(built: Path):
    sources = sorted(SOURCE.glob("*.js")) + sorted(SOURCE.glob("*.css"))
    assert sources
    not_smaller = [path.name for path in sources
                   if (built / path.name).stat().st_size >= path.stat().st_size]
    assert not_smaller == []
