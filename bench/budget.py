"""Which files are the quiz runtime and which are site-wide chrome, and their gzipped budgets."""

from __future__ import annotations

import gzip
from pathlib import Path

KIB = 1024
GZIP_LEVEL = 6  # what common servers use; each file is compressed on its own, as served

# The quiz runtime: what makes a page of questions work. Every other script and stylesheet in
# assets/small-moments/ is site-wide chrome (quick exit, glossary, My progress, print, counselors).
RUNTIME = {".js": ("store", "quiz-dom", "quiz-single", "quiz-multiple", "quiz-sort", "quiz-order",
                   "quiz-write", "quiz"),
           ".css": ("quiz",)}

# Budgets in bytes, minified and gzipped, summed over the files (tests/test_budget.py asserts them).
# The runtime's are issue 8's; the chrome's are ceilings against runaway growth (see BENCHMARKS.md).
BUDGETS = {"runtime JS": 8 * KIB, "runtime CSS": 3 * KIB, "chrome JS": 16 * KIB, "chrome CSS": 2 * KIB}
# An exercise page may transfer at most this much more than a plain Material page, first visit.
PAGE_ALLOWANCE = 12 * KIB


def gzipped(data: bytes) -> int:
    """Bytes of `data` gzipped at GZIP_LEVEL."""
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def groups(folder: Path) -> dict[str, list[str]]:
    """File names in `folder` by budget group: the runtime's by name, chrome is everything else."""
    result = {}
    for suffix, label in ((".js", "JS"), (".css", "CSS")):
        runtime = [f"{name}{suffix}" for name in RUNTIME[suffix]]
        result[f"runtime {label}"] = runtime
        result[f"chrome {label}"] = sorted(f.name for f in folder.glob(f"*{suffix}") if f.name not in runtime)
    return result
