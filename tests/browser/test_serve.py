"""`mkdocs serve`: editing an exercise's YAML reloads the open page; a bad save keeps the last good one."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import expect

from helpers import ENV, VALID, make_project


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def test_editing_an_exercise_reloads_the_served_page(tmp_path: Path, browser):
    make_project(tmp_path, {"tiny-bids.yml": VALID})
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=tmp_path, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/exercises/tiny-bids.html"
        wait_for(url)
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        expect(page.locator("#tiny-sigh legend")).to_have_text(
            "Sam sighs at the sink. Which reply turns toward Sam?")
        time.sleep(1)  # let the livereload script connect before the edit
        file = tmp_path / "exercises" / "tiny-bids.yml"
        file.write_text(VALID.replace("Sam sighs at the sink.", "Sam sighs at the window."))
        expect(page.locator("#tiny-sigh legend")).to_have_text(
            "Sam sighs at the window. Which reply turns toward Sam?", timeout=30_000)

        file.write_text(VALID.replace("Sam sighs at the sink.", "Sam sighs at the door.")
                        .replace("feedback: Scrolling on", "feedbak: Scrolling on"))
        time.sleep(4)  # the rebuild runs and fails
        page.reload()
        expect(page.locator("#tiny-sigh legend")).to_have_text(
            "Sam sighs at the window. Which reply turns toward Sam?")

        file.write_text(VALID.replace("Sam sighs at the sink.", "Sam sighs at the door."))
        expect(page.locator("#tiny-sigh legend")).to_have_text(
            "Sam sighs at the door. Which reply turns toward Sam?", timeout=30_000)
        context.close()
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "Traceback" not in output
    assert ("exercises/tiny-bids.yml:16:9: unknown key 'feedbak' in option 1 — did you mean "
            "'feedback'?") in output
    assert "The last good version of the site is still being served." in output
