"""Put a freshly built site in place of the old one only once it is complete."""

from __future__ import annotations

import shutil
from pathlib import Path


def replace_folder(built: Path, target: Path) -> None:
    """Move the folder `built` to `target`, replacing what was there in two quick renames.

    A folder elsewhere is first copied beside `target` (the same file system), so a failure
    before the swap leaves the old folder as it was."""
    target, built = target.resolve(), built.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    outgoing = target.with_name(f".{target.name}.old")
    if outgoing.exists():
        shutil.rmtree(outgoing)
    if built.parent != target.parent:
        incoming = target.with_name(f".{target.name}.new")
        if incoming.exists():
            shutil.rmtree(incoming)
        shutil.copytree(built, incoming)
        built = incoming
    if target.exists():
        target.rename(outgoing)
    built.rename(target)
    if outgoing.exists():
        shutil.rmtree(outgoing)
