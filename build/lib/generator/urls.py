"""Permanent links: the site's public addresses, the published set, and declared redirects."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .address import exercise_page_path, href, page_address
from .load import Mapping, Scalar, load_file
from .model import Exercise
from .problems import Problem

_ADDRESS = re.compile(r"^(?:[a-z0-9][a-z0-9_.-]*/)*[a-z0-9][a-z0-9_-]*\.html(?:#[A-Za-z0-9_-]+)?$")


def public_urls(pages: Iterable[str], exercises: Iterable[Exercise]) -> list[str]:
    """Every public address: each page, and each question's anchor on its exercise page."""
    urls = {page_address(page) for page in pages}
    for exercise in exercises:
        page = page_address(exercise_page_path(exercise.id))
        urls.add(page)
        urls.update(f"{page}#{question.id}" for question in exercise.questions)
    return sorted(urls)


def manifest(urls: Iterable[str]) -> str:
    """The manifest file's text: a comment, then one address per line."""
    lines = ["# Every public address of the site, relative to its root. The committed copy,",
             "# published-urls.txt, is the published set: a build fails if one would vanish.",
             "# Update it with: python -m generator urls > published-urls.txt"]
    return "\n".join([*lines, *urls]) + "\n"


def read_published(file: Path, display: str) -> tuple[dict[str, int], list[Problem]]:
    """The published addresses with their line numbers; problems for lines that are not one."""
    published: dict[str, int] = {}
    problems = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        address = line.strip()
        if not address or address.startswith("#"):
            continue
        if not _ADDRESS.match(address):
            problems.append(Problem(display, number, 1, f"found '{address}'; expected an address "
                                    "such as 'exercises/tiny-bids.html' or "
                                    "'exercises/tiny-bids.html#first-question'"))
        published[address] = number
    return published, problems


@dataclass
class Redirects:
    """Old addresses and where they now lead, with where each was declared."""

    targets: dict[str, str] = field(default_factory=dict)
    lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_redirects(file: Path, display: str) -> Redirects:
    """Read `old: new` address pairs from a YAML mapping."""
    result = Redirects()
    if not file.exists():
        return result
    loaded = load_file(file, display)
    result.problems.extend(loaded.problems)
    if loaded.root is None:
        return result
    if not isinstance(loaded.root, Mapping):
        result.problems.append(Problem(display, loaded.root.line, loaded.root.col,
                                       "expected a mapping of old addresses to new ones, such "
                                       "as 'exercises/old-id.html: exercises/new-id.html'"))
        return result
    for old, key in loaded.root.keys.items():
        value = loaded.root.items.get(old)
        new = value.text if isinstance(value, Scalar) else ""
        for address, node in ((old, key), (new, value or key)):
            if not _ADDRESS.match(address):
                result.problems.append(Problem(display, node.line, node.col, f"found "
                                               f"'{address}'; expected an address such as "
                                               "'exercises/new-id.html'"))
        result.targets[old] = new
        result.lines[old] = (key.line, key.col)
    return result


def _page(address: str) -> str:
    return address.split("#", 1)[0]


def check(published: dict[str, int], published_name: str, current: set[str],
          redirects: Redirects, redirects_name: str) -> list[Problem]:
    """Problems that would break a published address or make a redirect lead nowhere."""
    problems = list(redirects.problems)
    for address, line in sorted(published.items(), key=lambda item: item[1]):
        if address in current or address in redirects.targets:
            continue
        page, _, anchor = address.partition("#")
        moved = redirects.targets.get(page)
        if anchor and moved is not None and f"{_page(moved)}#{anchor}" in current:
            continue  # the page's redirect keeps the anchor, and the new page has it
        example = (f"{page}#new-question-id" if anchor
                   else f"{page.rsplit('/', 1)[0] + '/' if '/' in page else ''}new-id.html")
        problems.append(Problem(published_name, line, 1, f"the published address '{address}' "
                                "would disappear; keep it, or say where it went in "
                                f"{redirects_name}, such as '{address}: {example}'"))
    for old, new in redirects.targets.items():
        line, col = redirects.lines[old]
        if new not in current:
            problems.append(Problem(redirects_name, line, col, f"'{old}' leads to '{new}', which "
                                    "the site does not have; expected an existing address"))
        if old in current:
            problems.append(Problem(redirects_name, line, col, f"'{old}' still exists, so it "
                                    "cannot redirect; remove this line or the page"))
        elif "#" in old and _page(old) in current and _page(new) != _page(old):
            problems.append(Problem(redirects_name, line, col, f"'{old}' is an anchor on a page "
                                    "that still exists, so it can only lead to another anchor "
                                    f"on {_page(old)}"))
    return sorted(problems)


def redirect_pages(redirects: Redirects, current: set[str]) -> dict[str, dict[str, object]]:
    """For each old page: the link to its new page and the new places of its old anchors."""
    pages: dict[str, dict[str, object]] = {}
    for old, new in sorted(redirects.targets.items()):
        if "#" not in old and old not in current:
            pages[old] = {"target": href(old, new), "anchors": {}}
    for old, new in redirects.targets.items():
        page = pages.get(_page(old))
        if "#" in old and page is not None:
            page["anchors"]["#" + old.split("#", 1)[1]] = href(_page(old), new)  # type: ignore[index]
    return pages


def anchor_aliases(redirects: Redirects, current: set[str]) -> dict[str, dict[str, list[str]]]:
    """Old question anchors kept on a page that still exists: page -> new anchor -> old ones."""
    aliases: dict[str, dict[str, list[str]]] = {}
    for old, new in redirects.targets.items():
        if "#" in old and _page(old) in current and _page(new) == _page(old):
            page = aliases.setdefault(_page(old), {})
            page.setdefault(new.split("#", 1)[1], []).append(old.split("#", 1)[1])
    return aliases


@dataclass
class LinkPlan:
    """What the build needs for permanent links: problems, the manifest, redirect pages, aliases."""

    problems: list[Problem]
    urls: list[str]
    redirects: dict[str, dict[str, object]]
    aliases: dict[str, dict[str, list[str]]]


def plan(root: Path, pages: Iterable[str], exercises: Iterable[Exercise],
         published: str = "published-urls.txt", redirects: str = "redirects.yml") -> LinkPlan:
    """Check the site's addresses against the published set in `root`; plan redirects."""
    urls = public_urls(pages, exercises)
    current = set(urls)
    declared = read_redirects(root / redirects, redirects) if redirects else Redirects()
    problems: list[Problem] = []
    if published and (root / published).is_file():
        known, problems = read_published(root / published, published)
        problems = sorted(problems + check(known, published, current, declared, redirects))
    else:
        problems = list(declared.problems)
    return LinkPlan(problems, urls, redirect_pages(declared, current),
                    anchor_aliases(declared, current))
