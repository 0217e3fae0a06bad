"""Synthetic exercises (six questions each) and the same content in other formats."""

from __future__ import annotations

import random
from typing import Any

import yaml

# Each practice and the guide page its exercises link to (pages that exist in content/).
PAGES = {
    "build-or-break": "build-or-break.md",
    "notice-bids": "practices/notice-bids.md",
    "repair": "practices/repair.md",
    "rituals": "practices/rituals.md",
    "texts": "practices/texts.md",
    "reflect-back": "practices/reflect-back.md",
    "celebrate": "practices/celebrate.md",
    "hard-times": "practices/hard-times.md",
}
NAMES = ("Ana", "Kofi", "Priya", "Sam", "Noor", "Joe", "Maria", "Hugo", "Claire", "Tariq",
         "Sara", "Bea", "Declan", "Niamh", "Rita", "Gus", "Yasmin", "Joel", "Ola", "Femi")
PLACES = ("in the kitchen", "on the bus home", "at the school gate", "over breakfast",
          "in the garden", "on a video call", "in the car", "at the shops", "before bed")
ACTS = ("sighs and looks at the window", "sends a photo of the sunset", "mentions a new song",
        "asks about the weekend", "says the meeting went badly", "laughs at a message",
        "puts the kettle on for two", "talks about an old friend", "shows a drawing")
REPLIES = ("looks up and asks what happened", "keeps scrolling without a word",
           "says they are busy right now", "puts the phone down and listens",
           "changes the subject to dinner", "makes a joke about it and smiles",
           "asks a gentle follow-up question", "sighs and walks away", "offers a hug")
WHY = ("A short answer still tells the other person that they were heard, and that reaching "
       "out was safe. Over weeks, small replies like this one add up to trust.",
       "Missing a bid now and then is normal. But when it keeps happening, a partner may stop "
       "reaching out at all, and the quiet can feel like distance.",
       "Curiosity keeps the moment open. It lets the other person decide how much to share, "
       "without pressure, and shows that their small news matters.")


def _sentence(rng: random.Random, parts: tuple[str, ...], n: int) -> str:
    return " ".join(rng.choice(parts) for _ in range(n))


def exercise(number: int) -> dict[str, Any]:
    """Exercise `number` as the YAML data an author would write; six questions of five kinds."""
    rng = random.Random(number)
    practice = list(PAGES)[number % len(PAGES)]
    ident = f"bench-{number:04d}"
    a, b = rng.sample(NAMES, 2)

    def scene() -> str:
        return f"{a} {rng.choice(ACTS)} {rng.choice(PLACES)}. Which reply from {b} turns toward {a}?"

    def options(count: int, correct: set[int]) -> list[dict[str, Any]]:
        texts = rng.sample(REPLIES, count)
        return [{"text": f"{b} {text}.", "feedback": rng.choice(WHY), **({"correct": True} if i in correct else {})}
                for i, text in enumerate(texts)]

    questions: list[dict[str, Any]] = [
        {"id": f"{ident}-one", "kind": "single", "prompt": scene(), "options": options(4, {1})},
        {"id": f"{ident}-two", "kind": "single", "prompt": scene(), "options": options(3, {0}),
         "dialogue": [{"speaker": a, "line": "I had such a long day."},
                      {"speaker": b, "line": "Tell me about it."}]},
        {"id": f"{ident}-three", "kind": "multiple", "prompt": f"Which replies turn toward {a}?",
         "options": options(5, {0, 2})},
        {"id": f"{ident}-four", "kind": "sort", "prompt": f"Sort each of {b}'s replies.",
         "groups": [{"id": "toward", "label": "Turning toward"}, {"id": "away", "label": "Turning away"}],
         "items": [{"text": f"{b} {text}.", "group": "toward" if i % 2 == 0 else "away",
                    "feedback": rng.choice(WHY)} for i, text in enumerate(rng.sample(REPLIES, 4))]},
        {"id": f"{ident}-five", "kind": "order", "prompt": f"Put {b}'s repair in order.",
         "steps": [{"text": f"Step {i + 1}: {b} {text}.", "why": rng.choice(WHY)}
                   for i, text in enumerate(rng.sample(REPLIES, 4))]},
        {"id": f"{ident}-six", "kind": "write", "prompt": f"Write how {b} could reply to {a}.",
         "models": [f'"{text.capitalize()}."' for text in rng.sample(REPLIES, 2)],
         "checklist": ["Did you name the feeling?", "Did you hold back advice?"],
         "note": "There is no single right reply."},
    ]
    return {"id": ident, "title": f"Benchmark exercise {number}", "practice": practice,
            "page": PAGES[practice], "summary": f"A synthetic exercise for the benchmarks, number {number}.",
            "minutes": 6, "intro": f"{_sentence(rng, WHY, 2)}\n\n{rng.choice(WHY)}\n",
            "questions": questions}


