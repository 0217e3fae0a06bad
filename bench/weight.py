"""Page weight: what a reader downloads for a page, first visit and a second page, raw and gzipped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.assets import BUNDLES, bundle_text, minify

from . import chromium, serve
from .budget import groups, gzipped

KINDS = {"document": "HTML", "stylesheet": "CSS", "script": "JS"}
_INLINE = re.compile(rb"<(script|style)(?![^>]*\bsrc=)[^>]*>(.*?)</\1>", re.S | re.I)


@dataclass(frozen=True)
class Size:
    """Bytes as stored and gzipped."""

    raw: int = 0
    gz: int = 0

    def __add__(self, other: Size) -> Size:
        return Size(self.raw + other.raw, self.gz + other.gz)


def size_of(data: bytes) -> Size:
    """The raw and gzipped size of some bytes."""
    return Size(len(data), gzipped(data))


@dataclass
class Visit:
    """The bytes of one page load by kind (HTML, CSS, JS, other), and inline code in the HTML."""

    kinds: dict[str, Size] = field(default_factory=dict)
    inline: Size = Size()
    files: int = 0

    @property
    def page(self) -> Size:
        """HTML, CSS and JS together: the figure the targets use."""
        return sum((self.kinds.get(k, Size()) for k in ("HTML", "CSS", "JS")), Size())


def _local(site: Path, base: str, url: str) -> Path | None:
    if not url.startswith(base):
        return None
    path = unquote(urlsplit(url).path)[len(urlsplit(base).path):]
    file = site / (path or "index.html")
    return file / "index.html" if file.is_dir() else file


def _visit(site: Path, base: str, requests: list[tuple[str, str]], cached: set[str]) -> Visit:
    visit = Visit()
    for kind, url in requests:
        file = _local(site, base, url)
        if url in cached or file is None or not file.is_file():
            continue
        cached.add(url)
        data = file.read_bytes()
        label = KINDS.get(kind, "other")
        visit.kinds[label] = visit.kinds.get(label, Size()) + size_of(data)
        visit.files += 1
        if label == "HTML":
            for match in _INLINE.finditer(data):
                visit.inline = visit.inline + size_of(match.group(2))
    return visit


def visits(site: Path, first: str, second: str) -> tuple[Visit, Visit]:
    """Load `first` then `second` (site-relative) in one fresh browser profile, over http.

    On the second page, files already fetched count as cached (a host sending cache headers)."""
    with serve.serving(site) as base, chromium.browser() as browser:
        context = browser.new_context()
        requests: list[tuple[str, str]] = []
        context.on("request", lambda request: requests.append((request.resource_type, request.url)))
        page = context.new_page()
        loads = []
        for path in (first, second):
            requests.clear()
            page.goto(base + path, wait_until="networkidle")
            loads.append(list(requests))
        context.close()
    cached: set[str] = set()
    return _visit(site, base, loads[0], cached), _visit(site, base, loads[1], cached)


@dataclass(frozen=True)
class AssetSize:
    """One group of asset files: raw, minified, minified and gzipped, and gzipped as built."""

    files: int
    raw: int
    minified: int
    minified_gz: int
    built_gz: int


def _group(files: list[Path], built: list[Path]) -> AssetSize:
    texts = [file.read_text(encoding="utf-8") for file in files]
    small = [minify(text, file.suffix).encode() for text, file in zip(texts, files)]
    return AssetSize(len(files), sum(len(t.encode()) for t in texts), sum(map(len, small)),
                     sum(gzipped(s) for s in small),
                     sum(gzipped(file.read_bytes()) for file in built if file.is_file()))


def runtime(source: Path, built: Path) -> dict[str, AssetSize]:
    """Our runtime and chrome by group (see budget.py), from the sources and from a built site."""
    return {name: _group([source / n for n in names], [built / n for n in names])
            for name, names in groups(source).items()}


def mkdocs_quiz_runtime(package: Path) -> dict[str, AssetSize]:
    """mkdocs-quiz's JS (with its bundled confetti) and CSS, which it inlines into every quiz page."""
    js = [package / "js" / "quiz.js", package / "js" / "vendor" / "js-confetti.browser.js"]
    css = [package / "css" / "quiz.css"]
    return {"runtime JS": _group(js, js), "runtime CSS": _group(css, css)}


def bundled(source: Path) -> dict[str, tuple[int, int]]:
    """Each bundle every page loads (generator.assets.BUNDLES), from the sources minified:
    its parts gzipped one by one, and gzipped as the one file the build writes."""
    result = {}
    for name, parts in BUNDLES.items():
        small = [minify((source / part).read_text(encoding="utf-8"), Path(part).suffix) for part in parts]
        result[name] = (sum(gzipped(s.encode()) for s in small), gzipped(bundle_text(name, small).encode()))
    return result
