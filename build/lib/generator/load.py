"""Read YAML safely into a tree of nodes that remember their line and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

import unicodedata

import yaml
from yaml.constructor import SafeConstructor

from .hints import example, quoted, source_lines, syntax_hint
from .problems import Problem, codepoint, excerpt, is_hidden

# libyaml composes twenty times faster than PyYAML's pure-Python reader (bench/), with the same
# safe tag set and line and column marks; the pure-Python one stands in where libyaml is missing.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 40
MAX_NODES = 50_000

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}


@dataclass(frozen=True)
class Scalar:
    """A text, number, boolean or empty value, with its raw source text."""

    value: object
    text: str
    tag: str
    line: int
    col: int


@dataclass(frozen=True)
class Sequence:
    """A YAML list."""

    items: list["Node"]
    line: int
    col: int


@dataclass(frozen=True)
class Mapping:
    """A YAML mapping with text keys; `keys` holds each key's own scalar node."""

    items: dict[str, "Node"]
    keys: dict[str, Scalar]
    line: int
    col: int


Node = Union[Scalar, Sequence, Mapping]


@dataclass
class Loaded:
    """The result of reading one file: a root node, or the problems that stopped it."""

    path: str
    root: Node | None = None
    problems: list[Problem] = field(default_factory=list)


class _TooLarge(Exception):
    """Raised inside the walk when a document grows past a cap."""

    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


def _position(mark: yaml.Mark | None) -> tuple[int, int]:
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _short(text: str, limit: int = 40) -> str:
    return excerpt(text, limit)


# Joiners that emoji sequences and several scripts need inside running text; the validator
# still refuses them where text must be plain (ids, titles, summaries). Every other hidden
# character is refused anywhere in a file, comments included: bidirectional controls can make
# a line show in a different order than it is stored ("Trojan Source").
JOINERS = frozenset("\u200c\u200d")
MAX_HIDDEN = 10


def hidden_problems(text: str, path: str) -> list[Problem]:
    """Each invisible or direction-changing character in `text`, located, at most MAX_HIDDEN."""
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.isprintable():  # the usual case, checked at C speed: nothing hidden here
            continue
        for col, char in enumerate(line, start=1):
            if char in JOINERS or char in "\t\r" or not is_hidden(char):
                continue
            if len(problems) == MAX_HIDDEN:
                problems[-1] = Problem(path, problems[-1].line, problems[-1].col,
                                       problems[-1].message + " (and more after it)")
                return problems
            name = unicodedata.name(char, "a format character")
            problems.append(Problem(path, number, col, f"found the invisible character "
                                    f"{codepoint(char)} ({name}); delete it, since it hides "
                                    "text or changes the order in which text shows"))
    return problems


class _Builder:
    """Turns PyYAML's composed node graph into located nodes, collecting problems."""

    def __init__(self, path: str, lines: list[str] | None = None) -> None:
        self.path = path
        self.lines = lines or []
        self.problems: list[Problem] = []
        self.count = 0
        self.constructor = SafeConstructor()

    def problem(self, node: yaml.Node, message: str) -> None:
        line, col = _position(node.start_mark)
        self.problems.append(Problem(self.path, line, col, message))

    def build(self, node: yaml.Node, depth: int = 0) -> Node | None:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge(node, f"the document has more than {MAX_NODES:,} values "
                            "(aliases may expand it); expected a small exercise file")
        if depth > MAX_DEPTH:
            raise _TooLarge(node, f"the document nests deeper than {MAX_DEPTH} levels; "
                            "expected an exercise a few levels deep")
        line, col = _position(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth, line, col)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                self.problem(node, f"found the YAML tag '{_short(node.tag, 80)}'; expected a plain list without tags")
                return None
            items = [self.build(child, depth + 1) for child in node.value]
            return Sequence([item for item in items if item is not None], line, col)
        return self._scalar(node, line, col)

    def _scalar(self, node: yaml.ScalarNode, line: int, col: int) -> Scalar | None:
        if node.tag not in _SCALAR_TAGS:
            self.problem(node, f"found the YAML tag '{_short(node.tag, 80)}'; expected plain text, "
                         "a number, true/false or nothing (tags are not allowed)")
            return None
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as error:
            self.problem(node, f"found '{_short(node.value)}', which YAML cannot read as "
                         f"{node.tag.removeprefix(_TAG)} ({error}); expected a valid value")
            return None
        self._comment_after(node)
        return Scalar(value, node.value, node.tag.removeprefix(_TAG), line, col)

    def _comment_after(self, node: yaml.ScalarNode) -> None:
        """Refuse plain text followed by ' #' on its line: YAML drops the rest as a comment."""
        if node.style not in (None, "") or node.tag != _TAG + "str" or node.end_mark is None:
            return
        end = node.end_mark
        if not 0 <= end.line < len(self.lines):
            return
        source = self.lines[end.line]
        rest = source[end.column:]
        if not rest.lstrip(" \t").startswith("#") or rest[:1] not in (" ", "\t"):
            return
        hash_col = end.column + len(rest) - len(rest.lstrip(" \t"))
        sentence = "put the text in quotes if the '#' belongs to it"
        if node.start_mark is not None and node.start_mark.line == end.line:
            start = node.start_mark.column
            fixed = source[:start] + quoted(source[start:].rstrip())
            sentence += f": {example(fixed)}"
        self.problems.append(Problem(self.path, end.line + 1, hash_col + 1,
                                     f"the text stops before ' #', because YAML reads the rest "
                                     f"of the line as a comment, so {sentence} (or move a note to "
                                     "its own line)"))

    def _dash_key(self, key_node: yaml.ScalarNode) -> None:
        """A key such as '-id' is a list item missing the space after its dash."""
        mark = key_node.start_mark
        fixed = f"- {key_node.value[1:]}: …"
        if mark is not None and 0 <= mark.line < len(self.lines):
            source = self.lines[mark.line]
            fixed = source[: mark.column + 1] + " " + source[mark.column + 1:]
        self.problem(key_node, f"found the key '{_short(key_node.value)}'; a list item needs a "
                     f"space after its dash: {example(fixed)}")

    def _mapping(self, node: yaml.MappingNode, depth: int, line: int, col: int) -> Mapping | None:
        if node.tag != _TAG + "map":
            self.problem(node, f"found the YAML tag '{_short(node.tag, 80)}'; expected a plain mapping without tags")
            return None
        items: dict[str, Node] = {}
        keys: dict[str, Scalar] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                self.problem(key_node, "found a merge key '<<'; expected plain keys "
                             "(write the fields out in full)")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_TAGS:
                self.problem(key_node, "found a key that is a list, mapping or tagged value; "
                             "expected a plain name such as 'title'")
                continue
            name = key_node.value
            if key_node.style in (None, "") and len(name) > 1 and name[0] == "-" and name[1] not in "- ":
                self._dash_key(key_node)
                continue
            if name in keys:
                first = keys[name]
                self.problem(key_node, f"found the key '{_short(name)}' a second time (first at line "
                             f"{first.line}, column {first.col}); expected each key once")
                continue
            value = self.build(value_node, depth + 1)
            key_line, key_col = _position(key_node.start_mark)
            keys[name] = Scalar(name, name, "str", key_line, key_col)
            if value is not None:
                items[name] = value
        return Mapping(items, keys, line, col)


