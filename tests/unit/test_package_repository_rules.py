"""The built zip passes the checks plugins.qgis.org's upload validator makes before it accepts a version."""
import configparser
import re
import sys
import zipfile
from pathlib import PurePosixPath

import pytest

from tests.unit.test_package_zip import package

MAX_BYTES = 25 * 1024 * 1024  # the repository's upload limit
REQUIRED_KEYS = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = package.build(tmp_path_factory.mktemp("zip") / "coal_monitor.zip")
    with zipfile.ZipFile(path) as archive:
        yield path, archive.namelist(), {n: archive.read(n) for n in archive.namelist()}


def _top(names):
    return {PurePosixPath(n).parts[0] for n in names}


def test_one_top_folder_with_a_valid_name(built):
    _, names, _ = built
    tops = _top(names)
    assert len(tops) == 1
    assert all(n.startswith(f"{next(iter(tops))}/") for n in names), "no file beside the plugin folder"
    assert re.fullmatch(r"[A-Za-z0-9_-]+", next(iter(tops)))


def test_no_absolute_or_parent_paths(built):
    _, names, _ = built
    bad = [n for n in names if n.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", n)
           or ".." in PurePosixPath(n.replace("\\", "/")).parts]
    assert bad == []


def test_no_compiled_python(built):
    _, names, _ = built
    bad = [n for n in names if n.endswith((".pyc", ".pyo")) or "__pycache__" in n.split("/") or "__MACOSX" in n]
    assert bad == []


def test_license_in_the_plugin_folder_is_the_gpl(built):
    _, names, contents = built
    top = next(iter(_top(names)))
    assert f"{top}/LICENSE" in names
    text = contents[f"{top}/LICENSE"].decode("utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 2, June 1991" in text
    assert "any later version" in text
    assert len(text) > 15000, "the full licence text, not a pointer to it"


def test_required_metadata_in_the_zip(built):
    _, names, contents = built
    top = next(iter(_top(names)))
    meta = configparser.ConfigParser(interpolation=None)
    meta.optionxform = str
    meta.read_string(contents[f"{top}/metadata.txt"].decode("utf-8"))
    missing = [k for k in REQUIRED_KEYS if not meta["general"].get(k, "").strip()]
    assert missing == []
    assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]+", meta["general"]["email"])
    assert meta["general"]["repository"].startswith("https://")


def test_size_within_the_upload_limit(built):
    path, _, _ = built
    size = path.stat().st_size
    print(f"zip size {size / 1e6:.1f} MB of {MAX_BYTES / 1e6:.1f} MB allowed", file=sys.stderr)
    assert size <= MAX_BYTES
