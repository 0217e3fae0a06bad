"""Launch Debian's chromium through Playwright with the flags this machine needs."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from playwright.sync_api import Browser, sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextlib.contextmanager
def browser() -> Iterator[Browser]:
    """A headless chromium for the block."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield launched
        finally:
            launched.close()


def version() -> str:
    """Chromium's version string, as Playwright reports it."""
    with browser() as launched:
        return launched.version
