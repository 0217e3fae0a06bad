"""The results of a benchmark run, rendered as BENCHMARKS.md and as a short console summary."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .browser import Timing
from .budget import BUDGETS, GZIP_LEVEL, PAGE_ALLOWANCE
from .lighthouse import CATEGORIES, Scores
from .measure import Series
from .profile import Profile
from .weight import AssetSize, Size, Visit

BASELINE = "material"
FULL_NAV = "material, every exercise in the nav"


@dataclass(frozen=True)
class Plan:
    """How much to measure: sizes, repeats per size, browser and Lighthouse runs."""

    sizes: tuple[int, ...]
    repeats: dict[int, int]
    overhead_repeats: int
    questions: int
    browser_runs: int
    lighthouse_runs: int
    # Sizes built by ours and plain Material only (peak memory, CPU); edit-to-reload sizes.
    memory_sizes: tuple[int, ...] = ()
    reload_sizes: tuple[int, ...] = ()
    reload_rounds: int = 0

    @classmethod
    def full(cls) -> Plan:
        return cls((10, 100, 1000), {10: 5, 100: 5, 1000: 3, 3000: 1}, 7, 100, 7, 3,
                   (3000,), (10, 1000), 5)

    @classmethod
    def quick(cls) -> Plan:
        return cls((10, 100), {10: 2, 100: 2}, 3, 100, 3, 1, (), (10,), 2)


@dataclass
class Results:
    """Everything one run of the benchmarks measured."""

    plan: Plan
    machine: dict[str, str]
    load_before: str
    load_after: str = ""
    seconds: float = 0.0
    overhead: dict[str, Series] = field(default_factory=dict)
    scale: dict[int, dict[str, Series]] = field(default_factory=dict)
    html: dict[int, dict[str, Size]] = field(default_factory=dict)
    pages: dict[int, int] = field(default_factory=dict)
    profile_size: int = 0
    profile: Profile | None = None
    loaders: dict[str, float] = field(default_factory=dict)
    plugin_events: tuple[float, float] = (0.0, 0.0)
    real_loaders: dict[str, float] = field(default_factory=dict)
    weight: dict[str, tuple[Visit, Visit]] = field(default_factory=dict)
    real_pages: tuple[str, str] = ("", "")
    runtime: dict[str, AssetSize] = field(default_factory=dict)
    bundled: dict[str, tuple[int, int]] = field(default_factory=dict)
    quiz_runtime: dict[str, AssetSize] = field(default_factory=dict)
    timings: list[Timing] = field(default_factory=list)
    lighthouse: list[Scores] = field(default_factory=list)
    lighthouse_reference: Scores | None = None
    errors: list[str] = field(default_factory=list)
    reload: dict[int, dict[str, dict[str, Series]]] = field(default_factory=dict)


def kib(n: float) -> str:
    return f"{n / 1024:.1f} KiB"


def sec(s: float) -> str:
    return f"{s:.2f} s" if s < 10 else f"{s:.1f} s"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "n/a"


def _yes(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows] + [""]


def targets(r: Results) -> list[list[str]]:
    """Each target of issue 8 with what was measured and whether it holds."""
    rows = []
    if r.overhead:
        sm, plain = r.overhead["small-moments"].seconds, r.overhead["written-out"].seconds
        rows.append(["Generator overhead ≤ 10% of the plain build of the same pages (real site)",
                     f"{sec(sm)} vs {sec(plain)}: +{100 * (sm / plain - 1):.0f}%", _yes(sm <= 1.1 * plain)])
    biggest = max((size for size in r.scale if size in r.plan.sizes), default=0)
    if biggest:
        series = r.scale[biggest]
        sm, plain = series["small-moments"].seconds, series[BASELINE].seconds
        if FULL_NAV in series:
            full = series[FULL_NAV].seconds
            rows.append([f"{biggest:,} exercises build no slower than {biggest:,} plain Material pages, "
                         "every page in Material's navigation (the issue's baseline)",
                         f"{sec(sm)} vs {sec(full)} ({ratio(sm, full)})", _yes(sm <= full)])
        rows.append([f"{biggest:,} exercises build no slower than {biggest:,} plain Material pages "
                     "given the same short navigation", f"{sec(sm)} vs {sec(plain)} ({ratio(sm, plain)})",
                     _yes(sm <= plain)])
    for name in ("runtime JS", "runtime CSS"):
        if name in r.runtime:
            got = r.runtime[name].built_gz
            rows.append([f"Quiz {name.split()[1]} ≤ {kib(BUDGETS[name])} ({BUDGETS[name]:,} bytes) gzipped, "
                         "as built (minified)", f"{kib(got)} ({got:,} bytes)", _yes(got <= BUDGETS[name])])
    if "small-moments" in r.weight and BASELINE in r.weight:
        ours, plain = r.weight["small-moments"][0].page.gz, r.weight[BASELINE][0].page.gz
        rows.append(["Exercise page, first visit < plain Material page + 12 KiB (HTML+CSS+JS, gzipped)",
                     f"{kib(ours)} vs {kib(plain)}: +{kib(ours - plain)}", _yes(ours < plain + PAGE_ALLOWANCE)])
    if r.timings:
        t = r.timings[0]
        rows.append([f"Quiz ready ≤ 50 ms after DOMContentLoaded, {t.questions} questions",
                     f"{t.after_dcl:+.0f} ms (median of {t.runs}; slowest {t.worst_after_dcl:+.0f} ms; "
                     "negative: ready before DOMContentLoaded)",
                     _yes(t.after_dcl <= 50)])
    for scores in r.lighthouse:
        if scores.form == "mobile":
            shown = ", ".join(f"{scores.scores[c]}" for c in CATEGORIES)
            rows.append([f"Lighthouse 100/100/100/100 on {scores.page} (mobile)", shown,
                         _yes(all(v == 100 for v in scores.scores.values()))])
    return rows


def _lmh(series: Series, value: str = "seconds", unit: str = "s") -> str:
    """min / median / max of one figure."""
    low, mid, high = series.low_mid_high(value)
    if unit == "s":
        return f"{sec(low)} / **{sec(mid)}** / {sec(high)}"
    return f"{low:.0f} / **{mid:.0f}** / {high:.0f} {unit}"


def speed_targets(r: Results) -> list[list[str]]:
    """Each target of issue 20 (speed) with what was measured and whether it holds."""
    rows = []
    for size, edits in sorted(r.reload.items()):
        if size < 1000:
            continue
        ours = edits.get("one changed question", {}).get("small-moments")
        if ours and ours.runs:
            rows.append([f"Save to reload ≤ 1 s (median) for one changed question at {size:,} "
                         "exercises (`mkdocs serve --dirty`)",
                         f"min / median / max {_lmh(ours)}", _yes(ours.seconds <= 1.0)])
    biggest = max((size for size in r.scale if size <= 1000), default=0)
    if biggest >= 1000:
        series = r.scale[biggest]
        sm, plain = series["small-moments"], series[BASELINE]
        rows.append([f"Peak memory ≤ 1.2× plain Material's at {biggest:,} exercises",
                     f"{sm.peak_mib:.0f} vs {plain.peak_mib:.0f} MiB ({ratio(sm.peak_mib, plain.peak_mib)})",
                     _yes(sm.peak_mib <= 1.2 * plain.peak_mib)])
        rows.append([f"Build CPU ≤ 1.00× plain Material's with the same menu at {biggest:,} exercises",
                     f"{sec(sm.cpu)} vs {sec(plain.cpu)} ({ratio(sm.cpu, plain.cpu)})",
                     _yes(sm.cpu <= plain.cpu)])
    for scores in r.lighthouse:
        if scores.form == "mobile" and scores.each:
            runs = scores.each["performance"]
            rows.append([f"Lighthouse mobile performance 100 on {scores.page}, every run",
                         ", ".join(str(v) for v in runs), _yes(all(v == 100 for v in runs))])
    return rows


def summary(r: Results) -> str:
    """The console summary: the targets tables."""
    return "\n".join(["", "Targets of issue 8", *_table(["Target", "Measured", "Result"], targets(r)),
                      "Targets of issue 20", *_table(["Target", "Measured", "Result"],
                                                     speed_targets(r))])


def _machine(r: Results) -> list[str]:
    rows = [[key, value] for key, value in r.machine.items()]
    rows.append(["Load average (1/5/15 min) before / after", f"{r.load_before} / {r.load_after}"])
    return _table(["", ""], rows)


def _series_rows(series: dict[str, Series], baseline: str, pages: int = 0) -> list[list[str]]:
    rows = []
    for name, s in series.items():
        low, high = s.spread
        row = [name, sec(s.seconds), f"{sec(low)} – {sec(high)}"]
        if pages:
            row.append(f"{1000 * s.seconds / pages:.1f} ms")
        row += [f"{s.peak_mib:.0f} MiB", ratio(s.seconds, series[baseline].seconds)]
        rows.append(row)
    return rows


def _overhead(r: Results) -> list[str]:
    if not r.overhead:
        return []
    sm, plain = r.overhead["small-moments"], r.overhead["written-out"]
    return ["## 1. Generator overhead on the real site", "",
            "`mkdocs build --strict` of the real site (the guide and every exercise in "
            "`exercises/`), against the same pages written out once as Markdown (the plugin's own "
            "output and navigation, taken from its `on_config` and `on_files` events) and built "
            f"without the plugin, same theme and configuration. {len(sm.runs)} runs each, "
            "interleaved, after one unmeasured round.", "",
            *_table(["Build", "Median", "Fastest – slowest", "Peak memory", "Ratio"],
                    _series_rows(r.overhead, "written-out")),
            f"The plugin adds {sec(sm.seconds - plain.seconds)} "
            f"({100 * (sm.seconds / plain.seconds - 1):.0f}%) to a build of "
            f"{sec(plain.seconds)}. Run in the bench's own process (templates already compiled, "
            "fastest of three), the plugin's `on_config` and `on_files` (read, validate and render "
            f"every exercise) take {sec(r.plugin_events[1])}; "
            "composing the YAML files alone takes " + ", ".join(
                f"{1000 * s:.0f} ms with `{name}`" for name, s in r.real_loaders.items()) + ".", ""]


def _scale(r: Results) -> list[str]:
    if not r.scale:
        return []
    lines = ["## 2. Scale", "",
             "Synthetic sets of 10, 100 and 1,000 exercises of six questions each (single, single "
             "with a dialogue, multiple, sort, order, write), generated by `bench/synth.py`, with the "
             "real guide pages beside them. The first four variants share the navigation the plugin "
             "makes: every exercise while there are at most `nav_limit` of them, only the exercises "
             "index beyond. Variants:", "",
             "- **small-moments**: the plugin reads the YAML (what authors run);",
             "- **written-out**: the plugin's pages and navigation written to Markdown once, built "
             "without the plugin (same theme overrides);",
             "- **material**: the same questions hand-written for stock Material (a list of options "
             "and a collapsed `??? note` with the answers; sort, order and write become choice "
             "questions), no theme overrides;",
             "- **mkdocs-quiz**: the same questions in mkdocs-quiz's `<quiz>` format with "
             "per-answer feedback, stock Material, in its own venv;",
             f"- **{FULL_NAV}** (100 and more): plain Material as an author would usually set it up, "
             "listing every page in the navigation, as the issue's baseline did.", "",
             "Peak memory is the build process's maximum resident set, from GNU time (see section 5).", ""]
    for size, series in r.scale.items():
        pages = r.pages.get(size, size)
        lines += [f"### {size:,} exercises, {pages:,} pages ({r.plan.repeats[size]} runs each, interleaved"
                  f"{', after one unmeasured round' if size < 1000 else ''})", "",
                  *_table(["Variant", "Median", "Fastest – slowest", "Per page", "Peak memory",
                           "Ratio to material"], _series_rows(series, BASELINE, pages))]
        if size in r.html:
            lines += ["Size of one exercise page's HTML: " + ", ".join(
                f"{name} {kib(s.raw)} ({kib(s.gz)} gzipped)" for name, s in r.html[size].items()) + ".", ""]
    if 100 in r.scale and 1000 in r.scale:
        rows = [[name, sec(r.scale[100][name].seconds), sec(r.scale[1000][name].seconds),
                 ratio(r.scale[1000][name].seconds, r.scale[100][name].seconds)]
                for name in r.scale[100]]
        lines += ["### Growth from 100 to 1,000 exercises", "",
                  "Ten times the pages; a linear build would take about ten times as long.", "",
                  *_table(["Variant", "100", "1,000", "Growth"], rows)]
    return lines + _profile(r)


def _profile(r: Results) -> list[str]:
    p = r.profile
    if p is None:
        return []
    lines = [f"### Where the time goes: cProfile of the {r.profile_size:,}-exercise build", "",
             f"One `mkdocs build` of the small-moments variant under cProfile ({sec(p.total)} under "
             "the profiler, which slows Python-heavy code more than C code, so read the shares, "
             "not the seconds).", "",
             *_table(["Part", "Seconds", "Share"],
                     [[label, f"{s:.1f}", f"{100 * s / p.total:.0f}%"] for label, s in p.parts]),
             "Costliest functions by own time:", "",
             *_table(["Function", "Calls", "Own s", "Cumulative s"],
                     [[f"`{name}`", f"{calls:,}", f"{own:.1f}", f"{cum:.1f}"] for name, calls, own, cum in p.top])]
    if r.loaders:
        lines += ["Composing the same YAML files with PyYAML's two loaders (no profiler): " + ", ".join(
            f"`{name}` {sec(s)}" for name, s in r.loaders.items()) + ".", ""]
    return lines


def _visit_rows(r: Results) -> list[list[str]]:
    rows = []
    for name, (first, second) in r.weight.items():
        for label, visit in (("first visit", first), ("second page", second)):
            kinds = [visit.kinds.get(k, Size()) for k in ("HTML", "CSS", "JS", "other")]
            rows.append([name, label, *[f"{kib(k.raw)} / {kib(k.gz)}" for k in kinds[:3]],
                         f"**{kib(visit.page.raw)} / {kib(visit.page.gz)}**",
                         f"{kib(visit.inline.raw)}", f"{kib(kinds[3].gz)}", str(visit.files)])
    return rows


def _weight(r: Results) -> list[str]:
    if not r.weight:
        return []
    lines = ["## 3. Page weight", "",
             "What chromium requests when it opens an exercise page, then a second exercise page, "
             "from the 10-exercise builds (and from the real site), served over http on 127.0.0.1 "
             f"with gzip (level {GZIP_LEVEL}) and `Cache-Control: max-age=600`, like GitHub Pages. "
             "On the second page, a file already fetched counts as cached. Sizes are raw / gzipped; "
             "\"page\" is HTML + CSS + JS, the figure the target uses; \"inline\" is script and style "
             "code inside the HTML (counted in HTML); \"other\" is the search index, sitemap and "
             "favicon, gzipped.", "",
             *_table(["Site", "Load", "HTML", "CSS", "JS", "Page", "Inline", "Other", "Files"],
                     _visit_rows(r))]
    if "small-moments" in r.weight and BASELINE in r.weight:
        ours, plain = r.weight["small-moments"][0].page.gz, r.weight[BASELINE][0].page.gz
        lines += [f"First visit: the exercise page transfers {kib(ours - plain)} more than the plain "
                  f"Material page with the same questions (allowance {kib(PAGE_ALLOWANCE)}).", ""]
    if r.runtime:
        rows = []
        for name, a in r.runtime.items():
            rows.append([name, str(a.files), kib(a.raw), kib(a.minified), kib(a.minified_gz),
                         kib(a.built_gz), kib(BUDGETS[name]), "yes" if a.built_gz <= BUDGETS[name] else "**no**"])
        for name, a in r.quiz_runtime.items():
            rows.append([f"mkdocs-quiz {name.split()[1]}", str(a.files), kib(a.raw), kib(a.minified),
                         kib(a.minified_gz), kib(a.built_gz) + " (inlined in every page)", "", ""])
        lines += ["### The runtime alone", "",
                  "The **quiz runtime** is what makes a page of questions work: `store.js`, `quiz-dom.js`, "
                  "the five `quiz-<kind>.js`, `quiz.js` and `quiz.css`; its budgets are issue 8's. "
                  "Everything else in `assets/small-moments/` is **chrome**: a few scripts on every page "
                  "(quick exit, shared-device note, glossary terms, print, `lazy.js`) and `site.css`, and "
                  "the tool pages' own scripts (My progress, catalog, assignment, tracker, planner, "
                  "today's moment), which `lazy.js` loads only on the page whose markup names them. The "
                  "chrome's budgets are ceilings against runaway growth, set above today's size, not "
                  "targets. The build minifies every file "
                  "(`generator/assets.py`: rjsmin and rcssmin, from the plugin's `on_post_build`); "
                  "sizes are summed file by file, each gzipped on its own, as served. "
                  "`tests/test_budget.py` asserts the five budgets on a built site.", "",
                  *_table(["Group", "Files", "Raw", "Minified", "Minified, gzipped", "As built, gzipped",
                           "Budget", "Within"], rows)]
    if r.bundled:
        lines += ["Every page loads two files of ours, which the build joins from the files above "
                  "(`BUNDLES` in `generator/assets.py`); gzip compresses each as one: "
                  + ", ".join(f"`{name}` {kib(together)} (its parts gzipped one by one: {kib(apart)})"
                              for name, (apart, together) in r.bundled.items())
                  + " (minified, gzipped).", ""]
    return lines


def _browser(r: Results) -> list[str]:
    lines = []
    if r.timings:
        rows = [[f"{t.throttle}×", f"{t.dcl:.0f}", f"{t.ready:.0f}", f"**{t.after_dcl:.0f}** "
                 f"(slowest {t.worst_after_dcl:.0f})", f"{t.start_after_dcl:.0f}",
                 f"{t.runtime:.1f} (slowest {t.worst_runtime:.1f})", f"{t.load:.0f}", str(t.longtasks),
                 f"{t.longest_task:.0f}"] for t in r.timings]
        t = r.timings[0]
        lines += ["## 4. In the browser", "",
                  f"A page of {t.questions} questions (the generator's own templates; the schema "
                  "allows 40 per exercise, so the bench lifts that limit for this page only) in the "
                  "real site, written out (then minified and bundled, as the plugin does after a build) and served over http. Each load runs in a fresh browser "
                  "context of Debian's chromium (Playwright), unthrottled and with the CPU slowed "
                  f"4× through the DevTools protocol; {t.runs} loads each, medians. A script added "
                  "before the page's own times `SmallMoments.start`, the runtime's start-up pass "
                  "(no change to the runtime); \"quiz ready\" is when that first call returns. Long "
                  "tasks come from a `PerformanceObserver` (`longtask`, buffered). Times in ms from "
                  "navigation start.", "",
                  *_table(["CPU", "DOMContentLoaded", "Quiz ready", "Ready after DCL",
                           "Start after DCL", "SM.start took", "Load", "Long tasks", "Longest task"],
                          rows),
                  "Each column is its own median over the loads, so \"ready after DCL\" is not the "
                  "difference of the two columns before it. \"Start after DCL\" is when the first "
                  "`SM.start` call began. A negative figure means before DOMContentLoaded: the runtime "
                  "starts as soon as its script has run, at the end of the body.", ""]
    if r.lighthouse:
        rows = [[s.page, s.form, str(s.runs), *[str(s.scores[c]) for c in CATEGORIES]] for s in r.lighthouse]
        ref = r.lighthouse_reference
        if ref:
            rows.append([f"plain Material: {ref.page}", ref.form, str(ref.runs),
                         *[str(ref.scores[c]) for c in CATEGORIES]])
        lines += ["### Lighthouse", "",
                  "npm `lighthouse` with `CHROME_PATH=/usr/bin/chromium` and the flags from "
                  "FIELD-NOTES, against the real site built with `SITE_URL` set to the address it is "
                  "served at (same server as above). Default (mobile, simulated throttling) and "
                  "`--preset=desktop`; median score per category.", "",
                  *_table(["Page", "Form", "Runs", *CATEGORIES], rows)]
        for s in [*r.lighthouse, *([ref] if ref else [])]:
            for category, titles in s.lost.items():
                lines.append(f"- {s.page} ({s.form}), {category}: " + "; ".join(titles))
        lines.append("")
    return lines


def _speed(r: Results) -> list[str]:
    """Issue 20's figures: edit to reload, peak memory and CPU by size, min / median / max."""
    lines = ["## 5. Speed for authors: edit to reload, peak memory, CPU", "",
             "Figures are min / **median** / max over interleaved runs. Peak memory and CPU "
             "time (user + system) of each build come from GNU time (`/usr/bin/time -f '%M %U %S'`), "
             "which starts the build from its own small process: earlier reports read `ru_maxrss` "
             "through `wait4` in the bench, and on Linux a child starts from the memory of the "
             "process that forked it, so every small build showed the bench's own size.", ""]
    rows = []
    for size, series in sorted(r.scale.items()):
        if "small-moments" not in series or BASELINE not in series:
            continue
        sm, plain = series["small-moments"], series[BASELINE]
        rows.append([f"{size:,}", str(len(sm.runs)), _lmh(sm, "peak_mib", "MiB"),
                     _lmh(plain, "peak_mib", "MiB"), ratio(sm.peak_mib, plain.peak_mib),
                     _lmh(sm, "cpu"), _lmh(plain, "cpu"), ratio(sm.cpu, plain.cpu)])
    if rows:
        lines += ["### Peak memory and CPU of a build, ours against plain Material (same menu)", "",
                  *_table(["Exercises", "Runs", "Ours: peak", "Material: peak", "Memory ratio",
                           "Ours: CPU", "Material: CPU", "CPU ratio"], rows)]
    if r.reload:
        lines += ["### Edit to reload under `mkdocs serve --dirty`", "",
                  "Both projects are served at once (`mkdocs serve --dirty`, livereload on); each "
                  "save is timed from the write until the served page shows the change (polled "
                  "every 20 ms over http), ours and plain Material in turn. *One changed question*: "
                  "one prompt's wording in an exercise (ours: its YAML file; Material: its page). "
                  "*One new exercise*: a new exercise file (a new page). *One content page*: a "
                  "paragraph added to a guide page. Up to `nav_limit` (60) exercises, a new "
                  "exercise adds an entry to the menu that every page shows, so every page is "
                  "rebuilt (into a fresh folder, swapped in); past it, only the new page and the "
                  "lists of exercises.", ""]
        for size, edits in sorted(r.reload.items()):
            rows = [[kind, name, str(len(s.runs)), _lmh(s)]
                    for kind, by_name in edits.items() for name, s in by_name.items()]
            lines += [f"#### {size:,} exercises", "",
                      *_table(["Edit", "Site", "Saves", "Seconds to the changed page"], rows)]
    return lines if len(lines) > 6 else []


