"""The core flows in Chromium, Firefox and WebKit, over http and from file://.

Each test is one flow from flows.py; the `visit` fixture (conftest.py) runs it once per engine
and way of opening the site, and fails it on any script error the page reported. Add a flow
in flows.py, then a line here."""

from __future__ import annotations

from pathlib import Path

import pytest

import flows
from sites import Visit, serve

def test_home_page_loads_without_script_errors(visit):
    flows.home_page_loads(visit)


def test_exercise_right_and_wrong_with_feedback_score_and_restore(visit):
    flows.exercise_right_wrong_score_restore(visit)


def test_my_progress_shows_a_finished_exercise(visit):
    flows.my_progress_shows_it(visit)


def test_search_finds_a_word(visit):
    flows.search_finds_a_word(visit)


def test_progress_export_erase_and_import(visit, tmp_path: Path):
    flows.progress_export_and_import(visit, tmp_path)


def test_ritual_planner_downloads_an_ics_file(visit):
    flows.ritual_planner_ics(visit)


def test_quick_exit_by_button_and_by_escape(visit):
    flows.quick_exit(visit)


def test_glossary_term_opens_by_keyboard(visit):
    flows.glossary_term_by_keyboard(visit)


def test_glossary_term_opens_and_closes_by_tap(visit):
    flows.glossary_term_by_pointer(visit, "tap")


def test_glossary_term_opens_and_closes_by_click(visit):
    flows.glossary_term_by_pointer(visit, "click")


def test_partner_share_round_trip_with_a_word(visit):
    flows.partner_share_round_trip(visit)


def test_offline_copy_serves_pages_with_the_server_stopped(visit, engines_site):
    # Its own server for the same site, so stopping it cuts the network in every engine alike.
    root, server = serve(engines_site.folder, 0)

    def stop() -> None:  # refused from now on, as with no network
        server.shutdown()
        server.server_close()

    try:
        why_not = flows.offline_copy(Visit(visit.engine, root if visit.where == "http"
                                           else visit.root, visit.where, visit.neutral), stop)
    finally:
        stop()
    if why_not:
        pytest.skip(why_not)
