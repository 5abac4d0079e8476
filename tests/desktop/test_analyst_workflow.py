"""The analyst's workflow in the real QGIS desktop, with the plugin installed from its zip.

First run: save an empty project, load a Rason sample image, pick port and image in the dock, trace a
heap with mouse clicks on the canvas, type 6 m, log it. The port GeoPackage is then read from outside
QGIS (sqlite3, GDAL's validator) and compared with the engine. The project folder is moved to another
absolute path and reopened twice: with the plugin (layers, style, dock restored) and in a profile
without it (a colleague's QGIS: the heaps keep their style, which comes from the GeoPackage). In every
run the heaps layer steps through dates in the Temporal Controller: its time filter keeps the heap on
the image's day and drops it a year earlier.
"""
import json
import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import defusedxml.ElementTree as ElementTree
import pytest
from shapely.geometry import Polygon

from coal_monitor.core.estimate import estimate_heap
from tests.helpers.desktop import REPO_ROOT, build_plugin_zip, run_probe
from tests.helpers.gpkg_checks import assert_sound_gpkg

SCENE = "rason_20250418"
HEAP = "H5"  # flat-topped pile with a 4-corner footprint
SAMPLE = REPO_ROOT / "resources" / "samples" / SCENE
HEIGHT_M = 6.0
RASON_CRS = "EPSG:32652"


def _utc(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _truth_corners():
    truth = json.loads((SAMPLE / f"{SCENE}_truth.geojson").read_text())
    feature = next(f for f in truth["features"] if f["properties"]["heap"] == HEAP)
    return [xy[:2] for xy in feature["geometry"]["coordinates"][0][:-1]]


def _acquired_day():
    """The image's UTC day, from the metadata sidecar delivered with it (not from QGIS or the store)."""
    sidecar = json.loads((SAMPLE / f"{SCENE}_metadata.json").read_text())
    return _utc(sidecar["properties"]["acquired"]).astimezone(timezone.utc).date().isoformat()


def _assert_steps_through_dates(result, heap_uids):
    """The heaps layer is time-aware by observed_utc: its heap shows on its day, not a year earlier."""
    (temporal,) = result["heaps_temporal"]
    assert temporal["active"] and temporal["start_field"] == "observed_utc", temporal
    assert temporal["visible_on_day"], temporal
    assert temporal["heaps_on_day"] == heap_uids, temporal
    assert temporal["heaps_year_earlier"] == [], temporal


def _qml_style():
    """The style every port file carries, read from resources/styles/heaps.qml (not from QGIS)."""
    root = ElementTree.parse(str(REPO_ROOT / "resources" / "styles" / "heaps.qml")).getroot()
    renderer = root.find("renderer-v2")
    layer = renderer.find("symbols/symbol/layer")
    options = {o.get("name"): o.get("value") for o in layer.findall("Option/Option")}
    return {"renderer": renderer.get("type"), "labels": root.get("labelsEnabled") == "1",
            "symbol_layer": layer.get("class"), "fill": options["color"], "outline": options["outline_color"],
            "outline_width": float(options["outline_width"]),
            "label_expression": root.find("labeling/settings/text-style").get("fieldName")}


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """The first QGIS run: the heap traced and logged; returns (work dir, project folder, probe result)."""
    work = tmp_path_factory.mktemp("workflow")
    plugin_zip = build_plugin_zip(work)
    folder = work / "rason_analysis"
    folder.mkdir()
    for path in SAMPLE.iterdir():  # the image with its metadata sidecar, as delivered
        if not path.name.endswith(("_dsm.tif", "_truth.geojson")):
            shutil.copy(path, folder / path.name)
    result = run_probe("workflow_probe.py", work / "profiles", env={
        "CM_MODE": "draw", "CM_DAY": _acquired_day(), "CM_ZIP": str(plugin_zip),
        "CM_PROJECT": str(folder / "rason_analysis.qgz"), "CM_RASTER": str(folder / f"{SCENE}.tif"), "CM_VERTICES": json.dumps(_truth_corners())})
    assert "error" not in result, result["error"] + result["_qgis_output"]
    return work, folder, result


@pytest.fixture(scope="module")
def moved(drawn):
    """The project folder moved elsewhere and reopened in QGIS with the plugin."""
    work, folder, _ = drawn
    target = work / "elsewhere" / "shared_copy"
    target.parent.mkdir()
    shutil.move(str(folder), str(target))
    result = run_probe("workflow_probe.py", work / "profiles", env={"CM_MODE": "reopen", "CM_DAY": _acquired_day()},
                       project=target / "rason_analysis.qgz")
    assert "error" not in result, result["error"] + result["_qgis_output"]
    return target, result


@pytest.fixture(scope="module")
def colleague(moved, tmp_path_factory):
    """The moved project opened in a fresh profile where the plugin was never installed."""
    target, _ = moved
    result = run_probe("workflow_probe.py", tmp_path_factory.mktemp("colleague") / "profiles",
                       env={"CM_MODE": "plain", "CM_DAY": _acquired_day()}, project=target / "rason_analysis.qgz")
    assert "error" not in result, result["error"] + result["_qgis_output"]
    return result


def _rows(gpkg):
    connection = sqlite3.connect(str(gpkg))
    connection.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in connection.execute("SELECT * FROM heaps ORDER BY fid")]
    finally:
        connection.close()


