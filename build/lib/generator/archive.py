"""The offline bundle: the built site as one zip, ready to unzip and open from a folder."""

from __future__ import annotations

import zipfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

FOLDER = "small-moments"


def project_version() -> str:
    """The installed project's version, as in pyproject.toml."""
    try:
        return version("small-moments")
    except PackageNotFoundError:  # pragma: no cover - only when run from an uninstalled tree
        return "0"


def bundle(site: Path, dist: Path) -> Path:
    """Zip every file under `site` into dist/small-moments-<version>.zip, in one top folder."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site}/index.html is missing; build the site first (make site)")
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / f"{FOLDER}-{project_version()}.zip"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                archive.write(path, f"{FOLDER}/{path.relative_to(site).as_posix()}")
    return target
