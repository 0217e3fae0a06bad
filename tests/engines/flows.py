"""The core flows, each written once against the driver interface (drivers.Engine) and run by
test_core_flows.py in every engine, over http and from file://.

To add a flow: write a function here that takes a Visit, drives the page only through
visit.engine's methods (goto, click, tap, focus, press, type, evaluate, wait_for, text,
upload, download), and asserts what a reader would see; then add a one-line test for it in
test_core_flows.py. Script errors are checked for you after every test.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

from helpers import REPO

EXERCISE = "notice-bids-everyday"
KEY = "small-moments:v1"


def authored(exercise: str = EXERCISE) -> dict:
    """The exercise as its author wrote it: the source of every expected text."""
    return yaml.safe_load((REPO / "exercises" / f"{exercise}.yml").read_text())


def right(question: dict) -> int:
    return next(i for i, option in enumerate(question["options"]) if option.get("correct"))


def wrong(question: dict) -> int:
    return next(i for i, option in enumerate(question["options"]) if not option.get("correct"))


def plain(text: str) -> str:
    return " ".join(text.split())


def answer(visit, question: dict, index: int) -> None:  # noqa: ANN001 - a conftest.Visit
    """Choose option index (from 0) by clicking it, then press Check."""
    engine = visit.engine
    engine.click(f"#{question['id']}-option-{index + 1}")
    engine.click(f"section#{question['id']} .sm-check")
    engine.wait_for(f"document.querySelector('section#{question['id']}').hasAttribute('data-sm-result')",
                    message=f"{question['id']} to be checked")


def home_page_loads(visit) -> None:  # noqa: ANN001
    """The home page opens, the runtime runs (today's moment is chosen), nothing errs."""
    engine = visit.open("index.html")
    engine.wait_for("document.querySelector('.sm-today[data-sm-index]')",
                    message="today's moment to be chosen by the runtime")
    assert engine.text(".sm-today__text")
    assert engine.text("article h1")
    assert engine.count(".sm-quick-exit") == 1


def exercise_right_wrong_score_restore(visit) -> None:  # noqa: ANN001
    """One answer right, one wrong, each with its feedback; finished to the score; all of it
    still there after a reload."""
    engine = visit.open(f"exercises/{EXERCISE}.html")
    engine.wait_for("document.querySelector('.sm-exercise[data-sm-ready]')", message="the quiz")
    questions = authored()["questions"]
    first, second = questions[0], questions[1]

    answer(visit, first, right(first))
    feedback = f"section#{first['id']} .sm-feedback"
    engine.wait_text(feedback, "Yes, that is the best choice.")
    engine.wait_text(feedback, plain(first["options"][right(first)]["feedback"]))

    answer(visit, second, wrong(second))
    feedback = f"section#{second['id']} .sm-feedback"
    engine.wait_text(feedback, "Not the best choice.")
    engine.wait_text(feedback, plain(second["options"][wrong(second)]["feedback"]))
    engine.wait_text(feedback, plain(second["options"][right(second)]["feedback"]))
    assert engine.text(f"section#{second['id']} .sm-mark--wrong .sm-badge") == "Your answer"
    assert engine.text(f"section#{second['id']} .sm-mark--best .sm-badge") == "Best answer"
    engine.wait_text(".sm-result__text", f"You have answered 2 of {len(questions)} questions.",
                     exact=True)

    for question in questions[2:]:
        answer(visit, question, right(question))
    score = (f"All {len(questions)} questions answered. "
             f"You chose the best answer in {len(questions) - 1} of {len(questions)} questions.")
    engine.wait_text(".sm-result__text", score, exact=True)

    engine.reload()
    engine.wait_for("document.querySelector('.sm-exercise[data-sm-ready]')", message="the quiz")
    engine.wait_text(".sm-result__text", score, exact=True)
    for question in questions:
        expected = "wrong" if question is second else "right"
        assert engine.attribute(f"section#{question['id']}", "data-sm-result") == expected
    assert engine.is_checked(f"#{first['id']}-option-{right(first) + 1}")
    assert engine.is_checked(f"#{second['id']}-option-{wrong(second) + 1}")
    engine.wait_text(f"section#{second['id']} .sm-feedback", "Not the best choice.")


def my_progress_shows_it(visit) -> None:  # noqa: ANN001
    """An exercise finished on its page shows as done on My progress; one begun, in progress."""
    exercise = authored()
    questions = exercise["questions"]
    engine = visit.open(f"exercises/{EXERCISE}.html")
    for question in questions:
        answer(visit, question, right(question))
    engine.wait_text(".sm-result__text", f"All {len(questions)} questions answered.")
    engine.goto(visit.root + "progress.html")
    engine.wait_for("document.querySelector('.sm-progress[data-sm-ready]')", message="My progress")
    state = f'[data-sm-exercise="{EXERCISE}"] .sm-progress__state'
    engine.wait_text(state, f"Done: best answer in {len(questions)} of {len(questions)}")
    others = engine.texts(f'.sm-progress__item:not([data-sm-exercise="{EXERCISE}"]) .sm-progress__state')
    assert others and all(text == "Not started" for text in others), others


def search_finds_a_word(visit) -> None:  # noqa: ANN001
    """Typing a word into search lists the exercise that uses it."""
    engine = visit.open("index.html")
    engine.click(".md-search__input")
    engine.type("sigh")
    engine.wait_for("document.querySelector('.md-search-result__item')", timeout=20,
                    message="a search result")
    engine.wait_text(".md-search-result", "Spotting everyday bids", timeout=10)


def progress_export_and_import(visit, scratch: Path) -> None:  # noqa: ANN001
    """Export My progress to a file, erase everything, import the file: all of it is back."""
    questions = authored()["questions"]
    engine = visit.open(f"exercises/{EXERCISE}.html")
    answer(visit, questions[0], right(questions[0]))
    answer(visit, questions[1], wrong(questions[1]))
    engine.goto(visit.root + "progress.html")
    state = f'[data-sm-exercise="{EXERCISE}"] .sm-progress__state'
    engine.wait_text(state, f"In progress: 2 of {len(questions)} questions answered")
    before = engine.texts(".sm-progress__item")

    name, data = engine.download(lambda: engine.click(".sm-export"))
    assert name == "small-moments-progress.json"
    exported = json.loads(data)
    assert exported["app"] == "small-moments-progress"
    assert set(exported["progress"]["exercises"][EXERCISE]["answers"]) == {
        questions[0]["id"], questions[1]["id"]}
    file = scratch / name
    file.write_bytes(data)

    engine.click(".sm-erase")
    engine.click(".sm-erase-yes")
    engine.wait_text(".sm-progress__message", "Everything this site stored in this browser was erased")
    assert engine.evaluate(f"localStorage.getItem('{KEY}')") is None
    engine.wait_text(state, "Not started", exact=True)

    engine.upload(".sm-import", file)
    engine.wait_text(".sm-progress__message", "1 exercise imported.")
    assert engine.texts(".sm-progress__item") == before
    engine.reload()
    engine.wait_text(state, "In progress: 2 of")
    assert engine.texts(".sm-progress__item") == before


def ritual_planner_ics(visit) -> None:  # noqa: ANN001
    """Ticking two rituals and pressing Download gives a calendar file with those two."""
    import icalendar

    engine = visit.open("ritual-planner.html")
    engine.wait_for("document.querySelector('.sm-planner__download')", message="the planner")
    for selector in ("#ritual-goodbye-hug", "#ritual-weekly-walk"):
        engine.click(selector)
        assert engine.is_checked(selector), selector
    name, data = engine.download(lambda: engine.click(".sm-planner__download"))
    assert name == "small-moments-rituals.ics"
    engine.wait_text(".sm-planner__status", "with 2 rituals")
    calendar = icalendar.Calendar.from_ical(data)
    events = {str(event["UID"]).split("@")[0]: event for event in calendar.walk("VEVENT")}
    assert len(events) == 2, list(events)
    hug = next(event for uid, event in events.items() if uid.startswith("goodbye-hug"))
    assert str(hug["SUMMARY"]) == "A goodbye hug"
    assert hug["RRULE"]["FREQ"] == ["WEEKLY"]
    start = hug["DTSTART"].dt
    assert (start.hour, start.minute) == (7, 45)
    assert start.date() >= dt.date.today() - dt.timedelta(days=1)
    zone = engine.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone")
    assert str(getattr(start.tzinfo, "key", start.tzinfo)) in (zone, "UTC", "Etc/UTC"), (start, zone)


def quick_exit(visit) -> None:  # noqa: ANN001
    """Escape pressed twice leaves for the neutral page; the Leave button is the second Tab
    stop and leaves at once too, and Back does not return to the page that was left. (The
    neutral page is one on 127.0.0.1 here: see sites.point_quick_exit_home.)"""
    engine = visit.open("why-it-matters.html")
    engine.press("Escape")
    engine.press("Escape")
    engine.wait_for(f"location.href === {json.dumps(visit.neutral)}", message="Escape twice to leave")

    engine.goto(visit.root + "index.html")
    engine.goto(visit.root + "bids.html")
    engine.evaluate("document.activeElement && document.activeElement.blur(), true")
    engine.press("Tab")
    engine.press("Tab")
    assert engine.active_matches(".sm-quick-exit"), engine.evaluate(
        "document.activeElement.outerHTML.slice(0, 120)")
    engine.press("Enter")
    engine.wait_for(f"location.href === {json.dumps(visit.neutral)}",
                    message="the page to be replaced by the neutral one")
    # Back last: Firefox does not report the load of a page shown again from its cache.
    engine.back()
    assert engine.url() == visit.root + "index.html", "Back returned to the page that was left"


TERM = "article abbr[data-sm-term]"


def _definition(engine) -> str:  # noqa: ANN001
    definition = engine.evaluate(
        f"(function(t){{ return t.getAttribute('data-sm-term') || t.getAttribute('title'); }})"
        f"(document.querySelector('{TERM}'))")
    assert definition, "the first glossary term has no definition"
    return str(definition)


# Whether a node shows on screen: laid out, and no ancestor hidden or transparent.
_VISIBLE = r"""  function visible(node) {
    if (!node.getClientRects().length) return false;
    for (var el = node; el && el.nodeType === 1; el = el.parentElement) {
      var style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || style.opacity === '0') return false;
    }
    return true;
  }
"""

# True when the definition shows on screen: in the term's ::after/::before box, or in an
# element that shows it now and did not show it when _mark_shown ran.
_SHOWN = r"""(function (definition) {
  var term = document.querySelector('%s');
""" + _VISIBLE + r"""  for (var pseudo of ['::after', '::before']) {
    var box = getComputedStyle(term, pseudo);
    // Firefox gives the content as written (attr(...)); the others give the text it makes.
    var content = (box.content || '').replace(/attr\(\s*([\w-]+)\s*\)/g, function (all, name) {
      return term.getAttribute(name) || '';
    });
    if (box.display !== 'none' && content.indexOf(definition) >= 0 && visible(term)) return true;
  }
  var all = document.body.querySelectorAll('*');
  for (var i = 0; i < all.length; i++) {
    var node = all[i];
    if (node.hasAttribute('data-engines-shown') || node.children.length > 3) continue;
    if ((node.textContent || '').indexOf(definition) >= 0 && visible(node)) return true;
  }
  return false;
})(%s)"""

_MARK_SHOWN = """(function (definition) {
""" + _VISIBLE + """  document.querySelectorAll('*').forEach(function (node) {
    if ((node.textContent || '').indexOf(definition) >= 0 && visible(node)) node.setAttribute('data-engines-shown', '');
  });
  return true;
})(%s)"""


def _shown(engine, definition: str) -> bool:  # noqa: ANN001
    return bool(engine.evaluate(_SHOWN % (TERM, json.dumps(definition))))


def glossary_term_by_keyboard(visit) -> None:  # noqa: ANN001
    """Tab reaches the first use of a term; Enter shows its definition and Escape closes it."""
    engine = visit.open("bids.html")
    definition = _definition(engine)
    engine.evaluate(_MARK_SHOWN % json.dumps(definition))
    assert not _shown(engine, definition), "the definition shows before the term is reached"
    # Start from the focusable element just before the term: under WebKitWebDriver, Tab from
    # Material's search field goes back to the skip link, so a walk from the top never ends.
    engine.evaluate(f"""(function () {{
      var term = document.querySelector('{TERM}');
      var all = Array.from(document.querySelectorAll('a[href], input, button, [tabindex="0"]'))
        .filter(function (n) {{ return n.tabIndex >= 0 && n.getClientRects().length; }});
      var before = all[all.indexOf(term) - 1];
      before.focus();
      return true;
    }})()""")
    for _ in range(10):
        engine.press("Tab")
        if engine.active_matches(TERM):
            break
    else:
        raise AssertionError("Tab never reached the glossary term")
    shown = _SHOWN % (TERM, json.dumps(definition))
    engine.press("Enter")
    engine.wait_for(shown, timeout=3, message="the definition to show after Enter")
    engine.press("Escape")
    engine.wait_for(f"!{shown}", timeout=3, message="Escape to close the definition")


def glossary_term_by_pointer(visit, how: str) -> None:  # noqa: ANN001
    """A tap (or click) on a term shows its definition; Escape closes it; a second tap does too."""
    engine = visit.open("bids.html")
    definition = _definition(engine)
    engine.evaluate(_MARK_SHOWN % json.dumps(definition))
    act = engine.tap if how == "tap" else engine.click
    shown = _SHOWN % (TERM, json.dumps(definition))
    act(TERM)
    engine.wait_for(shown, timeout=3, message=f"the definition to show after a {how}")
    engine.press("Escape")
    engine.wait_for(f"!{shown}", timeout=3, message="Escape to close the definition")
    act(TERM)
    engine.wait_for(shown, timeout=3, message=f"the definition to show after another {how}")
    act(TERM)
    engine.wait_for(f"!{shown}", timeout=3, message=f"a second {how} to close the definition")


def partner_share_round_trip(visit) -> None:  # noqa: ANN001
    """Answer a question, make a code locked with a word (Web Crypto, CompressionStream), open
    it again on the same page with the word: the comparison shows, and nothing was kept."""
    engine = visit.open(f"exercises/{EXERCISE}.html")
    engine.wait_for("document.querySelector('.sm-pair[data-sm-ready]')", message="the share section")
    first = authored()["questions"][0]
    answer(visit, first, right(first))
    engine.click(".sm-pair__share")
    engine.focus(".sm-pair__word")
    engine.type("maple")
    engine.click(".sm-pair__make")
    engine.wait_for("document.querySelector('.sm-pair__code').value", timeout=60,
                    message="the code to be made")
    engine.click(".sm-pair__paste-open")
    # As a paste: the code is several hundred characters, too many to type key by key.
    engine.evaluate("document.querySelector('.sm-pair__paste').value = "
                    "document.querySelector('.sm-pair__code').value")
    engine.focus(".sm-pair__open-word")
    engine.type("maple")
    engine.click(".sm-pair__open-go")
    engine.wait_for("!document.querySelector('.sm-pair__result').hidden", timeout=60,
                    message="the comparison")
    engine.wait_text(".sm-pair__result-note", "Same answer in 1, different in 0")
    assert "received" not in json.loads(engine.evaluate(f"localStorage.getItem('{KEY}')") or "{}")


# Whether this engine can keep the site with a service worker from this page (checked first,
# so an engine without the API is skipped with that reason, never failed or passed blindly).
WORKERS = "'serviceWorker' in navigator && window.isSecureContext"


def offline_copy(visit, stop) -> str:  # noqa: ANN001 - a sites.Visit, a callable
    """Over http: after one visit the service worker keeps the site; with the server stopped
    (`stop`), a page visited and one never visited open from the copy, and a question there
    still checks. From file://: nothing is registered and nothing errs. Returns "" when the
    flow ran, else why this engine cannot run it (it has no service worker over http)."""
    engine = visit.open("index.html")
    engine.wait_for("document.querySelector('.sm-offline[data-sm-ready]')",
                    message="offline.js to start")
    if visit.where == "file":
        engine.wait_for("document.readyState === 'complete'")
        assert not engine.evaluate("!!(navigator.serviceWorker && navigator.serviceWorker.controller)")
        assert engine.text(".sm-offline") == ""
        return ""
    if not engine.evaluate(WORKERS):
        return f"{engine.name} has no service worker API on {visit.root}"
    engine.wait_for("navigator.serviceWorker.controller", timeout=90,
                    message="the service worker to keep the site and take over the page")
    stop()
    engine.goto(visit.root + "bids.html")
    heading = engine.text("article h1")
    assert "Bids for connection" in heading, f"bids.html with the server stopped shows {heading!r}"
    engine.goto(visit.root + f"exercises/{EXERCISE}.html")
    engine.wait_for("document.querySelector('.sm-exercise[data-sm-ready]')", message="the quiz, offline")
    first = authored()["questions"][0]
    answer(visit, first, right(first))
    engine.wait_text(f"section#{first['id']} .sm-feedback", "Yes, that is the best choice.")
    return ""
