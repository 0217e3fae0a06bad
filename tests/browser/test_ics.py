"""ics.js: the ritual planner's calendar file (RFC 5545), made in the browser and read back in Python.

Each test runs the script in a blank page whose time zone and clock are fixed, parses the text
with icalendar (and expands recurrences with recurring-ical-events), and checks offsets against
Python's zoneinfo: a time zone source independent of the browser's."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from dateutil.rrule import rrulestr
from icalendar import Calendar
from playwright.sync_api import Browser, Page

from generator.limits import runtime_settings
from helpers import REPO

RUNTIME = REPO / "theme_overrides" / "assets" / "small-moments"
ICS_JS = RUNTIME / "ics.js"
# The page's settings block, as main.html writes it: ics.js reads the weekdays and caps there.
SETTINGS = ('<script type="application/json" id="sm-settings">' + json.dumps(runtime_settings())
            + "</script>")
UTC = timezone.utc
ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"]
WEEK = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# Friday 20 March 2026, 09:00 UTC: before Europe's and after North America's spring change.
NOW = "2026-03-20T09:00:00Z"

HUG = {"id": "goodbye-hug", "title": "A goodbye hug", "description": "Before one of you leaves, hug.",
       "minutes": 2, "days": ["MO", "TU", "WE", "TH", "FR"], "time": "07:45"}
WALK = {"id": "sunday-walk", "title": "A Sunday walk", "description": "Phones at home.",
        "minutes": 30, "days": ["SU"], "time": "10:00"}

BROWSER_ZONE = "Intl.DateTimeFormat().resolvedOptions().timeZone"


class Pages:
    """One blank page with ics.js loaded per time zone, kept for the module (the script keeps no
    state between calls); the clock is fixed again before every call."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.pages: dict[str, Page] = {}

    def page(self, zone: str) -> Page:
        if zone not in self.pages:
            page = self.browser.new_context(timezone_id=zone).new_page()
            page.set_content("<!doctype html><title>t</title>" + SETTINGS)
            page.add_script_tag(path=str(RUNTIME / "core.js"))
            page.add_script_tag(path=str(ICS_JS))
            self.pages[zone] = page
        return self.pages[zone]

    def calendar(self, zone: str, when: str = NOW, rituals: Iterable[dict] = (HUG,),
                 options: str | None = None) -> str:
        """The text of SmallMoments.ics.calendar in a page set to `zone` at `when`.

        By default the options are the ones the planner page passes (its own zone, new Date());
        `options` replaces them with a JavaScript expression that may use `rituals`."""
        page = self.page(zone)
        page.clock.set_fixed_time(when)
        expression = options or f"{{ rituals: rituals, timeZone: {BROWSER_ZONE}, now: new Date() }}"
        return page.evaluate(f"(rituals) => SmallMoments.ics.calendar({expression})", list(rituals))

    def zone_name(self, zone: str) -> str:
        """The name the browser gives its own zone (Chromium says Asia/Calcutta for Asia/Kolkata)."""
        return self.page(zone).evaluate(BROWSER_ZONE)

    def close(self) -> None:
        for page in self.pages.values():
            page.context.close()


@pytest.fixture(scope="module")
def ics(browser: Browser) -> Iterator[Pages]:
    pages = Pages(browser)
    yield pages
    pages.close()


def parse(text: str) -> Calendar:
    return Calendar.from_ical(text)


def events(text: str) -> list:
    return parse(text).walk("VEVENT")


def unfolded(text: str) -> list[str]:
    """The logical content lines."""
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def vtimezone(text: str):
    [component] = parse(text).walk("VTIMEZONE")
    return component


def file_offset(text: str):
    """The tzinfo built from the file's own VTIMEZONE only (no look-up of its TZID)."""
    return vtimezone(text).to_tz(lookup_tzid=False)


def local_hours(zone: ZoneInfo, start: datetime, end: datetime) -> Iterable[datetime]:
    """Naive wall-clock hours in [start, end) that are neither skipped nor repeated in `zone`."""
    moment = start
    while moment < end:
        first, second = moment.replace(tzinfo=zone), moment.replace(tzinfo=zone, fold=1)
        if first.utcoffset() == second.utcoffset():
            yield moment
        moment += timedelta(hours=1)


