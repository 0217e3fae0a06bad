"""`python -m screenshots` (`make screenshots`): build the site, then write PNGs of the pages a
reader meets, at a phone's and a laptop's size, in the light and the dark scheme.

Shots: the home page, a chapter, one question of each kind before and after Check (the first
real exercise that has one), My progress, the bid tracker and the catalog. They land in
screenshots/out/ (ignored by git), named <shot>-<width>x<height>-<scheme>.png. `--axe` also
prints axe-core's WCAG 2.2 AA findings for each page as it was shot."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Browser, Page

from bench.chromium import browser as chromium
from bench.serve import serving

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "screenshots" / "out"
SIZES = [(390, 844), (1280, 800)]
SCHEMES = ["light", "dark"]
PAGES = {"home": "index.html", "chapter": "bids.html", "progress": "progress.html",
         "tracker": "bid-tracker.html", "catalog": "catalog.html"}
KINDS = ["single", "multiple", "sort", "order", "write"]
# Answers a question as a reader might (first choices, a short reply), then presses Check.
ANSWER = """question => {
    for (const group of question.querySelectorAll('.sm-sort__item')) {
        group.querySelector('input').checked = true;
    }
    const first = question.querySelector('.sm-form input[type=radio], .sm-form input[type=checkbox]');
    if (first) first.checked = true;
    const reply = question.querySelector('textarea');
    if (reply) reply.value = 'I would ask how the day went, and listen.';
    question.querySelector('.sm-check').click();
}"""


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    subprocess.run([str(mkdocs), "build", "--strict", "--site-dir", str(site)], cwd=REPO,
                   env=env, check=True)


def first_of_each_kind(site: Path) -> dict[str, str]:
    """For each question kind, the first exercise page (in file order) that has one."""
    found: dict[str, str] = {}
    for page in sorted((site / "exercises").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        for kind in KINDS:
            if kind not in found and f'data-sm-kind="{kind}"' in text:
                found[kind] = f"exercises/{page.name}"
    return found


def axe_findings(page: Page, name: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
    return [f"{name}: {v['id']} at {' '.join(map(str, node['target']))}"
            for v in result.response["violations"] for node in v["nodes"]]


# The page's chrome that stays on screen (the sticky header, the quick exit and the strip
# reserved behind it, site.css's body::after): a clip of a full-page shot would draw it across a
# tall question, where no reader ever sees it.
CHROME = ".md-header, .sm-quick-exit, body::after { visibility: hidden !important; }"


def shoot_question(page: Page, question, path: Path) -> None:
    """The question as it sits in the page: a clip of a full-page shot, without the chrome
    that stays on screen (the home page and chapter shots show it)."""
    box = question.bounding_box()
    scroll = page.evaluate("[scrollX, scrollY]")
    clip = {"x": box["x"] + scroll[0], "y": box["y"] + scroll[1],
            "width": box["width"], "height": box["height"]}
    style = page.add_style_tag(content=CHROME)
    page.screenshot(path=str(path), full_page=True, clip=clip)
    style.evaluate("node => node.remove()")


def shoot(browser: Browser, root: str, site: Path, only: set[str], axe: bool,
          schemes: list[str] = SCHEMES, sizes: list[tuple[int, int]] = SIZES) -> list[str]:
    OUT.mkdir(parents=True, exist_ok=True)
    findings: list[str] = []
    kinds = first_of_each_kind(site)
    for width, height in sizes:
        for scheme in schemes:
            context = browser.new_context(viewport={"width": width, "height": height},
                                          color_scheme=scheme, reduced_motion="reduce")
            page = context.new_page()
            tag = f"{width}x{height}-{scheme}"
            for name, path in PAGES.items():
                if only and name not in only:
                    continue
                page.goto(root + path)
                page.wait_for_load_state("load")
                page.evaluate("document.fonts.ready")
                page.screenshot(path=str(OUT / f"{name}-{tag}.png"), full_page=True)
                if axe:
                    findings += axe_findings(page, f"{name} {tag}")
            for kind, path in kinds.items():
                if only and kind not in only:
                    continue
                page.goto(root + path)
                question = page.locator(f'.sm-question[data-sm-kind="{kind}"]').first
                question.locator(".sm-check").wait_for()
                page.evaluate("document.fonts.ready")
                shoot_question(page, question, OUT / f"{kind}-before-{tag}.png")
                question.evaluate(ANSWER)
                page.wait_for_function(
                    "q => q.hasAttribute('data-sm-result')", arg=question.element_handle())
                shoot_question(page, question, OUT / f"{kind}-after-{tag}.png")
                if axe:
                    findings += axe_findings(page, f"{kind} {tag}")
            context.close()
    return findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m screenshots", description=__doc__)
    parser.add_argument("--site", type=Path, default=REPO / "site",
                        help="the built site (default: site/)")
    parser.add_argument("--no-build", action="store_true", help="use the site as it is")
    parser.add_argument("--only", nargs="*", default=[],
                        help=f"shots to take: {', '.join([*PAGES, *KINDS])} (default: all)")
    parser.add_argument("--axe", action="store_true", help="also print axe-core's findings")
    parser.add_argument("--scheme", choices=SCHEMES, help="one colour scheme only")
    parser.add_argument("--width", type=int, choices=[w for w, _ in SIZES], help="one size only")
    args = parser.parse_args(argv)
    if not args.no_build:
        build(args.site)
    with chromium() as launched, serving(args.site) as root:
        findings = shoot(launched, root, args.site, set(args.only), args.axe,
                         [args.scheme] if args.scheme else SCHEMES,
                         [size for size in SIZES if args.width in (None, size[0])])
    for line in findings:
        print(line)
    print(f"Screenshots in {OUT.relative_to(REPO)}/" + (f"; {len(findings)} axe findings" if args.axe else ""))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
