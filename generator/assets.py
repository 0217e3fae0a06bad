"""Minify the site's own scripts and stylesheets in the built site, and bundle what every page loads."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import rcssmin
import rjsmin

# Where the theme's runtime lands in the built site, relative to the site folder.
RUNTIME_DIR = Path("assets") / "small-moments"
# What every page loads, one file per kind (theme_overrides/main.html links the two bundles):
# gzip compresses them together far better than one by one, and a phone makes two requests,
# not fifteen. core.js first after the quick exit: it holds the register/start loop, which
# starts every registered feature once the whole bundle has run.
# A tool page's own scripts stay separate files that lazy.js loads on that page.
BUNDLES: dict[str, tuple[str, ...]] = {
    "bundle.js": ("exit.js", "core.js", "store.js", "device.js", "print.js", "where.js",
                  "menu.js", "lazy.js",
                  "quiz-dom.js", "quiz-single.js", "quiz-multiple.js", "quiz-sort.js",
                  "quiz-order.js", "quiz-write.js", "quiz.js"),
    "bundle.css": ("identity.css", "site.css", "quiz.css"),
}
# Between two scripts: a statement end, so no script can run into the next.
_JOINERS = {".js": ";\n", ".css": "\n"}


def _minify_js(text: str) -> str:
    return str(rjsmin.jsmin(text, keep_bang_comments=True))


def _minify_css(text: str) -> str:
    return str(rcssmin.cssmin(text, keep_bang_comments=True))


MINIFIERS: dict[str, Callable[[str], str]] = {".js": _minify_js, ".css": _minify_css}


def minify(text: str, suffix: str) -> str:
    """Minified `text` of a `.js` or `.css` file: comments and spare whitespace removed."""
    return MINIFIERS[suffix](text)


def minify_folder(folder: Path) -> int:
    """Minify every .js and .css file directly in `folder`; return the bytes saved."""
    saved = 0
    for file in sorted(folder.iterdir()) if folder.is_dir() else ():
        if file.suffix not in MINIFIERS or not file.is_file():
            continue
        text = file.read_text(encoding="utf-8")
        smaller = minify(text, file.suffix)
        if len(smaller) < len(text):
            file.write_text(smaller, encoding="utf-8")
            saved += len(text.encode()) - len(smaller.encode())
    return saved


def bundle_text(name: str, parts: list[str]) -> str:
    """The text of bundle `name` from its parts' texts, in order."""
    return _JOINERS[Path(name).suffix].join(part.strip() for part in parts) + "\n"


def bundle_folder(folder: Path) -> list[str]:
    """Write each of BUNDLES in `folder` from its files there, in order; return the names written."""
    for name, parts in BUNDLES.items():
        texts = [(folder / part).read_text(encoding="utf-8") for part in parts]
        (folder / name).write_text(bundle_text(name, texts), encoding="utf-8")
    return list(BUNDLES)


def finish_runtime(folder: Path) -> None:
    """What a build does to the runtime folder it copied: minify every file, then bundle."""
    minify_folder(folder)
    bundle_folder(folder)
