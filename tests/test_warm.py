"""Under `mkdocs serve`, each rebuild's new theme reuses what the last one compiled and listed,
and still sees every change to the theme's templates and files (generator/warm.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.theme import Theme

from generator.warm import WarmTheme


def _theme(custom: Path, warm: WarmTheme) -> Theme:
    """A new build's Material theme with `custom` as its custom_dir, adopted by `warm`."""
    theme = Theme(name="material", custom_dir=str(custom))
    warm.adopt(theme)
    return theme


def _compiles(env, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates `env` compiles from now on."""
    names: list[str] = []
    compile_ = env.compile

    def counting(source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return compile_(source, name, filename, raw, defer_init)

    monkeypatch.setattr(env, "compile", counting)
    return names


def test_a_rebuild_does_not_compile_an_unchanged_template_again(tmp_path, monkeypatch):
    (tmp_path / "main.html").write_text('{% extends "base.html" %}\n')
    warm = WarmTheme()
    first = _theme(tmp_path, warm).get_env()
    compiled = _compiles(first, monkeypatch)
    first.get_template("main.html")
    assert compiled == ["main.html"]
    second = _theme(tmp_path, warm).get_env()
    compiled = _compiles(second, monkeypatch)
    second.get_template("main.html")
    assert compiled == []


def test_a_template_edited_between_rebuilds_is_compiled_again(tmp_path, monkeypatch):
    page = tmp_path / "note.html"
    page.write_text("Old {{ 1 + 1 }}\n")
    warm = WarmTheme()
    assert _theme(tmp_path, warm).get_env().get_template("note.html").render() == "Old 2"
    page.write_text("New {{ 2 + 2 }}\n")
    env = _theme(tmp_path, warm).get_env()
    compiled = _compiles(env, monkeypatch)
    assert env.get_template("note.html").render() == "New 4"
    assert compiled == ["note.html"]


def test_a_theme_file_added_between_rebuilds_is_listed(tmp_path):
    warm = WarmTheme()
    first = _theme(tmp_path, warm).get_env().list_templates()
    assert "assets/extra.css" not in first
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "extra.css").write_text("p {}\n")
    again = _theme(tmp_path, warm).get_env().list_templates()
    assert "assets/extra.css" in again
    (tmp_path / "assets" / "extra.css").unlink()
    assert "assets/extra.css" not in _theme(tmp_path, warm).get_env().list_templates()


def test_the_kept_list_is_the_theme_s_own(tmp_path):
    (tmp_path / "main.html").write_text("x\n")
    warm = WarmTheme()
    _theme(tmp_path, warm).get_env().list_templates()
    own = Theme(name="material", custom_dir=str(tmp_path)).get_env().list_templates()
    assert _theme(tmp_path, warm).get_env().list_templates() == own
    assert len(own) > 1000  # Material's icons are in it: the list is worth keeping
