"""The quality gate's checks, each returning problems that name the page and the element.

They are plain functions so that the gate runs them on every built page and the
breakage tests run them on tiny sites made to fail."""

from __future__ import annotations

import io
import re
import json
import shutil
import subprocess
from pathlib import Path

import pypdf
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from helpers import REPO

AXE = Axe()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
STILL = ("*, *::before, *::after { transition: none !important; animation: none !important; "
         "caret-color: transparent !important; }")
OUR_KEY = "small-moments:v1"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def exercise_pages(site: Path) -> list[str]:
    """Every generated exercise page of a built site."""
    return [page for page in site_pages(site) if page.startswith("exercises/") and
            page != "exercises/index.html"]


def kinds_cover(site: Path) -> list[str]:
    """The fewest exercise pages, taken in name order, that hold every question kind between
    them: where a check of one state of the quiz runs on a sample rather than on every page."""
    kinds_of = {name: set(re.findall(r'data-sm-kind="([a-z]+)"', (site / name).read_text()))
                for name in exercise_pages(site)}
    missing, cover = set().union(*kinds_of.values()), []
    while missing:
        best = max(kinds_of, key=lambda name: len(kinds_of[name] & missing))  # first of the best
        cover.append(best)
        missing -= kinds_of[best]
    return sorted(cover)


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to it."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def settle(page: Page) -> None:
    """Stop transitions so colours are measured as they rest, not half-way through a fade."""
    page.add_style_tag(content=STILL)


def axe_violations(page: Page, name: str) -> list[str]:
    """WCAG 2.0/2.1/2.2 A and AA violations that axe-core finds on the page as it is now."""
    settle(page)
    # Only violations are read: axe then skips detailing what passed (about half its time).
    # From a folder, axe does not fetch the stylesheets to read them (Chromium refuses those
    # requests and logs each); its one rule that needs them, css-orientation-lock, is left
    # for the pages' visits over http.
    from_folder = page.url.startswith("file:")
    result = AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                    "resultTypes": ["violations"], "preload": not from_folder})
    problems = []
    for violation in result.response["violations"]:
        for node in violation["nodes"]:
            problems.append(f"{name}: {violation['id']} at {' '.join(map(str, node['target']))}: "
                            f"{node.get('failureSummary', '').splitlines()[-1].strip()}")
    return problems


def answer_everything(page: Page) -> None:
    """Answer every question on an exercise page (first choices), so all feedback shows."""
    page.evaluate("""() => {
        for (const question of document.querySelectorAll('.sm-question')) {
            const first = question.querySelector('.sm-form input[type=radio], .sm-form input[type=checkbox]');
            if (first) {
                for (const group of question.querySelectorAll('.sm-sort__item')) {
                    group.querySelector('input').checked = true;
                }
                first.checked = true;
            }
            const reply = question.querySelector('textarea');
            if (reply) reply.value = 'A reply of my own.';
            question.querySelector('.sm-check').click();
        }
    }""")


def outside_requests(requests: list[str], root: str) -> list[str]:
    """Requests that left the site's own origin (data: and blob: stay in the page)."""
    return [url for url in requests
            if not url.startswith(root) and not url.startswith(("data:", "blob:"))]


def storage_problems(context: BrowserContext, page: Page, name: str) -> list[str]:
    """Cookies of any kind, and localStorage keys other than ours and Material's palette."""
    problems = [f"{name}: cookie {cookie['name']} set" for cookie in context.cookies()]
    if page.evaluate("document.cookie"):
        problems.append(f"{name}: document.cookie is '{page.evaluate('document.cookie')}'")
    keys = page.evaluate("Object.keys(localStorage)")
    problems += [f"{name}: localStorage key '{key}' is not this site's own" for key in keys
                 if key != OUR_KEY and not key.endswith("__palette")]
    return problems


