"""In the real QGIS desktop, started in German: typed decimals are right and our keys delete nothing.

A fresh profile whose QGIS settings say locale de_DE (override on): "4.5" and "4,5" typed into the dock's
height are 4.5 m (Qt's spin box made 45 m of "4.5" in German). Then a heaps layer of a real port
GeoPackage is active, editable and has a feature selected: Backspace and Delete pressed on the canvas
while the plugin's drawing, shadow or location tool is armed leave the feature alone; the same key with
QGIS's Pan tool deletes it, so the probe would have seen a deletion.
"""
import pytest

from tests.helpers.desktop import REPO_ROOT, build_plugin_zip, run_probe
from tests.helpers.trend_ports import make_port_file

SAMPLE = REPO_ROOT / "resources" / "samples" / "rason_20250418"
GERMAN_SETTINGS = "[locale]\nuserLocale=de_DE\nglobalLocale=de_DE\noverrideFlag=true\n"
PROFILE = "coal_monitor_test"


@pytest.fixture(scope="module")
def german_qgis(tmp_path_factory):
    work = tmp_path_factory.mktemp("keys")
    profiles = work / "profiles"
    settings = profiles / "profiles" / PROFILE / "QGIS" / "QGIS3.ini"  # QGIS keeps them in <path>/profiles
    settings.parent.mkdir(parents=True)
    settings.write_text(GERMAN_SETTINGS)
    (work / "port").mkdir()
    heaps = make_port_file(work / "port", with_raster=False)
    result = run_probe("keys_probe.py", profiles, profile=PROFILE, env={
        "CM_ZIP": str(build_plugin_zip(work)), "CM_RASTER": str(SAMPLE / "rason_20250418.tif"),
        "CM_HEAPS": str(heaps)})
    assert "error" not in result, result["error"] + result["_qgis_output"]
    return result


def test_qgis_runs_in_the_german_locale(german_qgis):
    assert german_qgis["locale"] == "de_DE" and german_qgis["decimal_point"] == ","


def test_typed_heights_take_either_decimal_mark(german_qgis):
    assert german_qgis["height_typed"] == {"4.5": 4.5, "4,5": 4.5, "12,5": 12.5}
    assert german_qgis["sigma_typed"] == {"0.5": 0.5, "0,5": 0.5}
    assert german_qgis["height_shown"] == "12,5 m" and german_qgis["form_height_m"] == 12.5


def test_backspace_and_delete_in_our_tools_keep_the_selected_heap(german_qgis):
    result = german_qgis
    assert result["editing"] and result["selected"] and result["active_is_heaps"]
    assert result["capture_armed"] and result["location_armed"]
    for tool in ("capture", "shadow", "location"):
        assert result[tool] == {"Backspace": True, "Delete": True}, (tool, result[tool])
    assert result["features_after"] == result["features_before"]
    assert result["capture_corners"] == [3, 2]  # Backspace still drops the last corner


def test_the_probe_sees_qgis_delete_a_selection(german_qgis):
    assert german_qgis["control"]["Backspace"] is False or german_qgis["control"]["Delete"] is False

