"""Size budgets: the quiz runtime and the site-wide chrome, minified and gzipped as built.

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
# script and stylesheet in assets/small-moments/ is site-wide chrome, loaded on every page too:
# its budgets are ceilings against runaway growth, not a target (see BENCHMARKS.md).
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


def test_site_chrome_js_is_at_most_16_kib_gzipped(built: Path):
    assert gzipped_total(built, chrome(built, ".js", RUNTIME_JS)) <= 16 * KIB


def test_site_chrome_css_is_at_most_2_kib_gzipped(built: Path):
    assert gzipped_total(built, chrome(built, ".css", RUNTIME_CSS)) <= 2 * KIB


def test_exercise_pages_load_every_runtime_file_the_budget_counts(built: Path):
    page = (built.parent.parent / "exercises" / "tiny-bids.html").read_text()
    loaded = set(re.findall(r'assets/small-moments/([\w.-]+\.(?:js|css))"', page))
    assert set(RUNTIME_JS + RUNTIME_CSS) <= loaded


def test_the_build_minifies_every_script_and_stylesheet(built: Path):
    sources = sorted(SOURCE.glob("*.js")) + sorted(SOURCE.glob("*.css"))
    assert sources
    not_smaller = [path.name for path in sources
                   if (built / path.name).stat().st_size >= path.stat().st_size]
    assert not_smaller == []
