"""`python -m bench`: run every benchmark, print the summary and write BENCHMARKS.md."""

from __future__ import annotations

import argparse
import functools
import os
import pickle
import shutil
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from generator.assets import RUNTIME_DIR, finish_runtime

from . import (browser, chromium, envs, lighthouse, machine, measure, profile, projects, reload,
               serve, synth, weight)
from .projects import REPO, WORK
from .report import BASELINE as BASELINE_NAME
from .report import FINDINGS_MARKER, FULL_NAV, Plan, Results, render, summary

BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
FINDINGS = "\n## Findings\n\nNot written yet: add the analysis of these figures here.\n"
ROOT = WORK / "projects"
SAVED = WORK / "results.pickle"


class Bench:
    """One run: the plan, the results so far, and the Pythons that build."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.started = time.perf_counter()
        self.results = Results(plan=plan, machine=machine.describe(), load_before=machine.load())
        self.python = Path(sys.executable)
        self.quiz_python = envs.quiz_python()
        self.results.machine["mkdocs-quiz"] = envs.MKDOCS_QUIZ.split("==")[1]
        self.results.machine["Chromium"] = chromium.version()
        self.results.machine["Lighthouse"] = envs.LIGHTHOUSE.split("@")[1]
        self.real = ROOT / "real" / "small-moments"

    def log(self, message: str) -> None:
        print(f"[{time.perf_counter() - self.started:6.0f} s] {message}", flush=True)

    def section(self, title: str, run: Callable[[], None]) -> None:
        """Run one part; a failure is reported and recorded, and the other parts still run."""
        self.log(title)
        try:
            run()
        except Exception as error:  # noqa: BLE001 - a benchmark reports every part it can
            traceback.print_exc()
            self.results.errors.append(f"{title}: {type(error).__name__}: {str(error)[:500]}")

    def builder(self, project: Path, python: Path | None = None, strict: bool = False
                ) -> Callable[[], measure.Run]:
        command = [str(python or self.python), "-m", "mkdocs", "build", "-q", "-d", str(project / "site")]
        return lambda: measure.run(command + (["--strict"] if strict else []), project, BUILD_ENV)

    def overhead(self) -> None:
        projects.make(self.real, "small-moments", None)
        written = projects.make(ROOT / "real" / "written-out", "written-out", None)
        self.results.overhead = measure.interleaved({
            "small-moments": self.builder(self.real, strict=True),
            "written-out": self.builder(written, strict=True)}, self.plan.overhead_repeats)
        timings = []
        for _ in range(3):
            start = time.perf_counter()
            projects.plugin_output(self.real)
            timings.append(time.perf_counter() - start)
        self.results.plugin_events = (timings[0], min(timings))
        self.results.real_loaders = profile.yaml_loaders(self.real / "exercises")

    def scale(self, size: int, variants: tuple[str, ...] = projects.VARIANTS) -> None:
        exercises = [synth.exercise(number) for number in range(size)]
        builders, folders = {}, {}
        for variant in variants:
            folders[variant] = projects.make(ROOT / str(size) / variant, variant, exercises)
            builders[variant] = self.builder(folders[variant],
                                             self.quiz_python if variant == "mkdocs-quiz" else None)
        if size >= 100 and len(variants) == len(projects.VARIANTS):
            folders[FULL_NAV] = projects.make(ROOT / str(size) / "full-nav", "material", exercises,
                                              every_page_in_nav=True)
            builders[FULL_NAV] = self.builder(folders[FULL_NAV])
        self.results.scale[size] = measure.interleaved(builders, self.plan.repeats[size],
                                                       warmup=size < 1000)
        self.results.pages[size] = sum(1 for _ in (folders["small-moments"] / "site").rglob("*.html"))
        self.results.html[size] = {
            name: weight.size_of((folder / "site" / "exercises" / "bench-0001.html").read_bytes())
            for name, folder in folders.items()}

    def reload(self, size: int) -> None:
        """Save-to-served-page under `mkdocs serve --dirty`, ours against plain Material, in the
        projects the scale part built (their sources are edited; the scale figures are taken)."""
        self.results.reload[size] = reload.measure(
            {"small-moments": (ROOT / str(size) / "small-moments", True),
             BASELINE_NAME: (ROOT / str(size) / "material", False)}, self.plan.reload_rounds)

    def profile(self) -> None:
        biggest = max(self.plan.sizes)
        self.results.profile_size = biggest
        self.results.profile = profile.run(ROOT / str(biggest) / "small-moments")
        self.results.loaders = profile.yaml_loaders(ROOT / str(biggest) / "small-moments" / "exercises")

    def weight(self) -> None:
        smallest = ROOT / str(min(self.plan.sizes))
        for variant in ("small-moments", "material", "mkdocs-quiz"):
            self.results.weight[variant] = weight.visits(smallest / variant / "site", *SYNTHETIC_PAGES)
        ids = sorted(path.stem for path in (REPO / "exercises").glob("*.yml"))
        self.results.real_pages = (f"exercises/{ids[0]}.html", f"exercises/{ids[1]}.html")
        self.results.weight["small-moments, real site"] = weight.visits(self.real / "site",
                                                                        *self.results.real_pages)
        source = REPO / "theme_overrides" / "assets" / "small-moments"
        self.results.runtime = weight.runtime(source, smallest / "small-moments" / "site" / "assets" /
                                              "small-moments")
        self.results.bundled = weight.bundled(source)
        package = next((envs.QUIZ_ENV / "lib").glob("python*/site-packages/mkdocs_quiz"))
        self.results.quiz_runtime = weight.mkdocs_quiz_runtime(package)

    def browser(self) -> None:
        big = projects.make(ROOT / "browser", "written-out", None, synth.big_exercise(self.plan.questions))
        self.builder(big)()
        # Built without the plugin: minify and bundle as its on_post_build would.
        finish_runtime(big / "site" / RUNTIME_DIR)
        self.results.timings = browser.measure(big / "site", "exercises/bench-big.html",
                                               self.plan.browser_runs)

    def lighthouse(self) -> None:
        port = serve.free_port()
        measure.run([str(self.python), "-m", "mkdocs", "build", "-q", "--strict", "-d",
                     str(self.real / "site")], self.real,
                    {**BUILD_ENV, "SITE_URL": f"http://127.0.0.1:{port}/"})
        with serve.serving(self.real / "site", port) as base:
            for page in ("", self.results.real_pages[0] or "exercises/index.html"):
                self.results.lighthouse.append(lighthouse.scores(base, page, self.plan.lighthouse_runs))
                self.results.lighthouse.append(lighthouse.scores(base, page, 1, desktop=True))
        with serve.serving(ROOT / str(min(self.plan.sizes)) / "material" / "site") as base:
            self.results.lighthouse_reference = lighthouse.scores(base, SYNTHETIC_PAGES[0], 1)


SYNTHETIC_PAGES = ("exercises/bench-0001.html", "exercises/bench-0002.html")


def _write(results: Results, output: Path) -> None:
    """Write the report, keeping the hand-written findings of the file it replaces."""
    previous = output.read_text(encoding="utf-8") if output.exists() else ""
    kept = previous.split(FINDINGS_MARKER, 1)[1] if FINDINGS_MARKER in previous else FINDINGS
    output.write_text(render(results) + kept, encoding="utf-8")
    print(summary(results))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: 10 and 100 exercises, fewer repeats, one Lighthouse run")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--output", type=Path, help="where to write the report "
                        "(default: BENCHMARKS.md, or bench/.work/BENCHMARKS-quick.md with --quick)")
    parser.add_argument("--render", action="store_true",
                        help="measure nothing: write the report again from the last full run's results")
    args = parser.parse_args(argv)
    plan = Plan.quick() if args.quick else Plan.full()
    output = args.output or (WORK / "BENCHMARKS-quick.md" if args.quick else REPO / "BENCHMARKS.md")
    if args.render:
        _write(pickle.loads(SAVED.read_bytes()), output)
        return 0
    shutil.rmtree(ROOT, ignore_errors=True)
    bench = Bench(plan)
    bench.section(f"1. generator overhead on the real site, {plan.overhead_repeats} runs each", bench.overhead)
    for size in plan.sizes:
        bench.section(f"2. scale: {size} exercises, {plan.repeats[size]} runs of each variant",
                      functools.partial(bench.scale, size))
    for size in plan.memory_sizes:
        bench.section(f"2. scale: {size} exercises, ours and plain Material, {plan.repeats[size]} "
                      "runs each (peak memory and CPU)",
                      functools.partial(bench.scale, size, ("small-moments", "material")))
    bench.section(f"2b. profile of the {max(plan.sizes)}-exercise build (cProfile)", bench.profile)
    for size in plan.reload_sizes:
        bench.section(f"2c. edit to reload under mkdocs serve --dirty: {size} exercises, "
                      f"{plan.reload_rounds} rounds", functools.partial(bench.reload, size))
    bench.section("3. page weight (chromium over http, gzip as a static host serves it)", bench.weight)
    bench.section(f"4. browser: {plan.questions} questions, {plan.browser_runs} loads per CPU rate",
                  bench.browser)
    if not args.no_lighthouse:
        bench.section(f"4b. Lighthouse: {plan.lighthouse_runs} mobile and 1 desktop run per page",
                      bench.lighthouse)
    for size in (*plan.sizes, *plan.memory_sizes):
        if size >= 1000:  # these sites take gigabytes; the report needs nothing more from them
            shutil.rmtree(ROOT / str(size), ignore_errors=True)
    results = bench.results
    results.load_after = machine.load()
    results.seconds = time.perf_counter() - bench.started
    if not args.quick:
        SAVED.write_bytes(pickle.dumps(results))
    _write(results, output)
    bench.log(f"wrote {output.relative_to(REPO) if output.is_relative_to(REPO) else output}")
    for error in results.errors:
        print(f"bench: failed: {error}", file=sys.stderr)
    return 1 if results.errors else 0


if __name__ == "__main__":
    sys.exit(main())
