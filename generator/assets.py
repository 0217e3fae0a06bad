"""Minify the site's own scripts and stylesheets in the built site, in place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import rcssmin
import rjsmin

# Where the theme's runtime lands in the built site, relative to the site folder.
RUNTIME_DIR = Path("assets") / "small-moments"


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
