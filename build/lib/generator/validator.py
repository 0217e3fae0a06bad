"""A kit for reading located YAML nodes into values, collecting problems instead of raising."""

from __future__ import annotations

import difflib

from . import inline
from .hints import quoted
from .limits import ID_PATTERN
from .load import JOINERS, Mapping, Node, Scalar, Sequence
from .problems import Problem, codepoint, excerpt, is_hidden

MAX_ID = 60
MAX_TEXT = 2000


def describe(node: Node) -> str:
    """Say in plain words what an author wrote, for 'found … expected …' messages."""
    if isinstance(node, Mapping):
        return "a mapping (key: value pairs)"
    if isinstance(node, Sequence):
        return "a list"
    if node.tag == "null":
        return "nothing"
    if node.tag == "bool":
        return f"'{node.text}' (true/false)"
    if node.tag in ("int", "float"):
        return f"the number {node.text}"
    return f"'{excerpt(node.text)}'"


def hidden_in(text: str, plain: bool) -> str | None:
    """The first invisible or direction-changing character in `text`, or None.

    Running text may hold the zero-width joiners that emoji and several scripts need; `plain`
    text (ids, titles, summaries, labels, names) may not."""
    if text.isprintable():  # the usual case, checked at C speed
        return None
    for char in text:
        if is_hidden(char) and char not in "\n\t" and (plain or char not in JOINERS):
            return char
    return None


def _colon_hint(node: Node) -> str:
    """For a one-pair mapping where text was expected: the author's words, quoted."""
    if not isinstance(node, Mapping) or len(node.items) != 1:
        return ""
    [(key, value)] = node.items.items()
    if not isinstance(value, Scalar) or value.tag == "null" or "\n" in value.text:
        return ""
    fixed = excerpt(quoted(f"{key}: {value.text}"), 100)
    return (". A colon followed by a space makes YAML read a key and a value, so put the "
            f"text in quotes: {fixed}")


def suggest(word: str, choices: list[str]) -> str:
    """A ' — did you mean …?' hint for a misspelt name, or nothing."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


class Validator:
    """Reads located nodes into model values, collecting problems instead of raising."""

    def __init__(self, path: str, pages: set[str] | None = None) -> None:
        self.path = path
        self.pages = pages
        self.problems: list[Problem] = []

    def report(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.path, node.line, node.col, message))

    def mapping(self, node: Node, what: str, required: tuple[str, ...],
                optional: tuple[str, ...] = ()) -> Mapping | None:
        """Check that `node` is a mapping with the required keys and no unknown ones."""
        if not isinstance(node, Mapping):
            self.report(node, f"found {describe(node)} for {what}; expected a mapping with "
                        f"the keys {', '.join(required)}")
            return None
        allowed = list(required) + list(optional)
        for name, key in node.keys.items():
            if name not in allowed:
                self.report(key, f"unknown key '{excerpt(name)}' in {what}{suggest(name, allowed)}; "
                            f"allowed keys: {', '.join(allowed)}")
        for name in required:
            if name not in node.keys:
                self.report(node, f"{what} is missing the required key '{name}'")
        return node

    def text(self, node: Mapping, key: str, max_len: int = MAX_TEXT,
             plain: bool = False) -> str | None:
        """Read an optional text field of a mapping; None when absent or invalid.

        `plain` text (shown outside the page body, or used as an id) refuses every invisible
        character, the zero-width joiners too."""
        value = node.items.get(key)
        return None if value is None else self.scalar_text(value, f"'{key}'", max_len, plain)

    def scalar_text(self, value: Node, what: str, max_len: int = MAX_TEXT,
                    plain: bool = False) -> str | None:
        """Read a node as text; numbers and true/false keep the words the author wrote."""
        if not isinstance(value, Scalar) or value.tag == "null":
            self.report(value, f"found {describe(value)} for {what}; expected text"
                        f"{_colon_hint(value)}")
            return None
        text = value.text.strip() if value.tag != "str" else str(value.value).strip()
        if not text:
            self.report(value, f"found empty text for {what}; expected some words")
            return None
        if len(text) > max_len:
            self.report(value, f"{what} is {len(text)} characters long; expected at most {max_len}")
            return None
        hidden = hidden_in(text, plain)
        if hidden is not None:
            self.report(value, f"found the invisible character {codepoint(hidden)} in {what} "
                        f"('{excerpt(text)}'); expected visible text only (delete it, since it "
                        "hides text or changes the order in which text shows)")
            return None
        refused = [problem for link in inline.links(inline.parse(text))
                   if (problem := inline.link_problem(link, self.pages))]
        for problem in refused:
            self.report(value, f"in {what}, {problem}")
        return None if refused else text

    def plain(self, node: Mapping, key: str, max_len: int) -> str | None:
        """Read a text field shown outside the page body (titles, summaries): no < or >."""
        text = self.text(node, key, max_len, plain=True)
        if text is not None and ("<" in text or ">" in text):
            found = "<" if "<" in text else ">"
            self.report(node.items[key], f"found '{found}' in '{key}'; expected plain words "
                        "without < or > (a title appears in menus and the browser tab, where "
                        "they are not allowed)")
            return None
        return text

    def ident(self, node: Mapping, key: str) -> str | None:
        """Read an id: lowercase letters, digits and single hyphens."""
        text = self.text(node, key, MAX_ID, plain=True)
        if text is not None and not ID_PATTERN.match(text):
            self.report(node.items[key], f"found the {key} '{text}'; expected lowercase letters, "
                        "digits and single hyphens, such as 'sigh-after-work'")
            return None
        return text

    def integer(self, node: Mapping, key: str, low: int, high: int) -> int | None:
        """Read a whole number between `low` and `high` inclusive."""
        value = node.items.get(key)
        if value is None:
            return None
        if not isinstance(value, Scalar) or value.tag != "int" or not low <= value.value <= high:
            self.report(value, f"found {describe(value)} for '{key}'; expected a whole number "
                        f"from {low} to {high}")
            return None
        return int(value.value)  # type: ignore[call-overload]

    def boolean(self, node: Mapping, key: str, default: bool) -> bool:
        """Read true/false, or the default when the key is absent."""
        value = node.items.get(key)
        if value is None:
            return default
        if not isinstance(value, Scalar) or value.tag != "bool":
            self.report(value, f"found {describe(value)} for '{key}'; expected true or false")
            return default
        return bool(value.value)

    def sequence(self, node: Mapping, key: str, low: int, high: int, noun: str) -> list[Node]:
        """Read a list of `low` to `high` items; an empty list when absent or invalid."""
        value = node.items.get(key)
        if value is None:
            return []
        if not isinstance(value, Sequence):
            self.report(value, f"found {describe(value)} for '{key}'; expected a list of {noun}, "
                        "each item starting with '- '")
            return []
        if not low <= len(value.items) <= high:
            self.report(value, f"found {len(value.items)} {noun} in '{key}'; expected "
                        f"{low} to {high}")
        return value.items
