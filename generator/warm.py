"""What `mkdocs serve` keeps of MkDocs' own work from one rebuild to the next (a helper of the
MkDocs adapter, plugin.py; nothing in the core uses it).

Each rebuild makes a new theme environment: MkDocs compiles every theme template it renders
again, and lists every file in the theme folders again (Material ships 14,000 icons) to find
the theme's static files. Under serve the plugin gives each new environment the templates
compiled before (Jinja's bytecode cache, which checks each template's source) and the theme's
file list, listed again when any theme folder gained, lost or renamed a file."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Hashable
from typing import Any

import jinja2
from jinja2.bccache import Bucket


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates in memory, by name and source checksum (Jinja's own key and check)."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.kept.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


def folder_marks(folders: list[str]) -> tuple[tuple[str, int], ...]:
    """Every folder under `folders` with its modification time: a file added, removed or
    renamed anywhere in them changes one of these."""
    marks = []
    for top in folders:
        for folder, _, _ in os.walk(top):
            marks.append((folder, os.stat(folder).st_mtime_ns))
    return tuple(marks)


class WarmTheme:
    """Compiled templates and the theme's file lists, kept across the rebuilds of one serve."""

    def __init__(self) -> None:
        self.templates = CompiledTemplates()
        self._lists: dict[Hashable, list[str]] = {}

    def adopt(self, theme: Any) -> None:
        """Make `theme` (a new build's) give environments that use what is kept."""
        make: Callable[[], jinja2.Environment] = theme.get_env

        def get_env() -> jinja2.Environment:
            env = make()
            env.bytecode_cache = self.templates
            env.list_templates = functools.partial(  # type: ignore[method-assign]
                self._listed, env.list_templates, theme)
            return env

        theme.get_env = get_env

    def _listed(self, list_templates: Callable[..., list[str]], theme: Any,
                extensions: Any = None, filter_func: Any = None) -> list[str]:
        """The environment's own list_templates, kept by its arguments and the theme folders'
        marks. A filter is known by its code: MkDocs' reads only the theme's static templates,
        which are part of the key."""
        key = (tuple(theme.dirs), tuple(sorted(theme.static_templates)),
               tuple(extensions) if extensions is not None else None,
               getattr(filter_func, "__code__", filter_func), folder_marks(theme.dirs))
        if key not in self._lists:
            self._lists = {key: list_templates(extensions=extensions, filter_func=filter_func)}
        return list(self._lists[key])