def overflow(page: Page, name: str) -> list[str]:
    """Elements that make the page scroll sideways."""
    found = page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= width + 1) return [];
        const scrolls = (node) => {
            for (let el = node.parentElement; el; el = el.parentElement) {
                const style = getComputedStyle(el);
                if (/(auto|scroll|hidden)/.test(style.overflowX) && el !== document.body
                    && el !== document.documentElement) return true;
            }
            return false;
        };
        const wide = [];
        for (const el of document.body.querySelectorAll('*')) {
            const box = el.getBoundingClientRect();
            if (box.width && box.right > width + 1 && !scrolls(el)) {
                wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
                    ' reaches ' + Math.round(box.right) + 'px');
            }
        }
        return wide.length ? wide.slice(0, 5) : ['the page is ' + document.documentElement.scrollWidth + 'px wide'];
    }""")
    return [f"{name}: {entry} in a {page.viewport_size['width']}px viewport" for entry in found]


def focus_problems(page: Page, name: str, stops: int = 200) -> list[str]:
    """Tab through the page; every element that takes focus must show it."""
    problems = []
    seen = set()
    page.locator("body").focus()
    for _ in range(stops):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const shows = (node) => {
                const style = getComputedStyle(node);
                return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                    || style.boxShadow !== 'none';
            };
            // A visually hidden input (Material's toggles and tabs) shows focus on its label.
            const box = el.getBoundingClientRect();
            const hidden = box.width <= 1 || box.height <= 1 || getComputedStyle(el).opacity === '0';
            const near = Array.from(el.labels || []);
            if (el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL') near.push(el.nextElementSibling);
            const visible = shows(el) || (hidden && near.some(shows));
            const label = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
            return { label, visible, text: (el.textContent || el.value || '').trim().slice(0, 40),
                     key: label + '|' + (el.getAttribute('href') || '') + '|' + (el.textContent || '').trim().slice(0, 40) };
        }""")
        if info is None or info["key"] in seen:
            if info is not None:
                break
            continue
        seen.add(info["key"])
        if not info["visible"]:
            problems.append(f"{name}: focus is not visible on {info['label']} '{info['text']}'")
    return problems


def vnu_errors(files: list[Path], base: Path | None = None) -> tuple[list[str], list[str]]:
    """Errors and warnings of the Nu HTML checker on the given files, named relative to base."""
    java = shutil.which("java") or "java"
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--exit-zero-always",
                             *map(str, files)], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors, warnings = [], []
    for message in messages:
        path = Path(message.get("url", "").removeprefix("file:"))
        shown = path.relative_to(base) if base and path.is_relative_to(base) else path.name
        where = f"{shown}:{message.get('lastLine', '?')}"
        text = f"{where}: {message['message']}"
        (errors if message["type"] == "error" else warnings).append(text)
    return errors, warnings


def pdf_text(page: Page) -> tuple[int, str]:
    """Print the page to PDF as Chromium does; the page count and the text."""
    page.emulate_media(media="print")
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    page.emulate_media(media="screen")
    text = "\n".join(pdf_page.extract_text() for pdf_page in reader.pages)
    # A hyphenated word broken across two lines ("active-" / "constructive") is one word.
    return len(reader.pages), re.sub(r"(\w)- (\w)", r"\1-\2", " ".join(text.split()))


def motion(page: Page, name: str) -> list[str]:
    """Quiz elements that still animate or transition."""
    found = page.evaluate("""() => {
        const moving = [];
        for (const el of document.querySelectorAll('.sm-exercise, .sm-exercise *, .sm-progress, .sm-progress *')) {
            const style = getComputedStyle(el);
            const durations = (style.transitionDuration + ',' + style.animationDuration).split(',')
                .map(s => parseFloat(s));
            if (durations.some(d => d > 0) || (style.animationName !== 'none')) {
                moving.push(el.tagName.toLowerCase() + '.' + String(el.className).trim().split(/\\s+/).join('.'));
            }
        }
        return moving.slice(0, 5);
    }""")
    return [f"{name}: {entry} moves with prefers-reduced-motion" for entry in found]


def open_all_exercises_from_nav(page: Page) -> None:
    """Open the Exercises section of the main navigation and follow its "All exercises" link."""
    nav = page.locator(".md-sidebar--primary")
    nav.locator("label.md-nav__link", has_text="Exercises").click()
    nav.get_by_role("link", name="All exercises", exact=True).click()


def check_offline_copy(browser: Browser, copy: Path) -> None:
    """From a copy of the site opened from file://: navigate, search, run every quiz, stay local."""
    root = copy.as_uri() + "/"
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(root + "index.html")
    open_all_exercises_from_nav(page)
    expect(page).to_have_url(root + "exercises/index.html")
    search = page.locator(".md-search__input")
    search.click()
    search.press_sequentially("sigh", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    for name in exercise_pages(copy):
        page.goto(root + name)
        question = page.locator(".sm-question").first
        expect(page.locator(".sm-exercise[data-sm-ready]")).to_have_count(1)
        answer_everything(page)
        expect(question.locator(".sm-feedback")).not_to_be_empty()
    assert outside_requests(requests, "file://") == []
    context.close()
