"""Repair and apology advice never stands alone: where there may be abuse, it points to Safety.

Every exercise about repair, or whose text talks about apologies or taking a repair, says in its
intro that "sorry" followed by the same hurt again, or feeling afraid, is not a repair problem,
with a link to the Safety page. Every question that praises accepting an apology or a repair
carries that link in its note or its feedback. The daily files cannot hold links (the home page
shows a moment as plain text), so no daily moment or ritual may praise taking a repair at all.
The checks are plain functions, so the tests below can also run them on broken copies.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from helpers import REPO

SAFETY_LINK = "](safety.md)"

# The exercise talks about apologies, forgiving, or taking/accepting a repair.
TOPIC = re.compile(
    r"\bapolog|\bforgiv|\b(?:say|says|said|saying) sorry\b"
    r"|\b(?:accept|take|takes|taking|took)\w*\W+(?:\w+\W+){0,3}?(?:repair|apolog\w*|sorry)\b",
    re.IGNORECASE)

# A question praises or recommends accepting an apology or a repair.
PRAISE = re.compile(
    r"\b(?:accept\w*|take|takes|taking|taken|took)\W+(?:\w+\W+){0,3}?"
    r"(?:repair|apolog\w*|sorry|the offer)\b",
    re.IGNORECASE)

# Advice to accept a repair regardless of a lingering hurt, the wording this check exists for.
UNCONDITIONAL = re.compile(
    r"even (?:when|if) (?:you )?(?:still )?feel (?:a bit |a little )?hurt"
    r"|even if (?:a little |some )?sting remains",
    re.IGNORECASE)


def _question_texts(question: dict) -> list[str]:
    texts = [question.get("prompt", ""), question.get("note", "")]
    for line in question.get("dialogue") or []:
        texts.append(line.get("line", ""))
    for option in (question.get("options") or []) + (question.get("items") or []):
        texts += [option.get("text", ""), option.get("feedback", "")]
    for step in question.get("steps") or []:
        texts += [step.get("text", ""), step.get("why", "")]
    texts += list(question.get("models") or []) + list(question.get("checklist") or [])
    return [str(text) for text in texts if text]


def _explanations(question: dict) -> list[str]:
    """The note and the feedback: where a question explains itself."""
    texts = [question.get("note", "")]
    texts += [o.get("feedback", "") for o in (question.get("options") or []) + (question.get("items") or [])]
    texts += [s.get("why", "") for s in question.get("steps") or []]
    return [str(text) for text in texts if text]


def exercise_texts(data: dict) -> list[str]:
    texts = [str(data.get("intro", ""))] + [str(d) for d in data.get("discussion") or []]
    for question in data.get("questions") or []:
        texts += _question_texts(question)
    return texts


def needs_safety(data: dict) -> bool:
    return data.get("practice") == "repair" or any(TOPIC.search(t) for t in exercise_texts(data))


# The two halves of the line: a hurt that keeps coming back after a sorry, and feeling afraid.
REPEATED_HURT = re.compile(r"same hurt|hurts? (?:you )?again|keeps? (?:happening|coming back)"
                           r"|again and again|repeated", re.IGNORECASE)


def intro_has_safety_line(intro: str) -> bool:
    """The intro names both halves of the line and links the Safety page (wording may vary)."""
    return (SAFETY_LINK in intro and "afraid" in intro.lower()
            and REPEATED_HURT.search(intro) is not None)


def exercise_problems(path: Path) -> list[str]:
    """What is missing in one exercise file; an empty list when it is safe."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = []
    if needs_safety(data) and not intro_has_safety_line(str(data.get("intro", ""))):
        problems.append(f"{path.name}: the intro needs the line that a sorry followed by the same "
                        f"hurt, or feeling afraid, is not a repair problem, with {SAFETY_LINK}")
    for question in data.get("questions") or []:
        joined = "\n".join(_question_texts(question))
        if PRAISE.search(joined) and not any(SAFETY_LINK in t for t in _explanations(question)):
            problems.append(f"{path.name}: question {question.get('id')} praises accepting a "
                            f"repair or apology, but no note or feedback links {SAFETY_LINK}")
    for text in exercise_texts(data):
        if UNCONDITIONAL.search(text) and SAFETY_LINK not in text:
            problems.append(f"{path.name}: unconditional advice to accept a repair: {text[:80]!r}")
    return problems


def daily_problems(folder: Path) -> list[str]:
    """Daily moments and rituals are shown as plain text: they may not praise taking a repair."""
    problems = []
    for name, key, field in (("moments.yml", "moments", "text"), ("rituals.yml", "rituals", "description")):
        file = folder / name
        if not file.exists():
            continue
        for entry in (yaml.safe_load(file.read_text(encoding="utf-8")) or {}).get(key) or []:
            text = str(entry.get(field, ""))
            if PRAISE.search(text) or UNCONDITIONAL.search(text):
                problems.append(f"{name}: {entry.get('id')} praises taking a repair, and daily text "
                                f"cannot link to the Safety page: {text!r}")
    return problems


EXERCISES = sorted((REPO / "exercises").glob("*.yml"))


def test_there_are_repair_exercises_to_check():
    flagged = [p.name for p in EXERCISES if needs_safety(yaml.safe_load(p.read_text(encoding="utf-8")))]
    assert {"repair-steps.yml", "repair-phrases.yml", "repair-tense-moments.yml"} <= set(flagged)


def test_every_repair_or_apology_exercise_points_to_safety():
    problems = [problem for path in EXERCISES for problem in exercise_problems(path)]
    assert problems == [], "\n".join(problems)


def test_daily_files_do_not_praise_taking_a_repair():
    problems = daily_problems(REPO / "daily")
    assert problems == [], "\n".join(problems)


BROKEN = """\
id: repair-broken
title: Broken
practice: notice-bids
page: practices/repair.md
summary: A copy that forgets the Safety page.
minutes: 3
intro: |
  Saying sorry helps.
questions:
  - id: take-the-sorry
    kind: single
    prompt: Ana says sorry. What could Jo do?
    options:
      - text: Take the apology.
        correct: true
        feedback: Accepting the apology lets you both move on.
      - text: Refuse it.
        feedback: Refusing keeps the fight going.
    note: Accept it, even when you still feel a bit hurt.
"""


def test_the_checks_fail_on_a_copy_without_the_safety_line(tmp_path):
    broken = tmp_path / "repair-broken.yml"
    broken.write_text(BROKEN, encoding="utf-8")
    problems = exercise_problems(broken)
    assert any("intro needs" in p for p in problems), problems
    assert any("question take-the-sorry" in p for p in problems), problems
    assert any("unconditional" in p for p in problems), problems


def test_the_checks_fail_on_a_real_exercise_with_its_safety_links_removed(tmp_path):
    source = (REPO / "exercises" / "repair-tense-moments.yml").read_text(encoding="utf-8")
    stripped = tmp_path / "repair-tense-moments.yml"
    stripped.write_text(source.replace("[Safety and limits](safety.md)", "Safety and limits"),
                        encoding="utf-8")
    problems = exercise_problems(stripped)
    assert any("intro needs" in p for p in problems), problems
    assert any("accepting-a-repair" in p for p in problems), problems


def test_the_daily_check_fails_on_a_moment_that_praises_taking_a_repair(tmp_path):
    (tmp_path / "moments.yml").write_text(
        "moments:\n  - id: take-it\n    practice: repair\n"
        "    text: Try taking the repair, even if a little sting remains.\n", encoding="utf-8")
    assert len(daily_problems(tmp_path)) == 1
