"""Sweeps of the runtime's source: no value becomes a selector, no limit is written twice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import limits

SOURCE = Path(__file__).resolve().parent.parent / "theme_overrides" / "assets" / "small-moments"
SCRIPTS = sorted(SOURCE.glob("*.js"))
CALL = re.compile(r"\.(querySelector|querySelectorAll|closest|matches)\(")
STRING = r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
LITERAL = re.compile(rf"^\s*{STRING}\s*$")
# Helpers whose selector parameter is passed straight on; their callers are checked instead.
HELPERS = {("core.js", "selector"), ("quiz-dom.js", "selector")}
HELPER_CALL = re.compile(r"\bSM\.(find|text|content)\(")


def arguments(text: str, start: int) -> str:
    """The text between the parenthesis opened just before `start` and its match."""
    depth, position = 1, start
    quote = ""
    while depth:
        char = text[position]
        if quote:
            if char == "\\":
                position += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        position += 1
    return text[start:position - 1]


def split_top(text: str, separator: str = ",") -> list[str]:
    """Split code at `separator` where it stands outside quotes and brackets."""
    parts, depth, quote, current = [], 0, "", ""
    for index, char in enumerate(text):
        if quote:
            current += char
            if char == quote and text[index - 1] != "\\":
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += char
    parts.append(current)
    return parts


def safe_selector(argument: str) -> bool:
    """A literal, or a concatenation whose every non-literal piece goes through CSS.escape."""
    if LITERAL.match(argument):
        return True
    pieces = split_top(argument, "+")
    return len(pieces) > 1 and all(LITERAL.match(piece) or piece.strip().startswith("CSS.escape(")
                                   for piece in pieces)


def unsafe_calls() -> list[str]:
    found = []
    for script in SCRIPTS:
        text = script.read_text(encoding="utf-8")
        for match in CALL.finditer(text):
            argument = arguments(text, match.end())
            if safe_selector(argument) or (script.name, argument.strip()) in HELPERS:
                continue
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{script.name}:{line}: {match.group(1)}({argument})")
        for match in HELPER_CALL.finditer(text):
            parts = split_top(arguments(text, match.end()))
            if len(parts) < 2 or not safe_selector(parts[1]):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{script.name}:{line}: SM.{match.group(1)} with a selector that is not a literal")
    return found


def test_every_selector_is_a_literal_or_escapes_what_it_is_given():
    assert SCRIPTS
    assert unsafe_calls() == []


@pytest.mark.parametrize("bad", ["root.querySelector('[data-id=\"' + id + '\"]')",
                                 "root.querySelector(selector)", "node.closest(name)"])
def test_the_sweep_catches_a_value_put_into_a_selector(tmp_path, bad, monkeypatch):
    script = tmp_path / "bad.js"
    script.write_text(f"(function () {{ {bad}; }})();\n")
    monkeypatch.setattr(__import__(__name__), "SCRIPTS", [script])
    assert len(unsafe_calls()) == 1


def test_the_sweep_accepts_escaped_values(tmp_path, monkeypatch):
    script = tmp_path / "good.js"
    script.write_text("root.querySelector('[data-id=\"' + CSS.escape(id) + '\"]');\n"
                      "SM.find(root, \"li\", \"data-id\", id);\n")
    monkeypatch.setattr(__import__(__name__), "SCRIPTS", [script])
    assert unsafe_calls() == []


def test_no_script_parses_anything_as_code_or_markup():
    pattern = re.compile(r"\b(eval|Function)\(|innerHTML|outerHTML|insertAdjacentHTML|document\.write")
    assert [f"{s.name}: {m.group(0)}" for s in SCRIPTS
            for m in pattern.finditer(s.read_text(encoding="utf-8"))] == []


def test_limits_are_not_written_again_in_the_runtime():
    """The numbers and lists of generator/limits.py reach the runtime through the page only."""
    text = re.sub(r"/\*.*?\*/", "", "\n".join(s.read_text(encoding="utf-8") for s in SCRIPTS),
                  flags=re.S)
    for value in (limits.ASSIGNMENT_NOTE_CAP, limits.BID_NOTE_CAP, limits.TOWARD_STAYED,
                  limits.TOWARD_DIVORCED, limits.IMPORT_MAX_BYTES):
        assert not re.search(rf"(?<![\w.]){value}(?![\w.])", text), value
    assert '"MO"' not in text and "'MO'" not in text
    for _name, _legend, choices in limits.BID_FIELDS:
        for value, _label, words in choices:
            assert f'"{words}"' not in text, words
    settings = limits.runtime_settings()
    assert settings["days"] == list(limits.DAYS)
    assert settings["researchLines"] == [86, 33]


def unclosed_blocks(css: str) -> int:
    """How many `{` a stylesheet leaves open (comments and strings aside)."""
    bare = re.sub(rf"/\*.*?\*/|{STRING}", "", css, flags=re.S)
    depth = 0
    for char in bare:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return depth
    return depth


def test_every_stylesheet_closes_each_block_it_opens():
    # An unclosed rule does not fail: the browser nests everything after it inside, where no
    # selector matches (a merge once left one open and lost every rule that followed).
    sheets = sorted(SOURCE.glob("*.css"))
    assert len(sheets) > 5
    assert unclosed_blocks(".a { color: red;\n.b { color: blue; }") == 1
    assert {sheet.name: unclosed_blocks(sheet.read_text()) for sheet in sheets
            if unclosed_blocks(sheet.read_text())} == {}
