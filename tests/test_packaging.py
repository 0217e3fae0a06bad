"""pyproject.toml declares every folder of the generator as a package, with its data files.

Python can import any folder, so setuptools counts generator/templates as a package: leaving it
out of `packages` prints a "Package would be ignored" warning block on every install, and a
future setuptools would stop shipping the templates. (Checked by hand with a fresh venv:
`pip install -v -e .` prints no such block, and `pip install . --target DIR` ships every .j2.)"""

from __future__ import annotations

import fnmatch
import tomllib

from helpers import REPO

SETUPTOOLS = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
GENERATOR = REPO / "generator"


def folders() -> list[str]:
    found = [GENERATOR] + [path for path in GENERATOR.rglob("*")
                           if path.is_dir() and path.name != "__pycache__"]
    return [".".join(path.relative_to(REPO).parts) for path in found]


def test_every_folder_of_the_generator_is_a_declared_package():
    find = SETUPTOOLS["packages"]["find"]
    assert find.get("namespaces", True)
    for package in folders():
        assert any(fnmatch.fnmatchcase(package, pattern) for pattern in find["include"]), package


def test_every_data_file_is_declared_as_data_of_its_own_package():
    data = SETUPTOOLS["package-data"]
    for file in GENERATOR.rglob("*"):
        if not file.is_file() or file.suffix in (".py", ".pyc"):
            continue
        package = ".".join(file.parent.relative_to(REPO).parts)
        assert any(fnmatch.fnmatchcase(file.name, pattern) for pattern in data.get(package, [])), \
            f"{file.relative_to(REPO)} is not package data of {package}"


def test_the_packages_map_to_the_top_of_the_checkout_so_an_editable_install_prints_no_block():
    # Without this mapping setuptools 80 installs editably through an import finder, whose
    # "Editable installation ... be careful with folders" block every `make` setup printed.
    # (Checked by hand on a fresh clone: `make site` prints no such block.)
    assert SETUPTOOLS["package-dir"] == {"": "."}
