"""The YAML loader: safe, located, strict about duplicates and hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import Mapping, Scalar, Sequence, load_file, parse


def test_nodes_keep_their_line_and_column():
    loaded = parse("id: x\ntitle:   Hello there\nquestions:\n  - a\n  - b\n", "f.yml")
    assert loaded.problems == []
    root = loaded.root
    assert isinstance(root, Mapping)
    title = root.items["title"]
    assert isinstance(title, Scalar) and title.value == "Hello there"
    assert (title.line, title.col) == (2, 10)
    assert (root.keys["questions"].line, root.keys["questions"].col) == (3, 1)
    items = root.items["questions"]
    assert isinstance(items, Sequence)
    assert [(item.line, item.col) for item in items.items] == [(4, 5), (5, 5)]


def test_scalars_keep_their_type_and_source_text():
    root = parse("a: 5\nb: true\nc: yes\nd:\ne: '5'\n", "f.yml").root
    assert isinstance(root, Mapping)
    found = {key: (node.value, node.tag, node.text) for key, node in root.items.items()}
    assert found == {"a": (5, "int", "5"), "b": (True, "bool", "true"), "c": (True, "bool", "yes"),
                     "d": (None, "null", ""), "e": ("5", "str", "5")}


def test_duplicate_key_is_rejected_at_the_second_key():
    loaded = parse("id: one\ntitle: A\nid: two\n", "f.yml")
    assert loaded.root is None
    [problem] = loaded.problems
    assert (problem.line, problem.col) == (3, 1)
    assert "the key 'id' a second time" in problem.message
    assert "first at line 1, column 1" in problem.message


def test_duplicate_key_in_a_nested_mapping_is_rejected():
    loaded = parse("questions:\n  - id: a\n    prompt: x\n    prompt: y\n", "f.yml")
    [problem] = loaded.problems
    assert (problem.line, problem.col) == (4, 5)


def test_python_tags_are_refused_and_never_run(tmp_path: Path):
    marker = tmp_path / "ran"
    text = f"id: !!python/object/apply:os.system ['touch {marker}']\n"
    loaded = parse(text, "f.yml")
    assert loaded.root is None
    [problem] = loaded.problems
    assert "tag:yaml.org,2002:python/object/apply:os.system" in problem.message
    assert (problem.line, problem.col) == (1, 5)
    assert not marker.exists()


def test_custom_tag_is_refused():
    [problem] = parse("title: !shout hello\n", "f.yml").problems
    assert "'!shout'" in problem.message and "tags are not allowed" in problem.message


def test_syntax_error_names_line_and_column():
    loaded = parse("id: a\ntitle: \"unclosed\nminutes: 3\n", "bad.yml")
    assert loaded.root is None
    [problem] = loaded.problems
    assert problem.path == "bad.yml"
    assert problem.message.startswith("YAML syntax error: ")
    assert problem.line == 4


def test_bad_indentation_is_a_located_syntax_error():
    [problem] = parse("id: a\n  title: b\n", "f.yml").problems
    # Reported where the line starts, with the hint to line it up (it was at the colon, 2:8).
    assert (problem.line, problem.col) == (2, 3)
    assert "mapping values are not allowed" in problem.message
    assert problem.message.endswith("Line it up with 'id' on line 1: start it at the beginning "
                                    "of the line: title: b")


def test_empty_file_and_comment_only_file_are_refused():
    for text in ("", "   \n", "# just a comment\n"):
        [problem] = parse(text, "f.yml").problems
        assert problem.message.startswith("the file is empty")


def test_second_document_is_refused():
    [problem] = parse("id: a\n---\nid: b\n", "f.yml").problems
    assert problem.line == 3 and "second YAML document" in problem.message


def test_merge_keys_are_refused():
    loaded = parse("base: &b {x: 1}\nother:\n  <<: *b\n", "f.yml")
    assert any("merge key" in p.message and p.line == 3 for p in loaded.problems)


def test_alias_bomb_is_capped_quickly():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 9):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 10)}]")
    [problem] = parse("\n".join(lines) + "\n", "bomb.yml").problems
    # Reported where the expansion passes the cap: inside the anchor every alias repeats.
    assert str(problem) == ("bomb.yml:1:40: the document has more than 50,000 values (aliases "
                            "may expand it); expected a small exercise file")


def test_self_referencing_alias_is_capped():
    [problem] = parse("a: &a [*a]\n", "f.yml").problems
    assert str(problem) == ("f.yml:1:4: the document nests deeper than 40 levels; expected an "
                            "exercise a few levels deep")


def test_invalid_utf8_names_the_byte_and_its_place(tmp_path: Path):
    file = tmp_path / "latin.yml"
    file.write_bytes(b"id: a\ntitle: caf\xe9\n")
    loaded = load_file(file, "latin.yml")
    [problem] = loaded.problems
    assert (problem.line, problem.col) == (2, 11)
    assert "0xe9" in problem.message and "UTF-8" in problem.message


def test_oversized_file_is_refused_before_parsing(tmp_path: Path):
    file = tmp_path / "big.yml"
    file.write_text("title: " + "x" * 300_000 + "\n")
    [problem] = load_file(file, "big.yml").problems
    assert "expected at most 262,144 bytes" in problem.message


def test_thousands_of_nested_brackets_are_refused_with_a_message():
    [problem] = parse("a: " + "[" * 5000 + "]" * 5000 + "\n", "deep.yml").problems
    assert str(problem) == ("deep.yml:1:44: the document nests deeper than 40 levels; "
                            "expected an exercise a few levels deep")


SYNTAX = "YAML syntax error: {}; check the indentation, colons and quotes here. {}"


@pytest.mark.parametrize("text, where, error, hint", [
    ("id: a\nquestions:\n  - id: q\n    prompt: Why? Because: it matters\n", (4, 25),
     "mapping values are not allowed in this context",
     'A colon followed by a space starts a new key, so put the text in quotes: '
     'prompt: "Why? Because: it matters"'),
    ('id: a\ntitle: "Long day" she said\n', (2, 19),
     "did not find expected key while parsing a block mapping",
     "Text that starts with a quote must end with it, so put the whole text in quotes: "
     "title: '\"Long day\" she said'"),
    ("id: a\ndiscussion:\n  - 'Long day' she's said\n", (3, 16),
     "did not find expected '-' indicator while parsing a block collection",
     "Text that starts with a quote must end with it, so put the whole text in quotes: "
     "- \"'Long day' she's said\""),
    ("id: a\nquestions:\n\t- id: q\n", (3, 1),
     "found character that cannot start any token while scanning for the next token",
     "YAML does not allow tabs for indenting, so use spaces: start the line with 2 spaces, "
     "then - id: q"),
    ("questions:\n  - id: q\n     kind: single\n", (3, 6),
     "mapping values are not allowed in this context",
     "Line it up with 'id' on line 2: start it with 4 spaces, then kind: single"),
    ("questions:\n  - id: q\n    options:\n      - text: a\n        feedback: b\n   note: x\n",
     (6, 4), "did not find expected '-' indicator while parsing a block collection",
     "Line it up with 'options' on line 3: start it with 4 spaces, then note: x"),
    ("questions:\n  - id: q\n   kind: single\n", (3, 4),
     "did not find expected '-' indicator while parsing a block collection",
     "Line it up with 'id' on line 2: start it with 4 spaces, then kind: single"),
    ("questions:\n  - id: q\n    options:\n      -text: hi\n        feedback: x\n", (4, 7),
     "mapping values are not allowed in this context",
     "A list item needs a space after its dash: - text: hi"),
    ("id: a\ntitle:Hello\nsummary: x\n", (2, 6),
     "could not find expected ':' while scanning a simple key",
     "A key needs a space after its colon: title: Hello"),
    ("id: a\nquestions:\n  - id:q\n    kind: x\n", (3, 7),
     "mapping values are not allowed in this context",
     "A key needs a space after its colon: - id: q"),
])
def test_common_syntax_mistakes_get_a_plain_hint_with_the_corrected_line(text, where, error, hint):
    [problem] = parse(text, "f.yml").problems
    assert (problem.line, problem.col) == where
    assert problem.message == SYNTAX.format(error, hint)


def test_a_hash_after_plain_text_is_refused_with_the_quoted_line():
    [problem] = parse("id: a\ntitle: Sam #1 fan\n", "f.yml").problems
    assert str(problem) == ("f.yml:2:12: the text stops before ' #', because YAML reads the rest "
                            "of the line as a comment, so put the text in quotes if the '#' "
                            "belongs to it: title: \"Sam #1 fan\" (or move a note to its own line)")
    assert parse("id: a\ntitle: 'Sam #1 fan'\nminutes: 3 # about\n", "f.yml").problems == []


def test_a_list_item_without_a_space_after_its_dash_is_refused():
    [problem] = parse("questions:\n  -id: q\n", "f.yml").problems
    assert str(problem) == ("f.yml:2:3: found the key '-id'; a list item needs a space after its "
                            "dash: - id: q")


def test_a_long_line_is_shown_shortened_in_a_hint():
    [problem] = parse("prompt: Why? Because: " + "word " * 60 + "\n", "f.yml").problems
    assert len(problem.message) < 300 and problem.message.endswith("…")


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200e", "\u061c", "\u200b", "\u2060",
                                  "\ufeff"])
def test_invisible_characters_are_refused_where_they_are(char: str):
    [problem] = parse(f"id: a\ntitle: Tiny{char}bids\n", "f.yml").problems
    assert (problem.line, problem.col) == (2, 12)
    assert problem.message.startswith(f"found the invisible character U+{ord(char):04X} (")
    assert char not in str(problem)


def test_a_bidi_control_in_a_comment_is_refused_too():
    [problem] = parse("id: a # \u202eevil\n", "f.yml").problems
    assert (problem.line, problem.col) == (1, 9) and "U+202E" in problem.message


def test_a_byte_order_mark_at_the_start_is_allowed():
    assert parse("\ufeffid: a\n", "f.yml").problems == []


def test_messages_stay_short_and_show_hidden_characters():
    from generator.problems import MAX_MESSAGE, Problem
    problem = Problem("f.yml", 1, 1, "found '" + "x" * 2000 + "\u200b'")
    assert len(problem.message) == MAX_MESSAGE and problem.message.endswith("…")
    assert "\u200b" not in Problem("f.yml", 1, 1, "a\u200bb").message
    assert Problem("f.yml", 1, 1, "a\u200bb").message == "a[U+200B]b"
