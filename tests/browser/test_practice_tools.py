"""Practice between readings: the bid tracker and a small moment for every day."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

KEY = "small-moments:v1"


def log_bid_by_keyboard(page: Page, who: int, how: int, response: int, note: str = "") -> None:
    """Log a bid with the keyboard alone: arrows choose in each group, Tab moves on, Enter logs.

    The time stays as the form set it: now."""
    page.locator('input[name="sm-bid-who"]:checked').focus()
    for group, target in (("who", who), ("how", how), ("response", response)):
        radios = page.locator(f'input[name="sm-bid-{group}"]')
        expect(page.locator(f'input[name="sm-bid-{group}"]:checked')).to_be_focused()
        current = radios.evaluate_all("radios => radios.findIndex(radio => radio.checked)")
        for _ in range((target - current) % radios.count()):
            page.keyboard.press("ArrowRight")
        expect(radios.nth(target)).to_be_checked()
        page.keyboard.press("Tab")
    expect(page.get_by_label("A note (optional")).to_be_focused()
    page.keyboard.type(note)
    page.keyboard.press("Enter")  # Enter in a text field submits its form
    expect(page.locator(".sm-tracker__status")).to_contain_text("Logged:")


def test_bids_logged_by_keyboard_update_the_share_the_chart_and_survive_reload(visit, tmp_path: Path):
    page = visit.open("bid-tracker.html")
    expect(page.locator(".sm-tracker__summary")).to_have_text(
        "Last 7 days: no bids logged. Last 30 days: no bids logged.")
    for who, how, response in ((1, 2, 0), (0, 0, 0), (1, 2, 1), (0, 1, 0)):
        log_bid_by_keyboard(page, who, how, response, note="at breakfast" if who else "")
    summary = page.locator(".sm-tracker__summary")
    expect(summary).to_have_text("Last 7 days: 3 of 4 bids turned toward (75%). Last 30 days: 3 of 4 "
                                 "bids turned toward (75%).")
    # The caption is the chart's one text for screen readers; the bars are hidden from them.
    expect(page.locator(".sm-tracker__chart")).to_have_attribute("aria-hidden", "true")
    bars = page.locator(".sm-chart__bar")
    assert [bars.nth(i).evaluate("bar => bar.style.width") for i in range(2)] == ["75%", "75%"]
    # Newest first: the last bid logged, then the one before it.
    expect(page.locator(".sm-tracker__entry").nth(0)).to_contain_text("· Me · a touch · turned toward")
    expect(page.locator(".sm-tracker__entry").nth(1)).to_contain_text(
        "· My partner · a look or a sigh · turned away · at breakfast")

    page.reload()
    expect(summary).to_contain_text("3 of 4 bids turned toward (75%)")
    expect(page.locator(".sm-tracker__entry")).to_have_count(4)

    with page.expect_download() as download:
        page.get_by_role("button", name="Export my bids").click()
    exported = tmp_path / "bids.json"
    download.value.save_as(exported)
    assert len(json.loads(exported.read_text())["bids"]) == 4

    page.goto(visit.root + "progress.html")
    page.get_by_role("button", name="Erase everything this site stored").click()
    page.get_by_role("button", name="Yes, erase everything").click()
    page.goto(visit.root + "bid-tracker.html")
    expect(page.locator(".sm-tracker__entry")).to_have_count(0)
    expect(page.locator(".sm-tracker__empty")).to_be_visible()
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import bids from a file").focus()
        page.keyboard.press("Enter")
    chooser.value.set_files(str(exported))
    expect(page.locator(".sm-tracker__status")).to_have_text(
        "4 bids imported. Where the file and this browser both had the same entry, the file's copy "
        "was kept.")
    expect(summary).to_contain_text("3 of 4 bids turned toward (75%)")


def test_my_progress_export_includes_the_tracker(http_visit, tmp_path: Path):
    page = http_visit.open("bid-tracker.html")
    log_bid_by_keyboard(page, 0, 0, 0)
    page.goto(http_visit.root + "progress.html")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    [bid] = json.loads(exported.read_text())["progress"]["bids"]
    assert (bid["who"], bid["how"], bid["response"]) == ("me", "words", "toward")


def test_a_bid_from_ten_days_ago_counts_for_thirty_days_only(http_visit):
    page = http_visit.open("bid-tracker.html")
    page.get_by_label("When").fill((dt.datetime.now() - dt.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Turned away").check()
    page.get_by_role("button", name="Log this bid").click()
    log_bid_by_keyboard(page, 0, 0, 0)
    expect(page.locator(".sm-tracker__summary")).to_have_text(
        "Last 7 days: 1 of 1 bid turned toward (100%). Last 30 days: 1 of 2 bids turned toward "
        "(50%).")


def test_a_bid_can_be_edited_and_deleted_by_keyboard(http_visit):
    page = http_visit.open("bid-tracker.html")
    log_bid_by_keyboard(page, 0, 0, 1)
    log_bid_by_keyboard(page, 0, 0, 0)
    entries = page.locator(".sm-tracker__entry")
    entries.nth(1).get_by_role("button", name="Edit").focus()
    page.keyboard.press("Enter")
    expect(page.locator('input[name="sm-bid-who"]:checked')).to_be_focused()
    page.locator('input[name="sm-bid-response"]:checked').focus()
    page.keyboard.press("ArrowLeft")
    page.get_by_role("button", name="Save changes").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".sm-tracker__status")).to_contain_text("Changes saved:")
    expect(page.locator(".sm-tracker__summary")).to_contain_text("2 of 2 bids turned toward (100%)")
    entries.first.get_by_role("button", name="Delete").focus()
    page.keyboard.press("Enter")
    expect(entries).to_have_count(1)
    expect(entries.first.get_by_role("button", name="Edit")).to_be_focused()
    expect(page.locator(".sm-tracker__summary")).to_contain_text("1 of 1 bid turned toward (100%)")


def test_the_tracker_says_when_it_cannot_keep_bids(browser, http_root: str):
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('no', 'SecurityError'); } });")
    page = context.new_page()
    page.goto(http_root + "bid-tracker.html")
    expect(page.locator(".sm-tracker .sm-storage")).to_contain_text("not letting the site save anything")
    log_bid_by_keyboard(page, 0, 0, 0)
    expect(page.locator(".sm-tracker__summary")).to_contain_text("1 of 1 bid turned toward")
    context.close()


def moment_on(browser, root: str, when: dt.datetime, zone: str = "Europe/Berlin") -> tuple[str, list[str]]:
    context = browser.new_context(timezone_id=zone)
    page = context.new_page()
    page.clock.set_fixed_time(when)
    page.goto(root + "index.html")
    expect(page.locator(".sm-today[data-sm-index]")).to_have_count(1)
    shown = page.locator(".sm-today__text").inner_text()
    listed = page.locator(".sm-today__all > li").all_text_contents()
    context.close()
    return shown, listed


def test_todays_moment_is_a_function_of_the_local_date(browser, http_root: str):
    berlin = dt.timezone(dt.timedelta(hours=1))
    early, listed = moment_on(browser, http_root, dt.datetime(2027, 1, 14, 0, 5, tzinfo=berlin))
    late, _ = moment_on(browser, http_root, dt.datetime(2027, 1, 14, 23, 55, tzinfo=berlin))
    tomorrow, _ = moment_on(browser, http_root, dt.datetime(2027, 1, 15, 9, 0, tzinfo=berlin))
    day = (dt.date(2027, 1, 14) - dt.date(1970, 1, 1)).days
    assert early == late == listed[day % len(listed)]
    assert tomorrow == listed[(day + 1) % len(listed)]
    assert len(set(listed)) == len(listed) >= 60


def test_another_idea_steps_through_the_moments_and_keeps_focus(http_visit):
    page = http_visit.open("index.html")
    listed = page.locator(".sm-today__all > li").all_text_contents()
    first = page.locator(".sm-today__text").inner_text()
    button = page.get_by_role("button", name="Another idea")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_be_focused()
    assert page.locator(".sm-today__text").inner_text() == listed[(listed.index(first) + 1) % len(listed)]
    expect(page.locator(".sm-today__link")).to_have_attribute(
        "href", re.compile(r"^(practices/[a-z-]+|build-or-break)\.html$"))


def test_the_home_page_shows_a_moment_without_javascript(no_js_visit):
    page = no_js_visit.open("index.html")
    expect(page.locator(".sm-today__text")).not_to_be_empty()
    expect(page.locator(".sm-today__all")).to_be_hidden()


def test_ritual_planner_downloads_a_calendar_file_chosen_by_keyboard(browser, http_root: str,
                                                                     tmp_path: Path):
    import icalendar

    context = browser.new_context(timezone_id="Europe/Berlin")
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime(2027, 3, 24, 9, 0, tzinfo=dt.timezone.utc))
    page.goto(http_root + "ritual-planner.html")
    for selector in ("#ritual-goodbye-hug", "#ritual-goodbye-hug-fr", "#ritual-weekly-walk"):
        page.locator(selector).focus()
        page.keyboard.press("Space")
    page.locator("#ritual-goodbye-hug-time").fill("07:30")
    page.get_by_role("button", name="Download calendar file").focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    expect(page.locator(".sm-planner__status")).to_contain_text("with 2 rituals")
    file = tmp_path / download.value.suggested_filename
    download.value.save_as(file)
    assert file.name == "small-moments-rituals.ics"

    calendar = icalendar.Calendar.from_ical(file.read_bytes())
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    hug = next(event for uid, event in events.items() if uid.startswith("goodbye-hug"))
    assert str(hug["SUMMARY"]) == "A goodbye hug"
    assert hug["RRULE"]["FREQ"] == ["WEEKLY"]
    assert hug["RRULE"]["BYDAY"] == ["MO", "TU", "WE", "TH"]
    start = hug["DTSTART"].dt
    assert (start.hour, start.minute, str(start.tzinfo)) == (7, 30, "Europe/Berlin")
    assert start.date() >= dt.date(2027, 3, 24) and start.strftime("%a") in ("Mon", "Tue", "Wed", "Thu")
    assert hug["DURATION"].dt == dt.timedelta(minutes=2)
    assert len(events) == 2

    page.reload()
    expect(page.locator("#ritual-goodbye-hug")).to_be_checked()
    expect(page.locator("#ritual-goodbye-hug-fr")).not_to_be_checked()
    expect(page.locator("#ritual-goodbye-hug-time")).to_have_value("07:30")
    context.close()


def test_ritual_planner_asks_for_a_ritual_first(http_visit):
    page = http_visit.open("ritual-planner.html")
    page.get_by_role("button", name="Download calendar file").click()
    expect(page.locator(".sm-planner__status")).to_have_text(
        "Tick “Add to my calendar” for at least one ritual first.")
    expect(page.locator(".sm-ritual__pick").first).to_be_focused()
