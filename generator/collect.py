"""Find, load and validate every exercise file, then check the files against each other."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .cache import PlanCache
from .folders import leads_outside, link_problem
from .load import load_file
from .problems import Problem, sort_problems
from .model import Exercise
from .exercise_rules import validate_exercise

SUFFIXES = (".yml", ".yaml")


@dataclass
class Collection:
    """Every valid exercise, in id order, or the problems that keep the set from building."""

    exercises: list[Exercise] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def display_path(file: Path, base: Path | None = None) -> str:
    """A path as an author would type it: relative to `base` (default: the working folder)."""
    base = base or Path.cwd()
    try:
        return os.path.relpath(file, base) if file.is_absolute() else str(file)
    except ValueError:
        return str(file)


def find_files(paths: list[Path], base: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """Expand folders into their exercise files; report paths that do not exist.

    A link that leads outside its folder (an exercise file, or the folder itself) is reported
    by its own name and never followed."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        parent = path.absolute().parent
        if path.is_symlink() and leads_outside(path, parent):
            problems.append(link_problem(display_path(path, base), parent.name or str(parent)))
        elif path.is_dir():
            for entry in sorted(path.iterdir()):
                if entry.suffix not in SUFFIXES or entry.name.startswith("."):
                    continue
                if entry.is_symlink() and leads_outside(entry, path):
                    problems.append(link_problem(display_path(entry, base),
                                                 path.absolute().name or str(path)))
                elif entry.is_file():
                    files.append(entry)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), 1, 1, "no such file or folder; expected an exercise "
                                    "file (.yml) or a folder of them"))
    return files, problems


def guide_pages(content: Path) -> set[str]:
    """Every Markdown page under the content folder, as paths relative to it."""
    return {path.relative_to(content).as_posix() for path in content.rglob("*.md")}


def check_file(file: Path, shown: str, pages: set[str] | None
               ) -> tuple[Exercise | None, list[Problem]]:
    """Load and validate one exercise file on its own: the exercise, or its problems."""
    loaded = load_file(file, shown)
    if loaded.root is None:
        return None, loaded.problems
    return validate_exercise(loaded.root, shown, file.stem, pages)


def collect(paths: list[Path], base: Path | None = None, pages: set[str] | None = None,
            cache: PlanCache | None = None) -> Collection:
    """Load and validate the exercise files under `paths`, checking ids across files.

    `pages`, when given, are the guide pages an exercise may name as its `page`. With a
    `cache`, a file whose bytes are unchanged is not loaded or validated again (the checks
    across files always run)."""
    files, problems = find_files(paths, base)
    result = Collection(files=len(files), problems=problems)
    exercise_at: dict[str, str] = {}
    question_at: dict[str, str] = {}
    known = frozenset(pages) if pages is not None else None
    for file in files:
        shown = display_path(file, base)
        if cache is None:
            exercise, found = check_file(file, shown, pages)
        else:
            exercise, found = cache.checked(file, (shown, known),
                                            lambda: check_file(file, shown, pages))
        result.problems.extend(found)
        if exercise is None:
            continue
        if exercise.id in exercise_at:
            result.problems.append(Problem(shown, 1, 1, f"the exercise id '{exercise.id}' is already "
                                           f"used by {exercise_at[exercise.id]}; expected a new id"))
            continue
        exercise_at[exercise.id] = shown
        clash = False
        for question, (line, col) in zip(exercise.questions, exercise.places):
            where = f"{shown}:{line}:{col}"
            if question.id in question_at:
                result.problems.append(Problem(shown, line, col, f"the question id '{question.id}' "
                                               f"is already used at {question_at[question.id]}; "
                                               "expected an id unique across all exercises"))
                clash = True
            else:
                question_at[question.id] = where
        if not clash:
            result.exercises.append(exercise)
    result.problems = sort_problems(result.problems)
    if result.problems:
        result.exercises = []
    result.exercises.sort(key=lambda exercise: exercise.id)
    return result