def exercise_yaml(data: dict[str, Any]) -> str:
    """An exercise as the YAML file the generator reads."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _choices(question: dict[str, Any]) -> list[tuple[str, bool, str]]:
    """A question as (text, correct, explanation) rows, whatever its kind."""
    kind = question["kind"]
    if kind in ("single", "multiple"):
        return [(o["text"], bool(o.get("correct")), o["feedback"]) for o in question["options"]]
    if kind == "sort":
        first = question["groups"][0]["id"]
        return [(i["text"], i["group"] == first, i["feedback"]) for i in question["items"]]
    if kind == "order":
        return [(s["text"], n == 0, s["why"]) for n, s in enumerate(question["steps"])]
    return [(m, True, "A model reply.") for m in question["models"]]


def _prompt(question: dict[str, Any]) -> str:
    """The prompt, reworded as a choice for kinds that plain Markdown and mkdocs-quiz lack."""
    kind = question["kind"]
    if kind == "sort":
        return f"{question['prompt']} Which of these are {question['groups'][0]['label'].lower()}?"
    if kind == "order":
        return f"{question['prompt']} Which step comes first?"
    if kind == "write":
        return f"{question['prompt']} Which replies could work?"
    return question["prompt"]


def material_page(data: dict[str, Any]) -> str:
    """The exercise hand-written for plain Material: lists, with answers in collapsed admonitions."""
    lines = [f"# {data['title']}", "", data["summary"], "", *data["intro"].strip().split("\n"), ""]
    for number, question in enumerate(data["questions"], start=1):
        lines += [f"## Question {number}", ""]
        lines += [f"**{d['speaker']}:** {d['line']}  " for d in question.get("dialogue", [])]
        lines += ["", _prompt(question), ""]
        rows = _choices(question)
        lines += [f"- {text}" for text, _, _ in rows]
        lines += ["", '??? note "Show the answer and why"', ""]
        for text, correct, why in rows:
            lines += [f"    - **{'Best answer' if correct else 'Not the best choice'}:** {text} {why}"]
        if question.get("note"):
            lines += ["", f"    {question['note']}"]
        lines += [""]
    lines += [f"This exercise goes with the guide page [{data['practice']}](../{data['page']}).", ""]
    return "\n".join(lines)


def quiz_page(data: dict[str, Any]) -> str:
    """The exercise in mkdocs-quiz's format: one <quiz> block per question, feedback per answer."""
    lines = [f"# {data['title']}", "", data["summary"], "", *data["intro"].strip().split("\n"), ""]
    for question in data["questions"]:
        lines += ["<quiz>"]
        lines += [f"**{d['speaker']}:** {d['line']}  " for d in question.get("dialogue", [])]
        lines += [_prompt(question)]
        for text, correct, why in _choices(question):
            lines += [f"- [{'x' if correct else ' '}] {text}", f"> {why}"]
        if question.get("note"):
            lines += ["", question["note"]]
        lines += ["</quiz>", ""]
    lines += ["<!-- mkdocs-quiz results -->", "",
              f"This exercise goes with the guide page [{data['practice']}](../{data['page']}).", ""]
    return "\n".join(lines)


def index_page(exercises: list[dict[str, Any]]) -> str:
    """A hand-written exercises index: one link per exercise."""
    rows = [f"- [{e['title']}]({e['id']}.md): {e['summary']}" for e in exercises]
    return "\n".join(["# Exercises", "", *rows, ""])


def big_exercise(count: int) -> dict[str, Any]:
    """One exercise with `count` questions, taken from consecutive synthetic exercises."""
    questions = [q for n in range(count // 6 + 1) for q in exercise(9000 + n)["questions"]]
    data = exercise(9000)
    return {**data, "id": "bench-big", "title": f"A page of {count} questions",
            "questions": questions[:count]}

