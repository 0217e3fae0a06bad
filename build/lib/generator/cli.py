"""Command line: `python -m generator check [PATH ...]`."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

from . import editor_schema
from .archive import bundle
from .collect import collect, guide_pages
from .kinds import KINDS
from .practices import PRACTICES
from .render import render_starter
from .site import Settings, plan_site
from .validator import ID_PATTERN, suggest


def _report(problems: list) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    count, files = len(problems), len({problem.path for problem in problems})
    print(f"{count} problem{'s' if count != 1 else ''} in {files} "
          f"file{'s' if files != 1 else ''}.", file=sys.stderr)
    return 1


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _check(paths: list[str], content: str) -> int:
    if paths:
        # Only the files named: each checked on its own and against the others named.
        folder = Path(content)
        result = collect([Path(path) for path in paths],
                         pages=guide_pages(folder) if folder.is_dir() else None)
        if result.problems:
            return _report(result.problems)
        if not result.files:
            print(f"No exercise files (.yml) found in: {', '.join(paths)}", file=sys.stderr)
            return 1
        questions = sum(len(exercise.questions) for exercise in result.exercises)
        print(f"All good: {_plural(len(result.exercises), 'exercise')}, "
              f"{_plural(questions, 'question')}.")
        return 0
    plan = plan_site(Settings(root=Path.cwd(), content=content))
    if not plan.ok:
        return _report(plan.problems)
    if not plan.exercises:
        print("No exercise files (.yml) found in: exercises", file=sys.stderr)
        return 1
    counts = plan.counts()
    print(f"All good: {_plural(counts['exercises'], 'exercise')}, "  # type: ignore[arg-type]
          f"{_plural(counts['questions'], 'question')}, "  # type: ignore[arg-type]
          f"{_plural(len(plan.daily.moments), 'daily moment')}, "
          f"{_plural(len(plan.daily.rituals), 'ritual')}.")
    by_practice = counts["by_practice"]
    print("Exercises by practice: " + ", ".join(
        f"{practice} {count}" for practice, count in by_practice.items()))  # type: ignore[union-attr]
    print("Practices using each kind of question: " + ", ".join(
        f"{kind} {count}" for kind, count in counts["practices_by_kind"].items()))  # type: ignore[union-attr]
    return 0


def _urls(content: str) -> int:
    plan = plan_site(Settings(root=Path.cwd(), content=content, published="", redirects=""))
    if not plan.ok:
        for problem in plan.problems:
            print(problem, file=sys.stderr)
        return 1
    print(plan.manifest, end="")
    return 0


def _bundle(site: str, dist: str) -> int:
    try:
        target = bundle(Path(site), Path(dist))
    except FileNotFoundError as error:
        print(f"bundle: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {target}: unzip it anywhere and open small-moments/index.html.")
    return 0


def _zensical(site: str, zensical: str) -> int:
    from .zensical import build

    problems, output = build(Path.cwd(), Path(site), zensical)
    if output:
        print(output, file=sys.stderr, end="")
    if problems:
        return _report(problems)
    print(f"Built the site with Zensical into {site}/.")
    return 0


def _schema() -> int:
    print(json.dumps(editor_schema.build(), indent=2, ensure_ascii=False))
    return 0


def _new(exercise_id: str, practice: str, kind: str, folder: str) -> int:
    problems = []
    if not ID_PATTERN.match(exercise_id):
        problems.append(f"found the id '{exercise_id}'; expected lowercase letters, digits and "
                        "single hyphens, such as 'sigh-after-work'")
    if practice not in PRACTICES:
        problems.append(f"unknown practice '{practice}'{suggest(practice, list(PRACTICES))}; "
                        f"expected one of: {', '.join(PRACTICES)}")
    if kind not in KINDS:
        problems.append(f"unknown kind '{kind}'{suggest(kind, list(KINDS))}; expected one of: "
                        f"{', '.join(KINDS)}")
    target = Path(folder) / f"{exercise_id}.yml"
    if target.exists():
        problems.append(f"{target} already exists; expected a new id (nothing was changed)")
    if problems:
        for problem in problems:
            print(f"new: {problem}", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_starter(exercise_id, kind, PRACTICES[practice], str(target)),
                      encoding="utf-8")
    print(f"Wrote {target}. Change the words, then check it with:\n  {_check_command(target)}")
    if Path("Makefile").is_file():
        print("or check every exercise with:\n  make check")
    return 0


def _check_command(target: Path) -> str:
    """The check command for `target`, written so it works when pasted into this shell.

    It names the Python running now (relative to the working folder when it lives inside it,
    such as `.venv/bin/python`), because a bare `python` may be missing or lack our packages."""
    python = Path(sys.executable)
    try:
        shown = python.relative_to(Path.cwd()).as_posix() if python.is_absolute() else str(python)
    except ValueError:
        shown = str(python)
    return f"{shlex.quote(shown)} -m generator check {shlex.quote(str(target))}"


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
    commands.add_parser("schema", help="print the JSON Schema of the exercise format "
                        "(python -m generator schema > exercises/schema.json)")
    urls = commands.add_parser("urls", help="print every public address of the site "
                               "(python -m generator urls > published-urls.txt)")
    urls.add_argument("--content", default="content", metavar="DIR")
    pack = commands.add_parser("bundle", help="zip the built site for opening from a folder")
    pack.add_argument("--site", default="site")
    pack.add_argument("--dist", default="dist")
    engine = commands.add_parser("zensical", help="build the same site with Zensical, "
                                 "Material for MkDocs' successor (see README)")
    engine.add_argument("--site", default="site-zensical", help="where to write it")
    engine.add_argument("--zensical", default="zensical", help="the zensical program to run")
    new = commands.add_parser("new", help="write a commented starter exercise that builds as it is")
    new.add_argument("id", help="the new exercise's id, also its file name, such as 'sigh-after-work'")
    new.add_argument("--practice", required=True, help=f"one of: {', '.join(PRACTICES)}")
    new.add_argument("--kind", required=True, help=f"one of: {', '.join(KINDS)}")
    new.add_argument("--dir", default="exercises", help="where to write it (default: exercises)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args.paths, args.content)
    if args.command == "urls":
        return _urls(args.content)
    if args.command == "bundle":
        return _bundle(args.site, args.dist)
    if args.command == "zensical":
        return _zensical(args.site, args.zensical)
    if args.command == "schema":
        return _schema()
    if args.command == "new":
        return _new(args.id, args.practice, args.kind, args.dir)
    return 2  # pragma: no cover - argparse rejects unknown commands
