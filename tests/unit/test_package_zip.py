"""`make package` builds a zip that QGIS's "Install from ZIP" accepts: one plugin folder, no tests."""
import configparser
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))
import package  # noqa: E402

sys.path.pop(0)


def test_zip_holds_one_plugin_folder_with_metadata_icon_and_resources(tmp_path):
    built = package.build(tmp_path / "coal_monitor.zip")
    names = zipfile.ZipFile(built).namelist()
    assert {n.split("/")[0] for n in names} == {"coal_monitor"}
    assert "coal_monitor/metadata.txt" in names
    assert "coal_monitor/__init__.py" in names
    meta = configparser.ConfigParser(interpolation=None)
    meta.read_string(zipfile.ZipFile(built).read("coal_monitor/metadata.txt").decode())
    assert f"coal_monitor/{meta['general']['icon']}" in names
    assert not [n for n in names if "/tests/" in n or "__pycache__" in n or n.endswith(".pyc")]


def test_zip_is_reproducible(tmp_path):
    first = package.build(tmp_path / "a.zip").read_bytes()
    second = package.build(tmp_path / "b.zip").read_bytes()
    assert first == second


def test_installed_plugin_finds_its_resources_inside_its_own_folder(tmp_path):
    import subprocess

    built = package.build(tmp_path / "coal_monitor.zip")
    plugins = tmp_path / "plugins"
    zipfile.ZipFile(built).extractall(plugins)
    code = ("from coal_monitor.resources import resource_path, metadata_path; "
            "print(resource_path('icons/coal_monitor.svg')); print(metadata_path())")
    out = subprocess.run([sys.executable, "-c", code], cwd=plugins, capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(plugins)}).stdout.split()
    plugin_dir = plugins / "coal_monitor"
    assert out == [str(plugin_dir / "resources" / "icons" / "coal_monitor.svg"), str(plugin_dir / "metadata.txt")]
