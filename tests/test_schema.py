"""Validation: a typed model from good input, every problem located for bad input."""

from __future__ import annotations

from generator.load import parse
from generator.model import SingleQuestion
from generator.exercise_rules import validate_exercise
from helpers import VALID


def validate(text: str, expected_id: str | None = "tiny-bids"):
    loaded = parse(text, "exercises/tiny-bids.yml")
    assert loaded.problems == [], loaded.problems
    return validate_exercise(loaded.root, "exercises/tiny-bids.yml", expected_id)


def messages(text: str) -> list[str]:
    exercise, problems = validate(text)
    assert exercise is None
    return [str(problem) for problem in problems]


def test_valid_exercise_becomes_a_typed_model():
    exercise, problems = validate(VALID)
    assert problems == []
    assert exercise.id == "tiny-bids"
    assert exercise.title == "Tiny bids"
    assert exercise.practice.id == "notice-bids"
    assert exercise.practice.title == "Notice bids"
    assert exercise.minutes == 3
    assert exercise.intro == ("First paragraph of the intro.", "Second paragraph.")
    first, second = exercise.questions
    assert isinstance(first, SingleQuestion)
    assert first.id == "tiny-sigh"
    assert [option.correct for option in first.options] == [False, True]
    assert first.options[1].text == '"Long day? Tell me about it."'
    assert first.note == "A sigh is often a quiet bid."
    assert second.note is None
    assert [option.feedback for option in second.options][2] == \
        "Silence leaves the bid hanging, which turns away."


def test_missing_prompt_is_reported_at_the_question():
    text = VALID.replace("    prompt: Sam sighs at the sink. Which reply turns toward Sam?\n", "")
    assert messages(text) == [
        "exercises/tiny-bids.yml:11:5: question 1 (single) is missing the required key 'prompt'"
    ]


def test_two_correct_options_are_reported_at_the_second():
    text = VALID.replace("      - text: Keep scrolling.\n",
                         "      - text: Keep scrolling.\n        correct: true\n")
    assert messages(text) == [
        "exercises/tiny-bids.yml:19:18: option 2 is marked correct, but option 1 already is; "
        "expected exactly one correct option in a single-choice question"
    ]


def test_two_correct_options_and_a_missing_prompt_are_both_reported():
    text = VALID.replace("      - text: Keep scrolling.\n",
                         "      - text: Keep scrolling.\n        correct: true\n")
    text = text.replace("    prompt: Priya sends a funny link. Which reply turns toward her?\n", "")
    found = messages(text)
    assert len(found) == 2
    assert found[0].startswith("exercises/tiny-bids.yml:19:18: option 2 is marked correct")
    assert found[1] == ("exercises/tiny-bids.yml:22:5: question 2 (single) is missing "
                        "the required key 'prompt'")


def test_no_correct_option_is_reported_at_the_options():
    text = VALID.replace("        correct: true\n        feedback: Sharing", "        feedback: Sharing")
    assert messages(text) == [
        "exercises/tiny-bids.yml:25:7: no option is marked 'correct: true'; expected exactly one "
        "correct option in a single-choice question"
    ]


def test_misspelt_key_gets_a_suggestion():
    text = VALID.replace("        feedback: Scrolling on", "        feedbak: Scrolling on")
    found = messages(text)
    assert found[0] == ("exercises/tiny-bids.yml:16:9: unknown key 'feedbak' in option 1 — did you "
                        "mean 'feedback'?; allowed keys: text, feedback, correct")
    assert found[1] == "exercises/tiny-bids.yml:15:9: option 1 is missing the required key 'feedback'"


def test_unknown_kind_gets_a_suggestion():
    text = VALID.replace("    kind: single\n    prompt: Sam", "    kind: singel\n    prompt: Sam")
    assert messages(text) == [
        "exercises/tiny-bids.yml:12:11: unknown kind 'singel' — did you mean 'single'?; "
        "expected one of: single, multiple, sort, order, write"
    ]


def test_unknown_practice_lists_the_practices():
    text = VALID.replace("practice: notice-bids", "practice: notice")
    [message] = messages(text)
    assert message.startswith("exercises/tiny-bids.yml:3:11: unknown practice 'notice' — did you "
                              "mean 'notice-bids'?; expected one of: build-or-break, notice-bids, repair")


