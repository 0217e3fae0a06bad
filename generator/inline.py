"""The small inline Markdown that text fields may use: *emphasis*, **strong**, [links](page.md)
and line breaks. Anything else, raw HTML and underscores included, stays literal text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Union

ESCAPABLE = "\\*[]()"
_LINK = re.compile(r"\[((?:\\.|[^\\\]\n])+)\]\(((?:[^()\s]|\([^()\s]*\))*)\)")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_GUIDE_PAGE = re.compile(r"^((?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_-]*\.md)(#[A-Za-z0-9_-]+)?$")
_HTTPS = re.compile(r"^https://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$")


@dataclass(frozen=True)
class Text:
    """Plain text, shown exactly as written."""

    text: str
    kind: str = "text"


@dataclass(frozen=True)
class Break:
    """A line break inside one paragraph."""

    kind: str = "break"


@dataclass(frozen=True)
class Styled:
    """Emphasis ('em') or strong text ('strong') around other spans."""

    kind: str
    children: tuple["Span", ...]


@dataclass(frozen=True)
class Link:
    """A link to a guide page (`page`, with an optional `#anchor`) or an https address."""

    target: str
    children: tuple["Span", ...]
    page: str | None = None
    anchor: str = ""
    kind: str = "link"


Span = Union[Text, Break, Styled, Link]


def _closing(text: str, start: int, marker: str) -> int:
    """Where `marker` closes an emphasis opened just before `start`, or -1."""
    index = start
    while index < len(text):
        if text[index] == "\\" and index + 1 < len(text) and text[index + 1] in ESCAPABLE:
            index += 2
            continue
        if text.startswith(marker, index) and not text[index - 1].isspace():
            if marker == "*" and text.startswith("**", index):
                after = _closing(text, index + 2, "**")
                if after == -1:
                    return -1
                index = after + 2
                continue
            return index
        index += 1
    return -1


def _link(target: str, children: tuple[Span, ...]) -> Link:
    page = _GUIDE_PAGE.match(target)
    if page:
        return Link(target, children, page.group(1), page.group(2) or "")
    return Link(target, children)


def _styled(text: str, index: int) -> tuple[Styled, int] | None:
    """Emphasis or strong text opening at `index`, and where it ends; None if none opens."""
    for marker, kind in (("**", "strong"), ("*", "em")):
        if not text.startswith(marker, index):
            continue
        opens = index + len(marker)
        if opens >= len(text) or text[opens].isspace():
            return None
        end = _closing(text, opens, marker)
        if end <= opens:
            return None
        return Styled(kind, parse(text[opens:end])), end + len(marker)
    return None


@lru_cache(maxsize=8192)
def parse(text: str) -> tuple[Span, ...]:
    """Split text into spans; unmatched markers and all other syntax stay literal.

    Cached: validation and rendering both parse every text field."""
    spans: list[Span] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            spans.append(Text("".join(buffer)))
            buffer.clear()

    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in ESCAPABLE:
            buffer.append(text[index + 1])
            index += 2
            continue
        found: tuple[Span, int] | None = None
        if char == "\n":
            found = (Break(), index + 1)
        elif char == "[" and (match := _LINK.match(text, index)):
            found = (_link(match.group(2), parse(match.group(1))), match.end())
        elif char == "*":
            found = _styled(text, index)
        if found is None:
            buffer.append(char)
            index += 1
            continue
        flush()
        spans.append(found[0])
        index = found[1]
    flush()
    return tuple(spans)


def plain(spans: tuple[Span, ...]) -> str:
    """The words of the spans alone, as plain text: emphasis and links become their words."""
    parts: list[str] = []
    for span in spans:
        if isinstance(span, Text):
            parts.append(span.text)
        elif isinstance(span, Break):
            parts.append(" ")
        else:
            parts.append(plain(span.children))
    return "".join(parts)


def links(spans: tuple[Span, ...]) -> list[Link]:
    """Every link in the spans, nested ones included."""
    found: list[Link] = []
    for span in spans:
        if isinstance(span, Link):
            found.append(span)
            found.extend(links(span.children))
        elif isinstance(span, Styled):
            found.extend(links(span.children))
    return found


def link_problem(link: Link, pages: set[str] | None) -> str | None:
    """Why a link may not be used, in found/expected words; None when it is fine."""
    target = link.target
    if link.page is not None:
        if pages is None or link.page in pages:
            return None
        return (f"the link target '{target}' is not a page of the guide; expected a page in the "
                "content folder, such as 'practices/repair.md'")
    if _HTTPS.match(target):
        return None
    scheme = _SCHEME.match(target)
    if scheme:
        return (f"the link target '{target}' uses '{scheme.group(1)}:', which is not allowed; "
                "expected a guide page such as 'practices/repair.md' or an address starting "
                "with https://")
    return (f"the link target '{target or '(empty)'}' is not a guide page or web address; "
            "expected a page such as 'practices/repair.md' or an address starting with https://")
