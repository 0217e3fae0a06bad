"""Problems found in author input, kept as values and reported together."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Characters a terminal or editor would hide or use to reorder text: format characters (Cf:
# bidirectional controls, zero-width spaces and joiners, the byte-order mark...), control
# characters (Cc) and the line and paragraph separators. Messages show them as [U+XXXX].
_HIDDEN = ("Cf", "Cc", "Zl", "Zp")
# No message is longer than this: a message quotes an author's text only in short excerpts, and
# this cut keeps any quote it takes whole (a long link target, say) short too.
MAX_MESSAGE = 400


def codepoint(char: str) -> str:
    """A character as U+XXXX."""
    return f"U+{ord(char):04X}"


def is_hidden(char: str) -> bool:
    """True for a character that shows as nothing, or changes how the text around it shows."""
    return unicodedata.category(char) in _HIDDEN


def visible(text: str) -> str:
    """`text` with every hidden character written out as [U+XXXX]."""
    if all(not is_hidden(char) for char in text):
        return text
    return "".join(f"[{codepoint(char)}]" if is_hidden(char) else char for char in text)


def excerpt(text: str, limit: int = 40) -> str:
    """A short piece of an author's text for a message: one line, at most `limit` characters
    (cut with '…'), hidden characters shown as [U+XXXX]."""
    text = " ".join(text.split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return visible(text)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in an input file, located like a compiler diagnostic.

    The message never carries a hidden character (any it quotes is shown as [U+XXXX]) and is
    at most MAX_MESSAGE characters long."""

    path: str
    line: int
    col: int
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", visible(self.path))
        message = visible(self.message)
        if len(message) > MAX_MESSAGE:
            message = message[: MAX_MESSAGE - 1] + "…"
        object.__setattr__(self, "message", message)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Order problems by file, line and column, dropping exact repeats."""
    return sorted(set(problems))
