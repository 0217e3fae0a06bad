"""One couple, one name: data/cast.yml lists every household, and the scenes keep to it.

Every dialogue speaker in an exercise is a cast name (or "Your partner", or a relative named
through a cast member, such as "Lina's brother"); no name is listed twice; and wherever cast
names appear together (one exercise question, one daily entry, one content paragraph or list
item) they all belong to the same household. The checks are plain functions over folders, so the
last tests run them on a made-up site in a temporary folder to show they can fail.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from helpers import REPO

# Speakers that stand for the reader or their partner, not for a person in the cast.
GENERIC_SPEAKERS = {"Your partner", "You"}



def read_cast(path: Path) -> list[list[str]]:
    """The households, each as its list of names (partners first, then others)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [list(h.get("partners") or []) + list(h.get("others") or [])
            for h in data.get("households") or []]


def duplicate_names(households: list[list[str]]) -> list[str]:
    seen: set[str] = set()
    twice = []
    for names in households:
        for name in names:
            if name in seen:
                twice.append(name)
            seen.add(name)
    return twice


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


def _question_text(question: dict) -> str:
    parts = [question.get("prompt", ""), question.get("note", "")]
    for line in question.get("dialogue") or []:
        parts += [line.get("speaker", ""), line.get("line", "")]
    for option in (question.get("options") or []) + (question.get("items") or []):
        parts += [option.get("text", ""), option.get("feedback", "")]
    for step in question.get("steps") or []:
        parts += [step.get("text", ""), step.get("why", "")]
    parts += list(question.get("models") or []) + list(question.get("checklist") or [])
    return "\n".join(str(part) for part in parts if part)


def _content_blocks(text: str) -> list[str]:
    """Paragraphs, with each list item on its own (a list of scenes names several couples)."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text):
        items = re.split(r"\n(?=\s*(?:[-*+]|\d+\.)\s)", paragraph)
        blocks += [item for item in items if item.strip()]
    return blocks


def scenes(root: Path) -> list[tuple[str, str]]:
    """(where, text) for every unit in which names must belong together."""
    units = []
    for file in sorted((root / "exercises").glob("*.yml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        for question in data.get("questions") or []:
            units.append((f"exercises/{file.name} question {question.get('id')}", _question_text(question)))
    for name, key, fields in (("moments.yml", "moments", ("text",)),
                              ("rituals.yml", "rituals", ("title", "description"))):
        file = root / "daily" / name
        if file.exists():
            for entry in (yaml.safe_load(file.read_text(encoding="utf-8")) or {}).get(key) or []:
                text = "\n".join(str(entry.get(f, "")) for f in fields)
                units.append((f"daily/{name} {entry.get('id')}", text))
    for file in sorted((root / "content").rglob("*.md")):
        where = file.relative_to(root).as_posix()
        for block in _content_blocks(file.read_text(encoding="utf-8")):
            units.append((where, block))
    return units


def clashes(households: list[list[str]], units: list[tuple[str, str]]) -> list[str]:
    """Units where cast names from more than one household appear together."""
    owner = {name: number for number, names in enumerate(households) for name in names}
    patterns = {name: _pattern(name) for name in owner}
    problems = []
    for where, text in units:
        found = {name for name, pattern in patterns.items() if pattern.search(text)}
        if len({owner[name] for name in found}) > 1:
            problems.append(f"{where}: {', '.join(sorted(found))} appear together but belong to "
                            "different households in data/cast.yml")
    return problems


def _known_speaker(speaker: str, names: set[str]) -> bool:
    """A cast name, a generic speaker, or someone named through a cast member ("Lina's brother")."""
    if speaker in names or speaker in GENERIC_SPEAKERS:
        return True
    owner, _, rest = speaker.partition("'s ")
    return bool(rest) and owner in names


def unknown_speakers(households: list[list[str]], exercises: Path) -> list[str]:
    names = {name for names in households for name in names}
    problems = []
    for file in sorted(exercises.glob("*.yml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        for question in data.get("questions") or []:
            for line in question.get("dialogue") or []:
                if not _known_speaker(str(line.get("speaker")), names):
                    problems.append(f"{file.name} question {question.get('id')}: speaker "
                                    f"{line.get('speaker')!r} is not in data/cast.yml")
    return problems


CAST = REPO / "data" / "cast.yml"


def test_the_cast_lists_households():
    assert len(read_cast(CAST)) >= 20


def test_no_name_is_listed_twice():
    assert duplicate_names(read_cast(CAST)) == []


def test_every_speaker_is_in_the_cast():
    problems = unknown_speakers(read_cast(CAST), REPO / "exercises")
    assert problems == [], "\n".join(problems)


def test_names_that_appear_together_share_a_household():
    problems = clashes(read_cast(CAST), scenes(REPO))
    assert problems == [], "\n".join(problems)


def _made_up_site(root: Path, cast: str, question: str) -> None:
    (root / "data").mkdir()
    (root / "exercises").mkdir()
    (root / "content").mkdir()
    (root / "data" / "cast.yml").write_text(cast, encoding="utf-8")
    (root / "exercises" / "made-up.yml").write_text(
        "id: made-up\ntitle: Made up\npractice: repair\npage: practices/repair.md\n"
        "summary: A made-up clash.\nminutes: 2\nquestions:\n" + question, encoding="utf-8")
    (root / "content" / "page.md").write_text(
        "# A page\n\nThink of Ruth and Tomasz, married for years.\n\n"
        "- Ruth and Omar share a walk.\n", encoding="utf-8")


CAST_TWO = """\
households:
  - partners: [Ruth, Tomasz]
  - partners: [Ewa, Omar]
"""

QUESTION = """\
  - id: made-up-question
    kind: single
    dialogue:
      - speaker: Ewa
        line: Mum needs more tests.
      - speaker: Hugo
        line: I'm here.
      - speaker: Ewa's mother
        line: I heard that.
      - speaker: Hugo's sister
        line: So did I.
    prompt: Ewa and Tomasz are in a hospital corridor. What could Tomasz say?
    options:
      - text: Say I am here.
        correct: true
        feedback: It helps.
      - text: Say it is nothing.
        feedback: It does not.
"""


def test_the_checks_fail_on_a_made_up_clash(tmp_path):
    _made_up_site(tmp_path, CAST_TWO, QUESTION)
    households = read_cast(tmp_path / "data" / "cast.yml")
    found = clashes(households, scenes(tmp_path))
    assert any("made-up-question" in p and "Ewa, Tomasz" in p for p in found), found
    assert any(p.startswith("content/page.md: Omar, Ruth") for p in found), found
    assert not any("married for years" in p for p in found)
    assert len(found) == 2, found
    speakers = unknown_speakers(households, tmp_path / "exercises")
    assert speakers == ["made-up.yml question made-up-question: speaker 'Hugo' is not in data/cast.yml",
                        "made-up.yml question made-up-question: speaker \"Hugo's sister\" is not in "
                        "data/cast.yml"]


def test_a_name_listed_in_two_households_is_found(tmp_path):
    cast = tmp_path / "cast.yml"
    cast.write_text(CAST_TWO + "  - partners: [Ruth, Hugo]\n", encoding="utf-8")
    assert duplicate_names(read_cast(cast)) == ["Ruth"]