def zoneinfo_changes(name: str, start: datetime, end: datetime) -> set[tuple[datetime, timedelta, timedelta]]:
    """Every offset change of a zone in [start, end) as (first UTC minute, from, to), by zoneinfo."""
    zone, found = ZoneInfo(name), set()
    moment = start
    before = moment.astimezone(zone).utcoffset()
    while moment < end:
        after = (moment + timedelta(hours=1)).astimezone(zone).utcoffset()
        if after != before:
            low, high = moment, moment + timedelta(hours=1)
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) // 2
                if middle.astimezone(zone).utcoffset() == before:
                    low = middle
                else:
                    high = middle
            found.add((high, before, after))
            before = after
        moment += timedelta(hours=1)
    return found


def file_changes(text: str, start: datetime, end: datetime) -> set[tuple[datetime, timedelta, timedelta]]:
    """Every offset change the file's VTIMEZONE gives in [start, end), read from its observances:
    each onset (DTSTART and its RRULE) is local time in TZOFFSETFROM, as RFC 5545 says."""
    found = set()
    for observance in vtimezone(text).subcomponents:
        before, after = observance["TZOFFSETFROM"].td, observance["TZOFFSETTO"].td
        if before == after:
            continue
        onset = observance["DTSTART"].dt
        onsets = [onset]
        if "RRULE" in observance:
            rule = rrulestr(observance["RRULE"].to_ical().decode(), dtstart=onset)
            onsets = rule.between(start.replace(tzinfo=None) - timedelta(days=2),
                                  end.replace(tzinfo=None) + timedelta(days=2), inc=True)
        for local in onsets:
            moment = (local - before).replace(tzinfo=UTC)
            if start <= moment < end:
                found.add((moment, before, after))
    return found


# ---- the calendar's shape ------------------------------------------------------------------


def test_calendar_has_the_planner_properties(ics: Pages):
    calendar = parse(ics.calendar("Europe/Berlin"))
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//Small Moments//Ritual planner//EN"
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["X-WR-CALNAME"] == "Small Moments rituals"
    assert calendar["X-WR-TIMEZONE"] == "Europe/Berlin"


def test_every_line_ends_with_crlf(ics: Pages):
    raw = ics.calendar("Europe/Berlin", rituals=[HUG, WALK]).encode()
    assert raw.endswith(b"\r\n")
    assert raw.count(b"\n") == raw.count(b"\r\n") == raw.count(b"\r")


LONG = {"id": "long-note", "title": "Grüße, 早上好; 🌅🌅🌅 " * 6,
        "description": "Ein Kuss 💋 vor dem Gehen, und ein Blick zurück; 大丈夫 " * 12,
        "minutes": 5, "days": ["SA"], "time": "08:00"}


def test_every_line_is_at_most_75_octets(ics: Pages):
    lines = ics.calendar("Europe/Berlin", rituals=[LONG]).encode().split(b"\r\n")
    assert max(len(line) for line in lines) == 75  # the long text really needed folding
    assert all(len(line) <= 75 for line in lines)


def test_folding_never_splits_a_character(ics: Pages):
    lines = ics.calendar("Europe/Berlin", rituals=[LONG]).encode().split(b"\r\n")
    for line in lines:
        line.decode("utf-8")  # raises on half a character at either end


def test_folded_lines_continue_with_one_space(ics: Pages):
    text = ics.calendar("Europe/Berlin", rituals=[LONG])
    [description] = [line for line in unfolded(text) if line.startswith("DESCRIPTION:Ein")]
    assert description == "DESCRIPTION:" + LONG["description"].strip().replace(",", "\\,").replace(";", "\\;")


def test_text_values_escape_backslash_semicolon_comma_and_newline(ics: Pages):
    ritual = dict(HUG, title="Tea; then talk, \\ slowly", description="First line\nSecond line\r\nThird")
    lines = unfolded(ics.calendar("Europe/Berlin", rituals=[ritual]))
    assert "SUMMARY:Tea\\; then talk\\, \\\\ slowly" in lines
    assert "DESCRIPTION:First line\\nSecond line\\nThird" in lines


