"""What a long-running adapter keeps from one plan of a project to the next (`mkdocs serve`).

Each exercise file's load and validation is kept by the file's content (and the guide pages it
was checked against); each generated file's render by everything its template reads. A plan
made with a cache is the same as one made without: the cache only skips work whose inputs have
not changed. Entries no plan asked for (nor a render it reused was made from) are dropped, so
the cache holds one site's worth."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class PlanCache:
    """Checked exercise files by content, and rendered outputs by their inputs."""

    def __init__(self) -> None:
        self._checked: dict[Hashable, Any] = {}
        self._rendered: dict[Hashable, Any] = {}
        self._used_checked: dict[Hashable, Any] = {}
        self._used_rendered: dict[Hashable, Any] = {}
        # The kept renders each render was made from (a list page's entries), and the renders
        # being made now: reusing a whole page keeps its entries for the next plan that needs them.
        self._parts: dict[Hashable, tuple[Hashable, ...]] = {}
        self._used_parts: dict[Hashable, tuple[Hashable, ...]] = {}
        self._making: list[list[Hashable]] = []
        # Each exercise file's digest by path, with the size and times it was read at.
        self._digests: dict[str, tuple[tuple[int, int, int, int], bytes]] = {}
        # What the last plan had to do again: checked files and rendered outputs.
        self.checked_again = 0
        self.rendered_again = 0
        self._complete = False

    def start(self) -> None:
        """Begin a plan. After a complete one, keep only what it used (its outputs are rendered
        by then); after one that stopped on problems, keep everything, to build again quickly
        once they are fixed."""
        if self._complete:
            self._checked, self._rendered = self._used_checked, self._used_rendered
            self._parts = self._used_parts
        else:
            self._checked.update(self._used_checked)
            self._rendered.update(self._used_rendered)
            self._parts.update(self._used_parts)
        self._used_checked, self._used_rendered, self._used_parts = {}, {}, {}
        self.checked_again = self.rendered_again = 0
        self._complete = False

    def complete(self) -> None:
        """The plan had no problems: the next one may drop what this one did not use."""
        self._complete = True

    def checked(self, file: Path, context: Hashable, check: Callable[[], T]) -> T:
        """`check()` of one exercise file, kept by its bytes and `context`."""
        try:
            digest: Hashable = self._digest(file)
        except OSError:
            return check()  # the check reports why it cannot be read; nothing to keep
        key = (str(file), digest, context)
        if key in self._checked:
            value = self._checked[key]
        else:
            value = check()
            self.checked_again += 1
        self._used_checked[key] = value
        return value

    def _digest(self, file: Path) -> bytes:
        """A digest of the file's bytes, read again only when its size or times have changed
        (what MkDocs' own `--dirty` goes by, and its inode and change time besides)."""
        stat = file.stat()
        mark = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        known = self._digests.get(str(file))
        if known is not None and known[0] == mark:
            return known[1]
        digest = hashlib.blake2b(file.read_bytes(), digest_size=16).digest()
        self._digests[str(file)] = (mark, digest)
        return digest

    def rendered(self, key: Hashable, render: Callable[[], T]) -> Callable[[], T]:
        """`render`, run once for as long as its `key` (everything it reads) stays the same."""

        def cached() -> T:
            if self._making:
                self._making[-1].append(key)
            if key not in self._used_rendered:
                if key in self._rendered:
                    self._reuse(key)
                else:
                    self._making.append([])
                    try:
                        value = render()
                    finally:
                        parts = tuple(self._making.pop())
                    self.rendered_again += 1
                    self._used_rendered[key] = value
                    self._used_parts[key] = parts
            return self._used_rendered[key]  # type: ignore[no-any-return]

        return cached

    def _reuse(self, key: Hashable) -> None:
        """Keep a render for this plan, with every kept render it was made from."""
        waiting = [key]
        while waiting:
            found = waiting.pop()
            if found in self._used_rendered or found not in self._rendered:
                continue
            self._used_rendered[found] = self._rendered[found]
            self._used_parts[found] = self._parts.get(found, ())
            waiting.extend(self._used_parts[found])

    def piece(self, key: Hashable, render: Callable[[], T]) -> T:
        """`render()` of one exercise's entry in a page that lists every exercise, kept by `key`:
        a save that changes one exercise renders only its entries again, then joins them."""
        return self.rendered(("piece", key), render)()