def _decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (a byte-order mark is allowed), locating any invalid byte."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        byte = data[error.start]
        return None, [Problem(path, line, col, f"found the byte 0x{byte:02x}, which is not UTF-8 "
                              "text; expected the file saved as UTF-8")]


def _syntax_problem(text: str, path: str, error: yaml.MarkedYAMLError) -> Problem:
    """A located syntax error, with a plain hint and the corrected line where we know one."""
    line, col = _position(error.problem_mark or error.context_mark)
    found = error.problem or "something YAML cannot read"
    context = f" {error.context}" if error.context else ""
    message = f"YAML syntax error: {found}{context}; check the indentation, colons and quotes here"
    context_line = error.context_mark.line if error.context_mark is not None else None
    try:
        hint = syntax_hint(text, found, line - 1, col - 1, context_line)
    except Exception:  # pragma: no cover - a hint is a courtesy; it never stops the report
        hint = None
    if hint is not None:
        hint_line, hint_col, sentence = hint
        line, col = hint_line + 1, hint_col + 1
        message += f". {sentence[0].upper()}{sentence[1:]}"
    return Problem(path, line, col, message)


def parse(text: str, path: str) -> Loaded:
    """Parse one YAML document from text; never raises for bad input."""
    result = Loaded(path)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        result.problems.append(Problem(path, 1, 1, "the file is empty; expected an exercise "
                                       "(a mapping with id, title, practice and questions)"))
        return result
    hidden = hidden_problems(text[1:] if text.startswith("\ufeff") else text, path)
    if hidden:
        if text.startswith("\ufeff"):
            hidden = [Problem(p.path, p.line, p.col + (p.line == 1), p.message) for p in hidden]
        result.problems.extend(hidden)
        return result
    try:
        documents = list(yaml.compose_all(text, Loader=_LOADER))
    except yaml.MarkedYAMLError as error:
        result.problems.append(_syntax_problem(text, path, error))
        return result
    except RecursionError:
        result.problems.append(Problem(path, 1, 1, f"the document nests far deeper than "
                                       f"{MAX_DEPTH} levels; expected an exercise a few levels deep"))
        return result
    except yaml.YAMLError as error:
        result.problems.append(Problem(path, 1, 1, f"YAML cannot read this file ({error}); "
                                       "expected a plain YAML mapping"))
        return result
    documents = [document for document in documents if document is not None]
    if len(documents) > 1:
        line, col = _position(documents[1].start_mark)
        result.problems.append(Problem(path, line, col, "found a second YAML document (after "
                                       "'---'); expected one exercise per file"))
        return result
    builder = _Builder(path, source_lines(text))
    try:
        result.root = builder.build(documents[0])
    except _TooLarge as error:
        builder.problem(error.node, error.message)
        result.root = None
    except RecursionError:
        builder.problems.append(Problem(path, 1, 1, "the document refers to itself through "
                                        "aliases; expected plain values"))
        result.root = None
    result.problems.extend(builder.problems)
    if result.problems:
        result.root = None
    return result


def load_file(file: Path, display: str | None = None) -> Loaded:
    """Read and parse one file, reporting it under `display` (default: the path as given)."""
    path = display if display is not None else str(file)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            return Loaded(path, None, [Problem(path, 1, 1, f"the file is {size:,} bytes; expected "
                                                f"at most {MAX_FILE_BYTES:,} bytes (split it into "
                                                "several exercises)")])
        data = file.read_bytes()
    except OSError as error:
        return Loaded(path, None, [Problem(path, 1, 1, f"cannot read the file: {error.strerror}")])
    text, problems = _decode(path, data)
    if text is None:
        return Loaded(path, None, problems)
    return parse(text, path)
