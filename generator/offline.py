"""The installable site: a web app manifest and a service worker, written into a finished site.

`finish_site` is the last step of every engine's build (the MkDocs plugin's on_post_build, the
Zensical adapter after `zensical build`): it finishes the runtime folder, writes
`manifest.webmanifest`, then lists every file now in the site with a hash of its bytes and writes
`sw.js` at the site's root (so its scope is the whole site, under any sub-path). sw.js holds
that list and a version fingerprint of it as data, then loads the worker's code from the
runtime folder (theme_overrides/assets/small-moments/sw.js). A new build with any changed
file has a new sw.js, which is how browsers learn that a new version was published.

Every address in both files is relative, so the site works wherever it is hosted. No MkDocs
import here: an adapter passes its configuration as a plain mapping."""

from __future__ import annotations

import fnmatch
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .assets import RUNTIME_DIR, finish_runtime

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
# The worker's code, as the theme ships it (minified by finish_runtime); sw.js imports it.
WORKER_CODE = (RUNTIME_DIR / "sw.js").as_posix()
ICONS = (RUNTIME_DIR / "icons").as_posix()
# Built files a reader never needs offline: source maps, the zipped sitemap for search engines
# (Material's instant navigation reads sitemap.xml, which is kept), the address list for
# authors, and lunr's other languages (the site's search is in English).
SKIPPED = ("*.map", "sitemap.xml.gz", "urls.txt", "assets/javascripts/lunr/*",
           "assets/vendor/*/LICENSE", "assets/vendor/*/SOURCE", "assets/small-moments/icons/icon.svg")
HASH_LENGTH = 12


def app_manifest(config: Mapping[str, Any]) -> dict[str, Any]:
    """The web app manifest from the site's configuration (mkdocs.yml: site_name,
    site_description, theme.language, extra.app)."""
    extra = config.get("extra") or {}
    app = extra.get("app") or {}
    theme = config.get("theme") or {}
    language = theme.get("language", "en") if hasattr(theme, "get") else "en"
    name = str(config.get("site_name") or "Small Moments")
    return {
        "name": name,
        "short_name": str(app.get("short_name") or name),
        "description": str(config.get("site_description") or ""),
        "lang": str(language or "en"),
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": str(app.get("theme_color") or "#ffffff"),
        "background_color": str(app.get("background_color") or "#ffffff"),
        "icons": [
            {"src": f"{ICONS}/icon-192.png", "sizes": "192x192", "type": "image/png",
             "purpose": "any"},
            {"src": f"{ICONS}/icon-512.png", "sizes": "512x512", "type": "image/png",
             "purpose": "any"},
            {"src": f"{ICONS}/icon-maskable-512.png", "sizes": "512x512", "type": "image/png",
             "purpose": "maskable"},
        ],
    }


def kept_offline(path: str) -> bool:
    """Whether a built file (its path in the site, with /) is kept for reading offline."""
    return path != WORKER and not path.startswith(".") and not any(
        fnmatch.fnmatch(path, pattern) for pattern in SKIPPED)


# Each file's hash by its path, modification time and size: what a long-running build (serve)
# keeps from one finish to the next, so that only the files it rewrote are read again.
Hashes = dict[tuple[str, int, int], str]


def precache_list(site: Path, hashes: Hashes | None = None) -> list[list[str]]:
    """Every file the worker keeps, as [path in the site, start of its SHA-256], sorted.

    With `hashes`, a file whose path, time and size are there is not read again; `hashes` is
    left holding exactly the files listed now."""
    files = []
    known = dict(hashes or {})
    if hashes is not None:
        hashes.clear()
    for file in sorted(site.rglob("*")):
        path = file.relative_to(site).as_posix()
        if file.is_file() and kept_offline(path):
            stat = file.stat()
            key = (path, stat.st_mtime_ns, stat.st_size)
            digest = known.get(key) or hashlib.sha256(file.read_bytes()).hexdigest()[:HASH_LENGTH]
            if hashes is not None:
                hashes[key] = digest
            files.append([path, digest])
    return files


def fingerprint(files: list[list[str]]) -> str:
    """One version string for the whole list: it changes when any file's path or bytes do."""
    digest = hashlib.sha256()
    for path, file_hash in files:
        digest.update(f"{path}\0{file_hash}\n".encode())
    return digest.hexdigest()[:HASH_LENGTH]


def worker_text(files: list[list[str]]) -> str:
    """The text of sw.js: the list and its version as data, then the worker's code."""
    data = json.dumps({"version": fingerprint(files), "files": files}, separators=(",", ":"))
    return (f"/* Small Moments: the offline copy's file list (generator/offline.py). */\n"
            f"self.SM_OFFLINE = {data};\nimportScripts({json.dumps(WORKER_CODE)});\n")


def write_offline_app(site: Path, config: Mapping[str, Any], hashes: Hashes | None = None) -> str:
    """Write the manifest, then sw.js listing every file now in the site; return the version."""
    (site / MANIFEST).write_text(json.dumps(app_manifest(config), indent=2) + "\n",
                                 encoding="utf-8")
    files = precache_list(site, hashes)
    (site / WORKER).write_text(worker_text(files), encoding="utf-8")
    return fingerprint(files)


def finish_site(site: Path, config: Mapping[str, Any], runtime: bool = True,
                hashes: Hashes | None = None) -> None:
    """What every engine's build does last, once all its files are written: finish the runtime
    folder (minify, bundle; not when an incremental build copied none of it), then write the
    installable site's manifest and worker."""
    if runtime:
        finish_runtime(site / RUNTIME_DIR)
    write_offline_app(site, config, hashes)
