"""`python -m generator check`: one located line per problem, exit codes, never a traceback."""

from __future__ import annotations

from pathlib import Path

from helpers import REPO, VALID, run


def test_check_passes_on_the_real_exercises():
    result = run(["-m", "generator", "check"], REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("All good: ")
    assert result.stderr == ""


def test_check_reports_each_problem_as_path_line_col_and_exits_1(tmp_path: Path):
    (tmp_path / "exercises").mkdir()
    bad = VALID.replace("minutes: 3", "minutes: lots").replace("title: Tiny bids\n", "")
    (tmp_path / "exercises" / "tiny-bids.yml").write_text(bad)
    result = run(["-m", "generator", "check"], tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines == [
        "exercises/tiny-bids.yml:1:1: the exercise is missing the required key 'title'",
        "exercises/tiny-bids.yml:4:10: found 'lots' for 'minutes'; expected a whole number from 1 to 60",
        "2 problems in 1 file.",
    ]
    assert "Traceback" not in result.stderr + result.stdout


def test_check_accepts_files_and_folders_as_arguments(tmp_path: Path):
    (tmp_path / "tiny-bids.yml").write_text(VALID)
    result = run(["-m", "generator", "check", "tiny-bids.yml"], tmp_path)
    assert result.returncode == 0
    assert result.stdout == "All good: 1 exercise, 2 questions.\n"


def test_check_of_a_missing_path_is_a_clear_message(tmp_path: Path):
    result = run(["-m", "generator", "check", "nowhere"], tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("nowhere:1:1: no such file or folder")
    assert "Traceback" not in result.stderr


def test_check_of_a_folder_without_exercises_says_so(tmp_path: Path):
    (tmp_path / "exercises").mkdir()
    result = run(["-m", "generator", "check"], tmp_path)
    assert result.returncode == 1
    assert result.stderr == "No exercise files (.yml) found in: exercises\n"


def test_binary_garbage_is_a_problem_not_a_traceback(tmp_path: Path):
    (tmp_path / "junk.yml").write_bytes(bytes(range(256)))
    result = run(["-m", "generator", "check", "junk.yml"], tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("junk.yml:")
    assert "Traceback" not in result.stderr


def test_check_prints_a_syntax_hint_and_hidden_characters_visibly(tmp_path: Path):
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "tiny-bids.yml").write_text(
        VALID.replace("prompt: Sam sighs at the sink. Which reply turns toward Sam?",
                      "prompt: Sam sighs. Why? Because: it matters"))
    (tmp_path / "exercises" / "zz-other.yml").write_text("id: zz-other\ntitle: Zz\u202eother\n")
    result = run(["-m", "generator", "check"], tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "exercises/tiny-bids.yml:13:36: YAML syntax error: mapping values are not allowed in this "
        "context; check the indentation, colons and quotes here. A colon followed by a space "
        'starts a new key, so put the text in quotes: prompt: "Sam sighs. Why? Because: it '
        'matters"',
        "exercises/zz-other.yml:2:10: found the invisible character U+202E (RIGHT-TO-LEFT "
        "OVERRIDE); delete it, since it hides text or changes the order in which text shows",
        "2 problems in 2 files."]
