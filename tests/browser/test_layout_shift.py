"""Nothing on an exercise page jumps as the runtime starts: the lines it shows (where you are,
how to answer) keep their room from the first paint (quiz.css, `scripting: enabled`).

The site font is refused here: its swap (font-display: swap) can rewrap a paragraph whenever it
lands, which is not what this checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from checks import exercise_pages

# Layout Instability API: every shift not caused by the reader's input, summed.
OBSERVE = """window.__shift = 0; window.__moved = []; new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__shift += entry.value;
    for (const source of entry.sources) if (source.node) window.__moved.push(
      (source.node.className || source.node.nodeName) + " " + Math.round(source.previousRect.y) +
      "->" + Math.round(source.currentRect.y) + " at " + Math.round(entry.startTime) + " ms");
  } }).observe({type: "layout-shift", buffered: true});"""
# Lighthouse calls under 0.1 good; a start-up that moves nothing stays far below that.
MOST = 0.01


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)])
def test_an_exercise_page_does_not_move_as_its_quiz_starts(browser: Browser, built_site: Path,
                                                           width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.add_init_script(OBSERVE)
    page.route("**/*.woff2", lambda route: route.abort())
    shifts = {}
    for name in exercise_pages(built_site)[:6]:
        page.goto(built_site.as_uri() + "/" + name)
        page.wait_for_selector(".sm-exercise[data-sm-ready]", state="attached")
        page.wait_for_timeout(300)
        shifts[name] = page.evaluate("[window.__shift, window.__moved]")
    context.close()
    assert all(0 <= value for value, _ in shifts.values())
    moved = {name: (round(value, 3), what[:4]) for name, (value, what) in shifts.items()
             if value > MOST}
    assert moved == {}, f"layout shift above {MOST} as the page starts: {moved}"
