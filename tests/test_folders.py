"""Files stay inside their folders: links that lead outside exercises/, daily/ or content/ are
refused by their own name, never followed, and no message shows the text they point to."""

from __future__ import annotations

from pathlib import Path

from generator.collect import collect
from generator.daily import load_daily
from generator.folders import content_problems
from helpers import VALID, make_project, run

SECRET = "password: hunter2 is: the secret\n"


def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere" / "secret.yml"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text(SECRET)
    return secret


def test_an_exercise_link_to_a_file_outside_the_folder_is_refused_unread(tmp_path: Path):
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "tiny-bids.yml").symlink_to(outside(tmp_path))
    result = collect([folder], base=tmp_path)
    assert [str(p) for p in result.problems] == [
        "exercises/tiny-bids.yml:1:1: this is a link to a place outside the exercises folder; "
        "expected a real file inside the folder (the link was not followed)"]
    assert "hunter2" not in str(result.problems) and "elsewhere" not in str(result.problems)


def test_an_exercise_link_given_by_name_is_refused_too(tmp_path: Path):
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "tiny-bids.yml").symlink_to(outside(tmp_path))
    [problem] = collect([folder / "tiny-bids.yml"], base=tmp_path).problems
    assert problem.message.startswith("this is a link to a place outside the exercises folder")


def test_a_link_that_stays_inside_the_folder_is_read(tmp_path: Path):
    folder = tmp_path / "exercises"
    (folder / "real").mkdir(parents=True)
    (folder / "real" / "tiny-bids.yml").write_text(VALID)
    (folder / "tiny-bids.yml").symlink_to(Path("real") / "tiny-bids.yml")
    result = collect([folder], base=tmp_path)
    assert result.problems == [] and [e.id for e in result.exercises] == ["tiny-bids"]


def test_a_linked_exercises_folder_leading_outside_is_refused(tmp_path: Path):
    (tmp_path / "project").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "tiny-bids.yml").write_text(VALID)
    (tmp_path / "project" / "exercises").symlink_to(tmp_path / "elsewhere")
    [problem] = collect([tmp_path / "project" / "exercises"], base=tmp_path / "project").problems
    assert str(problem).startswith("exercises:1:1: this is a link to a place outside the "
                                   "project folder")


def test_a_daily_file_linked_outside_is_refused_unread(tmp_path: Path):
    (tmp_path / "daily").mkdir()
    (tmp_path / "daily" / "moments.yml").symlink_to(outside(tmp_path))
    daily = load_daily(tmp_path / "daily", tmp_path)
    assert [str(p) for p in daily.problems] == [
        "daily/moments.yml:1:1: this is a link to a place outside the daily folder; expected a "
        "real file inside the folder (the link was not followed)"]
    assert daily.moments == []


def test_content_links_leading_outside_are_found_without_following_them(tmp_path: Path):
    content = tmp_path / "content"
    (content / "practices").mkdir(parents=True)
    (content / "index.md").write_text("# Home\n")
    (content / "practices" / "leak.md").symlink_to(outside(tmp_path))
    (content / "linked-folder").symlink_to(tmp_path / "elsewhere")
    (content / "loop.md").symlink_to("loop.md")
    (content / "home.md").symlink_to("index.md")
    problems = content_problems(content, tmp_path)
    assert [(p.path, p.line, p.col) for p in problems] == [
        ("content/linked-folder", 1, 1), ("content/loop.md", 1, 1),
        ("content/practices/leak.md", 1, 1)]
    assert all("outside the content folder" in p.message for p in problems)
    assert "hunter2" not in str(problems)


def test_check_reports_a_content_link_leading_outside(tmp_path: Path):
    make_project(tmp_path, {"tiny-bids.yml": VALID})
    (tmp_path / "content" / "leak.md").symlink_to(outside(tmp_path))
    result = run(["-m", "generator", "check"], tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "content/leak.md:1:1: this is a link to a place outside the content folder; expected a "
        "real file inside the folder (the link was not followed)")


def test_a_content_folder_that_is_a_link_outside_the_project_is_refused(tmp_path: Path):
    (tmp_path / "project").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "project" / "content").symlink_to(tmp_path / "elsewhere")
    [problem] = content_problems(tmp_path / "project" / "content", tmp_path / "project")
    assert str(problem).startswith("content:1:1: this is a link to a place outside the project "
                                   "folder")
