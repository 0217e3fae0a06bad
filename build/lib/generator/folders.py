"""Files stay inside their folders: links that lead elsewhere are refused, never followed.

exercises/, daily/ and content/ are read as they are: a link in one of them that points outside
it could pull another file's text into a message or onto the published site. A link is judged
by where it points, worked out from the link itself; the file it points to is never opened, and
messages name the link only."""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problem


def leads_outside(path: Path, folder: Path) -> bool:
    """True when `path`, found in `folder`, is a link (or inside a link) that points outside it."""
    try:
        return not path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links, or a link we may not read
        return True


def link_problem(shown: str, folder: str) -> Problem:
    """The message for a link that leads outside its folder, naming the link only."""
    return Problem(shown, 1, 1, f"this is a link to a place outside the {folder} folder; "
                   "expected a real file inside the folder (the link was not followed)")


def content_problems(content: Path, base: Path | None = None) -> list[Problem]:
    """Every link under the content folder that leads outside it, as located problems.

    MkDocs follows links in its docs folder and publishes what they point to, so a link to
    a file elsewhere on the machine would be copied onto the site. Nothing here is followed:
    the walk does not enter linked folders and reads no file. Paths are shown relative to
    `base` when given."""
    problems: list[Problem] = []
    if not content.is_dir():
        return problems
    name = content.absolute().name or str(content)
    parent = content.absolute().parent
    if content.is_symlink() and leads_outside(content, parent):
        shown = os.path.relpath(content, base) if base is not None else str(content)
        return [link_problem(Path(shown).as_posix(), parent.name or str(parent))]
    for folder, dirs, files in os.walk(content, followlinks=False):
        for entry in sorted(dirs) + sorted(files):
            path = Path(folder) / entry
            if path.is_symlink() and leads_outside(path, content):
                shown = os.path.relpath(path, base) if base is not None else str(path)
                problems.append(link_problem(Path(shown).as_posix(), name))
    return sorted(problems)