def test_summary_and_description_round_trip_through_a_parser(ics: Pages):
    title = "Café, Kaffee; 咖啡 ☕ — \\o/"
    description = "Sit down, both of you; no phones.\nSay one thing you noticed 🙂 — ça va?"
    [event] = events(ics.calendar("Europe/Berlin", rituals=[dict(HUG, title=title, description=description)]))
    assert str(event["SUMMARY"]) == title
    assert str(event["DESCRIPTION"]) == description


# ---- one recurring event per ritual --------------------------------------------------------


def test_each_ritual_is_one_weekly_event_on_its_days_in_week_order(ics: Pages):
    shuffled = dict(WALK, days=["SU", "WE", "MO", "WE"])
    found = events(ics.calendar("Europe/Berlin", rituals=[HUG, shuffled]))
    assert [(str(event["SUMMARY"]), event["RRULE"]["FREQ"], [str(day) for day in event["RRULE"]["BYDAY"]])
            for event in found] == [("A goodbye hug", ["WEEKLY"], ["MO", "TU", "WE", "TH", "FR"]),
                                    ("A Sunday walk", ["WEEKLY"], ["MO", "WE", "SU"])]


def test_unknown_day_codes_are_dropped(ics: Pages):
    ritual = dict(HUG, days=["TU", "XX", "mo", "Thursday", 3, None, "TH"])
    [event] = events(ics.calendar("Europe/Berlin", rituals=[ritual]))
    assert [str(day) for day in event["RRULE"]["BYDAY"]] == ["TU", "TH"]


@pytest.mark.parametrize("days", [[], ["XX", "mo"], None, "MO", {"MO": True}])
def test_a_ritual_with_no_known_day_is_skipped(ics: Pages, days):
    found = events(ics.calendar("Europe/Berlin", rituals=[dict(HUG, id="no-days", days=days), WALK]))
    assert [str(event["UID"]) for event in found] == ["sunday-walk@small-moments.invalid"]


@pytest.mark.parametrize("time", ["7:45", "24:00", "07:60", "0745", "07:45:00", " 07:45", "", None, 745])
def test_a_ritual_whose_time_is_not_hh_mm_is_skipped(ics: Pages, time):
    found = events(ics.calendar("Europe/Berlin", rituals=[dict(HUG, id="bad-time", time=time), WALK]))
    assert [str(event["UID"]) for event in found] == ["sunday-walk@small-moments.invalid"]


@pytest.mark.parametrize("minutes", [0, -5, 2.5, "2.5", 1441, None, "", "two"])
def test_a_ritual_whose_minutes_are_not_1_to_1440_is_skipped(ics: Pages, minutes):
    found = events(ics.calendar("Europe/Berlin", rituals=[dict(HUG, id="bad-minutes", minutes=minutes), WALK]))
    assert [str(event["UID"]) for event in found] == ["sunday-walk@small-moments.invalid"]


def test_duration_is_the_rituals_minutes(ics: Pages):
    found = events(ics.calendar("Europe/Berlin", rituals=[HUG, WALK, dict(WALK, id="long", minutes=90)]))
    assert [event["DURATION"].dt for event in found] == [timedelta(minutes=2), timedelta(minutes=30),
                                                         timedelta(minutes=90)]
    assert "DURATION:PT90M" in unfolded(ics.calendar("UTC", rituals=[dict(WALK, minutes="90")]))


def expected_start(zone: str, when: str, days: list[str], time: str) -> datetime:
    """The first chosen day on or after today's date in `zone`, at the chosen time there."""
    today = datetime.fromisoformat(when).astimezone(ZoneInfo(zone)).date()
    ahead = next(step for step in range(7) if WEEK[(today + timedelta(days=step)).weekday()] in days)
    hour, minute = map(int, time.split(":"))
    day = today + timedelta(days=ahead)
    return datetime(day.year, day.month, day.day, hour, minute)


