"""The site plan, in-process and without MkDocs: one small project per behaviour, and every link
of every generated page resolved against the pages and files the plan says exist."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from generator.site import PageSource, Plan, Settings, plan_site
from helpers import REPO, VALID

RITUALS = """\
rituals:
  - id: hug-hello
    title: A hello hug
    practice: rituals
    description: Hug when you meet again. See [Repair early and often](practices/repair.md#try-this).
    minutes: 2
    days: [MO]
    time: "18:00"
"""


def project(root: Path, exercises: dict[str, str], **files: str) -> Path:
    """A tiny project: two guide pages, the given exercises, and any other files by path."""
    (root / "content" / "practices").mkdir(parents=True)
    (root / "content" / "index.md").write_text("# Home\n")
    (root / "content" / "practices" / "notice-bids.md").write_text("# Notice bids\n")
    (root / "content" / "practices" / "repair.md").write_text("# Repair\n\n## Try this\n")
    (root / "exercises").mkdir()
    for name, text in exercises.items():
        (root / "exercises" / name).write_text(text)
    for path, text in files.items():
        target = root / path.replace("__", "/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return root


def other(exercise_id: str) -> str:
    """VALID under another exercise id, with question ids of its own."""
    return (VALID.replace("id: tiny-bids", f"id: {exercise_id}")
            .replace("tiny-sigh", f"{exercise_id}-sigh").replace("tiny-link", f"{exercise_id}-link"))


def text_of(plan: Plan, path: str) -> str:
    content = next(output for output in plan.outputs if output.path == path).render()
    return content.text if isinstance(content, PageSource) else content


def test_a_plain_project_plans_every_generated_page_with_its_address_and_menu(tmp_path: Path):
    plan = plan_site(Settings(root=project(tmp_path, {"tiny-bids.yml": VALID})))
    assert plan.problems == []
    assert [(o.path, o.address, o.page, o.hidden) for o in plan.outputs] == [
        ("exercises/index.md", "exercises/index.html", True, False),
        ("progress.md", "progress.html", True, False),
        ("catalog.md", "catalog.html", True, False),
        ("assignment.md", "assignment.html", True, True),
        ("workbook.md", "workbook.html", True, True),
        ("bid-tracker.md", "bid-tracker.html", True, False),
        ("exercises/tiny-bids.md", "exercises/tiny-bids.html", True, False),
        ("urls.txt", "urls.txt", False, True),
    ]
    assert plan.menu == [("Tiny bids", "exercises/tiny-bids.md")]
    assert plan.guide == ["index.md", "practices/notice-bids.md", "practices/repair.md"]
    assert "exercises/tiny-bids.html#tiny-sigh" in plan.urls


def test_a_renamed_exercise_with_a_redirect_gets_a_page_at_its_old_address(tmp_path: Path):
    root = project(tmp_path, {"tiny-bids.yml": other("new-bids")},
                   **{"published-urls.txt": "exercises/tiny-bids.html\nexercises/tiny-bids.html#tiny-sigh\n",
                      "redirects.yml": "exercises/tiny-bids.html: exercises/new-bids.html\n"
                                       "exercises/tiny-bids.html#tiny-sigh: exercises/new-bids.html#new-bids-sigh\n"})
    (root / "exercises" / "tiny-bids.yml").rename(root / "exercises" / "new-bids.yml")
    plan = plan_site(Settings(root=root))
    assert plan.problems == []
    redirect = text_of(plan, "exercises/tiny-bids.html")
    assert 'href="new-bids.html"' in redirect
    assert '{"#tiny-sigh": "new-bids.html#new-bids-sigh"}' in redirect


def test_a_renamed_exercise_without_a_redirect_is_a_located_problem(tmp_path: Path):
    root = project(tmp_path, {"new-bids.yml": other("new-bids")},
                   **{"published-urls.txt": "# published\nexercises/tiny-bids.html\n"})
    [problem] = plan_site(Settings(root=root)).problems
    assert (problem.path, problem.line, problem.col) == ("published-urls.txt", 2, 1)
    assert "the published address 'exercises/tiny-bids.html' would disappear" in problem.message


def test_a_link_in_a_ritual_leads_from_the_planner_to_the_guide_page(tmp_path: Path):
    root = project(tmp_path, {"tiny-bids.yml": VALID}, **{"daily__rituals.yml": RITUALS})
    plan = plan_site(Settings(root=root))
    assert '<a href="practices/repair.html#try-this">Repair early and often</a>' in text_of(
        plan, "ritual-planner.md")


def test_a_ritual_linking_to_a_missing_page_is_a_located_problem(tmp_path: Path):
    broken = RITUALS.replace("practices/repair.md#try-this", "practices/nowhere.md")
    root = project(tmp_path, {"tiny-bids.yml": VALID}, **{"daily__rituals.yml": broken})
    [problem] = plan_site(Settings(root=root)).problems
    assert str(problem).startswith("daily/rituals.yml:5:18: in 'description', the link target "
                                   "'practices/nowhere.md' is not a page of the guide")


def test_under_a_subpath_site_url_permalinks_and_qr_codes_use_it_and_links_stay_relative(
        tmp_path: Path):
    plan = plan_site(Settings(root=project(tmp_path, {"tiny-bids.yml": VALID}),
                              public_url="https://example.org/small-moments/"))
    page = text_of(plan, "exercises/tiny-bids.md")
    assert "https://example.org/small-moments/exercises/tiny-bids.html" in page
    assert 'src="../assets/qr/tiny-bids.svg"' in page
    assert text_of(plan, "assets/qr/tiny-bids.svg").startswith("<?xml")
    assert 'href="../progress.html#progress-move"' in page


def test_past_the_menu_limit_no_exercise_is_listed_and_their_pages_are_hidden(tmp_path: Path):
    root = project(tmp_path, {"tiny-bids.yml": VALID, "more-bids.yml": other("more-bids")})
    plan = plan_site(Settings(root=root, nav_limit=1))
    assert plan.menu == []
    hidden = {o.path: o.hidden for o in plan.outputs}
    assert hidden["exercises/tiny-bids.md"] and hidden["exercises/more-bids.md"]
    assert not hidden["exercises/index.md"]


def test_problems_from_every_file_come_together_and_nothing_is_planned(tmp_path: Path):
    broken = RITUALS.replace('time: "18:00"', "time: soon")
    root = project(tmp_path, {"tiny-bids.yml": VALID.replace("minutes: 3", "minutes: lots")},
                   **{"daily__rituals.yml": broken})
    plan = plan_site(Settings(root=root))
    assert [problem.path for problem in plan.problems] == ["daily/rituals.yml", "exercises/tiny-bids.yml"]
    assert plan.outputs == [] and plan.urls == []


# Every link of every page the real site generates, and of the blocks put into guide pages.
HREF = re.compile(r'(?:href|src)="([^"#:]*)(#[^"]*)?"')
MD_LINK = re.compile(r"\]\(([^)#:\s]+\.md)(#[^)]*)?\)")


def known_addresses(plan: Plan) -> set[str]:
    addresses = {output.address for output in plan.outputs}
    addresses |= {path[:-3] + ".html" for path in plan.guide}
    theme = REPO / "theme_overrides"
    addresses |= {path.relative_to(theme).as_posix() for path in (theme / "assets").rglob("*")}
    return addresses | {"assets/small-moments/bundle.js", "assets/small-moments/bundle.css"}


@pytest.mark.parametrize("public_url", ["", "https://example.org/small-moments/"])
def test_every_link_of_every_generated_page_resolves_from_where_the_page_is(public_url: str):
    plan = plan_site(Settings(root=REPO, public_url=public_url))
    assert plan.problems == []
    known = known_addresses(plan)
    pages = [(output.address, output.path, output.render()) for output in plan.outputs if output.page]
    levels = {address.count("/") for address, _, _ in pages}
    assert levels == {0, 1}, "expected pages at the root and one level down"
    broken = []
    for address, path, source in pages:
        text = source.text if isinstance(source, PageSource) else source
        for target, _ in HREF.findall(text):
            if target and posixpath.normpath(posixpath.join(posixpath.dirname(address), target)) not in known:
                broken.append(f"{address}: {target}")
        for target, _ in MD_LINK.findall(text):
            if posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) not in set(
                    plan.guide) | {o.path for o in plan.outputs}:
                broken.append(f"{path}: {target}")
    assert broken == []


def test_every_link_in_the_blocks_resolves_from_the_page_that_shows_it():
    plan = plan_site(Settings(root=REPO))
    known = known_addresses(plan)
    shown = {marker: page for page in plan.guide
             for marker in plan.blocks if marker in (REPO / "content" / page).read_text()}
    assert len(shown) >= 4, "expected the helplines, their sources, the home box and today's moment"
    broken = [f"{page}: {target}" for marker, page in shown.items()
              for target, _ in HREF.findall(plan.blocks[marker])
              if target and posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
              .replace(".md", ".html") not in known]
    assert broken == []
