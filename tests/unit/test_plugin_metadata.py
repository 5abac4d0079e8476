"""metadata.txt has what the QGIS plugin repository requires, and points at real files."""
import configparser
import re
from pathlib import Path

import pytest

from coal_monitor.resources import PACKAGE_DIR, metadata_path, resource_path

REQUIRED = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository")
OPTIONAL_EXPECTED = ("tracker", "homepage", "tags", "category", "icon", "experimental", "changelog",
                     "hasProcessingProvider")


@pytest.fixture(scope="module")
def general():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(metadata_path(), encoding="utf-8")
    return parser["general"]


@pytest.mark.parametrize("key", REQUIRED + OPTIONAL_EXPECTED)
def test_key_present_and_not_empty(general, key):
    assert key in general, f"metadata.txt lacks '{key}'"
    assert general[key].strip(), f"metadata.txt has an empty '{key}'"


def test_minimum_version_is_322(general):
    assert general["qgisMinimumVersion"] == "3.22"


def test_version_is_semantic(general):
    assert re.fullmatch(r"\d+\.\d+\.\d+", general["version"])


def test_icon_exists_relative_to_plugin_folder(general):
    icon = general["icon"]
    assert icon.startswith("resources/")
    assert Path(resource_path(icon[len("resources/"):])).is_file()


def test_processing_provider_declared_and_present(general):
    assert general["hasProcessingProvider"] == "yes"
    assert (PACKAGE_DIR / "processing" / "provider.py").is_file()


def test_about_is_a_real_paragraph(general):
    assert len(general["about"]) > 200


def test_maximum_version_admits_qgis_4(general):
    # Since QGIS 4.0 the installer no longer reads a missing or 3.x maximum as "any 4.x" (QGIS PR #65146).
    major, minor = (int(part) for part in general["qgisMaximumVersion"].split("."))
    assert (major, minor) == (4, 99)


def test_declares_qt6_support(general):
    # Read by Qt6 builds of 3.40/3.44; QGIS 4 ignores it.
    assert general["supportsQt6"] == "True"


def test_changelog_starts_with_this_version(general):
    entries = [line.strip() for line in general["changelog"].splitlines() if line.strip()]
    assert entries[0].split()[0] == general["version"]
    assert len(entries[0].split()) > 3, "the newest changelog entry says what changed"
    assert len(entries) == len({entry.split()[0] for entry in entries}), "one entry per version"
