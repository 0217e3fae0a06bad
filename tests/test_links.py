"""Permanent links: a manifest of every address, the published set, and declared redirects."""

from __future__ import annotations

from pathlib import Path

from helpers import REPO, VALID, make_project, mkdocs_build, run, snapshot

RENAMED = VALID.replace("id: tiny-bids", "id: tiny-steps").replace("id: tiny-sigh", "id: tiny-breath")


def published_project(root: Path) -> Path:
    """A tiny project built once, whose manifest became its published set."""
    make_project(root, {"tiny-bids.yml": VALID})
    assert mkdocs_build(root).returncode == 0
    (root / "published-urls.txt").write_text((root / "site" / "urls.txt").read_text())
    return root


def rename(root: Path) -> None:
    (root / "exercises" / "tiny-bids.yml").unlink()
    (root / "exercises" / "tiny-steps.yml").write_text(RENAMED)


def addresses(root: Path) -> list[str]:
    text = (root / "site" / "urls.txt").read_text()
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_manifest_lists_every_page_and_question_anchor(tmp_path: Path):
    make_project(tmp_path, {"tiny-bids.yml": VALID})
    assert mkdocs_build(tmp_path).returncode == 0
    assert addresses(tmp_path) == [
        "assignment.html", "bid-tracker.html", "catalog.html", "exercises/index.html", "exercises/tiny-bids.html", "exercises/tiny-bids.html#tiny-link",
        "exercises/tiny-bids.html#tiny-sigh", "index.html", "practices/notice-bids.html",
        "progress.html", "safety.html", "workbook.html"]


def test_committed_published_set_lists_every_address_the_site_has():
    result = run(["-m", "generator", "urls"], cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert (REPO / "published-urls.txt").read_text() == result.stdout, (
        "published-urls.txt is out of date: run `python -m generator urls > published-urls.txt`")


def test_renaming_an_exercise_without_a_redirect_fails_naming_the_lost_urls(tmp_path: Path):
    root = published_project(tmp_path)
    before = snapshot(root / "site")
    rename(root)
    result = mkdocs_build(root)
    assert result.returncode == 1
    for line, address in ((8, "exercises/tiny-bids.html"), (9, "exercises/tiny-bids.html#tiny-link"),
                          (10, "exercises/tiny-bids.html#tiny-sigh")):
        assert (f"published-urls.txt:{line}:1: the published address '{address}' would "
                "disappear; keep it, or say where it went in redirects.yml") in result.stderr
    assert snapshot(root / "site") == before


def test_a_declared_redirect_lets_the_build_pass_and_writes_a_redirect_page(tmp_path: Path):
    root = published_project(tmp_path)
    rename(root)
    (root / "redirects.yml").write_text(
        "exercises/tiny-bids.html: exercises/tiny-steps.html\n"
        "exercises/tiny-bids.html#tiny-sigh: exercises/tiny-steps.html#tiny-breath\n")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "exercises" / "tiny-bids.html").read_text()
    assert '<link rel="canonical" href="tiny-steps.html">' in page
    assert '"#tiny-sigh": "tiny-steps.html#tiny-breath"' in page


def test_a_renamed_question_on_the_same_page_keeps_its_old_anchor(tmp_path: Path):
    root = published_project(tmp_path)
    (root / "exercises" / "tiny-bids.yml").write_text(VALID.replace("id: tiny-sigh", "id: tiny-breath"))
    (root / "redirects.yml").write_text(
        "exercises/tiny-bids.html#tiny-sigh: exercises/tiny-bids.html#tiny-breath\n")
    assert mkdocs_build(root).returncode == 0
    page = (root / "site" / "exercises" / "tiny-bids.html").read_text()
    assert page.index('id="tiny-breath"') < page.index('<span class="sm-anchor" id="tiny-sigh">') \
        < page.index('id="tiny-link"')


def test_a_redirect_to_nowhere_or_from_a_living_page_is_refused(tmp_path: Path):
    root = published_project(tmp_path)
    (root / "redirects.yml").write_text(
        "# where old addresses lead\n"
        "exercises/gone.html: exercises/missing.html\n"
        "exercises/tiny-bids.html: exercises/index.html\n"
        "javascript:alert(1): index.html\n")
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert ("redirects.yml:2:1: 'exercises/gone.html' leads to 'exercises/missing.html', which "
            "the site does not have; expected an existing address") in result.stderr
    assert ("redirects.yml:3:1: 'exercises/tiny-bids.html' still exists, so it cannot redirect; "
            "remove this line or the page") in result.stderr
    assert "redirects.yml:4:1: found 'javascript:alert(1)'; expected an address" in result.stderr
