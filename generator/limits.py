"""Every limit and fixed list that both the generator and the browser runtime use, defined once.

Python code (daily.py, render.py, the templates through render.py) imports these names; the
runtime gets the same values from the page: the plugin puts `runtime_settings()` into
`config.extra["small_moments"]`, main.html writes it as a JSON block
(`<script type="application/json" id="sm-settings">`) and the scripts read it with JSON.parse.
No MkDocs import here, so another engine's adapter can use it as it is."""

from __future__ import annotations

import re
from typing import Any

from .address import exercise_page_path, page_address

# Ids of exercises (and of their questions): lowercase words joined by hyphens.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# A counselor's assignment: the note's length and how many exercises one list may hold.
ASSIGNMENT_NOTE_CAP = 300
ASSIGNMENT_MAX_EXERCISES = 100
# How many counselor's lists the reader's browser keeps (the newest first).
ASSIGNMENT_MAX_LISTS = 20

# The bid tracker: a note's length, an entry id's length, how many bids are kept, and the
# answers each field of the form offers, as (value, label on the form, words in the history).
BID_NOTE_CAP = 200
BID_ID_CAP = 40
BID_MAX = 5000
BID_FIELDS: tuple[tuple[str, str, tuple[tuple[str, str, str], ...]], ...] = (
    ("who", "Who made the bid?", (("me", "Me", "Me"), ("partner", "My partner", "My partner"))),
    ("how", "How?", (("words", "Words", "words"), ("touch", "A touch", "a touch"),
                     ("look", "A look or a sigh", "a look or a sigh"),
                     ("message", "A message", "a message"))),
    ("response", "How was it answered?", (("toward", "Turned toward", "turned toward"),
                                          ("away", "Turned away", "turned away"),
                                          ("against", "Turned against", "turned against"))),
)
# The tracker's two dashed lines: Gottman's newlywed study (see content/references.md), the
# share of bids turned toward by couples still married six years on, and by those who divorced.
TOWARD_STAYED = 86
TOWARD_DIVORCED = 33
# The lines are drawn only once the last 30 days hold at least this many bids: next to a handful
# of bids they would read like a score to reach, and a few notes say little either way.
RESEARCH_LINES_FROM = 20

# The planner: weekday codes as iCalendar writes them, in week order, with their short names,
# and how long a ritual may last in the calendar file (one day, in minutes).
DAYS: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
RITUAL_MAX_MINUTES = 1440
RITUAL_MAX = 100

# Saved answers: how many exercises and questions per exercise the store keeps, and how long a
# written reply may be (the reply field stops there; a saved answer's JSON may take three times
# that, room for escaped characters).
EXERCISES_MAX = 1000
ANSWERS_MAX = 40
REPLY_CAP = 5000

# Imported files (My progress, the bid tracker): larger files are refused before they are read.
IMPORT_MAX_BYTES = 1024 * 1024

# Sharing answers with a partner, or a summary with a counselor (pair.js): what travels in a
# link's #fragment after PAIR_KEY, or as a code to paste. PAIR_VERSION is the payload's first
# byte; the iteration count, salt and IV sizes belong to it (changing one needs a new version).
# A word shorter than PAIR_WORD_MIN characters is refused. A code whose payload is over
# PAIR_MAX_BYTES is not made (it would be too long to paste). A link of at most PAIR_QR_MAX
# characters is also drawn as a QR code (byte mode, error correction level L: QR version 25 or
# less, which phone cameras still read off a screen); a longer one is given as link and code only.
PAIR_KEY = "sm-pair="
PAIR_VERSION = 1
PAIR_ITERATIONS = 310_000
PAIR_SALT_BYTES = 16
PAIR_IV_BYTES = 12
PAIR_WORD_MIN = 4
PAIR_MAX_BYTES = 60_000
PAIR_QR_MAX = 1_200


def runtime_settings() -> dict[str, Any]:
    """What the browser runtime needs of the above, as JSON-ready values."""
    return {
        "idPattern": ID_PATTERN.pattern,
        # An exercise page's address with "{id}" for its id (the menu's done marks).
        "exercisePage": page_address(exercise_page_path("{id}")),
        "assignmentNoteCap": ASSIGNMENT_NOTE_CAP,
        "assignmentMaxExercises": ASSIGNMENT_MAX_EXERCISES,
        "assignmentMaxLists": ASSIGNMENT_MAX_LISTS,
        "bidNoteCap": BID_NOTE_CAP,
        "bidIdCap": BID_ID_CAP,
        "bidMax": BID_MAX,
        "bidWords": {name: {value: words for value, _label, words in choices}
                     for name, _legend, choices in BID_FIELDS},
        "researchLines": [TOWARD_STAYED, TOWARD_DIVORCED],
        "researchLinesFrom": RESEARCH_LINES_FROM,
        "days": list(DAYS),
        "ritualMaxMinutes": RITUAL_MAX_MINUTES,
        "ritualMax": RITUAL_MAX,
        "exercisesMax": EXERCISES_MAX,
        "answersMax": ANSWERS_MAX,
        "replyCap": REPLY_CAP,
        "importMaxBytes": IMPORT_MAX_BYTES,
        "pair": {"key": PAIR_KEY, "version": PAIR_VERSION, "iterations": PAIR_ITERATIONS,
                 "saltBytes": PAIR_SALT_BYTES, "ivBytes": PAIR_IV_BYTES,
                 "wordMin": PAIR_WORD_MIN, "maxBytes": PAIR_MAX_BYTES, "qrMax": PAIR_QR_MAX},
    }
