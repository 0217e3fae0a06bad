"""Reading each question kind from YAML, with the rules that fit it."""

from __future__ import annotations

from typing import Any, Callable

from .load import Mapping, Node
from .model import (Group, Line, MultipleQuestion, Option, OrderQuestion, Question,
                    SingleQuestion, SortItem, SortQuestion, Step, WriteQuestion)
from .validator import MAX_ID, Validator, suggest

SINGLE_OPTIONS = (2, 6)
MULTIPLE_OPTIONS = (3, 8)
SORT_GROUPS = (2, 4)
SORT_ITEMS = (2, 10)
ORDER_STEPS = (3, 7)
WRITE_MODELS = (2, 5)
WRITE_CHECKLIST = (1, 6)
DIALOGUE_LINES = (1, 8)
MAX_LABEL = 40
MAX_SPEAKER = 40

Reader = Callable[[Validator, Mapping, dict[str, Any]], "Question | None"]


def _distinct(v: Validator, node: Mapping, text: str | None, number: int,
              seen: dict[str, int], noun: str) -> bool:
    """Report a text already used by an earlier sibling; remember it otherwise."""
    if text is None:
        return True
    if text.casefold() in seen:
        v.report(node.items["text"], f"{noun} {number} has the same text as {noun} "
                 f"{seen[text.casefold()]}; expected a different {noun}")
        return False
    seen[text.casefold()] = number
    return True


def _options(v: Validator, node: Mapping, limits: tuple[int, int]
             ) -> tuple[list[Option], list[int], bool]:
    """Read options with text, feedback and `correct`; returns them, the correct numbers, ok."""
    options: list[Option] = []
    correct_at: list[int] = []
    seen: dict[str, int] = {}
    items = v.sequence(node, "options", *limits, "options")
    ok = limits[0] <= len(items) <= limits[1]
    for number, item in enumerate(items, start=1):
        option = v.mapping(item, f"option {number}", ("text", "feedback"), ("correct",))
        if option is None:
            ok = False
            continue
        text = v.text(option, "text")
        feedback = v.text(option, "feedback")
        correct = v.boolean(option, "correct", False)
        if correct:
            correct_at.append(number)
        if not _distinct(v, option, text, number, seen, "option"):
            ok = False
        if text is None or feedback is None:
            ok = False
        else:
            options.append(Option(text, feedback, correct))
    return options, correct_at, ok


def _single(v: Validator, node: Mapping, base: dict[str, Any]) -> SingleQuestion | None:
    options, correct_at, ok = _options(v, node, SINGLE_OPTIONS)
    for number in correct_at[1:]:
        option = node.items["options"].items[number - 1]  # type: ignore[union-attr]
        v.report(option.items["correct"], f"option {number} is marked correct, but option "
                 f"{correct_at[0]} already is; expected exactly one correct option in a "
                 "single-choice question")
    if options and not correct_at:
        v.report(node.items["options"], "no option is marked 'correct: true'; expected exactly "
                 "one correct option in a single-choice question")
    if not ok or len(correct_at) != 1:
        return None
    return SingleQuestion(**base, options=tuple(options))


def _multiple(v: Validator, node: Mapping, base: dict[str, Any]) -> MultipleQuestion | None:
    options, correct_at, ok = _options(v, node, MULTIPLE_OPTIONS)
    if options and not correct_at:
        v.report(node.items["options"], "no option is marked 'correct: true'; expected at least "
                 "one correct option in a select-all-that-apply question")
        ok = False
    elif options and len(correct_at) == len(options):
        v.report(node.items["options"], "every option is marked 'correct: true'; expected at "
                 "least one option that should not be picked")
        ok = False
    return MultipleQuestion(**base, options=tuple(options)) if ok else None


def _sort(v: Validator, node: Mapping, base: dict[str, Any]) -> SortQuestion | None:
    groups: list[Group] = []
    group_nodes = v.sequence(node, "groups", *SORT_GROUPS, "groups")
    ok = SORT_GROUPS[0] <= len(group_nodes) <= SORT_GROUPS[1]
    for number, item in enumerate(group_nodes, start=1):
        group = v.mapping(item, f"group {number}", ("id", "label"))
        if group is None:
            ok = False
            continue
        group_id = v.ident(group, "id")
        label = v.text(group, "label", MAX_LABEL, plain=True)
        if group_id is not None and any(g.id == group_id for g in groups):
            v.report(group.items["id"], f"the group id '{group_id}' is used twice in this "
                     "question; expected a new id")
            ok = False
        elif group_id is not None and label is not None:
            groups.append(Group(group_id, label))
        else:
            ok = False
    known = [group.id for group in groups]
    items: list[SortItem] = []
    item_nodes = v.sequence(node, "items", *SORT_ITEMS, "items")
    ok = ok and SORT_ITEMS[0] <= len(item_nodes) <= SORT_ITEMS[1]
    for number, element in enumerate(item_nodes, start=1):
        item = v.mapping(element, f"item {number}", ("text", "group", "feedback"))
        if item is None:
            ok = False
            continue
        text = v.text(item, "text")
        feedback = v.text(item, "feedback")
        group_name = v.text(item, "group", MAX_ID)
        if group_name is not None and known and group_name not in known:
            v.report(item.items["group"], f"item {number} is in the group '{group_name}'"
                     f"{suggest(group_name, known)}, which this question does not declare; "
                     f"expected one of: {', '.join(known)}")
            group_name = None
        if text is None or feedback is None or group_name is None:
            ok = False
        else:
            items.append(SortItem(text, group_name, feedback))
    return SortQuestion(**base, groups=tuple(groups), items=tuple(items)) if ok else None


