"""A description of the machine and the software versions a benchmark ran with."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown", "Jinja2", "PyYAML",
            "rjsmin", "rcssmin", "playwright")


def _first(path: str, key: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip() if ":" in line else line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return "unknown"


def _command(*args: str) -> str:
    try:
        return subprocess.run(list(args), capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def describe() -> dict[str, str]:
    """CPU, cores, memory, OS, Python and package versions, node."""
    memory = _first("/proc/meminfo", "MemTotal")
    info = {
        "CPU": _first("/proc/cpuinfo", "model name"),
        "Cores": str(os.cpu_count()),
        "Memory": f"{int(memory.split()[0]) / 1024 / 1024:.1f} GiB" if memory[:1].isdigit() else memory,
        "OS": f"{_first('/etc/os-release', 'PRETTY_NAME=')}, Linux {platform.release()}",
        "Python": platform.python_version(),
        "Node": _command("node", "--version"),
    }
    info.update({name: metadata.version(name) for name in PACKAGES})
    return info


def load() -> str:
    """The 1, 5 and 15 minute load averages, as a hint of other work on the machine."""
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())
