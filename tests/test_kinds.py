"""The rules of each question kind, reported where the author wrote the problem."""

from __future__ import annotations

from generator.load import parse
from generator.model import MultipleQuestion, OrderQuestion, SortQuestion, WriteQuestion
from generator.exercise_rules import validate_exercise
from helpers import ALL_KINDS


def check(text: str):
    loaded = parse(text, "all-kinds.yml")
    assert loaded.problems == [], loaded.problems
    return validate_exercise(loaded.root, "all-kinds.yml")


def messages(text: str) -> list[str]:
    exercise, problems = check(text)
    assert exercise is None
    return [str(problem) for problem in problems]


def test_every_kind_becomes_its_model():
    exercise, problems = check(ALL_KINDS)
    assert problems == []
    single, multiple, sort, order, write = exercise.questions
    assert single.dialogue[0].speaker == "Ana"
    assert single.dialogue[1].line == "I had a long day too, you know."
    assert isinstance(multiple, MultipleQuestion)
    assert [option.correct for option in multiple.options] == [True, False, True]
    assert isinstance(sort, SortQuestion)
    assert [group.label for group in sort.groups] == ["Turning toward", "Turning away"]
    assert [item.group for item in sort.items] == ["toward", "away", "toward"]
    assert isinstance(order, OrderQuestion)
    assert [step.text for step in order.steps][0] == "Notice the tension."
    assert isinstance(write, WriteQuestion)
    assert write.checklist == ("Did you name the feeling?", "Did you hold back advice?")
    assert len(write.models) == 2


def test_order_is_shown_shuffled_and_the_same_every_build():
    order = check(ALL_KINDS)[0].questions[3]
    assert sorted(order.shuffled) == [0, 1, 2]
    assert order.shuffled != (0, 1, 2)
    assert order.shuffled == check(ALL_KINDS)[0].questions[3].shuffled


def test_multiple_needs_a_correct_option():
    text = ALL_KINDS.replace("      - text: '\"Can we start over?\"'\n        correct: true\n",
                             "      - text: '\"Can we start over?\"'\n")
    text = text.replace("      - text: '\"I hear you.\"'\n        correct: true\n",
                        "      - text: '\"I hear you.\"'\n")
    [message] = messages(text)
    assert message.endswith("no option is marked 'correct: true'; expected at least one correct "
                            "option in a select-all-that-apply question")


def test_multiple_needs_an_option_not_to_pick():
    text = ALL_KINDS.replace("      - text: '\"Whatever.\"'\n", "      - text: '\"Whatever.\"'\n        correct: true\n")
    [message] = messages(text)
    assert "every option is marked 'correct: true'" in message


def test_sort_items_must_name_a_declared_group():
    text = ALL_KINDS.replace("        group: away\n", "        group: awya\n")
    [message] = messages(text)
    assert message.startswith("all-kinds.yml:47:16: item 2 is in the group 'awya' — did you mean "
                              "'away'?, which this question does not declare; expected one of: "
                              "toward, away")


def test_sort_needs_two_to_four_groups():
    text = ALL_KINDS.replace("      - id: away\n        label: Turning away\n", "")
    found = messages(text)
    assert any("found 1 groups in 'groups'; expected 2 to 4" in m for m in found)


def test_order_steps_must_be_distinct():
    text = ALL_KINDS.replace("      - text: Say what you regret.", "      - text: Notice the tension.")
    [message] = messages(text)
    assert message == ("all-kinds.yml:58:15: step 2 has the same text as step 1; expected a "
                       "different step")


def test_order_needs_three_to_seven_steps():
    text = ALL_KINDS.replace("      - text: Ask to try again.\n        why: An invitation lets both of you restart.\n", "")
    [message] = messages(text)
    assert message == "all-kinds.yml:56:7: found 2 steps in 'steps'; expected 3 to 7"


def test_write_needs_two_model_replies():
    text = ALL_KINDS.replace("      - '\"Again? No wonder you feel brushed aside.\"'\n", "")
    [message] = messages(text)
    assert message == "all-kinds.yml:69:7: found 1 model replies in 'models'; expected 2 to 5"


def test_dialogue_lines_need_a_speaker():
    text = ALL_KINDS.replace("      - speaker: Noor\n        line:", "      - line:")
    [message] = messages(text)
    assert message == "all-kinds.yml:65:9: dialogue line 1 is missing the required key 'speaker'"


def test_a_key_of_another_kind_is_refused_with_the_allowed_ones():
    text = ALL_KINDS.replace("    kind: write\n", "    kind: write\n    options: []\n")
    found = messages(text)
    assert any("unknown key 'options' in question 5 (write)" in m and
               "allowed keys: id, kind, prompt, models, checklist, note, dialogue" in m for m in found)