def test_heap_is_traced_and_logged_without_questions(drawn):
    _, folder, result = drawn
    assert result["saved_empty"] and result["raster_valid"] and result["map_tool_is_capture"]
    assert result["prompts_asked"] == []
    assert len(result["clicked_map_points"]) == 4
    assert result["height_in_form"] == HEIGHT_M
    assert len(result["heap_uids"]) == 1
    assert Path(result["port_file"]) == folder / "coal_monitor_data" / "rason.gpkg"  # beside the project
    assert any("Logged heap at Rason" in m for m in result["messages"]), result["messages"]
    assert result["saved_project"]
    for name in ("dock_screenshot", "dock_logged_screenshot", "map_screenshot"):
        assert Path(result[name]).stat().st_size > 10_000


def test_port_file_row_read_from_outside_qgis_matches_the_engine(drawn):
    _, folder, result = drawn
    gpkg = folder / "coal_monitor_data" / "rason.gpkg"
    rows = _rows(gpkg)
    assert len(rows) == 1
    row = rows[0]
    sidecar = json.loads((folder / f"{SCENE}_metadata.json").read_text())
    assert row["heap_uid"] == result["heap_uids"][0]
    assert row["height_m"] == HEIGHT_M
    assert row["scene_id"] == sidecar["id"]
    assert _utc(row["observed_utc"]) == _utc(sidecar["properties"]["acquired"])
    assert result["canvas_crs"] == RASON_CRS
    clicked = Polygon(result["clicked_map_points"])
    engine = estimate_heap(clicked, RASON_CRS, HEIGHT_M, height_sigma_m=row["height_sigma_m"], model=row["model"],
                           repose_deg=row["repose_deg"])
    assert row["model"] == "repose"  # Rason's default model, left as the dock offered it
    assert row["area_m2"] == pytest.approx(engine.area_m2, rel=1e-6)
    assert row["volume_m3"] == pytest.approx(engine.volume_m3, rel=1e-6)
    assert row["volume_m3"] == pytest.approx(result["dock_estimate"]["volume_m3"], rel=1e-9)  # shown = stored
    assert_sound_gpkg(gpkg)


def test_moved_project_reopens_with_layers_style_and_dock(drawn, moved):
    _, _, first = drawn
    target, result = moved
    assert result["plugin_loaded"]
    assert result["project_file"] == str(target / "rason_analysis.qgz")
    assert {layer["name"] for layer in result["layers"]} == {layer["name"] for layer in first["layers"]}
    for layer in result["layers"]:
        assert layer["valid"], layer
        assert layer["source"].startswith(str(target)), layer  # found at the new place, not the old one
    heaps = [layer for layer in result["layers"] if layer["role"] == "heaps"]
    assert len(heaps) == 1 and heaps[0]["features"] == 1
    assert result["heaps_style"] == [_qml_style()]
    assert result["heap_values"][0]["height_m"] == HEIGHT_M


def test_moved_project_restores_the_dock_port_scene_and_heap_list(drawn, moved):
    _, _, first = drawn
    target, result = moved
    dock = result["dock"]
    assert dock["port"] == "Rason"
    assert dock["imagery_layer"] == str(target / f"{SCENE}.tif")
    assert dock["scene_id"] == _rows(target / "coal_monitor_data" / "rason.gpkg")[0]["scene_id"]
    assert dock["heap_uids"] == first["heap_uids"]
    assert dock["port_file"] == str(target / "coal_monitor_data" / "rason.gpkg")


def test_colleague_without_the_plugin_sees_the_same_styled_heaps(moved, colleague):
    _, with_plugin = moved
    assert not colleague["plugin_loaded"]
    assert all(layer["valid"] for layer in colleague["layers"]), colleague["layers"]
    heaps = [layer for layer in colleague["layers"] if layer["role"] == "heaps"]
    assert len(heaps) == 1 and heaps[0]["features"] == 1
    assert colleague["heaps_style"] == with_plugin["heaps_style"] == [_qml_style()]
    # the style comes with the GeoPackage: the heaps added by hand to a plain QGIS get it too
    assert colleague["fresh_layer_style"] == _qml_style()


def test_heaps_step_through_dates_in_the_temporal_controller(drawn, moved, colleague):
    _, _, first = drawn
    _, reopened = moved
    for result in (first, reopened, colleague):  # added by the dock; reopened with and without the plugin
        _assert_steps_through_dates(result, first["heap_uids"])
