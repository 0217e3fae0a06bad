"""Incremental rebuilds under `mkdocs serve --dirty`: fast, and exactly what a clean build makes.

The rebuilds run as `mkdocs serve` runs them (one process; the plugin object kept across
builds through on_startup; MkDocs' own `build(..., dirty=True)` into one site folder), in a
child process: this file is also that process's script, so no test here leaves a serving
plugin behind in the test process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ENV, VALID, make_project, mkdocs_build, snapshot

SECOND = VALID.replace("tiny-bids", "tiny-more").replace("tiny-sigh", "more-sigh") \
    .replace("tiny-link", "more-link").replace("Tiny bids", "More tiny bids")


def _serve(project: Path, steps: list[dict[str, str]]) -> list[dict[str, object]]:
    """Build `project` as `mkdocs serve --dirty` does, then once after each step's writes."""
    done = subprocess.run([sys.executable, __file__, str(project / "mkdocs.yml"),
                           str(project / "served")], input=json.dumps(steps), env=ENV,
                          capture_output=True, text=True, timeout=300, cwd=project)
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in done.stdout.splitlines()]


def _clean(project: Path, into: str) -> dict[str, str]:
    built = mkdocs_build(project, "-q", "-d", into)
    assert built.returncode == 0, built.stderr[-3000:]
    return snapshot(project / into)


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    """A tiny site served, then: one question's wording changed; an invalid save; its fix."""
    project = tmp_path_factory.mktemp("incremental")
    make_project(project, {"tiny-bids.yml": VALID, "tiny-more.yml": SECOND}, nav=True)
    # The home page shows the counselor's lists, which name every question by fingerprint.
    home = project / "content" / "index.md"
    home.write_text(home.read_text() + "\n<!-- small-moments: counselor-lists -->\n\n"
                    "<!-- small-moments: practice-cards -->\n")
    # Past nav_limit, a new exercise leaves the menu as it is (see test_a_new_exercise).
    config = project / "mkdocs.yml"
    # Strict, as the real site is: MkDocs' warning at each dirty build must not abort it.
    config.write_text("strict: true\n" + config.read_text().replace(
        "plugins: [search, offline, small-moments]",
        "plugins: [search, offline, {small-moments: {nav_limit: 1}}]"))
    steps = [{"exercises/tiny-bids.yml": VALID.replace("Keep scrolling.", "Keep on scrolling.")},
             {"exercises/tiny-bids.yml": VALID.replace("kind: single", "kind: sinlge", 1)},
             {"exercises/tiny-bids.yml": VALID.replace("Keep scrolling.", "Scroll on.")}]
    return project, _serve(project, steps)


def test_a_changed_question_rebuilds_one_page_exactly_as_a_clean_build(edited):
    project, builds = edited
    first, changed = builds[0], builds[1]
    assert changed["ok"] and changed["incremental"]
    # One file read again; its page rewritten, and the three pages that hold every question
    # (My progress and the assignment page by fingerprint, the workbook in full); the offline
    # worker's list names the new version; every other page left as it was.
    assert changed["rebuild"]["checked"] == 1
    assert changed["rebuild"]["generated files rewritten"] == 4
    # Of those, the three list pages, and the home page's list of the counselor's lists, only
    # swap the changed exercise's entries in the pages written last time; only the exercise's
    # own page is built again.
    assert changed["rebuild"]["pages spliced"] == 4
    rewritten = {path for path in first["files"] if first["files"][path] != changed["files"][path]}
    assert rewritten == {"exercises/tiny-bids.html", "progress.html", "assignment.html",
                         "workbook.html", "index.html", "sw.js", "search/search_index.json",
                         "search/search_index.js"}


def test_an_invalid_save_keeps_the_last_good_site_and_its_fix_builds_incrementally(edited):
    project, builds = edited
    good, broken, fixed = builds[1], builds[2], builds[3]
    assert not broken["ok"] and broken["files"] == good["files"]
    assert fixed["ok"] and fixed["incremental"]
    assert fixed["rebuild"]["checked"] == 1 and fixed["rebuild"]["generated files rewritten"] == 4
    assert fixed["rebuild"]["pages spliced"] == 4
    # The last incremental build is the site a clean build makes of the same files, byte for
    # byte, search index included.
    assert fixed["files"] == _clean(project, "clean")


def test_a_new_exercise_adds_its_page_and_rewrites_only_the_lists(tmp_path: Path):
    make_project(tmp_path, {"tiny-bids.yml": VALID}, nav=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "plugins: [search, offline, small-moments]",
        "plugins: [search, offline, {small-moments: {nav_limit: 0}}]"))
    builds = _serve(tmp_path, [{"exercises/tiny-more.yml": SECOND}])
    assert builds[1]["ok"] and builds[1]["incremental"]
    assert builds[1]["rebuild"]["checked"] == 1
    assert builds[1]["files"] == _clean(tmp_path, "clean")


def test_the_search_view_drops_skipped_elements_and_unread_attributes():
    from generator.plugin import search_view

    html = ('<div class="q" id="q"><h2 id="t" class="c">T</h2><p class="a">Hi <a class="headerlink"'
            ' href="#t">x</a></p><input type="radio" name="n"/><details class="sm-answer" '
            'data-search-exclude><summary>S</summary><details><p>in</p></details></details>'
            '<p>after</p></div>')
    assert search_view(html) == ('<div><h2 id="t" class="c">T</h2><p>Hi <a class="headerlink" '
                                 'href="#t">x</a></p><input/><p>after</p></div>')
    unbalanced = '<div><details data-search-exclude><p>open</p></div>'
    assert search_view(unbalanced) == unbalanced


def _main(config_file: str, site: str) -> None:
    """Serve-like builds: the first in full, then one after each step (read as JSON on stdin)."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    logging.basicConfig(level=logging.ERROR)
    steps = json.loads(sys.stdin.read())
    project = Path(config_file).parent
    served = False
    for step in [{}, *steps]:
        for path, text in step.items():
            (project / path).write_text(text, encoding="utf-8")
        config = load_config(config_file, site_dir=site)
        if not served:
            config.plugins.on_startup(command="serve", dirty=True)
            served = True
        plugin = config.plugins["small-moments"]
        try:
            build(config, dirty=True)
            ok = True
        except (Abort, Exception):  # noqa: BLE001 - a bad save is part of what is tested
            ok = False
        print(json.dumps({"ok": ok, "incremental": plugin.incremental,
                          "rebuild": plugin.last_rebuild, "files": snapshot(Path(site))}),
              flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    _main(sys.argv[1], sys.argv[2])
