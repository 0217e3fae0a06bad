"""Text fields: a small inline Markdown subset renders; raw HTML stays text; unsafe links are refused."""

from __future__ import annotations

from generator.load import parse
from generator.render import render_exercise
from generator.exercise_rules import validate_exercise
from helpers import VALID

PAGES = {"practices/notice-bids.md", "practices/repair.md", "bids.md"}
FEEDBACK = "        feedback: Naming the sigh and asking turns toward Sam.\n"


def with_feedback(text: str) -> str:
    return VALID.replace(FEEDBACK, f"        feedback: {text}\n")


def validate(text: str):
    loaded = parse(text, "exercises/tiny-bids.yml")
    assert loaded.problems == [], loaded.problems
    return validate_exercise(loaded.root, "exercises/tiny-bids.yml", "tiny-bids", PAGES)


def page_for(text: str) -> str:
    exercise, problems = validate(text)
    assert problems == []
    return render_exercise(exercise).text


def messages(text: str) -> list[str]:
    exercise, problems = validate(text)
    assert exercise is None
    return [str(problem) for problem in problems]


def test_emphasis_strong_and_line_breaks_render_as_elements():
    page = page_for(with_feedback("'*Naming* the sigh and **asking** helps.'")
                    .replace("    note: A sigh is often a quiet bid.\n",
                             "    note: |\n      First line.\n      Second line.\n"))
    assert "<em>Naming</em> the sigh and <strong>asking</strong> helps." in page
    assert "First line.<br>Second line." in page


def test_a_link_to_a_guide_page_points_to_its_built_page():
    page = page_for(with_feedback("'See [repair](practices/repair.md#why-it-works).'"))
    assert 'See <a href="../practices/repair.html#why-it-works">repair</a>.' in page


def test_an_https_link_is_kept_with_noopener():
    page = page_for(with_feedback("'Read [more](https://example.org/a?b=1).'"))
    assert '<a href="https://example.org/a?b=1" rel="noopener noreferrer">more</a>' in page


def test_raw_html_and_unmatched_markers_stay_literal_text():
    page = page_for(with_feedback("'<script>alert(1)</script> <b onclick=x>bold</b> 2 * 3 snake_case'"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b onclick=x&gt;bold&lt;/b&gt; 2 * 3 snake_case" in page
    assert "<script>alert" not in page
    assert "<b onclick" not in page


def test_backslash_keeps_a_marker_literal():
    page = page_for(with_feedback(r"'A \*star\* and a \[bracket\].'"))
    assert "A *star* and a [bracket]." in page


def test_a_javascript_link_is_refused_with_file_line_and_what_is_allowed():
    assert messages(with_feedback("'[Click](javascript:alert(1))'")) == [
        "exercises/tiny-bids.yml:19:19: in 'feedback', the link target 'javascript:alert(1)' uses "
        "'javascript:', which is not allowed; expected a guide page such as "
        "'practices/repair.md' or an address starting with https://"]


def test_plain_http_and_data_links_are_refused():
    for target in ("http://example.org/", "data:text/html,hi", "mailto:a@b.c"):
        found = messages(with_feedback(f"'[x]({target})'"))
        assert len(found) == 1 and f"the link target '{target}' uses" in found[0], found


def test_a_link_to_a_page_outside_the_guide_is_refused():
    assert messages(with_feedback("'[x](practices/nowhere.md)'")) == [
        "exercises/tiny-bids.yml:19:19: in 'feedback', the link target 'practices/nowhere.md' is "
        "not a page of the guide; expected a page in the content folder, such as "
        "'practices/repair.md'"]


def test_a_relative_path_that_is_not_a_page_is_refused():
    found = messages(with_feedback("'[x](../../etc/passwd)'"))
    assert found == ["exercises/tiny-bids.yml:19:19: in 'feedback', the link target "
                     "'../../etc/passwd' is not a guide page or web address; expected a page "
                     "such as 'practices/repair.md' or an address starting with https://"]
