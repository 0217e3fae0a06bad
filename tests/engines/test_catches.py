"""The suite's own checks are tested: a tiny site with a script that breaks only outside
Chromium must fail the Firefox and WebKit runs, and pass the Chromium one, over http and
from file://. Both ways an error is collected are covered: a throw while the page loads
(seen only if the capture is in place before page scripts run) and a promise rejected after
the load event (seen when the record is read back)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from sites import WHERE, Site, Visit, hosted
from helpers import VALID, make_project, mkdocs_build

BROKEN = """\
/* For tests/engines/test_catches.py only: breaks where the browser is not Chromium. */
if (navigator.userAgent.indexOf("Chrome") < 0) {
  window.addEventListener("load", function () {
    Promise.reject(new Error("engines-broken: rejected after load"));
  });
  throw new Error("engines-broken: thrown while the page loads");
}
"""


@pytest.fixture(scope="session")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    project = tmp_path_factory.mktemp("broken")
    config = make_project(project, {"tiny-bids.yml": VALID}, nav=True)
    (project / "content" / "assets").mkdir()
    (project / "content" / "assets" / "engines-broken.js").write_text(BROKEN)
    config.write_text(config.read_text() + "extra_javascript: [assets/engines-broken.js]\n")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    with hosted(project / "site", project) as site:
        yield site


@pytest.mark.parametrize("where", WHERE)
def test_a_script_that_breaks_outside_chromium_fails_firefox_and_webkit(engine, broken_site, where):
    root = broken_site.root(engine.name, where)
    engine.fresh(root)
    broken = Visit(engine, root, where)
    page = broken.open("exercises/tiny-bids.html")
    page.wait_for("document.readyState === 'complete'")
    page.wait_for("document.querySelector('.sm-exercise[data-sm-ready]')",
                  message="the quiz to start (the broken script is separate from it)")
    time.sleep(0.5)  # the rejection comes just after the load event
    if engine.name == "chromium":
        broken.assert_no_errors()
        return
    with pytest.raises(AssertionError, match="reported script errors") as failure:
        broken.assert_no_errors()
    report = str(failure.value)
    # WebKit hides the message of an error thrown by a script of another file:// origin.
    assert "thrown while the page loads" in report or (
        engine.name == "webkit" and where == "file" and "Script error." in report), report
    assert "rejected after load" in report, report

