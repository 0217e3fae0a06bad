"""First-visit rendering with and without the offline copy: `python -m bench.pwa [--site DIR] [--runs N]`.

The built site is served as bench/serve.py serves it (gzip, a cache lifetime, like GitHub
Pages) and opened in a fresh Chromium context per run, in two variants, interleaved:
- "no worker": service workers blocked (Playwright's `service_workers="block"`), as before
  issue 14;
- "worker": as a reader gets it where the site is hosted: offline.js registers sw.js once
  the page has loaded and the browser is idle, and the worker keeps the whole site.
Each run reads first-contentful-paint (Performance API) of the first page (index.html), then
opens a second page (bids.html) at once, while the worker is still keeping the site, and reads
its first-contentful-paint too; then, in the worker variant, waits until the copy is kept (the
worker controls the page) and reports when, counted from the first page's navigation start.
Prints medians and ranges. Without --site it builds the real site into bench/.work/pwa/site."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from . import chromium, serve
from .projects import REPO, WORK

FCP = """() => new Promise(done => {
  const read = () => {
    const entry = performance.getEntriesByName("first-contentful-paint")[0];
    if (entry) done(entry.startTime); else setTimeout(read, 20);
  };
  read();
})"""
KEPT = "navigator.serviceWorker.controller !== null"


def build(target: Path) -> Path:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                             str(target)], cwd=REPO, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return target


def one_run(browser, root: str, worker: bool) -> dict[str, float]:  # noqa: ANN001
    context = browser.new_context(service_workers="allow" if worker else "block")
    page = context.new_page()
    try:
        started = time.perf_counter()
        page.goto(root + "index.html", wait_until="load")
        first = page.evaluate(FCP)
        page.evaluate("new Promise(done => requestIdleCallback(done, {timeout: 2000}))")
        page.goto(root + "bids.html", wait_until="load")
        second = page.evaluate(FCP)
        figures = {"first": first, "second": second}
        if worker:
            page.wait_for_function(KEPT, timeout=120_000)
            figures["kept"] = (time.perf_counter() - started) * 1000
        return figures
    finally:
        context.close()


def describe(values: list[float]) -> str:
    return f"{statistics.median(values):.0f} ms ({min(values):.0f}–{max(values):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the real one)")
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    site = options.site or build(WORK / "pwa" / "site")
    results: dict[bool, list[dict[str, float]]] = {False: [], True: []}
    load_before = os.getloadavg()[0]
    with chromium.browser() as browser, serve.serving(site) as root:
        one_run(browser, root, False)  # unmeasured round: files in the OS cache, code compiled
        for _ in range(options.runs):
            for worker in (False, True):
                results[worker].append(one_run(browser, root, worker))
    print(f"{options.runs} runs each, interleaved; load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after")
    print("| Variant | First page FCP | Second page FCP (opened at once) | Whole site kept |")
    print("| --- | --- | --- | --- |")
    for worker, name in ((False, "no worker"), (True, "worker")):
        runs = results[worker]
        kept = describe([run["kept"] for run in runs]) if worker else "–"
        print(f"| {name} | {describe([run['first'] for run in runs])} | "
              f"{describe([run['second'] for run in runs])} | {kept} |")


if __name__ == "__main__":
    main()
