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
# (quick exit, shared-device note, glossary, print, where a link opens, lazy.js) and the tool pages' own scripts,
# which lazy.js loads on those pages only. Its budgets are ceilings against runaway growth.
RUNTIME_JS = ["store.js", "quiz-dom.js", "quiz-single.js", "quiz-multiple.js", "quiz-sort.js",
              "quiz-order.js", "quiz-write.js", "quiz.js"]
RUNTIME_CSS = ["quiz.css"]
# Worksheets and workbooks on paper: print rules only, linked with media="print" by exercise
# pages and the workbook, so screens never wait for them.
PAPER_CSS = ["paper.css"]
# The workbook page's script, which lazy.js loads there and on the catalog (its workbook link).
WORKBOOK_JS = ["workbook.js"]
# core.js is the start-up loop every feature registers with (the quiz and every tool page).
EVERY_PAGE_JS = ["exit.js", "core.js", "device.js", "print.js", "where.js", "lazy.js", "menu.js"]
# The glossary terms' script, which lazy.js loads on the guide pages that have terms.
GUIDE_JS = ["terms.js"]
# The helplines' styles, linked by the two pages that show them (home and Safety).
HELP_CSS = ["help.css"]
# Comparing answers with a partner and sending the summary (issue 18): lazy.js loads it on
# exercise pages and My progress after the page is up, so it counts against neither the quiz
# runtime nor the tool pages; its styles come with it. The QR library it loads only when a
# reader makes a link is vendor code (assets/vendor/), outside these budgets.
PAIR_JS = ["pair.js"]
PAIR_CSS = ["pair.css"]
# The site's look (font faces, palette, type scale), in bundle.css on every page; and the home
# page's own styles (its opening, today's moment, the practice cards), linked by that page only.
IDENTITY_CSS = ["identity.css"]
FRONT_CSS = ["front.css"]
# The copy for reading offline where the site is hosted: offline.js (lazy.js loads it on every
# page; it registers the worker once the page has loaded), the worker's code, and the styles of
# its "new version" message, loaded only when that message shows.
OFFLINE_JS = ["offline.js", "sw.js"]
OFFLINE_CSS = ["offline.css"]
TOOL_JS = ["tracker.js", "planner.js", "ics.js", "catalog.js", "assignment.js", "progress.js",
           "summary.js", "share.js", "today.js", "import.js", "progress-state.js", "lists.js",
           "marks.js"]


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


def test_quiz_runtime_js_is_at_most_8_75_kib_gzipped(built: Path):
    # Was 8 KiB. Raised on 2026-12-02 (issue 14: exercise pages for the hand) for the keypress
    # guard on Try again, asking before a written reply is cleared, focus on the self-check,
    # fields locked without greying, folded right answers and the progress line: 8.6 KiB now.
    assert gzipped_total(built, RUNTIME_JS) <= 8.75 * KIB


def test_quiz_runtime_css_is_at_most_3_kib_gzipped(built: Path):
    assert gzipped_total(built, RUNTIME_CSS) <= 3 * KIB


def test_chrome_js_on_every_page_is_at_most_4_5_kib_gzipped(built: Path):
    # Was 3 KiB; raised on 2026-12-02 for menu.js (about 1.0 KiB): the menu button for the
    # keyboard, the skip link's focus and the scheme switch's name (BENCHMARKS.md); with where.js
    # (the public-address check) and print.js's answer key beside it: 4,245 bytes; 4,350 once
    # the key keeps its last answers together (issue 15: no key page under a quarter full).
    # Raised from 4.25 KiB on 2026-12-02 for menu.js showing a Tab stop Material's search
    # scroll lock kept out of view (143 bytes).
    assert gzipped_total(built, EVERY_PAGE_JS) <= 4.5 * KIB


# Issue 15 (several counselor's lists with lists.js, the summary's prompts, copy feedback) took
# the tool pages' scripts from 13.6 to 16.1 KiB, and issue 14's done marks (marks.js, loaded only
# once something is saved) to about 16.8 KiB; each tool page loads only its own few of them.
def test_tool_pages_scripts_are_at_most_17_5_kib_gzipped(built: Path):
    assert gzipped_total(built, TOOL_JS) <= 17.5 * KIB


def test_the_glossary_script_is_at_most_1_5_kib_gzipped(built: Path):
    assert gzipped_total(built, GUIDE_JS) <= 1.5 * KIB


def test_paper_css_is_at_most_1_5_kib_gzipped(built: Path):
    assert gzipped_total(built, PAPER_CSS) <= 1.5 * KIB


def test_the_workbook_script_is_at_most_1_5_kib_gzipped(built: Path):
    assert gzipped_total(built, WORKBOOK_JS) <= 1.5 * KIB


