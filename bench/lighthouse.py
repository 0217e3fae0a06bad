"""Lighthouse scores (npm `lighthouse`, Debian's chromium) for pages of a site served on 127.0.0.1."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import envs

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")


@dataclass(frozen=True)
class Scores:
    """Median score per category (0-100) over runs, and the audits that cost points in any run."""

    page: str
    form: str
    runs: int
    scores: dict[str, int]
    lost: dict[str, list[str]]
    each: dict[str, list[int]] = field(default_factory=dict)  # every run's score, by category


def _run(url: str, desktop: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [str(envs.lighthouse()), url, "--quiet", "--output=json", f"--output-path={report}",
                   f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"]
        if desktop:
            command.append("--preset=desktop")
        subprocess.run(command, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
                       check=True, capture_output=True, timeout=300)
        return json.loads(report.read_text())


def _lost(reports: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Per category, each audit that cost points in some run, with its values and first element."""
    found: dict[str, dict[str, tuple[list[str], str]]] = {}
    for report in reports:
        for name in CATEGORIES:
            for ref in report["categories"][name]["auditRefs"]:
                audit = report["audits"][ref["id"]]
                if ref.get("weight", 0) <= 0 or audit.get("score") is None or audit["score"] >= 1:
                    continue
                items = (audit.get("details") or {}).get("items") or [{}]
                node = ((items[0].get("node") or {}).get("snippet") or "") if isinstance(items[0], dict) else ""
                values, _ = found.setdefault(name, {}).setdefault(audit["title"], ([], node[:80]))
                if audit.get("displayValue") and audit["displayValue"] not in values:
                    values.append(audit["displayValue"])
    return {name: [title + (f" ({', '.join(values)})" if values else "") + (f" at `{node}`" if node else "")
                   for title, (values, node) in sorted(audits.items())]
            for name, audits in found.items()}


def scores(base: str, page: str, runs: int, desktop: bool = False) -> Scores:
    """Run Lighthouse `runs` times on `base + page` (mobile by default) and keep medians."""
    reports = [_run(base + page, desktop) for _ in range(runs)]
    medians = {name: round(100 * statistics.median(r["categories"][name]["score"] or 0 for r in reports))
               for name in CATEGORIES}
    each = {name: [round(100 * (r["categories"][name]["score"] or 0)) for r in reports]
            for name in CATEGORIES}
    return Scores(page or "index.html", "desktop" if desktop else "mobile", runs, medians,
                  _lost(reports), each)
