"""Building with MkDocs: generated pages appear, bad input stops the build and keeps site/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from helpers import REPO, VALID, make_project, mkdocs_build, run, snapshot

EXERCISE_IDS = ["notice-bids-everyday", "repair-tense-moments", "reflect-back-basics"]


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly once for this module."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = mkdocs_build(REPO, "--strict", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return site


def test_real_site_builds_strictly_with_every_exercise_page_and_the_index(real_site: Path):
    pages = real_site / "exercises"
    for exercise_id in EXERCISE_IDS:
        html = (pages / f"{exercise_id}.html").read_text()
        assert html.count('class="sm-question"') >= 6
    index = (pages / "index.html").read_text()
    for exercise_id in EXERCISE_IDS:
        assert f'href="{exercise_id}.html"' in index


def test_generated_pages_are_listed_in_the_navigation(tmp_path: Path):
    config = make_project(tmp_path, {"tiny-bids.yml": VALID}, nav=True)
    result = mkdocs_build(config.parent)
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text()
    assert 'href="exercises/tiny-bids.html"' in home
    assert re.search(r'<span class="md-ellipsis">\s*Tiny bids\s*</span>', home)


def test_author_text_reaches_the_page_as_text_with_only_the_inline_subset(tmp_path: Path):
    text = VALID.replace("prompt: Sam sighs at the sink. Which reply turns toward Sam?",
                         "prompt: 'Sam *sighs* at the <b>sink</b> & `1` _x_ # [y](bids.md).'")
    make_project(tmp_path, {"tiny-bids.yml": text})
    (tmp_path / "content" / "bids.md").write_text("# Bids\n")
    assert mkdocs_build(tmp_path).returncode == 0
    html = (tmp_path / "site" / "exercises" / "tiny-bids.html").read_text()
    assert ('Sam <em>sighs</em> at the &lt;b&gt;sink&lt;/b&gt; &amp; `1` _x_ # '
            '<a href="../bids.html">y</a>.') in html


def test_answers_are_kept_out_of_the_search_index(tmp_path: Path):
    make_project(tmp_path, {"tiny-bids.yml": VALID})
    assert mkdocs_build(tmp_path).returncode == 0
    index = (tmp_path / "site" / "search" / "search_index.json").read_text()
    assert "Sam sighs at the sink" in index
    assert "Naming the sigh and asking turns toward Sam" not in index


def test_search_index_holds_no_feedback_model_reply_or_reason(real_site: Path):
    index = json.loads((real_site / "search" / "search_index.json").read_text())
    text = " ".join(" ".join(doc["text"].split()) for doc in index["docs"])
    hidden: list[str] = []
    for file in (REPO / "exercises").glob("*.yml"):
        for question in yaml.safe_load(file.read_text())["questions"]:
            hidden += [option["feedback"] for option in question.get("options", [])]
            hidden += [item["feedback"] for item in question.get("items", [])]
            hidden += [step["why"] for step in question.get("steps", [])]
            hidden += question.get("models", [])
    assert len(hidden) > 100
    leaked = [answer for answer in hidden if " ".join(answer.split()) in text]
    assert leaked == []
    assert "Spotting everyday bids" in text


def test_every_local_link_in_the_built_site_resolves(real_site: Path):
    broken = []
    for page in real_site.rglob("*.html"):
        for href in re.findall(r'\bhref="([^"#?]+)', page.read_text()):
            if re.match(r"[a-z]+:", href) or href.startswith("//"):
                continue
            # Only 404.html uses root-relative links: hosts serve it for any missing path.
            if href.startswith("/") and page.name == "404.html":
                target = real_site / href.lstrip("/")
            else:
                target = page.parent / href
            if not target.resolve().exists():
                broken.append(f"{page.relative_to(real_site)} -> {href}")
    assert broken == []


def test_every_exercise_page_links_back_to_its_guide_page(real_site: Path):
    for path in sorted((REPO / "exercises").glob("*.yml")):
        data = yaml.safe_load(path.read_text())
        html = (real_site / "exercises" / f"{data['id']}.html").read_text()
        target = "../" + data["page"].removesuffix(".md") + ".html"
        assert f'href="{target}"' in html, f"{data['id']} does not link back to {data['page']}"


def test_every_page_has_one_quick_exit_and_the_safety_link(real_site: Path):
    for page in sorted(real_site.rglob("*.html")):
        html = page.read_text()
        assert html.count('class="sm-quick-exit"') == 1, page.name
        assert re.search(r'href="(\.\./|/)?safety\.html">Safety and where to find help', html), page.name


def test_no_page_refers_to_another_host_for_scripts_styles_or_fonts(real_site: Path):
    for page in real_site.rglob("*.html"):
        html = page.read_text()
        loaded = re.findall(r'<(?:script|link|img|iframe)\b(?![^>]*rel="canonical")[^>]*'
                            r'\b(?:src|href)="([^"]+)"', html)
        external = [url for url in loaded if re.match(r"(?:[a-z]+:)?//", url)]
        assert external == [], f"{page.name} loads {external}"


BAD_INPUTS = {
    "yaml-syntax-error": (
        VALID.replace("title: Tiny bids", 'title: "Tiny bids'),
        [r"exercises/tiny-bids\.yml:\d+:\d+: YAML syntax error: "],
    ),
    "duplicate-key": (
        VALID.replace("minutes: 3\n", "minutes: 3\nminutes: 4\n"),
        [r"exercises/tiny-bids\.yml:6:1: found the key 'minutes' a second time"],
    ),
    "two-correct-options-and-missing-prompt": (
        VALID.replace("      - text: Keep scrolling.\n",
                      "      - text: Keep scrolling.\n        correct: true\n")
        .replace("    prompt: Priya sends a funny link. Which reply turns toward her?\n", ""),
        [r"exercises/tiny-bids\.yml:19:18: option 2 is marked correct, but option 1 already is",
         r"exercises/tiny-bids\.yml:22:5: question 2 \(single\) is missing the required key 'prompt'"],
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_fails_build_and_check_with_located_messages_and_keeps_site(tmp_path: Path, case: str):
    make_project(tmp_path, {"tiny-bids.yml": VALID})
    assert mkdocs_build(tmp_path).returncode == 0
    before = snapshot(tmp_path / "site")
    assert "exercises/tiny-bids.html" in before

    text, expected = BAD_INPUTS[case]
    (tmp_path / "exercises" / "tiny-bids.yml").write_text(text)
    build = mkdocs_build(tmp_path)
    check = run(["-m", "generator", "check"], tmp_path)

    assert build.returncode != 0
    assert check.returncode == 1
    for pattern in expected:
        assert re.search(pattern, build.stderr), build.stderr
        assert re.search("^" + pattern, check.stderr, re.MULTILINE), check.stderr
    assert "Traceback" not in build.stderr + build.stdout + check.stderr + check.stdout
    assert snapshot(tmp_path / "site") == before


FAILURES = {
    # A guide page linking to a missing page: MkDocs only stops at the end, in strict mode.
    "content-link": ("content/index.md", "# Tiny\n\n[Exercises](exercises/index.md) and "
                     "[a page that is not there](nowhere.md)\n"),
    "exercise": ("exercises/tiny-bids.yml", VALID.replace("minutes: 3", "minutes: lots")),
    "daily-file": ("daily/rituals.yml", "rituals:\n  - id: hug\n    title: Hug\n"),
}


@pytest.mark.parametrize("case", list(FAILURES))
def test_a_failed_build_leaves_the_last_good_site_byte_for_byte(tmp_path: Path, case: str):
    make_project(tmp_path, {"tiny-bids.yml": VALID})
    assert mkdocs_build(tmp_path, "--strict").returncode == 0
    before = snapshot(tmp_path / "site")
    path, text = FAILURES[case]
    (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / path).write_text(text)
    result = mkdocs_build(tmp_path, "--strict")
    assert result.returncode != 0
    assert snapshot(tmp_path / "site") == before
    assert [entry.name for entry in tmp_path.iterdir() if entry.name.startswith(".site")] == []


def test_a_good_build_replaces_the_site_and_leaves_no_folder_behind(tmp_path: Path):
    make_project(tmp_path, {"tiny-bids.yml": VALID})
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "stale.html").write_text("from an older build")
    assert mkdocs_build(tmp_path, "--strict").returncode == 0
    assert not (tmp_path / "site" / "stale.html").exists()
    assert (tmp_path / "site" / "exercises" / "tiny-bids.html").is_file()
    assert sorted(entry.name for entry in tmp_path.iterdir()) == [
        "content", "exercises", "mkdocs.yml", "site"]


def test_a_content_page_in_the_way_of_a_generated_page_is_refused(tmp_path: Path):
    make_project(tmp_path, {"tiny-bids.yml": VALID})
    (tmp_path / "content" / "exercises").mkdir()
    (tmp_path / "content" / "exercises" / "tiny-bids.md").write_text("# Hand-written\n")
    result = mkdocs_build(tmp_path)
    assert result.returncode != 0
    assert "exercises/tiny-bids.md exists, but that page is generated" in result.stderr
    assert "Traceback" not in result.stderr


def test_past_the_nav_limit_the_menu_lists_only_all_exercises(tmp_path: Path):
    second = VALID.replace("id: tiny-bids", "id: tiny-more").replace("id: tiny-sigh", "id: more-sigh") \
        .replace("id: tiny-link", "id: more-link").replace("title: Tiny bids", "title: More bids")
    make_project(tmp_path, {"tiny-bids.yml": VALID, "tiny-more.yml": second}, nav=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text().replace("small-moments]", "{small-moments: {nav_limit: 1}}]"))
    result = mkdocs_build(tmp_path, "--strict")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text()
    assert "All exercises" in home
    assert "More bids" not in home and "Tiny bids" not in home
    assert (tmp_path / "site" / "exercises" / "tiny-more.html").exists()


def test_every_page_names_its_search_dialog(real_site: Path):
    for page in sorted(real_site.rglob("*.html")):
        html = page.read_text()
        if 'data-md-component="search"' in html:
            assert 'role="dialog" aria-label="Search"' in html, page.name


def article(html: str) -> str:
    """The page's article: what the content of a page became."""
    match = re.search(r"<article\b.*?</article>", html, re.S)
    assert match, "no article in the page"
    return match.group(0)


