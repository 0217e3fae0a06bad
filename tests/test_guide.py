"""The hand-written guide: readable, long enough, its terms defined, pages and exercises linked both ways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textstat
import yaml

from helpers import REPO

CONTENT = REPO / "content"
CHAPTERS = ["index.md", "small-moments.md", "bids.md", "why-it-matters.md", "build-or-break.md",
            "garden.md", "start-today.md"]
PRACTICES = ["practices/index.md", "practices/notice-bids.md", "practices/repair.md",
             "practices/rituals.md", "practices/texts.md", "practices/reflect-back.md",
             "practices/celebrate.md", "practices/hard-times.md", "practices/love-maps.md",
             "practices/fondness.md", "practices/asking.md", "practices/flooding.md"]
TERMS = ["love map", "fondness and admiration", "soft start-up", "flooding", "bid", "turning toward", "turning away", "turning against", "sliding-door moment",
         "repair attempt", "ritual of connection", "reflecting back", "reservoir of goodwill"]


def prose(markdown: str) -> str:
    """The words a reader reads: Markdown syntax, HTML, links' targets and footnote lines removed."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"^\[\^[^\]]+\]:.*$", "", text, flags=re.M)           # footnote definitions
    text = re.sub(r"\[\^[^\]]+\]", "", text)                            # footnote references
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?", r"\1", text)  # links and images
    text = re.sub(r"\{[#.:][^}]*\}", "", text)                          # attribute lists
    text = re.sub(r"<[^>]+>", " ", text)                                # HTML tags
    text = re.sub(r'^\s*(!!!|\?\?\?\+?|===)\s*\w*\s*("[^"]*")?', r"\2", text, flags=re.M)
    text = re.sub(r"^\s*(#+|[-*+]|\d+\.)\s+", "", text, flags=re.M)     # headings, list markers
    text = re.sub(r":[a-z0-9-]+:", "", text)                            # emoji shortcodes
    text = text.replace('"', "").replace("*", "").replace("_", " ").replace("`", "")
    return text


def words(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’-]*", text))


def guide_pages() -> list[Path]:
    return sorted(path for path in CONTENT.rglob("*.md") if "includes" not in path.parts)


def test_prose_strips_markup_but_keeps_the_words():
    sample = ('---\ntitle: T\n---\n# Big *idea*\n\n!!! tip "Try this today"\n    Say [hello](a.md){#x}'
              ' to <abbr title="x">them</abbr>.[^1]\n\n[^1]: Source, 2001.\n')
    assert words(prose(sample)) == len("Big idea Try this today Say hello to them".split())


# References is a list of citations (authors, titles, journals), not prose to read through.
@pytest.mark.parametrize("name", [path.relative_to(CONTENT).as_posix() for path in guide_pages()
                                  if path.name != "references.md"])
def test_every_page_reads_at_grade_ten_or_below(name: str):
    grade = textstat.flesch_kincaid_grade(prose((CONTENT / name).read_text()))
    assert grade <= 10, f"{name} reads at grade {grade:.1f}; shorten sentences and words"


@pytest.mark.parametrize("name", CHAPTERS + PRACTICES)
def test_every_chapter_and_practice_page_has_four_hundred_words(name: str):
    count = words(prose((CONTENT / name).read_text()))
    assert count >= 400, f"{name} has {count} words of prose"


def test_the_guide_has_eight_thousand_words_of_prose():
    total = sum(words(prose(path.read_text())) for path in guide_pages())
    assert total >= 8000, total


def test_the_glossary_defines_every_key_term():
    glossary = (CONTENT / "glossary.md").read_text().lower()
    missing = [term for term in TERMS if term not in glossary]
    assert missing == []


def test_every_key_term_has_a_hover_and_focus_definition():
    abbreviations = (REPO / "includes" / "abbreviations.md").read_text()
    defined = {match.lower() for match in re.findall(r"^\*\[([^\]]+)\]:\s*\S", abbreviations, re.M)}
    assert [term for term in TERMS if term not in defined] == []


def exercise_pages() -> dict[str, str]:
    """Each exercise id and the guide page its YAML names."""
    result = {}
    for path in sorted((REPO / "exercises").glob("*.yml")):
        data = yaml.safe_load(path.read_text())
        result[data["id"]] = data["page"]
    return result


def linked_exercises(name: str) -> set[str]:
    text = (CONTENT / name).read_text()
    return set(re.findall(r"\]\((?:\.\./)?exercises/([a-z0-9-]+)\.md(?:#[^)]*)?\)", text))


@pytest.mark.parametrize("name", CHAPTERS + PRACTICES)
def test_every_chapter_and_practice_page_links_to_an_exercise(name: str):
    linked = linked_exercises(name) - {"index"}
    assert linked & set(exercise_pages()), f"{name} links to no exercise page"


def test_every_practice_page_links_to_all_its_exercises():
    missing = [f"{page} lacks {exercise}" for exercise, page in exercise_pages().items()
               if exercise not in linked_exercises(page)]
    assert missing == []