def _order(v: Validator, node: Mapping, base: dict[str, Any]) -> OrderQuestion | None:
    steps: list[Step] = []
    seen: dict[str, int] = {}
    step_nodes = v.sequence(node, "steps", *ORDER_STEPS, "steps")
    ok = ORDER_STEPS[0] <= len(step_nodes) <= ORDER_STEPS[1]
    for number, element in enumerate(step_nodes, start=1):
        step = v.mapping(element, f"step {number}", ("text", "why"))
        if step is None:
            ok = False
            continue
        text = v.text(step, "text")
        why = v.text(step, "why")
        if not _distinct(v, step, text, number, seen, "step"):
            ok = False
        if text is None or why is None:
            ok = False
        else:
            steps.append(Step(text, why))
    return OrderQuestion(**base, steps=tuple(steps)) if ok else None


def _texts(v: Validator, node: Mapping, key: str, limits: tuple[int, int], noun: str
           ) -> tuple[list[str], bool]:
    nodes = v.sequence(node, key, *limits, noun)
    texts = [v.scalar_text(item, f"{noun[:-1]} {number} of '{key}'")
             for number, item in enumerate(nodes, start=1)]
    ok = limits[0] <= len(nodes) <= limits[1] and None not in texts
    return [text for text in texts if text is not None], ok


def _write(v: Validator, node: Mapping, base: dict[str, Any]) -> WriteQuestion | None:
    models, models_ok = _texts(v, node, "models", WRITE_MODELS, "model replies")
    checklist, checklist_ok = _texts(v, node, "checklist", WRITE_CHECKLIST, "checks")
    if not (models_ok and checklist_ok):
        return None
    return WriteQuestion(**base, models=tuple(models), checklist=tuple(checklist))


KINDS: dict[str, tuple[tuple[str, ...], Reader]] = {
    "single": (("options",), _single),
    "multiple": (("options",), _multiple),
    "sort": (("groups", "items"), _sort),
    "order": (("steps",), _order),
    "write": (("models", "checklist"), _write),
}
_REQUIRED = ("id", "kind", "prompt")
_OPTIONAL = ("note", "dialogue")


def _dialogue(v: Validator, node: Mapping) -> tuple[tuple[Line, ...], bool]:
    lines: list[Line] = []
    ok = True
    elements = v.sequence(node, "dialogue", *DIALOGUE_LINES, "lines")
    if "dialogue" in node.items and not DIALOGUE_LINES[0] <= len(elements) <= DIALOGUE_LINES[1]:
        ok = False
    for number, element in enumerate(elements, start=1):
        entry = v.mapping(element, f"dialogue line {number}", ("speaker", "line"))
        if entry is None:
            ok = False
            continue
        speaker = v.text(entry, "speaker", MAX_SPEAKER, plain=True)
        said = v.text(entry, "line")
        if speaker is None or said is None:
            ok = False
        else:
            lines.append(Line(speaker, said))
    return tuple(lines), ok


def read_question(v: Validator, node: Node, number: int) -> Question | None:
    """Validate one question of any kind; None when it has a problem."""
    what = f"question {number}"
    if not isinstance(node, Mapping):
        v.mapping(node, what, _REQUIRED)
        return None
    kind_node = node.items.get("kind")
    kind = v.text(node, "kind", MAX_ID) if kind_node is not None else None
    if kind is not None and kind not in KINDS:
        v.report(kind_node, f"unknown kind '{kind}'{suggest(kind, list(KINDS))}; expected one "  # type: ignore[arg-type]
                 f"of: {', '.join(KINDS)}")
        kind = None
    if kind is None:
        every_key = tuple(dict.fromkeys(k for keys, _ in KINDS.values() for k in keys))
        v.mapping(node, what, _REQUIRED, _OPTIONAL + every_key)
        v.ident(node, "id")
        v.text(node, "prompt")
        return None
    keys, reader = KINDS[kind]
    v.mapping(node, f"{what} ({kind})", _REQUIRED + keys, _OPTIONAL)
    base = {"id": v.ident(node, "id"), "prompt": v.text(node, "prompt"),
            "note": v.text(node, "note")}
    dialogue, dialogue_ok = _dialogue(v, node)
    question = reader(v, node, {**base, "dialogue": dialogue})
    if question is None or not dialogue_ok or base["id"] is None or base["prompt"] is None:
        return None
    return question
