"""Editor support and scaffolding: the JSON Schema, the schema line in every file, `new`."""

from __future__ import annotations

import json
import shlex
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator import editor_schema
from generator import exercise_rules as schema
from helpers import REPO, VALID, make_project, mkdocs_build, run

SCHEMA_FILE = REPO / "exercises" / "schema.json"
SCHEMA_LINE = "# yaml-language-server: $schema=./schema.json\n"
KINDS = ["single", "multiple", "sort", "order", "write"]


def schema_errors(document: object) -> list[str]:
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA_FILE.read_text()))
    return [error.message for error in validator.iter_errors(document)]


def test_committed_schema_matches_the_validator_rules():
    assert json.loads(SCHEMA_FILE.read_text()) == editor_schema.build(), (
        "exercises/schema.json is out of date: run "
        "`python -m generator schema > exercises/schema.json` and commit it")


def test_schema_command_prints_the_schema(tmp_path: Path):
    result = run(["-m", "generator", "schema"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(SCHEMA_FILE.read_text())


def test_schema_lists_exactly_the_keys_the_validator_accepts():
    keys = set(json.loads(SCHEMA_FILE.read_text())["properties"])
    assert keys == set(schema.REQUIRED) | set(schema.OPTIONAL)


def test_every_exercise_file_passes_the_schema():
    for path in sorted((REPO / "exercises").glob("*.yml")):
        assert schema_errors(yaml.safe_load(path.read_text())) == [], path.name


@pytest.mark.parametrize("change, found", [
    (("feedback: Scrolling on", "feedbak: Scrolling on"), "'feedbak' was unexpected"),
    (("kind: single\n    prompt: Sam", "kind: singel\n    prompt: Sam"), "'singel' is not one of"),
    (("minutes: 3", "minutes: 90"), "90 is greater than the maximum of 60"),
    (("id: tiny-sigh", "id: Tiny Sigh"), "'Tiny Sigh' does not match"),
    (("id: tiny-sigh", "id: sm-sigh"), "'sm-sigh' should not be valid under"),
    (("id: tiny-sigh", "id: exercise"), "'exercise' should not be valid under"),
    (("    kind: single\n    prompt: Priya", "    kind: write\n    prompt: Priya"),
     "'models' is a required property"),
])
def test_schema_underlines_what_the_validator_refuses(change: tuple[str, str], found: str):
    text = VALID.replace(*change, 1)
    assert text != VALID
    errors = schema_errors(yaml.safe_load(text))
    assert any(found in error for error in errors), errors


def test_every_exercise_file_starts_with_the_schema_line():
    missing = [path.name for path in sorted((REPO / "exercises").glob("*.yml"))
               if not path.read_text().startswith(SCHEMA_LINE)]
    assert missing == []


@pytest.mark.parametrize("kind", KINDS)
def test_new_writes_a_starter_that_checks_and_builds_unchanged(tmp_path: Path, kind: str):
    make_project(tmp_path, {})
    result = run(["-m", "generator", "new", "--practice", "notice-bids",
                  "--kind", kind, "first-try"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "exercises" / "first-try.yml"
    before = written.read_bytes()
    assert before.startswith(SCHEMA_LINE.encode())
    assert schema_errors(yaml.safe_load(before)) == []
    check = run(["-m", "generator", "check"], cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert mkdocs_build(tmp_path, "--strict").returncode == 0
    assert written.read_bytes() == before
    html = (tmp_path / "site" / "exercises" / "first-try.html").read_text()
    assert f'data-sm-kind="{kind}"' in html


def test_new_refuses_an_existing_file_and_changes_nothing(tmp_path: Path):
    make_project(tmp_path, {"tiny-bids.yml": VALID})
    result = run(["-m", "generator", "new", "--practice", "repair",
                  "--kind", "single", "tiny-bids"], cwd=tmp_path)
    assert result.returncode == 1
    assert "exercises/tiny-bids.yml already exists; expected a new id (nothing was changed)" \
        in result.stderr
    assert (tmp_path / "exercises" / "tiny-bids.yml").read_text() == VALID


def test_new_names_the_nearest_practice_and_kind(tmp_path: Path):
    result = run(["-m", "generator", "new", "--practice", "repiar",
                  "--kind", "sigle", "Bad_Id"], cwd=tmp_path)
    assert result.returncode == 1
    assert "unknown practice 'repiar' — did you mean 'repair'?" in result.stderr
    assert "unknown kind 'sigle' — did you mean 'single'?" in result.stderr
    assert "found the id 'Bad_Id'; expected lowercase letters" in result.stderr
    assert not (tmp_path / "exercises").exists()


def test_new_prints_a_next_step_that_works_as_printed(tmp_path: Path):
    make_project(tmp_path, {})
    result = run(["-m", "generator", "new", "--practice", "notice-bids", "--kind", "order",
                  "after-dinner"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    first, command = result.stdout.splitlines()[:2]
    assert first == ("Wrote exercises/after-dinner.yml. Change the words, then check it with:")
    assert " python " not in f" {command} " and command.strip().split()[0] != "python"
    assert command.strip().endswith("-m generator check exercises/after-dinner.yml")
    check = subprocess.run(shlex.split(command), cwd=tmp_path, capture_output=True, text=True,
                           timeout=120)
    assert check.returncode == 0, check.stderr
    assert check.stdout == "All good: 1 exercise, 1 question.\n"


def test_new_names_make_check_where_there_is_a_makefile(tmp_path: Path):
    make_project(tmp_path, {})
    (tmp_path / "Makefile").write_text("check:\n\ttrue\n")
    result = run(["-m", "generator", "new", "--practice", "repair", "--kind", "single",
                  "after-lunch"], cwd=tmp_path)
    assert result.stdout.splitlines()[2:] == ["or check every exercise with:", "  make check"]
