"""Quiz ready time and long tasks on a long exercise page, with Playwright and the Performance API."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import chromium, serve

# Runs before any page script. It records long tasks, and times SM.start (the runtime's start-up
# pass over the page, which starts the quiz)
# through an accessor on the namespace the runtime's scripts extend (`window.SmallMoments`).
PROBE = """
window.__bench = {longtasks: [], start: []};
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) {
    window.__bench.longtasks.push({start: e.startTime, duration: e.duration});
  });
}).observe({type: "longtask", buffered: true});
var start;
var namespace = {kinds: {}};
Object.defineProperty(namespace, "start", {
  configurable: true, enumerable: true,
  get: function () { return start; },
  set: function (run) {
    start = function () {
      var began = performance.now();
      try { return run.apply(this, arguments); } finally {
        window.__bench.start.push({start: began, end: performance.now()});
      }
    };
  }
});
window.SmallMoments = namespace;
"""
READ = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const first = window.__bench.start[0];
  return {dcl: nav.domContentLoadedEventStart, load: nav.loadEventEnd, ready: first.end, start: first.start,
          runtime: first.end - first.start, calls: window.__bench.start.length,
          questions: document.querySelectorAll(".sm-question[data-sm-kind]").length,
          enhanced: document.querySelectorAll(".sm-exercise[data-sm-ready]").length,
          longtasks: window.__bench.longtasks};
}"""


@dataclass(frozen=True)
class Timing:
    """Medians over runs, in ms from navigation start; `runtime` is how long the first SM.start took."""

    throttle: int
    runs: int
    questions: int
    dcl: float
    ready: float
    after_dcl: float
    worst_after_dcl: float
    start_after_dcl: float
    load: float
    runtime: float
    worst_runtime: float
    longtasks: int
    longest_task: float


def _once(browser: Any, url: str, throttle: int) -> dict[str, Any]:
    context = browser.new_context()
    page = context.new_page()
    if throttle > 1:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    page.add_init_script(PROBE)
    page.goto(url, wait_until="load")
    page.wait_for_function("() => window.__bench.start.length > 0", timeout=30_000)
    page.wait_for_timeout(300)
    result: dict[str, Any] = page.evaluate(READ)
    context.close()
    if result["enhanced"] != 1:
        raise RuntimeError(f"{url}: the quiz was not enhanced")
    return result


def measure(site: Path, path: str, runs: int, throttles: tuple[int, ...] = (1, 4)) -> list[Timing]:
    """Load `path` `runs` times per CPU throttle rate, each in a fresh context; medians."""
    timings = []
    with serve.serving(site) as base, chromium.browser() as browser:
        _once(browser, base + path, 1)  # warm the server and the browser
        for throttle in throttles:
            samples = [_once(browser, base + path, throttle) for _ in range(runs)]
            after = [s["ready"] - s["dcl"] for s in samples]
            timings.append(Timing(
                throttle, runs, samples[0]["questions"],
                statistics.median(s["dcl"] for s in samples),
                statistics.median(s["ready"] for s in samples),
                statistics.median(after), max(after),
                statistics.median(s["start"] - s["dcl"] for s in samples),
                statistics.median(s["load"] for s in samples),
                statistics.median(s["runtime"] for s in samples),
                max(s["runtime"] for s in samples),
                round(statistics.median(len(s["longtasks"]) for s in samples)),
                max((t["duration"] for s in samples for t in s["longtasks"]), default=0.0)))
    return timings
