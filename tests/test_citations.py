"""Every figure and research claim is cited: it links to an entry on content/references.md.

A *figure* is a number followed by % (or "per cent", "percent"), or one of the words study,
studies, research, researcher, researchers. The unit that holds one must link to
`references.md#<anchor>` (`../references.md#<anchor>` from content/practices/), and the anchor
must exist on content/references.md, given there as `{#anchor}`.

The unit is, in Markdown (content/), a paragraph: a run of lines between blank lines, with each
list item, table row and definition line counted on its own, so that one cited item does not
cover its neighbours. In YAML (exercises/, daily/) it is each string value.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from helpers import REPO

FIGURE = re.compile(r"\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b)|\b(?:stud(?:y|ies)|research(?:ers?)?)\b",
                    re.IGNORECASE)
CITATION = re.compile(r"references\.md#([A-Za-z0-9_-]+)")
ANCHOR = re.compile(r"\{\s*#([A-Za-z0-9_-]+)[^}]*\}")
ITEM = re.compile(r"^\s*(?:[-*+]\s|\d+\.\s|\||:\s{3})")

# The only exemptions, each with its reason:
# - content/references.md is the list of sources itself.
# - A heading (a line starting with #) is a title; the claims sit in the paragraphs under it.
# - "What the research says" is the name of a box on the practice pages, not a claim.
# - Inline code and HTML comments are not read by anyone.
EXEMPT_FILES = {"references.md"}
HEADING = re.compile(r"^\s*#{1,6}\s")
NAMES = re.compile(r"What the research says", re.IGNORECASE)
UNREAD = re.compile(r"`[^`]*`|<!--.*?-->", re.S)


def anchors(references: Path) -> set[str]:
    return set(ANCHOR.findall(references.read_text()))


def cited(text: str, known: set[str]) -> bool:
    return any(anchor in known for anchor in CITATION.findall(text))


def has_figure(text: str) -> bool:
    return bool(FIGURE.search(NAMES.sub("", UNREAD.sub("", text))))


def markdown_units(text: str) -> list[tuple[int, str]]:
    """(first line number, text) of each paragraph, list item, table row and definition line."""
    units: list[tuple[int, list[str]]] = []
    fence = False
    current: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
            current = None
            continue
        if fence or not line.strip() or HEADING.match(line):
            current = None
            continue
        if current is None or ITEM.match(line):
            current = []
            units.append((number, current))
        current.append(line.strip())
    return [(number, " ".join(lines)) for number, lines in units]


def yaml_strings(text: str) -> list[tuple[int, str]]:
    """(line number, text) of each string value in a YAML document (keys are not values)."""
    found: list[tuple[int, str]] = []

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            for _key, value in node.value:
                walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
            found.append((node.start_mark.line + 1, node.value))

    root = yaml.compose(text)
    if root is not None:
        walk(root)
    return found


def offenders(repo: Path, folders: tuple[str, ...], skip: frozenset[str] = frozenset(),
              only: frozenset[str] | None = None) -> list[str]:
    """`path:line: text` for each unit in the folders that holds a figure and cites nothing known.

    skip and only hold paths relative to the repository (content/safety.md)."""
    known = anchors(repo / "content" / "references.md")
    result = []
    for folder in folders:
        base = repo / folder
        paths = sorted(p for p in base.rglob("*") if p.suffix in {".md", ".yml", ".yaml"})
        for path in paths:
            name = path.relative_to(repo).as_posix()
            if folder == "content" and path.relative_to(base).as_posix() in EXEMPT_FILES:
                continue
            if name in skip or (only is not None and name not in only):
                continue
            text = path.read_text()
            units = markdown_units(text) if path.suffix == ".md" else yaml_strings(text)
            for line, unit in units:
                if has_figure(unit) and not cited(unit, known):
                    shown = " ".join(unit.split())
                    shown = shown if len(shown) <= 160 else shown[:157] + "..."
                    result.append(f"{name}:{line}: {shown}")
    return result


def test_every_figure_in_the_guide_pages_is_cited():
    found = offenders(REPO, ("content",))
    assert found == [], "uncited figures or research claims:\n" + "\n".join(found)


def test_every_figure_in_the_exercises_and_daily_files_is_cited():
    found = offenders(REPO, ("exercises", "daily"))
    assert found == [], "uncited figures or research claims:\n" + "\n".join(found)


def test_the_checker_catches_an_uncited_figure(tmp_path: Path):
    (tmp_path / "content" / "practices").mkdir(parents=True)
    (tmp_path / "exercises").mkdir()
    (tmp_path / "content" / "references.md").write_text(
        "# References\n\n### Smith (2014) {#smith-2014}\n\nA study of 130 couples.\n")
    (tmp_path / "content" / "page.md").write_text(
        "# A study in the title is fine\n\n"
        "Couples turned toward each other 86% of the time [(Smith, 2014)](references.md#smith-2014).\n\n"
        "About 40 per cent of bids are quiet.\n"
        "This second line belongs to the same paragraph.\n\n"
        '!!! info "What the research says"\n'
        "    A box whose only figure is its name.\n\n"
        "- One study says so [(Smith, 2014)](references.md#smith-2014).\n"
        "- Another study says so too.\n\n"
        "Researchers found it, said a paper that is not listed [(Jones)](references.md#jones-2020).\n")
    (tmp_path / "content" / "practices" / "deep.md").write_text(
        "Research says so [(Smith, 2014)](../references.md#smith-2014).\n")
    (tmp_path / "exercises" / "one.yml").write_text(
        "id: one\n"
        "intro: |\n  Most couples (87%) say so, in a study.\n"
        "questions:\n"
        "  - feedback: Research agrees [(Smith, 2014)](references.md#smith-2014).\n"
        "  - feedback: Plain advice, with 12 steps and no figure.\n")
    assert offenders(tmp_path, ("content", "exercises")) == [
        "content/page.md:5: About 40 per cent of bids are quiet. This second line belongs to the same paragraph.",
        "content/page.md:12: - Another study says so too.",
        "content/page.md:14: Researchers found it, said a paper that is not listed [(Jones)](references.md#jones-2020).",
        "exercises/one.yml:2: Most couples (87%) say so, in a study.",
    ]
