"""Checks across files: every file is read, ids are unique across the whole set."""

from __future__ import annotations

from pathlib import Path

from generator.collect import collect
from helpers import VALID


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)
    return folder / name


def test_folder_of_valid_files_gives_exercises_in_id_order(tmp_path: Path):
    write(tmp_path, "tiny-bids.yml", VALID)
    other = VALID.replace("id: tiny-bids", "id: another").replace("tiny-sigh", "b-sigh") \
        .replace("tiny-link", "b-link")
    write(tmp_path, "another.yml", other)
    (tmp_path / "notes.txt").write_text("not an exercise")
    result = collect([tmp_path], base=tmp_path)
    assert result.problems == []
    assert result.files == 2
    assert [exercise.id for exercise in result.exercises] == ["another", "tiny-bids"]


def test_question_id_used_in_two_files_is_reported_with_both_places(tmp_path: Path):
    write(tmp_path, "tiny-bids.yml", VALID)
    write(tmp_path, "zz-copy.yml", VALID.replace("id: tiny-bids", "id: zz-copy"))
    result = collect([tmp_path], base=tmp_path)
    assert [str(p) for p in result.problems] == [
        "zz-copy.yml:11:9: the question id 'tiny-sigh' is already used at tiny-bids.yml:11:9; "
        "expected an id unique across all exercises",
        "zz-copy.yml:21:9: the question id 'tiny-link' is already used at tiny-bids.yml:21:9; "
        "expected an id unique across all exercises",
    ]
    assert result.exercises == []


def test_same_exercise_id_in_two_folders_is_reported(tmp_path: Path):
    write(tmp_path / "a", "tiny-bids.yml", VALID)
    write(tmp_path / "b", "tiny-bids.yml", VALID.replace("tiny-sigh", "x-sigh")
          .replace("tiny-link", "x-link"))
    result = collect([tmp_path / "a", tmp_path / "b"], base=tmp_path)
    assert [str(p) for p in result.problems] == [
        "b/tiny-bids.yml:1:1: the exercise id 'tiny-bids' is already used by a/tiny-bids.yml; "
        "expected a new id"
    ]


def test_problems_from_several_files_are_all_reported_sorted(tmp_path: Path):
    write(tmp_path, "b-second.yml", "id: b-second\ntitle: x\ntitle: y\n")
    write(tmp_path, "a-first.yml", "id: [unclosed\n")
    result = collect([tmp_path], base=tmp_path)
    assert [p.path for p in result.problems] == ["a-first.yml", "b-second.yml"]
    assert result.problems[1].line == 3


def test_missing_path_is_a_problem_not_a_crash(tmp_path: Path):
    result = collect([tmp_path / "nowhere"], base=tmp_path)
    [problem] = result.problems
    assert "no such file or folder" in problem.message
