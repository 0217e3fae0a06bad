"""Size budgets: the quiz runtime and the chrome around it, minified and gzipped as built.

Each file is gzipped on its own (level 6), as a server sends it, and the sizes are summed; the
bundles every page loads are measured as the one file they are. BENCHMARKS.md reports the same
figures; `make bench` explains the split."""

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
# core.js is the start-up loop every feature registers with (the quiz and every tool page).
EVERY_PAGE_JS = ["exit.js", "core.js", "device.js", "print.js", "lazy.js"]
# The glossary terms' script, which lazy.js loads on the guide pages that have terms.
GUIDE_JS = ["terms.js"]
# The helplines' styles, linked by the two pages that show them (home and Safety).
HELP_CSS = ["help.css"]
TOOL_JS = ["tracker.js", "planner.js", "ics.js", "catalog.js", "assignment.js", "progress.js",
           "summary.js", "share.js", "today.js", "import.js", "progress-state.js"]


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


def loaded_by_exercise_page(built: Path) -> set[str]:
    """The scripts and stylesheets of ours that an exercise page's HTML loads."""
    page = (built.parent.parent / "exercises" / "tiny-bids.html").read_text()
    return set(re.findall(r'assets/small-moments/([\w.-]+\.(?:js|css))"', page))


def test_quiz_runtime_js_is_at_most_8_kib_gzipped(built: Path):
    assert gzipped_total(built, RUNTIME_JS) <= 8 * KIB


def test_quiz_runtime_css_is_at_most_3_kib_gzipped(built: Path):
    assert gzipped_total(built, RUNTIME_CSS) <= 3 * KIB


def test_chrome_js_on_every_page_is_at_most_3_kib_gzipped(built: Path):
    assert gzipped_total(built, EVERY_PAGE_JS) <= 3 * KIB


def test_tool_pages_scripts_are_at_most_14_kib_gzipped(built: Path):
    assert gzipped_total(built, TOOL_JS) <= 14 * KIB


def test_the_glossary_script_is_at_most_1_5_kib_gzipped(built: Path):
    assert gzipped_total(built, GUIDE_JS) <= 1.5 * KIB


def test_site_chrome_css_is_at_most_2_kib_gzipped(built: Path):
    assert gzipped_total(built, ["site.css"]) <= 2 * KIB


def test_the_helplines_styles_are_at_most_1_kib_gzipped(built: Path):
    assert gzipped_total(built, HELP_CSS) <= 1 * KIB


def test_every_script_and_stylesheet_is_counted_in_one_budget():
    counted = set(RUNTIME_JS + RUNTIME_CSS + EVERY_PAGE_JS + TOOL_JS + GUIDE_JS + HELP_CSS
                  + ["site.css"])
    assert {path.name for path in SOURCE.glob("*.js")} | {path.name for path in SOURCE.glob("*.css")} == counted


def test_an_exercise_page_loads_one_script_and_one_stylesheet_of_ours(built: Path):
    assert loaded_by_exercise_page(built) == {"bundle.js", "bundle.css"}


def test_the_bundles_an_exercise_page_loads_are_at_most_10_5_kib_gzipped(built: Path):
    # Was 10 KiB (the page target: at most 12 KiB more than plain Material; the quiz markup adds
    # about 2). Raised on 2026-12-01 for the runtime's start-up registry (core.js, about 0.9 KiB:
    # one broken feature no longer stops the others) and a quick exit that tells apart an Escape
    # that closes something: 10.0 KiB now. BENCHMARKS.md says what this costs the page target.
    assert gzipped_total(built, ["bundle.js", "bundle.css"]) <= 10.5 * KIB


def test_the_script_bundle_holds_the_every_page_chrome_and_the_runtime_in_load_order(built: Path):
    bundle = (built / "bundle.js").read_text()
    positions = [bundle.find((built / name).read_text().strip())
                 for name in ["exit.js", "core.js", "store.js", "device.js", "print.js", "lazy.js",
                              *RUNTIME_JS[1:]]]
    assert -1 not in positions
    assert positions == sorted(positions)
    assert bundle.rstrip().endswith((built / "quiz.js").read_text().strip())


def test_the_style_bundle_holds_the_site_and_quiz_styles(built: Path):
    bundle = (built / "bundle.css").read_text()
    assert bundle.index((built / "site.css").read_text().strip()) < bundle.index(
        (built / "quiz.css").read_text().strip())


def test_exercise_pages_do_not_load_the_tool_pages_scripts(built: Path):
    assert set(TOOL_JS) <= {path.name for path in built.glob("*.js")}
    bundle = (built / "bundle.js").read_text()
    assert [name for name in TOOL_JS + GUIDE_JS if (built / name).read_text().strip() in bundle] == []


def test_the_build_minifies_every_script_and_stylesheet(built: Path):
    sources = sorted(SOURCE.glob("*.js")) + sorted(SOURCE.glob("*.css"))
    assert sources
    not_smaller = [path.name for path in sources
                   if (built / path.name).stat().st_size >= path.stat().st_size]
    assert not_smaller == []
