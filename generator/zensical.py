"""The Zensical adapter: stage the planned site as a plain project, build it, finish the runtime.

Zensical (Material for MkDocs' successor) runs no third-party plugins yet, so the plan is written
out instead: the guide pages with their blocks filled, every generated page and file, and a
copy of mkdocs.yml with the menu expanded and only what Zensical reads. It runs as its own
program (`zensical build`), from its own environment; nothing here imports it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .offline import finish_site
from .problems import Problem
from .publish import replace_folder
from .site import (INDEX_PAGE_PATH, PageSource, Plan, Settings, expand_menu, plan_site,
                   runtime_settings)

# Material's Python names in mkdocs.yml, and what Zensical calls them.
_RENAMES = {"material.extensions": "zensical.extensions"}


class _MkDocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's tags as plain values: !ENV from the environment, !relative as the
    project folder, !!python/name as the dotted name Zensical resolves itself."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names = ([loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode)
             else [loader.construct_scalar(child) for child in node.value[:-1]])
    default = None if isinstance(node, yaml.ScalarNode) else loader.construct_object(node.value[-1])
    return next((os.environ[name] for name in names if name in os.environ), default)


_MkDocsLoader.add_constructor("!ENV", _env)
_MkDocsLoader.add_constructor("!relative", lambda loader, node: "$config_dir")
_MkDocsLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)


def read_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data, its tags resolved (see _MkDocsLoader)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_MkDocsLoader) or {}


def _rename(value: Any, root: Path) -> Any:
    if isinstance(value, dict):
        return {key: _rename(item, root) for key, item in value.items()}
    if isinstance(value, list):
        return [_rename(item, root) for item in value]
    if isinstance(value, str):
        if value == "$config_dir":
            return str(root)
        for old, new in _RENAMES.items():
            value = value.replace(old, new)
    return value


def staged_config(config: dict[str, Any], plan: Plan, root: Path) -> dict[str, Any]:
    """The project's configuration for Zensical: its plugins, menu and paths made explicit."""
    staged = _rename(config, root)
    staged["docs_dir"] = "docs"
    staged["site_dir"] = "site"
    staged["plugins"] = [plugin for plugin in staged.get("plugins", [])
                         if not (isinstance(plugin, dict) and "small-moments" in plugin)
                         and plugin != "small-moments"]
    theme = staged.setdefault("theme", {})
    theme["custom_dir"] = str(root / theme.get("custom_dir", "theme_overrides"))
    theme["variant"] = "classic"
    staged.pop("watch", None)
    # What the MkDocs plugin puts in config.extra for main.html: the runtime's limits and id
    # pattern (without them the runtime takes no id from a link or from storage as valid).
    staged["extra"] = {**(staged.get("extra") or {}), "small_moments": runtime_settings()}
    if isinstance(staged.get("nav"), list):
        expand_menu(staged["nav"], INDEX_PAGE_PATH,
                     [{title: path} for title, path in plan.menu])
    return staged


def stage(plan: Plan, config: dict[str, Any], root: Path, folder: Path) -> None:
    """Write the planned site into `folder` as a project Zensical builds as it is."""
    docs = folder / "docs"
    content = root / config.get("docs_dir", "docs")
    for page in plan.guide:
        target = docs / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(plan.fill((content / page).read_text(encoding="utf-8")),
                          encoding="utf-8")
    for source in content.rglob("*"):
        if source.is_file() and source.suffix != ".md":
            target = docs / source.relative_to(content)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    for output in plan.outputs:
        target = docs / output.path
        target.parent.mkdir(parents=True, exist_ok=True)
        rendered = output.render()
        target.write_text(rendered.text if isinstance(rendered, PageSource) else rendered,
                          encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        yaml.safe_dump(staged_config(config, plan, root), sort_keys=False, allow_unicode=True),
        encoding="utf-8")


def build(root: Path, site: Path, zensical: str = "zensical") -> tuple[list[Problem], str]:
    """Plan, stage and build the site with Zensical into `site`; (problems, Zensical's output).

    The build happens in a fresh folder and replaces `site` only when it succeeded."""
    config = read_config(root / "mkdocs.yml")
    extra = config.get("extra") or {}
    options = next((plugin["small-moments"] for plugin in config.get("plugins", [])
                    if isinstance(plugin, dict) and "small-moments" in plugin), {}) or {}
    settings = Settings(root=root, content=config.get("docs_dir", "docs"),
                        public_url=options.get("public_url") or "",
                        quick_exit_name=(extra.get("quick_exit") or {}).get("name"))
    plan = plan_site(settings)
    if not plan.ok:
        return plan.problems, ""
    with tempfile.TemporaryDirectory(prefix="small-moments-zensical-") as scratch:
        folder = Path(scratch)
        stage(plan, config, root, folder)
        result = subprocess.run([zensical, "build", "-f", str(folder / "mkdocs.yml")],
                                cwd=folder, capture_output=True, text=True, timeout=900)
        output = result.stdout + result.stderr
        built = folder / "site"
        if result.returncode != 0 or not (built / "index.html").is_file():
            return [Problem("mkdocs.yml", 1, 1, "Zensical could not build the site; its "
                            "output is above")], output
        finish_site(built, config)
        replace_folder(built, site)
    return [], output