# Friday 23:30 UTC is Saturday in Berlin, Sydney and Kolkata; Saturday 02:00 UTC is still Friday
# in New York. With Monday and Friday chosen, the zone's date and the UTC date give different days.
@pytest.mark.parametrize("when", [NOW, "2026-03-20T23:30:00Z", "2026-03-21T02:00:00Z", "2026-10-31T12:00:00Z"])
@pytest.mark.parametrize("zone", ZONES)
def test_dtstart_is_the_first_chosen_day_from_todays_date_in_the_zone(ics: Pages, zone, when):
    ritual = dict(HUG, days=["MO", "FR"], time="06:15")
    [event] = events(ics.calendar(zone, when, rituals=[ritual]))
    start = event["DTSTART"]
    assert start.params["TZID"] == ics.zone_name(zone)
    assert start.dt.replace(tzinfo=None) == expected_start(zone, when, ["MO", "FR"], "06:15")


def test_today_counts_even_when_the_time_has_passed(ics: Pages):
    # Friday 20 March, 10:00 in Berlin: the 07:45 reminder has passed, and the series still starts today.
    [event] = events(ics.calendar("Europe/Berlin", rituals=[dict(HUG, days=["FR"])]))
    assert event["DTSTART"].dt.replace(tzinfo=None) == datetime(2026, 3, 20, 7, 45)


def test_dtstart_time_zone_is_defined_in_the_file(ics: Pages):
    text = ics.calendar("America/New_York", rituals=[HUG, WALK])
    defined = {str(component["TZID"]) for component in parse(text).walk("VTIMEZONE")}
    assert {event["DTSTART"].params["TZID"] for event in events(text)} == defined == {"America/New_York"}


def test_dtstamp_is_now_in_utc(ics: Pages):
    assert "DTSTAMP:20260320T090000Z" in unfolded(ics.calendar("Australia/Sydney"))
    [event] = events(ics.calendar("America/New_York", when="2026-07-04T16:05:42Z"))
    assert event["DTSTAMP"].dt == datetime(2026, 7, 4, 16, 5, tzinfo=UTC)


def test_uids_are_the_same_in_every_download(ics: Pages):
    first = events(ics.calendar("Europe/Berlin", rituals=[HUG, WALK]))
    later = events(ics.calendar("Asia/Kolkata", "2026-11-02T05:00:00Z", rituals=[WALK, dict(HUG, time="08:00")]))
    assert {str(event["UID"]) for event in first} == {str(event["UID"]) for event in later} == {
        "goodbye-hug@small-moments.invalid", "sunday-walk@small-moments.invalid"}


def test_uids_never_collide_for_different_ids(ics: Pages):
    ids = ["a b", "a-b", "a%20b", "a\u0001" + "0", "a\u0010", "naïve", "a,b;c"]
    found = events(ics.calendar("UTC", rituals=[dict(HUG, id=name) for name in ids]))
    uids = [str(event["UID"]) for event in found]
    assert len(uids) == len(set(uids)) == len(ids)
    assert all(uid.endswith("@small-moments.invalid") for uid in uids)


def test_a_repeated_id_gives_one_event(ics: Pages):
    found = events(ics.calendar("UTC", rituals=[HUG, dict(HUG, title="Again"), WALK]))
    assert [str(event["SUMMARY"]) for event in found] == ["A goodbye hug", "A Sunday walk"]


def test_each_event_has_a_display_alarm_five_minutes_before(ics: Pages):
    for event in events(ics.calendar("Europe/Berlin", rituals=[HUG, WALK])):
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == timedelta(minutes=-5)
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])


# Two weeks around a change of offset: Europe's last Sunday of March, North America's first Sunday
# of November, and both of Sydney's (daylight time ends in April and starts in October).
@pytest.mark.parametrize(("zone", "when"), [
    ("Europe/Berlin", "2026-03-23T12:00:00Z"),
    ("America/New_York", "2026-10-26T12:00:00Z"),
    ("Australia/Sydney", "2026-03-30T00:00:00Z"),
    ("Australia/Sydney", "2026-09-28T00:00:00Z"),
])
def test_recurrence_keeps_the_chosen_local_time_across_a_dst_change(ics: Pages, zone, when):
    calendar = parse(ics.calendar(zone, when, rituals=[HUG]))
    first = datetime.fromisoformat(when).astimezone(ZoneInfo(zone)).date()
    found = recurring_ical_events.of(calendar).between(first, first + timedelta(days=14))
    starts = [event["DTSTART"].dt.astimezone(ZoneInfo(zone)) for event in found]
    assert len(starts) == 10  # two working weeks
    assert len({start.utcoffset() for start in starts}) == 2  # the span really has a change
    assert all((start.hour, start.minute) == (7, 45) and start.weekday() < 5 for start in starts)