def test_lifting_the_html_blocks_out_of_markdown_changes_no_byte_of_the_page(
        real_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import generator.plugin

    # The same site with each page's whole text given to Markdown, as another engine reads it.
    monkeypatch.setattr(generator.plugin.SmallMomentsPlugin, "hold_html", False)
    monkeypatch.delenv("SITE_URL", raising=False)
    build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    for exercise_id in EXERCISE_IDS:
        lifted = article((real_site / "exercises" / f"{exercise_id}.html").read_text())
        parsed = article((tmp_path / "site" / "exercises" / f"{exercise_id}.html").read_text())
        assert 'class="sm-exercise"' in lifted and "small-moments: html block" not in lifted
        assert lifted == parsed
    # The tool pages that list every exercise hold their block too.
    for page, mark in (("progress.html", 'class="sm-progress"'),
                       ("assignment.html", 'class="sm-assignment"'),
                       ("catalog.html", 'class="sm-catalog"'),
                       ("workbook.html", 'class="sm-workbook"')):
        lifted = article((real_site / page).read_text())
        assert mark in lifted and "small-moments: html block" not in lifted, page
        assert lifted == article((tmp_path / "site" / page).read_text()), page
    # The search plugin, given each exercise block without the answer blocks it skips, indexes
    # exactly what it indexes from the whole page.
    index = "search/search_index.json"
    assert (real_site / index).read_bytes() == (tmp_path / "site" / index).read_bytes()


def test_a_build_without_a_public_address_says_so_in_one_line_and_strict_still_passes(
        tmp_path: Path):
    from generator.plugin import NO_PUBLIC_ADDRESS

    # The tiny project sets no public_url (the real mkdocs.yml takes it from SITE_URL).
    config = make_project(tmp_path, {"tiny-bids.yml": VALID})
    without = mkdocs_build(tmp_path, "--strict")
    assert without.returncode == 0, without.stderr
    assert without.stderr.count(NO_PUBLIC_ADDRESS) == 1
    config.write_text(config.read_text().replace(
        "plugins: [search, offline, small-moments]",
        "plugins: [search, offline, {small-moments: {public_url: 'https://example.org/sm/'}}]"))
    published = mkdocs_build(tmp_path, "--strict")
    assert published.returncode == 0, published.stderr
    assert "No public address" not in published.stderr
