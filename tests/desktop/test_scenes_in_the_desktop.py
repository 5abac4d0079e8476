"""Scenes the analyst can trust, in the real QGIS desktop with the plugin installed from its zip.

Two metadata-free images of one name in two folders get two scenes with the dates given through the
real prompt; OK pressed as the prompt opened dates nothing; a cancel logs nothing; correcting a scene's
date with the real dialog moves its heaps in the series. The data folder chosen from the dock refuses
a read-only folder when it is chosen. One web basemap measured in two QGIS sessions carries both dates.
Everything is read back with sqlite3 from outside QGIS.
"""
import json
import os
import sqlite3
import stat

import numpy as np
import pytest
from osgeo import gdal, osr

from tests.helpers.desktop import build_plugin_zip, run_probe

ORIGIN = (605_700.0, 4_675_900.0)
DAYS = [(2024, 3, 1, 2, 0), (2024, 3, 9, 2, 15)]


def _pier_tif(path, seed):
    """A metadata-free GeoTIFF near Rason (UTM 52N): grey yard, dark patches; its content set by ``seed``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 800, 600, 1, gdal.GDT_Byte)
    dataset.SetGeoTransform((ORIGIN[0], 0.5, 0.0, ORIGIN[1], 0.0, -0.5))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32652)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(np.random.default_rng(seed).integers(60, 200, (600, 800), dtype=np.uint8))
    dataset = None
    return str(path)


def _rows(gpkg, sql):
    connection = sqlite3.connect(str(gpkg))
    connection.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in connection.execute(sql)]
    finally:
        connection.close()


@pytest.fixture(scope="module")
def files_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("scenes")
    folder = work / "project"
    folder.mkdir()
    images = [_pier_tif(folder / "delivery_a" / "pier.tif", 1), _pier_tif(folder / "delivery_b" / "pier.tif", 2)]
    locked = work / "archive"
    locked.mkdir()
    os.chmod(locked, stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = run_probe("scenes_probe.py", work / "profiles", env={
            "CM_MODE": "files", "CM_ZIP": str(build_plugin_zip(work)), "CM_PROJECT": str(folder / "scenes.qgz"),
            "CM_IMAGES": json.dumps([[path, day] for path, day in zip(images, DAYS)]),
            "CM_LOCKED_FOLDER": str(locked), "CM_DATA_FOLDER": str(folder / "port_logs")}, timeout_s=300)
    finally:
        os.chmod(locked, stat.S_IRWXU)
    assert "error" not in result, result["error"] + result["_qgis_output"]
    return folder, locked, result


def test_a_read_only_data_folder_is_refused_when_chosen(files_run):
    folder, locked, result = files_run
    refused = result["folder_refused"]
    said = refused["result_label"] + " ".join(refused["messages"])
    assert str(locked) in said and "read-only" in said
    assert result["folder_taken"]["entry"] == "port_logs"  # relative to the project
    assert result["port_file"] == str(folder / "port_logs" / "rason.gpkg")
    assert list(locked.iterdir()) == []


def test_the_prompt_accepted_as_opened_dates_nothing_and_a_cancel_logs_nothing(files_run):
    _, _, result = files_run
    for image in result["images"]:
        cancelled = image["cancelled"]
        assert cancelled["has_date_edit"] and "UTC" in cancelled["texts_opened"]
        assert cancelled["open_after_ok_as_opened"]  # OK as it opened: refused, the dialog stays
        assert cancelled["heaps_after_cancel"] == []
        assert image["dated"]["open_after_ok"] is False and len(image["heaps"]) == 1


def test_two_images_of_one_name_are_two_scenes_with_their_own_dates(files_run):
    folder, _, result = files_run
    gpkg = folder / "port_logs" / "rason.gpkg"
    scenes = _rows(gpkg, "SELECT scene_id, acquired_utc, raster_path FROM scenes ORDER BY fid")
    assert len(scenes) == 2 and scenes[0]["scene_id"] != scenes[1]["scene_id"]
    assert [s["scene_id"] for s in scenes] == [image["scene_id"] for image in result["images"]]
    assert all(s["scene_id"].startswith("pier (") for s in scenes)
    assert scenes[0]["acquired_utc"].startswith("2024-03-01T02:00")
    heaps = _rows(gpkg, "SELECT scene_id, observed_utc FROM heaps ORDER BY fid")
    assert [h["scene_id"] for h in heaps] == [s["scene_id"] for s in scenes]


def test_a_corrected_scene_date_moves_its_heaps_in_the_series(files_run):
    folder, _, result = files_run
    gpkg = folder / "port_logs" / "rason.gpkg"
    assert "2024-03-11 02:30" in result["corrected"]["scene_label"]
    days = _rows(gpkg, "SELECT substr(observed_utc, 1, 10) AS day, count(*) AS n FROM heaps GROUP BY day ORDER BY day")
    assert [(d["day"], d["n"]) for d in days] == [("2024-03-01", 1), ("2024-03-11", 1)]
    (second,) = _rows(gpkg, "SELECT acquired_utc FROM scenes WHERE fid = 2")
    assert second["acquired_utc"].startswith("2024-03-11T02:30")


@pytest.fixture(scope="module")
def web_runs(tmp_path_factory):
    work = tmp_path_factory.mktemp("web")
    folder = work / "project"
    (folder / "tiles").mkdir(parents=True)
    xyz = f"type=xyz&url=file://{folder / 'tiles'}/{{z}}/{{x}}/{{y}}.png&zmax=19&zmin=0"
    env = {"CM_ZIP": str(build_plugin_zip(work)), "CM_PROJECT": str(folder / "web.qgz"), "CM_XYZ": xyz}
    first = run_probe("scenes_probe.py", work / "profiles", env=dict(env, CM_MODE="web1"), timeout_s=300)
    assert "error" not in first, first["error"] + first["_qgis_output"]
    second = run_probe("scenes_probe.py", work / "profiles", env=dict(env, CM_MODE="web2"), timeout_s=300,
                       project=folder / "web.qgz")
    assert "error" not in second, second["error"] + second["_qgis_output"]
    return folder, first, second


def test_one_basemap_measured_in_two_sessions_carries_both_dates(web_runs):
    folder, first, second = web_runs
    assert "capture date is asked" in first["scene_label_before"]
    assert first["asked"]["credit_offered"] == "Imagery © Example Maps"
    assert "2025-04-18" in second["asked"]["texts_opened"]  # the previous date, offered to confirm
    gpkg = folder / "coal_monitor_data" / "rason.gpkg"
    scenes = _rows(gpkg, "SELECT scene_id, acquired_utc, gsd_m, source FROM scenes ORDER BY acquired_utc")
    assert [s["acquired_utc"][:16] for s in scenes] == ["2025-04-18T02:10", "2025-05-30T02:05"]
    assert all(s["gsd_m"] is None for s in scenes)  # a basemap's resolution is never invented
    assert "Example Maps" in scenes[0]["source"]
    heaps = _rows(gpkg, "SELECT scene_id, substr(observed_utc, 1, 10) AS day FROM heaps ORDER BY fid")
    assert [h["day"] for h in heaps] == ["2025-04-18", "2025-05-30"]
    assert [h["scene_id"] for h in heaps] == [first["scene_id"], second["scene_id"]]