def _errors(r: Results) -> list[str]:
    if not r.errors:
        return []
    return ["## Parts that failed in this run", "", *[f"- {error}" for error in r.errors], ""]


def render(r: Results) -> str:
    """BENCHMARKS.md."""
    today = datetime.date.today().isoformat()
    lines = ["# Benchmarks", "",
             f"Written by `make bench` (`python -m bench`) on {today}; the run took "
             f"{r.seconds / 60:.0f} minutes. Do not edit by hand: run it again. The analysis "
             "and what to do about each result is in [Findings](#findings).", "",
             "## Targets", "", *_table(["Target", "Measured", "Result"], targets(r)),
             "## Targets of issue 20 (speed)", "",
             *_table(["Target", "Measured", "Result"], speed_targets(r)),
             "## Machine", "", *_machine(r),
             "## Method", "",
             "- Every build is a fresh `mkdocs build` process in a temporary project under "
             "`bench/.work/projects/` holding a copy of what a build reads from the repo "
             "(`content/`, `includes/`, `theme_overrides/` and the other inputs; `mkdocs.yml` is "
             "inherited through `INHERIT`, with only the plugins, theme folder and nav overridden); "
             "the time is wall time around the process.",
             "- Variants of one comparison run interleaved (A, B, A, B…), so that other work on the "
             "machine slows them alike; each figure is the median; ratios divide medians.",
             "- mkdocs-quiz is installed by the script into `bench/.work/mkdocs-quiz-env`, pinned, "
             "with every package it shares with our venv pinned to our versions; Lighthouse into "
             "`bench/.work/node`. Both are kept between runs.",
             "- Synthetic sets skip `--strict`: the real guide pages link to real exercises that "
             "the synthetic sets do not have.", "",
             *_overhead(r), *_scale(r), *_weight(r), *_browser(r), *_speed(r), *_errors(r)]
    return "\n".join(lines) + "\n" + FINDINGS_MARKER + "\n"


# BENCHMARKS.md ends with hand-written findings kept below this line across runs.
FINDINGS_MARKER = "<!-- findings: everything below this line is kept when make bench rewrites the file -->"