def test_site_chrome_css_is_at_most_2_kib_gzipped(built: Path):
    assert gzipped_total(built, ["site.css"]) <= 2 * KIB


def test_the_offline_copys_scripts_are_at_most_2_5_kib_gzipped(built: Path):
    assert gzipped_total(built, OFFLINE_JS) <= 2.5 * KIB


def test_the_offline_message_styles_are_at_most_0_75_kib_gzipped(built: Path):
    assert gzipped_total(built, OFFLINE_CSS) <= 0.75 * KIB


def test_the_helplines_styles_are_at_most_1_kib_gzipped(built: Path):
    assert gzipped_total(built, HELP_CSS) <= 1 * KIB


def test_the_partner_sharing_script_is_at_most_9_5_kib_and_its_styles_1_kib_gzipped(built: Path):
    assert gzipped_total(built, PAIR_JS) <= 9.5 * KIB
    assert gzipped_total(built, PAIR_CSS) <= 1 * KIB


def test_the_site_look_is_at_most_1_kib_gzipped(built: Path):
    assert gzipped_total(built, IDENTITY_CSS) <= 1 * KIB


def test_the_home_page_styles_are_at_most_1_kib_gzipped(built: Path):
    assert gzipped_total(built, FRONT_CSS) <= 1 * KIB


def test_every_script_and_stylesheet_is_counted_in_one_budget():
    counted = set(RUNTIME_JS + RUNTIME_CSS + PAPER_CSS + WORKBOOK_JS + EVERY_PAGE_JS + TOOL_JS
                  + GUIDE_JS + HELP_CSS + IDENTITY_CSS + FRONT_CSS + OFFLINE_JS + OFFLINE_CSS
                  + PAIR_JS + PAIR_CSS + ["site.css"])
    assert {path.name for path in SOURCE.glob("*.js")} | {path.name for path in SOURCE.glob("*.css")} == counted


def test_an_exercise_page_loads_one_script_and_one_stylesheet_of_ours(built: Path):
    # And the paper stylesheet, for printing only (media="print": it never holds up the screen).
    assert loaded_by_exercise_page(built) == {"bundle.js", "bundle.css", "paper.css"}
    page = (built.parent.parent / "exercises" / "tiny-bids.html").read_text()
    assert re.search(r'<link rel="stylesheet" media="print" href="[./]*assets/small-moments/paper.css"',
                     page)


def test_the_bundles_an_exercise_page_loads_are_at_most_13_5_kib_gzipped(built: Path):
    # Was 10 KiB (the page target: at most 12 KiB more than plain Material; the quiz markup adds
    # about 2). Raised on 2026-12-01 for the runtime's start-up registry (core.js, about 0.9 KiB:
    # one broken feature no longer stops the others) and a quick exit that tells apart an Escape
    # that closes something: 10.0 KiB now. BENCHMARKS.md says what this costs the page target.
    # Raised again on 2026-12-02 from 10.5 KiB (issue 14, exercise pages for the hand: the quiz
    # JS above, about 0.35 KiB of quiz styles and the quick exit's reserved strip): 11.1 KiB.
    # Raised again on 2026-12-02 to 11.5 KiB for keyboard and zoom (issue 14, point 7): menu.js
    # (about 0.7 KiB in the bundle) and its styles, the tracker's bars and the done marks' styles
    # (about 0.5 KiB): 11,759 bytes on its own.
    # All of issue 14 and 15 together on 2026-12-02 (the site's look, identity.css; where.js, the
    # links' public-address check; menu.js; the quiz for the hand): 13,322 bytes; 13.25 KiB.
    # Raised again on 2026-12-02 to 13.5 KiB: print.js keeping the key's last answers together,
    # menu.js scrolling a stop into view after Material's scroll lock, and sort items' and the
    # self-check's legends inside their boxes on a phone: 13,606 bytes.
    assert gzipped_total(built, ["bundle.js", "bundle.css"]) <= 13.5 * KIB


def test_the_script_bundle_holds_the_every_page_chrome_and_the_runtime_in_load_order(built: Path):
    bundle = (built / "bundle.js").read_text()
    positions = [bundle.find((built / name).read_text().strip())
                 for name in ["exit.js", "core.js", "store.js", "device.js", "print.js", "menu.js",
                              "lazy.js", *RUNTIME_JS[1:]]]
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
    assert [name for name in TOOL_JS + GUIDE_JS + OFFLINE_JS + PAIR_JS if (built / name).read_text().strip() in bundle] == []


def test_the_build_minifies_every_script_and_stylesheet(built: Path):
    sources = sorted(SOURCE.glob("*.js")) + sorted(SOURCE.glob("*.css"))
    assert sources
    not_smaller = [path.name for path in sources
                   if (built / path.name).stat().st_size >= path.stat().st_size]
    assert not_smaller == []
