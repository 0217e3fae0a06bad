"""Command line: `python -m generator check [PATH ...]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .collect import collect, guide_pages


def _check(paths: list[str], content: str) -> int:
    folder = Path(content)
    pages = guide_pages(folder) if folder.is_dir() else None
    result = collect([Path(path) for path in paths or ["exercises"]], pages=pages)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if not result.files and not result.problems:
        print(f"No exercise files (.yml) found in: {', '.join(paths or ['exercises'])}",
              file=sys.stderr)
        return 1
    if result.problems:
        count = len(result.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {result.files} "
              f"file{'s' if result.files != 1 else ''}.", file=sys.stderr)
        return 1
    questions = sum(len(exercise.questions) for exercise in result.exercises)
    count = len(result.exercises)
    print(f"All good: {count} exercise{'s' if count != 1 else ''}, "
          f"{questions} question{'s' if questions != 1 else ''}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run a command; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Check and build Small Moments exercises.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate exercise files and report every problem")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="exercise files or folders (default: exercises)")
    check.add_argument("--content", default="content", metavar="DIR",
                       help="the guide's content folder, to check each exercise's page "
                       "(default: content; skipped when it does not exist)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args.paths, args.content)
    return 2  # pragma: no cover - argparse rejects unknown commands
