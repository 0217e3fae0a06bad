"""The installable site's build step (generator/offline.py): the file list, its version, the
manifest, and that both engines' adapters hand it their configuration."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from generator import offline, zensical
from generator.assets import RUNTIME_DIR
from helpers import REPO

THEME_RUNTIME = REPO / "theme_overrides" / "assets" / "small-moments"


def fake_site(root: Path) -> Path:
    """A built site as an engine leaves it: pages, Material's files, our runtime copied."""
    site = root / "site"
    shutil.copytree(THEME_RUNTIME, site / RUNTIME_DIR)
    for page in ("index.html", "bids.html", "practices/repair.html", "404.html"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(f"<title>{page}</title>")
    for other in ("sitemap.xml", "sitemap.xml.gz", "urls.txt", "assets/javascripts/bundle.min.js",
                  "assets/javascripts/bundle.min.js.map", "assets/javascripts/lunr/min/lunr.de.min.js"):
        (site / other).parent.mkdir(parents=True, exist_ok=True)
        (site / other).write_text("x")
    return site


def listed(site: Path) -> dict:
    text = (site / offline.WORKER).read_text()
    return json.loads(re.search(r"self\.SM_OFFLINE = (\{.*?\});\n", text).group(1))


def test_the_worker_lists_every_page_and_file_a_reader_needs_and_not_the_rest(tmp_path):
    site = fake_site(tmp_path)
    offline.finish_site(site, zensical.read_config(REPO / "mkdocs.yml"))
    paths = {path for path, _hash in listed(site)["files"]}
    assert {"index.html", "bids.html", "practices/repair.html", "404.html", "sitemap.xml",
            offline.MANIFEST, "assets/javascripts/bundle.min.js",
            "assets/small-moments/bundle.js", "assets/small-moments/offline.js",
            offline.WORKER_CODE, f"{offline.ICONS}/icon-192.png"} <= paths
    assert not paths & {"sw.js", "sitemap.xml.gz", "urls.txt", "assets/javascripts/bundle.min.js.map",
                        "assets/javascripts/lunr/min/lunr.de.min.js"}
    assert f'importScripts("{offline.WORKER_CODE}")' in (site / offline.WORKER).read_text()


def test_the_version_changes_with_any_byte_and_only_then(tmp_path):
    site = fake_site(tmp_path)
    config = zensical.read_config(REPO / "mkdocs.yml")
    first = offline.write_offline_app(site, config)
    assert offline.write_offline_app(site, config) == first
    (site / "bids.html").write_text("<title>bids, rewritten</title>")
    assert offline.write_offline_app(site, config) != first
    assert listed(site)["version"] == offline.write_offline_app(site, config)


def test_the_manifest_is_relative_and_names_icons_the_theme_ships(tmp_path):
    manifest = offline.app_manifest(zensical.read_config(REPO / "mkdocs.yml"))
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("./", "./", "standalone")
    assert manifest["name"] == "Small Moments" and manifest["theme_color"].startswith("#")
    assert {icon["purpose"] for icon in manifest["icons"]} == {"any", "maskable"}
    for icon in manifest["icons"]:
        assert not icon["src"].startswith(("/", "http"))
        assert (REPO / "theme_overrides" / Path(icon["src"])).is_file(), icon["src"]


def test_both_adapters_finish_the_site_with_the_same_step():
    for adapter in ("plugin.py", "zensical.py"):
        text = (REPO / "generator" / adapter).read_text()
        assert "finish_site(" in text and "finish_runtime(" not in text, adapter


def test_a_built_site_lists_every_file_it_holds_search_index_script_included(tmp_path):
    from helpers import VALID, make_project, mkdocs_build

    make_project(tmp_path, {"tiny-bids.yml": VALID})
    built = mkdocs_build(tmp_path, "-q")
    assert built.returncode == 0, built.stderr[-3000:]
    site = tmp_path / "site"
    on_disk = {file.relative_to(site).as_posix() for file in site.rglob("*") if file.is_file()}
    # Material's offline plugin writes search/search_index.js last of all the other plugins.
    assert "search/search_index.js" in on_disk
    assert {path for path, _hash in listed(site)["files"]} == {
        path for path in on_disk if offline.kept_offline(path)}
