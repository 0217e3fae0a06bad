"""No input makes the loader or validator raise: every failure is a located problem (Hypothesis)."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import inline
from generator.load import load_file, parse
from generator.exercise_rules import validate_exercise
from helpers import VALID

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
KEYS = ["id", "title", "practice", "page", "summary", "minutes", "intro", "questions", "kind",
        "prompt", "options", "text", "feedback", "correct", "note", "dialogue", "speaker", "line",
        "groups", "label", "items", "group", "steps", "why", "models", "checklist", "feedbak"]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(),
                    st.text(max_size=40), st.sampled_from(["single", "multiple", "sort", "order",
                                                           "write", "repair", "tiny-bids"]))
DOCUMENTS = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=5),
                               st.dictionaries(st.sampled_from(KEYS), children, max_size=8)),
    max_leaves=60)


def assert_located(problems: list, path: str) -> None:
    for problem in problems:
        assert problem.path == path and problem.line >= 1 and problem.col >= 1, problem
        assert problem.message


def check(text: str) -> None:
    loaded = parse(text, "exercises/fuzz.yml")
    assert_located(loaded.problems, "exercises/fuzz.yml")
    if loaded.root is None:
        assert loaded.problems
        return
    exercise, problems = validate_exercise(loaded.root, "exercises/fuzz.yml", "fuzz",
                                           {"practices/repair.md"})
    assert_located(problems, "exercises/fuzz.yml")
    assert (exercise is None) == bool(problems)


@FUZZ
@given(st.text(max_size=400))
def test_any_text_gives_a_result_or_located_problems(text: str):
    check(text)


@FUZZ
@given(DOCUMENTS)
def test_any_yaml_structure_gives_a_result_or_located_problems(document: object):
    check(yaml.safe_dump(document, allow_unicode=True))


@FUZZ
@given(st.lists(st.integers(0, 60), max_size=6), st.text(max_size=12))
def test_a_damaged_valid_file_gives_located_problems(cuts: list[int], junk: str):
    lines = VALID.splitlines(keepends=True)
    for cut in cuts:
        if lines:
            lines.insert(cut % len(lines), lines.pop(cut % len(lines))[: len(junk)] + junk + "\n")
    check("".join(lines))


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_on_disk_give_a_result_or_located_problems(tmp_path: Path, data: bytes):
    file = tmp_path / "fuzz.yml"
    file.write_bytes(data)
    loaded = load_file(file, "exercises/fuzz.yml")
    assert_located(loaded.problems, "exercises/fuzz.yml")


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("*[]()\\\n ab<>:/.#")), max_size=60))
def test_inline_markup_never_loses_a_character(text: str):
    def plain(spans: tuple) -> str:
        out = []
        for span in spans:
            if span.kind == "text":
                out.append(span.text)
            elif span.kind == "break":
                out.append("\n")
            elif span.kind == "link":
                out.append(plain(span.children) + span.target)
            else:
                out.append(plain(span.children))
        return "".join(out)
    kept = "ab<>:/.#"
    shown = plain(inline.parse(text))
    # Markers and escapes may go; every other character stays, in order (targets included).
    assert [c for c in shown if c in kept] == [c for c in text if c in kept]


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 8), st.text(alphabet=st.sampled_from(
    list("ab:#'\"\t- ?\u202e\u200d")), max_size=20)), max_size=8))
def test_yaml_like_lines_give_located_problems_with_any_hint(lines: list[tuple[int, str]]):
    text = "".join(" " * indent + body + "\n" for indent, body in lines)
    check(text)
    check("id: a\nquestions:\n  - id: q\n" + text)