# ---- the VTIMEZONE -----------------------------------------------------------------------------

# Beyond the five asked for: a half-hour change (Lord Howe), a 45-minute zone (Chatham), -03:30
# (St John's), changes at local midnight (Santiago), on Fridays (Cairo, Jerusalem), a zone that
# ended daylight saving (Tehran), and Dublin (negative daylight saving in the tz database).
OFFSET_ZONES = ZONES + ["Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns", "America/Santiago",
                        "Africa/Cairo", "Asia/Jerusalem", "Asia/Tehran", "Europe/Dublin"]


def near_changes(name: str, start: datetime, end: datetime) -> Iterable[datetime]:
    """Every wall-clock hour within two days of an offset change of the zone, and two hours of
    every other day: offsets only change at the changes (whose instants the next test checks)."""
    days = {(moment.astimezone(ZoneInfo(name)).replace(tzinfo=None) + timedelta(days=shift)).date()
            for moment, _before, _after in zoneinfo_changes(name, start.replace(tzinfo=UTC),
                                                             end.replace(tzinfo=UTC))
            for shift in range(-2, 3)}
    for moment in local_hours(ZoneInfo(name), start, end):
        if moment.date() in days or moment.hour in (3, 15):
            yield moment


@pytest.mark.parametrize("zone", OFFSET_ZONES)
def test_vtimezone_offsets_match_zoneinfo_through_two_years_and_every_hour_near_a_change(
        ics: Pages, zone):
    text = ics.calendar(zone)
    own, real = file_offset(text), ZoneInfo(zone)
    for moment in near_changes(zone, datetime(2026, 1, 1), datetime(2028, 1, 1)):
        assert moment.replace(tzinfo=own).utcoffset() == moment.replace(tzinfo=real).utcoffset(), moment


@pytest.mark.parametrize("zone", OFFSET_ZONES)
def test_vtimezone_changes_happen_at_the_zoneinfo_instants(ics: Pages, zone):
    start, end = datetime(2026, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC)
    assert file_changes(ics.calendar(zone), start, end) == zoneinfo_changes(zone, start, end)


@pytest.mark.parametrize("zone", ["Asia/Kolkata", "UTC", "Asia/Tehran"])
def test_a_zone_without_daylight_saving_has_one_standard_observance(ics: Pages, zone):
    [observance] = vtimezone(ics.calendar(zone)).subcomponents
    offset = ZoneInfo(zone).utcoffset(datetime(2026, 6, 1))
    assert observance.name == "STANDARD"
    assert observance["TZOFFSETFROM"].td == observance["TZOFFSETTO"].td == offset
    assert "RRULE" not in observance


