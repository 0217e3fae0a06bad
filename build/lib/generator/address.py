"""Page addresses: the one place a content path becomes a site address, and a link between two."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


def exercise_page_path(exercise_id: str) -> str:
    """Where an exercise's page lives, relative to the content folder."""
    return f"exercises/{exercise_id}.md"


def page_address(content_path: str) -> str:
    """The site address of a content page (the site does not use directory URLs)."""
    return content_path[:-3] + ".html" if content_path.endswith(".md") else content_path


def _relative(source: str, target: str) -> str:
    page, hash_, anchor = target.partition("#")
    if page == source and hash_:
        return "#" + anchor
    link = posixpath.relpath(page, posixpath.dirname(source) or ".")
    return link + (hash_ + anchor if hash_ else "")


def href(from_address: str, target: str) -> str:
    """The relative link from a built page to a content path or a site address (anchor kept)."""
    page, hash_, anchor = target.partition("#")
    return _relative(from_address, page_address(page) + hash_ + anchor)


def md_href(from_path: str, target: str) -> str:
    """The relative Markdown link from one content page to another (engines resolve .md links)."""
    return _relative(from_path, target)


@dataclass(frozen=True)
class Linker:
    """Links from one page: `html(target)` for markup, `md(target)` for Markdown text."""

    path: str

    @property
    def address(self) -> str:
        """The page's own site address."""
        return page_address(self.path)

    def html(self, target: str) -> str:
        """A link for an href attribute, to a content path or site address."""
        return href(self.address, target)

    def md(self, target: str) -> str:
        """A link for Markdown, to a content path (.md, optionally with #anchor)."""
        return md_href(self.path, target)