def test_minutes_must_be_a_whole_number_in_range():
    assert messages(VALID.replace("minutes: 3", "minutes: five")) == [
        "exercises/tiny-bids.yml:5:10: found 'five' for 'minutes'; expected a whole number from 1 to 60"
    ]
    assert messages(VALID.replace("minutes: 3", "minutes: 90")) == [
        "exercises/tiny-bids.yml:5:10: found the number 90 for 'minutes'; expected a whole number "
        "from 1 to 60"
    ]


def test_option_count_is_two_to_six():
    text = VALID.replace(
        "      - text: '\"Ha! That is exactly your aunt.\"'\n        correct: true\n"
        "        feedback: Sharing the joke back turns toward Priya.\n", "")
    text = text.replace("      - text: No reply at all.\n"
                        "        feedback: Silence leaves the bid hanging, which turns away.\n", "")
    found = messages(text)
    assert "exercises/tiny-bids.yml:25:7: found 1 options in 'options'; expected 2 to 6" in found


def test_id_must_match_the_file_name():
    exercise, problems = validate(VALID, expected_id="other-name")
    assert [str(p) for p in problems] == [
        "exercises/tiny-bids.yml:1:5: found the id 'tiny-bids' in the file 'other-name.yml'; "
        "expected the id to match the file name ('other-name')"
    ]


def test_bad_id_shape_is_explained():
    [message] = messages(VALID.replace("  - id: tiny-sigh", "  - id: Tiny Sigh"))
    assert message == ("exercises/tiny-bids.yml:11:9: found the id 'Tiny Sigh'; expected lowercase "
                       "letters, digits and single hyphens, such as 'sigh-after-work'")


def test_duplicate_question_id_in_one_file():
    [message] = messages(VALID.replace("  - id: tiny-link", "  - id: tiny-sigh"))
    assert message == ("exercises/tiny-bids.yml:21:9: the question id 'tiny-sigh' is used twice "
                       "in this exercise (first at line 11); expected a new id")


def test_wrong_shapes_say_what_was_found():
    found = messages(VALID.replace("title: Tiny bids", "title: [a, b]").replace(
        "questions:\n", "questions: 3\nquestionz:\n", 1))
    assert "exercises/tiny-bids.yml:2:8: found a list for 'title'; expected text" in found
    assert any(m.startswith("exercises/tiny-bids.yml:10:12: found the number 3 for 'questions'")
               for m in found)
    assert any("unknown key 'questionz' in the exercise — did you mean 'questions'?" in m
               for m in found)


def test_top_level_must_be_a_mapping():
    loaded = parse("- just\n- a list\n", "f.yml")
    exercise, problems = validate_exercise(loaded.root, "f.yml")
    assert exercise is None
    assert str(problems[0]).startswith("f.yml:1:1: found a list for the exercise; expected a mapping")


def test_every_problem_in_a_file_is_collected():
    text = (VALID.replace("minutes: 3", "minutes: 0")
            .replace("practice: notice-bids", "practice: nope")
            .replace("        feedback: Scolding", "        feedbac: Scolding"))
    found = messages(text)
    assert sorted(tuple(m.split(":")[1:3]) for m in found) == [
        ("28", "9"), ("29", "9"), ("3", "11"), ("5", "10")]


def test_a_joiner_is_refused_in_a_title_but_allowed_in_running_text():
    text = VALID.replace("title: Tiny bids", "title: Tiny\u200dbids")
    assert messages(text) == [
        "exercises/tiny-bids.yml:2:8: found the invisible character U+200D in 'title' "
        "('Tiny[U+200D]bids'); expected visible text only (delete it, since it hides text or "
        "changes the order in which text shows)"]
    exercise, problems = validate(VALID.replace("A sigh is often", "A sigh \U0001F469\u200d\U0001F469 is often"))
    assert problems == [] and exercise is not None


def test_an_escaped_bidi_control_is_refused_in_running_text():
    text = VALID.replace("    note: A sigh is often a quiet bid.", '    note: "A sigh\\u202e is often"')
    [message] = messages(text)
    assert "U+202E in 'note'" in message and "\u202e" not in message


def test_a_text_item_with_a_colon_gets_the_quoted_text_as_a_hint():
    text = VALID.replace("intro: |", "discussion:\n  - Why? Because: it matters\nintro: |")
    assert messages(text) == [
        "exercises/tiny-bids.yml:7:5: found a mapping (key: value pairs) for prompt 1 of "
        "'discussion'; expected text. A colon followed by a space makes YAML read a key and a "
        'value, so put the text in quotes: "Why? Because: it matters"']
