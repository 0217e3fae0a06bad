"""Rendering: templates turn the model into a page that works without JavaScript."""

from __future__ import annotations

import re

from generator.load import parse
from generator.render import markdown_text, render_exercise, render_index
from generator.exercise_rules import validate_exercise
from helpers import VALID


def exercise_from(text: str):
    loaded = parse(text, "tiny-bids.yml")
    exercise, problems = validate_exercise(loaded.root, "tiny-bids.yml")
    assert problems == []
    return exercise


def test_page_has_every_option_with_a_radio_and_its_feedback_in_an_answer():
    page = render_exercise(exercise_from(VALID)).text
    assert page.startswith("---\n")
    assert '\ntitle: "Tiny bids"\n' in page.split("\n---\n")[0]
    assert page.count('type="radio"') == 5
    assert 'name="tiny-sigh" value="1"' in page
    assert '<section class="sm-question" id="tiny-sigh"' in page
    assert '<details class="sm-answer" data-search-exclude>' in page
    assert "Naming the sigh and asking turns toward Sam." in page
    assert "<strong>Best answer:</strong> &#34;Long day? Tell me about it.&#34;" in page
    assert "<strong>Not the best choice:</strong> Keep scrolling." in page
    assert "A sigh is often a quiet bid." in page
    assert "Question 2 of 2" in page


def test_interactive_controls_start_hidden_so_the_page_works_without_javascript():
    page = render_exercise(exercise_from(VALID)).text
    assert page.count('sm-check" hidden disabled>Check</button>') == 2
    assert page.count('sm-retry" hidden>Try again</button>') == 2
    assert '<div class="sm-result" hidden>' in page


def test_feedback_regions_are_announced_to_screen_readers():
    page = render_exercise(exercise_from(VALID)).text
    assert page.count('<div class="sm-feedback" role="status"></div>') == 2


def test_author_text_is_escaped_never_markup():
    text = VALID.replace("prompt: Sam sighs at the sink.", "prompt: <script>alert(1)</script> Sam sighs.")
    page = render_exercise(exercise_from(text)).text
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Sam sighs." in page


def test_the_html_block_has_no_blank_line_that_would_end_it_in_markdown():
    page = render_exercise(exercise_from(VALID)).text
    start = page.index('<div class="sm-exercise"')
    block = page[start:page.index("\n</div>\n", start)]
    assert "\n\n" not in block


def test_index_groups_exercises_by_practice_in_guide_order():
    repair = VALID.replace("id: tiny-bids", "id: tiny-repair").replace(
        "practice: notice-bids", "practice: repair").replace("title: Tiny bids", "title: Tiny *repair*")
    page = render_index([exercise_from(repair), exercise_from(VALID)]).text
    assert page.index("## Notice bids") < page.index("## Repair early and often")
    assert "- [Tiny bids](tiny-bids.md){: .sm-exercise-link }: A two\\-question exercise used by the tests\\." in page
    assert "[Tiny \\*repair\\*](tiny-repair.md)" in page
    assert "## Rituals of connection" not in page


def test_markdown_text_escapes_html_and_markdown_syntax():
    assert markdown_text("a_b *c* <i>") == "a\\_b \\*c\\* &lt;i&gt;"
    assert re.fullmatch(r"\\\[x\\\]\\\(y\\\)", markdown_text("[x](y)"))


def test_the_html_block_is_apart_from_the_markdown_and_whole_text_joins_them():
    source = render_exercise(exercise_from(VALID))
    assert source.html.startswith('<div class="sm-exercise"') and source.html.endswith("</div>")
    assert source.html not in source.markdown
    assert source.text.count('<div class="sm-exercise"') == 1
    assert "small-moments: body" not in source.text
