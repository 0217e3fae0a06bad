"""Shared helpers for the tests: build a tiny site in a folder and run the real commands."""

from __future__ import annotations

import atexit
import hashlib
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# A small valid exercise, written by hand: tests build on it and break it on purpose.
VALID = """\
id: tiny-bids
title: Tiny bids
practice: notice-bids
summary: A two-question exercise used by the tests.
minutes: 3
intro: |
  First paragraph of the intro.

  Second paragraph.
questions:
  - id: tiny-sigh
    kind: single
    prompt: Sam sighs at the sink. Which reply turns toward Sam?
    options:
      - text: Keep scrolling.
        feedback: Scrolling on misses the sigh, which turns away.
      - text: '"Long day? Tell me about it."'
        correct: true
        feedback: Naming the sigh and asking turns toward Sam.
    note: A sigh is often a quiet bid.
  - id: tiny-link
    kind: single
    prompt: Priya sends a funny link. Which reply turns toward her?
    options:
      - text: '"Ha! That is exactly your aunt."'
        correct: true
        feedback: Sharing the joke back turns toward Priya.
      - text: '"Stop sending me these."'
        feedback: Scolding the link turns against Priya.
      - text: No reply at all.
        feedback: Silence leaves the bid hanging, which turns away.
page: practices/notice-bids.md
"""

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

_PLAYWRIGHT = None


def playwright():  # noqa: ANN201 - playwright.sync_api.Playwright, imported only when used
    """The one Playwright of this test process: its sync API may start only once per process,
    and tests/browser, tests/engines and tests/zensical can all run in the same worker."""
    global _PLAYWRIGHT
    if _PLAYWRIGHT is None:
        from playwright.sync_api import sync_playwright

        _PLAYWRIGHT = sync_playwright().start()
        atexit.register(_PLAYWRIGHT.stop)
    return _PLAYWRIGHT


def make_project(root: Path, exercises: dict[str, str | bytes], nav: bool = False) -> Path:
    """Write a tiny MkDocs project using this repo's theme and plugin; return mkdocs.yml."""
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "content" / "index.md").write_text("# Tiny\n\n[Exercises](exercises/index.md)\n")
    (root / "content" / "safety.md").write_text("# Safety\n\nGet help.\n")
    (root / "content" / "practices").mkdir(exist_ok=True)
    (root / "content" / "practices" / "notice-bids.md").write_text("# Notice bids\n\nLook.\n")
    folder = root / "exercises"
    folder.mkdir(exist_ok=True)
    for name, text in exercises.items():
        data = text.encode() if isinstance(text, str) else text
        (folder / name).write_bytes(data)
    nav_yaml = ("nav:\n  - Home: index.md\n  - Notice bids: practices/notice-bids.md\n"
                "  - Exercises: exercises/index.md\n  - My progress: progress.md\n"
                "  - Safety: safety.md\n")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Tiny\n"
        "docs_dir: content\n"
        "use_directory_urls: false\n"
        "theme:\n"
        "  name: material\n"
        f"  custom_dir: {REPO / 'theme_overrides'}\n"
        "  font: false\n"
        "extra:\n"
        "  polyfills: [assets/vendor/iframe-worker/shim.js]\n"
        "plugins: [search, offline, small-moments]\n" + (nav_yaml if nav else "")
    )
    return config


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a command with this Python, capturing its output as text."""
    return subprocess.run([sys.executable, *args], cwd=cwd, env={**ENV, **env},
                          capture_output=True, text=True, timeout=300)


def mkdocs_build(project: Path, *extra: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` in a project folder, as an author would run it."""
    return run(["-m", "mkdocs", "build", *extra], project, **env)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under a folder with a digest of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }

# One question of every kind, written by hand for the engine's tests.
ALL_KINDS = """\
id: all-kinds
title: Every kind
practice: repair
page: practices/notice-bids.md
summary: One question of each kind.
minutes: 5
questions:
  - id: pick-one
    kind: single
    dialogue:
      - speaker: Ana
        line: You forgot the bill again.
      - speaker: Kofi
        line: I had a long day too, you know.
    prompt: Which reply from Kofi repairs?
    options:
      - text: '"Fine, you pay it then."'
        feedback: Handing it back escalates.
      - text: '"You are right, I forgot. Can we sort it together?"'
        correct: true
        feedback: Owning a part calms things.
  - id: pick-many
    kind: multiple
    prompt: Which are repair attempts?
    options:
      - text: '"Can we start over?"'
        correct: true
        feedback: Asking to start over is a repair.
      - text: '"Whatever."'
        feedback: Dismissing is not a repair.
      - text: '"I hear you."'
        correct: true
        feedback: Showing you heard is a repair.
  - id: sort-replies
    kind: sort
    prompt: Sort each reply.
    groups:
      - id: toward
        label: Turning toward
      - id: away
        label: Turning away
    items:
      - text: Looks up and smiles.
        group: toward
        feedback: A smile answers the bid.
      - text: Keeps scrolling.
        group: away
        feedback: Scrolling misses the bid.
      - text: Asks a follow-up question.
        group: toward
        feedback: Curiosity turns toward.
  - id: order-repair
    kind: order
    prompt: Put the repair in order.
    steps:
      - text: Notice the tension.
        why: You cannot repair what you have not noticed.
      - text: Say what you regret.
        why: Owning your part opens the door.
      - text: Ask to try again.
        why: An invitation lets both of you restart.
  - id: write-reflect
    kind: write
    dialogue:
      - speaker: Noor
        line: My boss ignored my idea again.
    prompt: Write how you would reflect that back.
    models:
      - '"That sounds so frustrating. You had a good idea and it was ignored."'
      - '"Again? No wonder you feel brushed aside."'
    checklist:
      - Did you name the feeling?
      - Did you hold back advice?
"""
