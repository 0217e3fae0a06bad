"""The plan cache (generator/cache.py): what a long-running adapter keeps from plan to plan."""

from __future__ import annotations

from generator.cache import PlanCache


def _plan(cache: PlanCache, page_version: int, made: list[str]) -> str:
    """One plan that renders one list page made of two kept entries."""
    cache.start()

    def entry(name: str) -> str:
        return cache.piece(name, lambda: made.append(name) or name.upper())

    page = cache.rendered(("page", page_version), lambda: entry("a") + entry("b"))()
    cache.complete()
    return page


def test_an_entry_is_rendered_once_while_its_key_stays_the_same():
    cache, made = PlanCache(), []
    assert _plan(cache, 1, made) == "AB"
    assert _plan(cache, 2, made) == "AB"
    assert made == ["a", "b"]


def test_a_page_reused_whole_keeps_its_entries_for_the_next_plan_that_needs_them():
    # A save that leaves a list page as it was (a guide page edited) reuses the page whole and
    # asks for none of its entries; the next save that changes the page must still find them.
    cache, made = PlanCache(), []
    _plan(cache, 1, made)
    _plan(cache, 1, made)
    assert _plan(cache, 2, made) == "AB"
    assert made == ["a", "b"]


def test_what_no_plan_asks_for_is_dropped():
    cache, made = PlanCache(), []
    _plan(cache, 1, made)
    cache.start()
    cache.piece("c", lambda: "C")
    cache.complete()
    assert _plan(cache, 1, made) == "AB" and made == ["a", "b", "a", "b"]
