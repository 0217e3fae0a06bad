"""A JSON Schema of the exercise format, built from the validator's own rules, for editors."""

from __future__ import annotations

from typing import Any

from . import anchors, kinds
from . import exercise_rules as schema
from .practices import PRACTICES
from .validator import ID_PATTERN, MAX_ID, MAX_TEXT

Json = dict[str, Any]

TEXT_NOTE = ("Plain text. You may use *emphasis*, **strong**, line breaks and links to guide "
             "pages or https addresses: [words](practices/repair.md).")


def _text(description: str, max_len: int = MAX_TEXT, inline: bool = True) -> Json:
    return {"type": "string", "minLength": 1, "maxLength": max_len,
            "description": f"{description} {TEXT_NOTE if inline else 'Plain words, no < or >.'}"}


def _ident(description: str) -> Json:
    return {"type": "string", "pattern": ID_PATTERN.pattern, "maxLength": MAX_ID,
            "description": f"{description} Lowercase letters, digits and single hyphens."}


def _list(items: Json, limits: tuple[int, int], description: str) -> Json:
    return {"type": "array", "minItems": limits[0], "maxItems": limits[1], "items": items,
            "description": description}


def _object(properties: Json, required: list[str], description: str) -> Json:
    return {"type": "object", "properties": properties, "required": required,
            "additionalProperties": False, "description": description}


def _option(limits: tuple[int, int], description: str) -> Json:
    option = _object({"text": _text("What the reader can choose."),
                      "feedback": _text("Why this choice helps or hurts, shown after Check."),
                      "correct": {"type": "boolean", "default": False,
                                  "description": "true for a right answer."}},
                     ["text", "feedback"], "One option.")
    return _list(option, limits, description)


KIND_FIELDS: dict[str, Json] = {
    "single": {"options": _option(kinds.SINGLE_OPTIONS, "The options; exactly one is correct.")},
    "multiple": {"options": _option(kinds.MULTIPLE_OPTIONS,
                                    "The options; at least one is correct, not all.")},
    "sort": {
        "groups": _list(_object({"id": _ident("The group's id, used by items."),
                                 "label": _text("The group's name.", kinds.MAX_LABEL, False)},
                                ["id", "label"], "One group."),
                        kinds.SORT_GROUPS, "The groups to sort into."),
        "items": _list(_object({"text": _text("The item to place."),
                                "group": _ident("The id of the group it belongs in."),
                                "feedback": _text("Why it belongs there.")},
                               ["text", "group", "feedback"], "One item."),
                       kinds.SORT_ITEMS, "The items to sort."),
    },
    "order": {"steps": _list(_object({"text": _text("One step."),
                                      "why": _text("Why it comes here.")},
                                     ["text", "why"], "One step, in the right order."),
                             kinds.ORDER_STEPS, "The steps, written in the right order; "
                             "readers see them shuffled.")},
    "write": {
        "models": _list(_text("A model reply."), kinds.WRITE_MODELS,
                        "Replies that could work, shown after the reader writes their own."),
        "checklist": _list(_text("A self-check question."), kinds.WRITE_CHECKLIST,
                           "Questions the reader ticks about their own reply."),
    },
}


def _question() -> Json:
    # Kinds share some keys ('options'), so each kind's rule says what its keys must hold.
    every_field = {name: True for fields in KIND_FIELDS.values() for name in fields}
    base = {
        "id": {**_ident("The question's id, unique in the exercise; part of its permanent link. "
                        "Not one the page uses itself: 'exercise', or starting with 'sm-'."),
               # '__' cannot match the id pattern anyway; 'sm-' can.
               "not": {"anyOf": [{"enum": sorted(anchors.PAGE_IDS)}, {"pattern": "^sm-"}]}},
        "kind": {"enum": list(kinds.KINDS), "description": "The kind of question."},
        "prompt": _text("The question."),
        "note": _text("A closing thought shown with the answer."),
        "dialogue": _list(_object({"speaker": _text("Who speaks.", kinds.MAX_SPEAKER, False),
                                   "line": _text("What they say.")},
                                  ["speaker", "line"], "One line of the conversation."),
                          kinds.DIALOGUE_LINES, "A short conversation shown above the prompt."),
    }
    rules = []
    for kind, fields in KIND_FIELDS.items():
        others = {name: False for name in every_field if name not in fields}
        rules.append({"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                      "then": {"required": list(fields), "properties": {**fields, **others}}})
    question = _object({**base, **every_field}, ["id", "kind", "prompt"], "One question.")
    question["allOf"] = rules
    return question


def build() -> Json:
    """The schema, as a JSON-ready dict."""
    exercise = _object({
        "id": _ident("The exercise's id, the same as the file name; its permanent link."),
        "title": _text("The title.", schema.MAX_TITLE, False),
        "practice": {"enum": list(PRACTICES), "description": "The practice it belongs to."},
        "page": {"type": "string", "pattern": schema.PAGE_PATTERN.pattern,
                 "maxLength": schema.MAX_PAGE,
                 "description": "The guide page it goes with, such as practices/repair.md."},
        "summary": _text("One sentence for lists and search.", schema.MAX_SUMMARY, False),
        "minutes": {"type": "integer", "minimum": schema.MINUTES[0],
                    "maximum": schema.MINUTES[1], "description": "About how long it takes."},
        "intro": _text("Opening paragraphs; a blank line starts a new one."),
        "discussion": _list(_text("An open question.", schema.MAX_PROMPT), schema.DISCUSSION,
                            "Questions to talk over afterwards, alone, together or with a "
                            "counselor."),
        "questions": _list(_question(), schema.QUESTIONS, "The questions, in order."),
    }, list(schema.REQUIRED), "")
    return {"$schema": "http://json-schema.org/draft-07/schema#",
            "title": "Small Moments exercise",
            **exercise,
            "description": "One exercise of the Small Moments guide. Check it with: "
                           "python -m generator check"}
