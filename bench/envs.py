"""Separate, cached environments: a venv with mkdocs-quiz and an npm folder with Lighthouse."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from .projects import WORK

MKDOCS_QUIZ = "mkdocs-quiz==1.7.1"
LIGHTHOUSE = "lighthouse@13.5.0"
QUIZ_ENV = WORK / "mkdocs-quiz-env"
NODE_DIR = WORK / "node"


def _current(stamp: Path, wanted: str) -> bool:
    return stamp.exists() and stamp.read_text() == wanted


def _quietly(command: list[str]) -> None:
    """Run an installer; show its output only if it fails."""
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}")


def _name(requirement: str) -> str:
    """A package's name from a `name==version` line, normalised."""
    return requirement.split("==", 1)[0].strip().lower().replace("_", "-").replace(".", "-")


def _shared(pins: dict[str, str], env_python: Path) -> str:
    """The pins of the packages the quiz venv has, as our venv has them: what keeps it current."""
    listed = subprocess.run([str(env_python), "-m", "pip", "list", "--format=freeze"],
                            capture_output=True, text=True).stdout
    names = {_name(line) for line in listed.splitlines() if "==" in line}
    return "".join(f"{name}=={pins[name]}\n" for name in sorted(names & set(pins)))


def quiz_python() -> Path:
    """A venv with mkdocs-quiz, every package it shares with this venv pinned to our version."""
    python = QUIZ_ENV / "bin" / "python"
    freeze = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                            capture_output=True, text=True, check=True).stdout
    pins = {_name(line): line.split("==", 1)[1] for line in freeze.splitlines() if "==" in line}
    stamp = QUIZ_ENV / ".installed"
    if python.exists() and _current(stamp, f"{MKDOCS_QUIZ}\n{_shared(pins, python)}"):
        return python
    print(f"bench: creating {QUIZ_ENV.relative_to(WORK.parent.parent)} with {MKDOCS_QUIZ}", flush=True)
    venv.create(QUIZ_ENV, clear=True, with_pip=True)
    constraints = QUIZ_ENV / "constraints.txt"
    constraints.write_text("".join(f"{name}=={version}\n" for name, version in pins.items()))
    _quietly([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
              "-c", str(constraints), MKDOCS_QUIZ,
              *[f"{name}=={pins[name]}" for name in pins if name.startswith(("mkdocs", "pymdown"))]])
    stamp.write_text(f"{MKDOCS_QUIZ}\n{_shared(pins, python)}")
    return python


def lighthouse() -> Path:
    """The Lighthouse command, installed with npm into bench/.work/node (not the repo's package.json)."""
    binary = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
    stamp = NODE_DIR / ".installed"
    if _current(stamp, LIGHTHOUSE) and binary.exists():
        return binary
    print(f"bench: installing {LIGHTHOUSE} into {NODE_DIR.relative_to(WORK.parent.parent)}", flush=True)
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    _quietly(["npm", "install", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund",
              "--loglevel=error", "--no-save", LIGHTHOUSE])
    stamp.write_text(LIGHTHOUSE)
    return binary
