"""The guide's links to a workbook of chosen exercises name exercises that exist: the very ones
the same list links to, so renaming an exercise cannot quietly drop it from a booklet."""

from __future__ import annotations

import re

from helpers import REPO

CONTENT = REPO / "content"
WORKBOOK_LINK = re.compile(r'workbook\.html#exercises=([\w,-]+)"')
EXERCISE_LINK = re.compile(r"\]\((?:\.\./)?exercises/([\w-]+)\.md\)")


def test_every_workbook_link_names_the_exercises_its_list_links_to():
    problems, seen = [], 0
    for page in sorted(CONTENT.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in WORKBOOK_LINK.finditer(text):
            seen += 1
            named = match.group(1).split(",")
            missing = [name for name in named if not (REPO / "exercises" / f"{name}.yml").is_file()]
            section = text[:match.start()].rsplit("\n## ", 1)[-1]
            listed = EXERCISE_LINK.findall(section)
            if missing:
                problems.append(f"{page.relative_to(REPO)}: no exercise {', '.join(missing)}")
            if named != listed:
                problems.append(f"{page.relative_to(REPO)}: the workbook names {named}, "
                                f"the list links to {listed}")
    assert seen >= 12
    assert problems == [], "\n".join(problems)
