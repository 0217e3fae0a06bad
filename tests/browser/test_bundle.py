"""`make bundle`: the zip, unzipped anywhere, passes the quality gate's offline checks."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

from playwright.sync_api import Browser

from checks import check_offline_copy
from helpers import ENV, REPO


def test_make_bundle_unzipped_elsewhere_works_offline(browser: Browser, tmp_path: Path):
    dist = tmp_path / "dist"
    # -o: the environment running this test is the one to use; make must not rebuild it
    # mid-run (it would whenever pyproject.toml is newer than its stamp).
    result = subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", "bundle",
                             f"DIST={dist}"], cwd=REPO,
                            env=ENV, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    [archive] = dist.glob("small-moments-*.zip")
    with zipfile.ZipFile(archive) as bundle:
        names = bundle.namelist()
        assert "small-moments/index.html" in names
        assert all(name.startswith("small-moments/") for name in names)
        bundle.extractall(tmp_path / "elsewhere")
    check_offline_copy(browser, tmp_path / "elsewhere" / "small-moments")
