"""Problems found in author input, kept as values and reported together."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in an input file, located like a compiler diagnostic."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Order problems by file, line and column, dropping exact repeats."""
    return sorted(set(problems))
