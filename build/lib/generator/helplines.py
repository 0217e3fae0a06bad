"""Where to find help: the helplines file, validated into the one list every page draws on."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from .load import Mapping, Node, load_file
from .problems import Problem, sort_problems
from .validator import Validator, describe

HELPLINES_FILE = "helplines.yml"
KINDS = ("emergency", "abuse", "crisis", "directory")
MAX_NAME = 80
MAX_LINE = 160
# Digits with the separators people write in phone numbers; a leading + is allowed.
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{1,22}$")
ADDRESS = re.compile(r"^https://[a-z0-9.-]+\.[a-z]{2,}(/\S*)?$", re.IGNORECASE)
TEXT_BODY = re.compile(r"^[A-Z0-9]{1,20}$")
REQUIRED = ("id", "name", "country", "kind", "hours", "source", "recheck", "checked")
OPTIONAL = ("phone", "tty", "text", "web", "for", "note", "home")


@dataclass(frozen=True)
class Number:
    """A number to call or text, as written locally and as a link target."""

    shown: str

    @property
    def dial(self) -> str:
        """The digits (and a leading +) for a tel: or sms: link."""
        return re.sub(r"[^0-9+]", "", self.shown)


@dataclass(frozen=True)
class Text:
    """A text-message line: send `body` (if any) to `to`."""

    to: Number
    body: str | None


@dataclass(frozen=True)
class Helpline:
    """One service: who it is for, how to reach it, and where its details were checked."""

    id: str
    name: str
    country: str
    kind: str
    hours: str
    source: str
    recheck: str
    checked: datetime.date
    phone: Number | None = None
    tty: Number | None = None
    text: Text | None = None
    web: str | None = None
    audience: str | None = None
    note: str | None = None
    home: bool = False


@dataclass
class Helplines:
    """The services in file order, or the problems found in the file."""

    services: list[Helpline] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Helpline]:
        """The services of one kind, in file order."""
        return [service for service in self.services if service.kind == kind]

    @property
    def on_home(self) -> list[Helpline]:
        """The services the home page's box lists."""
        return [service for service in self.services if service.home]


def _number(v: Validator, node: Mapping, key: str) -> Number | None:
    text = v.text(node, key, 24)
    if text is None:
        return None
    if not PHONE.match(text):
        v.report(node.items[key], f"found the number '{text}' for '{key}'; expected digits, "
                 "with spaces or hyphens as the service writes them, such as 0808 2000 247 "
                 "(put a short number in quotes: \"988\")")
        return None
    return Number(text)


def _address(v: Validator, node: Mapping, key: str) -> str | None:
    """A web address: https, except a source page, which may be an older http one."""
    text = v.text(node, key, 300)
    if text is None:
        return None
    secure = ADDRESS.match(text)
    if not secure and not (key == "source" and ADDRESS.match("https://" + text[7:])
                           and text.startswith("http://")):
        v.report(node.items[key], f"found '{text}' for '{key}'; expected a web address "
                 "starting with https://")
        return None
    return text


def _text_line(v: Validator, node: Mapping) -> Text | None:
    value = node.items.get("text")
    if value is None:
        return None
    inner = v.mapping(value, "'text'", ("to",), ("body",))
    if inner is None:
        return None
    to = _number(v, inner, "to")
    body = v.text(inner, "body", 20)
    if body is not None and not TEXT_BODY.match(body):
        v.report(inner.items["body"], f"found '{body}' for the text's 'body'; expected one word "
                 "in capitals, such as START")
        return None
    return Text(to, body) if to else None


def _date(v: Validator, node: Mapping) -> datetime.date | None:
    value = node.items.get("checked")
    if value is None:
        return None
    parsed = getattr(value, "value", None)
    if isinstance(parsed, datetime.date):
        return parsed
    v.report(value, f"found {describe(value)} for 'checked'; expected the date the details were "
             "checked, as YYYY-MM-DD")
    return None


def read_helplines(v: Validator, root: Node | None) -> list[Helpline]:
    """Validate the services list: every entry reachable, sourced and dated."""
    if root is None:
        return []
    top = v.mapping(root, "the helplines file", ("services",))
    if top is None:
        return []
    services: list[Helpline] = []
    seen: set[str] = set()
    for number, item in enumerate(v.sequence(top, "services", 1, 200, "services"), start=1):
        node = v.mapping(item, f"service {number}", REQUIRED, OPTIONAL)
        if node is None:
            continue
        ident = v.ident(node, "id")
        if ident in seen:
            v.report(node.items["id"], f"the id '{ident}' is used twice; expected a new id")
            ident = None
        seen.add(ident or "")
        kind = v.text(node, "kind", 20)
        if kind is not None and kind not in KINDS:
            v.report(node.items["kind"], f"found the kind '{kind}'; expected one of: "
                     f"{', '.join(KINDS)}")
            kind = None
        values = {
            "name": v.plain(node, "name", MAX_NAME), "country": v.plain(node, "country", MAX_NAME),
            "hours": v.plain(node, "hours", MAX_LINE), "source": _address(v, node, "source"),
            "recheck": _address(v, node, "recheck"), "checked": _date(v, node),
        }
        ways = {"phone": _number(v, node, "phone"), "tty": _number(v, node, "tty"),
                "text": _text_line(v, node), "web": _address(v, node, "web")}
        if not any(key in node.items for key in ("phone", "tty", "text", "web")):
            v.report(node, f"service {number} has no way to reach it; expected a 'phone', "
                     "'text' or 'web'")
            continue
        audience = v.plain(node, "for", MAX_LINE) if "for" in node.items else None
        note = v.plain(node, "note", MAX_LINE) if "note" in node.items else None
        home = v.boolean(node, "home", False)
        if ident and kind and None not in values.values():
            services.append(Helpline(ident, kind=kind, audience=audience, note=note, home=home,
                                     **values, **ways))  # type: ignore[arg-type]
    return services


def load_helplines(folder: Path, base: Path | None = None, needed_by: str = "") -> Helplines:
    """Read and validate `helplines.yml` in `folder`; missing, it gives nothing unless a page
    (`needed_by`) shows the list."""
    file = folder / HELPLINES_FILE
    display = str(file.relative_to(base)) if base else str(file)
    if not file.is_file():
        problems = [Problem(display, 1, 1, f"the helplines file is missing, but {needed_by} shows "
                            "the helplines; expected the list of services")] if needed_by else []
        return Helplines([], problems)
    loaded = load_file(file, display)
    v = Validator(display)
    services = read_helplines(v, loaded.root)
    return Helplines(services, sort_problems(loaded.problems + v.problems))