def test_southern_hemisphere_daylight_time_starts_in_october(ics: Pages):
    text = ics.calendar("Australia/Sydney")
    kinds = {observance.name: observance for observance in vtimezone(text).subcomponents}
    assert set(kinds) == {"STANDARD", "DAYLIGHT"}
    assert kinds["DAYLIGHT"]["TZOFFSETTO"].td == timedelta(hours=11)
    assert kinds["DAYLIGHT"]["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=1SU;BYMONTH=10"
    assert kinds["STANDARD"]["TZOFFSETTO"].td == timedelta(hours=10)
    assert kinds["STANDARD"]["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=1SU;BYMONTH=4"
    assert datetime(2027, 1, 15, 12).replace(tzinfo=file_offset(text)).utcoffset() == timedelta(hours=11)


def test_daylight_rules_use_the_real_weekday_of_the_change(ics: Pages):
    # Egypt: daylight time from the last Friday of April to the last Thursday of October at 24:00,
    # which is the Friday after on the wall clock.
    rules = sorted(observance["RRULE"].to_ical() for observance in vtimezone(ics.calendar("Africa/Cairo")).subcomponents)
    assert rules == [b"FREQ=YEARLY;BYDAY=-1FR;BYMONTH=10", b"FREQ=YEARLY;BYDAY=-1FR;BYMONTH=4"]


def test_last_weekday_rules_say_minus_one(ics: Pages):
    rules = sorted(observance["RRULE"].to_ical() for observance in vtimezone(ics.calendar("Europe/Berlin")).subcomponents)
    assert rules == [b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"]


# Israel starts daylight time on the Friday before March's last Sunday: the last Friday in 2027,
# the fourth in 2028. No single yearly rule fits both, so each change is listed with its date.
@pytest.mark.parametrize(("zone", "when", "year"), [
    ("Asia/Jerusalem", "2027-06-01T12:00:00Z", 2027),
    ("Africa/Cairo", "2029-06-01T12:00:00Z", 2029),
])
def test_changes_that_no_yearly_rule_fits_are_listed_by_date(ics: Pages, zone, when, year):
    text = ics.calendar(zone, when)
    assert all("RRULE" not in observance for observance in vtimezone(text).subcomponents)
    start, end = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 2, 1, 1, tzinfo=UTC)
    assert file_changes(text, start, end) == zoneinfo_changes(zone, start, end)
    own, real = file_offset(text), ZoneInfo(zone)
    for moment in local_hours(real, start.replace(tzinfo=None), end.replace(tzinfo=None)):
        assert moment.replace(tzinfo=own).utcoffset() == moment.replace(tzinfo=real).utcoffset(), moment


# ---- defensive ---------------------------------------------------------------------------------


def test_an_unknown_time_zone_falls_back_to_the_browsers_own(ics: Pages):
    for wanted in ['"Mars/Olympus_Mons"', '"+05:30"', '"Europe/Berlin;X=1"', "undefined", "42"]:
        text = ics.calendar("America/New_York",
                        options=f"{{ rituals: rituals, timeZone: {wanted}, now: new Date() }}")
        [event] = events(text)
        assert event["DTSTART"].params["TZID"] == "America/New_York", wanted
        assert str(vtimezone(text)["TZID"]) == "America/New_York", wanted



def test_the_zone_name_is_spelled_as_the_browser_knows_it(ics: Pages):
    text = ics.calendar("UTC", options='{ rituals: rituals, timeZone: "europe/berlin", now: new Date() }')
    [event] = events(text)
    assert event["DTSTART"].params["TZID"] == str(vtimezone(text)["TZID"]) == "Europe/Berlin"

def test_a_given_now_is_used_over_the_clock(ics: Pages):
    text = ics.calendar("UTC", options='{ rituals: rituals, timeZone: "UTC", now: new Date("2026-05-04T08:00:00Z") }')
    [event] = events(text)
    assert event["DTSTAMP"].dt == datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
    assert event["DTSTART"].dt.replace(tzinfo=None) == datetime(2026, 5, 4, 7, 45)


@pytest.mark.parametrize("options", [
    "undefined", "null", "{}", '{ rituals: "goodbye-hug" }', "{ rituals: [null, 7, 'x', [], {}] }",
    "{ rituals: [{ id: 5, days: ['MO'], time: '07:45', minutes: 2 }] }",
    '{ rituals: rituals, timeZone: "UTC", now: new Date("not a date") }',
    '{ rituals: rituals, timeZone: "UTC", now: "2026-01-01" }',
])
def test_odd_options_still_give_a_calendar_that_parses(ics: Pages, options):
    text = ics.calendar("Europe/Berlin", options=options)
    calendar = parse(text)
    assert [component.name for component in calendar.subcomponents][0] == "VTIMEZONE"
    assert all(str(event["UID"]) == "goodbye-hug@small-moments.invalid" for event in calendar.walk("VEVENT"))


def test_a_ritual_without_a_title_or_description_still_has_a_summary(ics: Pages):
    ritual = {"id": "plain", "days": ["MO"], "time": "07:00", "minutes": 1, "title": {"x": 1}, "description": "  "}
    [event] = events(ics.calendar("UTC", rituals=[ritual]))
    assert str(event["SUMMARY"]) == "A small moment"
    assert "DESCRIPTION" not in event


def test_control_characters_are_left_out_of_text(ics: Pages):
    ritual = dict(HUG, title="Hug\u0000\u0007\u001b now\ttogether")
    lines = unfolded(ics.calendar("UTC", rituals=[ritual]))
    assert "SUMMARY:Hug now\ttogether" in lines
