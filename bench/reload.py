"""Edit to reload: the seconds from saving a file to `mkdocs serve` serving the changed page."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import serve, synth
from .measure import Run, Series

# What an author saves: one question's wording, a new exercise, a guide page.
EDITS = ("one changed question", "one new exercise", "one content page")
PAGE = "exercises/bench-0001"
CONTENT_PAGE = "bids"


@dataclass
class Server:
    """One `mkdocs serve` of a project, and how each edit is made in it."""

    project: Path
    ours: bool
    base: str
    process: subprocess.Popen[bytes]

    def edit(self, kind: str, token: str, number: int) -> tuple[str, str]:
        """Make one edit; return the page that shows it and the text to wait for."""
        if kind == "one changed question":
            path = (self.project / "exercises" / f"{PAGE.split('/')[1]}.yml" if self.ours
                    else self.project / "content" / f"{PAGE}.md")
            original = path.with_name(path.name + ".orig")
            if not original.exists():
                original.write_bytes(path.read_bytes())
            text = original.read_text(encoding="utf-8")
            path.write_text(text.replace("Which reply from", f"Which reply ({token}) from", 1),
                            encoding="utf-8")
            return f"{PAGE}.html", token
        if kind == "one new exercise":
            data = synth.exercise(number)
            if self.ours:
                path = self.project / "exercises" / f"{data['id']}.yml"
                path.write_text(synth.exercise_yaml(data), encoding="utf-8")
            else:
                path = self.project / "content" / "exercises" / f"{data['id']}.md"
                path.write_text(synth.material_page(data), encoding="utf-8")
            return f"exercises/{data['id']}.html", data["title"]
        path = self.project / "content" / f"{CONTENT_PAGE}.md"
        original = path.with_name(path.name + ".orig")
        if not original.exists():
            original.write_bytes(path.read_bytes())
        path.write_text(original.read_text(encoding="utf-8") + f"\n\nEdited: {token}.\n",
                        encoding="utf-8")
        return f"{CONTENT_PAGE}.html", token


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, OSError):
        return ""


def _wait(url: str, text: str, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in _get(url):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


@contextlib.contextmanager
def serving(project: Path, ours: bool, dirty: bool = True, timeout: float = 1800
            ) -> Iterator[Server]:
    """`mkdocs serve` (with `--dirty`) of `project` on a free port, once its first build is done."""
    port = serve.free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
               *(["--dirty"] if dirty else [])]
    process = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    base = f"http://127.0.0.1:{port}/"
    try:
        start = time.perf_counter()
        while not _get(base + "index.html"):
            if process.poll() is not None or time.perf_counter() - start > timeout:
                raise RuntimeError(f"mkdocs serve in {project} did not start")
            time.sleep(0.2)
        yield Server(project, ours, base, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def measure(projects: dict[str, tuple[Path, bool]], rounds: int, timeout: float = 600
            ) -> dict[str, dict[str, Series]]:
    """For each edit and each project (name: folder, whether it is ours), `rounds` saves,
    interleaved (project A, B, A, B... within each round and edit); seconds to the changed page."""
    results: dict[str, dict[str, Series]] = {kind: {name: Series() for name in projects}
                                             for kind in EDITS}
    with contextlib.ExitStack() as stack:
        servers = {name: stack.enter_context(serving(folder, ours))
                   for name, (folder, ours) in projects.items()}
        for number in range(rounds):
            for kind in EDITS:
                for name, server in servers.items():
                    token = f"edit-{number}-{time.monotonic_ns()}"
                    start = time.perf_counter()
                    page, text = server.edit(kind, token, 9000 + number)
                    seconds = time.perf_counter() - start + _wait(server.base + page, text, timeout)
                    results[kind][name].runs.append(Run(seconds, 0.0))
                    time.sleep(0.3)  # let the watcher settle before the next save
    return results

