"""Plain hints for the YAML syntax mistakes authors make most, each with the corrected line.

Every hint is one sentence built from the author's own line, such as
`put the text in quotes: prompt: "Why? Because: it matters"`. A hint may also move the
problem to where the mistake is (a missing space after ':' is only noticed a line later)."""

from __future__ import annotations

import re

from .problems import excerpt

# `key: value` or `- key: value` at the start of a line; group 1 ends just after the ': '.
_KEY = re.compile(r"^(\s*(?:-[ \t]+)*)([A-Za-z_][\w-]*):(?:[ \t]+|$)")
_NO_SPACE_COLON = re.compile(r"^(\s*(?:-[ \t]+)*)([A-Za-z_][\w-]*):(?![\s:/])(\S)")
_NO_SPACE_DASH = re.compile(r"^(\s*)-(?![\s-])(\S)")
_QUOTE = re.compile(r"^(\s*(?:-[ \t]+)*(?:[A-Za-z_][\w-]*:[ \t]+)?)([\"'])")
MAX_EXAMPLE = 100


def source_lines(text: str) -> list[str]:
    """The lines of a file as YAML counts them (a line ends at \\n, \\r\\n or \\r)."""
    return re.split(r"\r\n|\r|\n", text)


def quoted(text: str) -> str:
    """`text` as one YAML string in quotes: double quotes unless it holds " or \\."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def example(line: str) -> str:
    """A corrected line to show in a message, without its indentation and kept short."""
    return excerpt(line.strip(), MAX_EXAMPLE)


def _content_column(line: str) -> int:
    """Where a line's first key or value starts, after its indentation and any '- '."""
    match = re.match(r"^(\s*(?:-[ \t]+)*)", line)
    return len(match.group(1)) if match else 0


def _previous(lines: list[str], index: int) -> int | None:
    """The nearest line above `index` with content (not blank, not only a comment)."""
    for number in range(index - 1, -1, -1):
        stripped = lines[number].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _tab(lines: list[str], index: int) -> tuple[int, int, str] | None:
    line = lines[index]
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" not in indent:
        return None
    above = _previous(lines, index)
    width = indent.count(" ") + 2 * indent.count("\t")
    if above is not None and not lines[above].rstrip().endswith(":"):
        width = _content_column(lines[above])
    return (index, indent.index("\t"), "YAML does not allow tabs for indenting, so use spaces: "
            f"start the line with {width} spaces, then {example(line)}")


def _no_space_after_colon(lines: list[str], index: int) -> tuple[int, int, str] | None:
    line = lines[index]
    match = _NO_SPACE_COLON.match(line)
    if match is None or _KEY.match(line):
        return None
    colon = match.end(2)
    fixed = line[: colon + 1] + " " + line[colon + 1:]
    return (index, colon, f"a key needs a space after its colon: {example(fixed)}")


def _no_space_after_dash(lines: list[str], index: int) -> tuple[int, int, str] | None:
    line = lines[index]
    match = _NO_SPACE_DASH.match(line)
    if match is None or line.strip().startswith("---"):
        return None
    dash = match.end(1)
    fixed = line[: dash + 1] + " " + line[dash + 1:]
    return (index, dash, f"a list item needs a space after its dash: {example(fixed)}")


def _colon_in_text(lines: list[str], index: int, col: int) -> tuple[int, int, str] | None:
    line = lines[index]
    match = _KEY.match(line)
    if match is None or col < match.end() or line[match.end():match.end() + 1] in ("'", '"'):
        return None
    value = line[match.end():].rstrip()
    fixed = line[: match.end()] + quoted(value)
    return (index, col, "a colon followed by a space starts a new key, so put the text in "
            f"quotes: {example(fixed)}")


def _leading_quote(lines: list[str], index: int, col: int) -> tuple[int, int, str] | None:
    line = lines[index]
    match = _QUOTE.match(line)
    if match is None:
        return None
    start = match.end(1)
    quote = match.group(2)
    close = line.find(quote, start + 1)
    while quote == "'" and close != -1 and line[close + 1: close + 2] == "'":
        close = line.find(quote, close + 2)
    rest = line[close + 1:].strip() if close != -1 else ""
    if close == -1 or not rest or rest.startswith("#") or col <= close:
        return None
    value = line[start:].rstrip()
    fixed = line[:start] + quoted(value)
    return (index, col, "text that starts with a quote must end with it, so put the whole text "
            f"in quotes: {example(fixed)}")


def _indentation(lines: list[str], index: int) -> tuple[int, int, str] | None:
    """A key line indented unlike any key above: line it up with the nearest fitting one."""
    line = lines[index]
    if not (_KEY.match(line) or line.lstrip().startswith("- ")):
        return None
    have = len(line) - len(line.lstrip(" "))
    best: tuple[int, int] | None = None  # (distance, line number above)
    previous = _previous(lines, index)
    if previous is not None and lines[previous].lstrip().startswith("- ") \
            and _KEY.match(lines[previous]):
        # Right under a list item's first key, a line most likely continues that item.
        best = (abs(_content_column(lines[previous]) - have), previous)
    else:
        # Otherwise line it up with the nearest key above whose indentation is closest.
        for number in range(index - 1, -1, -1):
            match = _KEY.match(lines[number])
            if match is None:
                continue
            distance = abs(len(match.group(1)) - have)
            if best is None or distance < best[0]:
                best = (distance, number)
    if best is None or best[0] == 0:
        return None
    above = best[1]
    key = _KEY.match(lines[above])
    want = len(key.group(1))  # type: ignore[union-attr]
    start = f"start it with {want} spaces, then" if want else "start it at the beginning of " \
        "the line:"
    return (index, have, f"line it up with '{key.group(2)}' on line {above + 1}: "  # type: ignore[union-attr]
            f"{start} {example(line)}")


def syntax_hint(text: str, problem: str, line: int, col: int,
                context_line: int | None) -> tuple[int, int, str] | None:
    """A hint for a YAML syntax error at 0-based `line`, `col`: (line, col, sentence) or None."""
    lines = source_lines(text)
    if not 0 <= line < len(lines):
        line = len(lines) - 1
        col = len(lines[line]) if lines else 0
    above = _previous(lines, line)
    candidates = [line] + ([context_line] if context_line not in (None, line) else [])
    for index in candidates:
        if index is not None and 0 <= index < len(lines) and (found := _tab(lines, index)):
            return found
    if "could not find expected ':'" in problem:
        for index in candidates + ([above] if above is not None else []):
            if index is not None and 0 <= index < len(lines):
                found = _no_space_after_colon(lines, index) or _no_space_after_dash(lines, index)
                if found:
                    return found
        return None
    if "mapping values are not allowed" in problem:
        found = _colon_in_text(lines, line, col)
        if found:
            return found
        if above is not None:
            found = _no_space_after_dash(lines, above) or _no_space_after_colon(lines, above)
            if found:
                return found
        return _indentation(lines, line)
    if "did not find expected" in problem:
        return _leading_quote(lines, line, col) or _indentation(lines, line)
    return None
