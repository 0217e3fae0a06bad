"""Run a command as a fresh child process and measure its wall time, CPU time and peak memory.

Peak memory comes from GNU time (`/usr/bin/time`), which starts the command from its own
small process: on Linux, a child's `ru_maxrss` starts from the memory of the process that
forked it, so reading the build's figure through `wait4` in the bench (a large Python
process) reported the bench's own size for every small build."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


class CommandFailed(RuntimeError):
    """A measured command exited with an error."""


@dataclass(frozen=True)
class Run:
    """One measured run: seconds of wall time, the build's peak resident memory in MiB, and
    its CPU seconds (user + system)."""

    seconds: float
    peak_mib: float
    cpu: float = 0.0


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
    def cpu(self) -> float:
        return statistics.median(run.cpu for run in self.runs)

    def low_mid_high(self, value: str = "seconds") -> tuple[float, float, float]:
        """The smallest, median and largest of one figure over the runs."""
        values = [getattr(run, value) for run in self.runs]
        return min(values), statistics.median(values), max(values)

    @property
    def spread(self) -> tuple[float, float]:
        """The fastest and slowest run, in seconds."""
        return min(r.seconds for r in self.runs), max(r.seconds for r in self.runs)


GNU_TIME = shutil.which("time", path="/usr/bin:/bin") or ""


def run(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `command` once under GNU time: its own peak memory and CPU time."""
    if not GNU_TIME:
        raise CommandFailed("GNU time (/usr/bin/time, Debian package time) is needed to "
                            "measure each build's peak memory")
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        child = subprocess.run([GNU_TIME, "-f", "%M %U %S", "-o", report.name, *command],
                               cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, check=False)
        seconds = time.perf_counter() - start
        figures = report.read().split()[-3:]
    if child.returncode != 0:
        raise CommandFailed(f"{' '.join(command)} in {cwd} exited with {child.returncode}:\n"
                            f"{child.stderr.decode(errors='replace')[-3000:]}")
    kib, user, system = int(figures[0]), float(figures[1]), float(figures[2])
    return Run(seconds, kib / 1024, user + system)


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
