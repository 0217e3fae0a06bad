"""Run a command as a fresh child process and measure its wall time and peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


class CommandFailed(RuntimeError):
    """A measured command exited with an error."""


@dataclass(frozen=True)
class Run:
    """One measured run: seconds of wall time and the child's peak resident memory in MiB."""

    seconds: float
    peak_mib: float


@dataclass
class Series:
    """Every run of one variant; medians are what the report shows."""

    runs: list[Run] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def peak_mib(self) -> float:
        return statistics.median(run.peak_mib for run in self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        """The fastest and slowest run, in seconds."""
        return min(r.seconds for r in self.runs), max(r.seconds for r in self.runs)


def run(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `command` once; `os.wait4` gives the rusage of exactly this child."""
    start = time.perf_counter()
    child = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stderr.close()
    if child.returncode != 0:
        raise CommandFailed(f"{' '.join(command)} in {cwd} exited with {child.returncode}:\n"
                            f"{errors.decode(errors='replace')[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def interleaved(commands: dict[str, Callable[[], Run]], repeats: int, warmup: bool = True
                ) -> dict[str, Series]:
    """Run every variant in turn (A, B, A, B...) `repeats` times, after one unmeasured round."""
    if warmup:
        for measure in commands.values():
            measure()
    series = {name: Series() for name in commands}
    for _ in range(repeats):
        for name, measure in commands.items():
            series[name].runs.append(measure())
    return series
