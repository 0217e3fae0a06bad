"""Which files are the quiz runtime and which are site-wide chrome, and their gzipped budgets."""

from __future__ import annotations

import gzip
from pathlib import Path

from generator.assets import BUNDLES

KIB = 1024
GZIP_LEVEL = 6  # what common servers use; each file is compressed on its own, as served

# The quiz runtime: what makes a page of questions work. Every other script and stylesheet in
# assets/small-moments/ is chrome: a few scripts on every page (quick exit, shared-device note,
# glossary, print, lazy.js) and the tool pages' own, which lazy.js loads on those pages only.
RUNTIME = {".js": ("store", "quiz-dom", "quiz-single", "quiz-multiple", "quiz-sort", "quiz-order",
                   "quiz-write", "quiz"),
           ".css": ("quiz",)}

# Budgets in bytes, minified and gzipped, summed over the files (tests/test_budget.py asserts them).
# The runtime's are issue 8's; the chrome's are ceilings against runaway growth (see BENCHMARKS.md).
BUDGETS = {"runtime JS": 8 * KIB, "chrome JS, every page": 3 * KIB, "chrome JS, tool pages": 17 * KIB,
           "runtime CSS": 3 * KIB, "chrome CSS": 2 * KIB}
# An exercise page may transfer at most this much more than a plain Material page, first visit.
PAGE_ALLOWANCE = 12 * KIB


def gzipped(data: bytes) -> int:
    """Bytes of `data` gzipped at GZIP_LEVEL."""
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def groups(folder: Path) -> dict[str, list[str]]:
    """File names in `folder` by budget group: the runtime's by name, chrome is everything else.

    The bundles a build writes are counted through their parts, not again as files."""
    runtime = [f"{name}.js" for name in RUNTIME[".js"]]
    every = [name for name in BUNDLES["bundle.js"] if name not in runtime]
    css = [f"{name}.css" for name in RUNTIME[".css"]]
    return {"runtime JS": runtime, "chrome JS, every page": every,
            "chrome JS, tool pages": sorted(f.name for f in folder.glob("*.js")
                                            if f.name not in [*runtime, *every, *BUNDLES]),
            "runtime CSS": css,
            "chrome CSS": sorted(f.name for f in folder.glob("*.css") if f.name not in [*css, *BUNDLES])}
