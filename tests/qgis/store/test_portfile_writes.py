"""Logging, changing and querying heaps in a port file, the way the dock and Processing will."""
import csv
import math
import sqlite3

import pytest
from pyproj import Transformer
from shapely.geometry import Polygon, box

from coal_monitor.core.estimate import estimate_heap
from coal_monitor.store import schema
from coal_monitor.store.errors import HeapInputError, StoreError
from coal_monitor.store.portfile import PortFile

# A 100 x 30 m heap near Rason's Pier 3, in UTM 52N metres.
RECT = box(606_000, 4_675_000, 606_100, 4_675_030)
APRIL_2 = "2024-04-02T02:31:00Z"


def engine_fields(geometry, height_m, **kwargs):
    """What the engine says for this footprint with the Rason defaults, called directly."""
    params = dict(model="repose", repose_deg=35.0, repose_tol_deg=3.0, density_t_m3=0.85,
                  density_lo_t_m3=0.75, density_hi_t_m3=1.05)
    params.update(kwargs)
    return estimate_heap(geometry, "EPSG:32652", height_m, **params).as_fields()


def assert_numbers_are_the_engines(heap, **kwargs):
    fresh = engine_fields(heap["geometry"], heap["height_m"], height_sigma_m=heap["height_sigma_m"] or 0.0,
                          **kwargs)
    for name in schema.DERIVED_FIELDS:
        if isinstance(fresh[name], float):
            assert heap[name] == pytest.approx(fresh[name], rel=1e-12), name
        else:
            assert (heap[name] or "") == (fresh[name] or ""), name


def test_a_logged_heap_reads_back_whole_with_the_engines_numbers(port_file):
    uid = port_file.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0, "height_sigma_m": 0.5,
                                           "pier": "Pier 3", "identification": "confirmed",
                                           "confidence": "moderate", "height_method": "manual"})
    heap = port_file.heap(uid)
    assert heap["geometry"].equals(RECT)
    assert heap["observed_utc"] == "2024-04-02T02:31:00.000Z"
    assert (heap["model"], heap["repose_deg"], heap["density_t_m3"]) == ("repose", 35.0, 0.85)
    assert heap["created_utc"] and heap["created_utc"] == heap["modified_utc"]
    assert heap["volume_lo_m3"] <= heap["volume_m3"] <= heap["volume_hi_m3"]
    assert_numbers_are_the_engines(heap)
    assert port_file.stale_heaps() == []


def test_footprints_in_another_crs_are_stored_in_the_ports_crs(port_file):
    to_wgs84 = Transformer.from_crs(32652, 4326, always_xy=True)
    lonlat = Polygon([to_wgs84.transform(x, y) for x, y in RECT.exterior.coords])
    uid = port_file.add_heap(lonlat.wkt, "EPSG:4326", {"observed_utc": APRIL_2, "height_m": 8.0})
    stored = port_file.heap(uid)["geometry"]
    assert stored.symmetric_difference(RECT).area < 0.01  # m2: a round trip through WGS84
    assert port_file.heap(uid)["area_m2"] == pytest.approx(3000.0, rel=2e-3)  # UTM scale error only


def test_qgis_geometry_and_crs_objects_are_accepted(port_file):
    from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

    uid = port_file.add_heap(QgsGeometry.fromWkt(RECT.wkt), QgsCoordinateReferenceSystem("EPSG:32652"),
                             {"observed_utc": APRIL_2, "height_m": 6.0})
    assert port_file.heap(uid)["geometry"].equals(RECT)


@pytest.mark.parametrize("attrs, words", [
    ({"height_m": 8.0}, "observed_utc"),
    ({"observed_utc": APRIL_2}, "height_m"),
    ({"observed_utc": "last tuesday", "height_m": 8.0}, "observed_utc"),
    ({"observed_utc": APRIL_2, "height_m": 61.0}, "height_m"),
    ({"observed_utc": APRIL_2, "height_m": 8.0, "confidence": "certain"}, "confidence"),
    ({"observed_utc": APRIL_2, "height_m": 8.0, "volume_m3": 5.0}, "volume_m3"),
    ({"observed_utc": APRIL_2, "height_m": 8.0, "tonnes": 5.0}, "tonnes"),
    ({"observed_utc": APRIL_2, "height_m": 8.0, "density_t_m3": 3.0}, "density_t_m3"),
])
def test_bad_heap_inputs_are_refused_with_the_field_named_and_nothing_written(port_file, attrs, words):
    with pytest.raises(HeapInputError, match=words):
        port_file.add_heap(RECT, 32652, attrs)
    assert port_file.heap_count() == 0


def test_a_footprint_the_engine_refuses_writes_nothing(port_file):
    with pytest.raises(HeapInputError):
        port_file.add_heap("LINESTRING(0 0, 10 10)", 32652, {"observed_utc": APRIL_2, "height_m": 8.0})
    with pytest.raises(HeapInputError, match="2 parts"):
        port_file.add_heap(box(0, 0, 10, 10).union(box(20, 0, 30, 10)), 32652,
                           {"observed_utc": APRIL_2, "height_m": 3.0})
    assert port_file.heap_count() == 0


def test_update_recomputes_numbers_from_the_new_footprint_and_inputs(port_file):
    uid = port_file.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0, "notes": "first"})
    before = port_file.heap(uid)
    after = port_file.update_heap(uid, height_m=5.0, model="prism", density_t_m3=1.0)
    assert after["volume_m3"] == pytest.approx(RECT.area * 5.0, rel=2e-3)  # prism: area x height
    assert after["notes"] == "first" and after["created_utc"] == before["created_utc"]
    assert_numbers_are_the_engines(after, model="prism", density_t_m3=1.0,
                                   density_lo_t_m3=0.75 / 0.85, density_hi_t_m3=1.05 / 0.85)
    smaller = box(606_000, 4_675_000, 606_050, 4_675_030)
    moved = port_file.update_heap(uid, geometry=smaller, crs="EPSG:32652")
    assert moved["geometry"].equals(smaller) and moved["area_m2"] < after["area_m2"]
    with pytest.raises(HeapInputError, match="volume_m3"):
        port_file.update_heap(uid, volume_m3=1.0)
    assert port_file.stale_heaps() == []


def test_delete_removes_the_heap_and_its_index_entry(port_file):
    keep = port_file.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0})
    gone = port_file.add_heap(box(0, 0, 20, 20), 32652, {"observed_utc": APRIL_2, "height_m": 3.0})
    port_file.delete_heap(gone)
    assert port_file.heap(gone) is None and port_file.heap(keep) is not None
    with pytest.raises(StoreError, match=gone):
        port_file.delete_heap(gone)
    connection = sqlite3.connect(port_file.path)
    assert connection.execute("SELECT count(*) FROM rtree_heaps_geom").fetchone()[0] == 1
    connection.close()


def test_scenes_are_logged_once_and_the_latest_is_found(port_file, tmp_path):
    port_file.add_scene({"scene_id": "A", "acquired_utc": "2024-03-01T02:00:00Z", "sensor": "Pleiades",
                         "sun_elevation_deg": 40.5, "raster_path": str(tmp_path / "img" / "a.tif")})
    port_file.add_scene({"scene_id": "B", "acquired_utc": "2024-04-02T02:31:00Z", "gsd_m": 0.5})
    port_file.add_scene({"scene_id": "C", "raster_path": "/srv/imagery/c.tif"})
    assert port_file.latest_scene()["scene_id"] == "B"
    assert port_file.scene("A")["raster_path"] == "img/a.tif"  # relative to the port file's folder
    assert port_file.scene("C")["raster_path"] == "/srv/imagery/c.tif"  # outside the project: kept
    assert [s["scene_id"] for s in port_file.scenes()] == ["C", "A", "B"]
    with pytest.raises(StoreError, match="already logged"):
        port_file.add_scene({"scene_id": "A"})
    with pytest.raises(HeapInputError, match="sun_azimuth_deg"):
        port_file.add_scene({"scene_id": "D", "sun_azimuth_deg": 400})
    port_file.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0, "scene_id": "B"})
    port_file.add_heap(box(0, 0, 20, 20), 32652, {"observed_utc": APRIL_2, "height_m": 3.0})
    assert [h["scene_id"] for h in port_file.heaps(scene_id="B")] == ["B"]


def test_totals_per_date_and_pier_equal_sums_of_the_heaps(port_file):
    plan = [("2024-04-02T02:31:00Z", "Pier 3", 8.0), ("2024-04-02T02:31:00Z", "Pier 1", 4.0),
            ("2024-04-02T23:59:00Z", "Pier 3", 6.0), ("2024-05-10T01:00:00Z", "Pier 3", 5.0)]
    for index, (when, pier, height) in enumerate(plan):
        footprint = box(606_000 + 200 * index, 4_675_000, 606_080 + 200 * index, 4_675_030)
        port_file.add_heap(footprint, 32652, {"observed_utc": when, "height_m": height, "pier": pier})
    heaps = port_file.heaps()
    by_date = {row["date"]: row for row in port_file.totals_by_date()}
    assert sorted(by_date) == ["2024-04-02", "2024-05-10"]
    for date, row in by_date.items():
        members = [h for h in heaps if h["observed_utc"].startswith(date)]
        assert row["count"] == len(members)
        for name in ("area_m2", "volume_m3", "volume_lo_m3", "volume_hi_m3", "tonnage_t", "tonnage_lo_t",
                     "tonnage_hi_t"):
            assert row[name] == pytest.approx(math.fsum(h[name] for h in members), rel=1e-12)
    by_pier = {(r["date"], r["pier"]): r for r in port_file.totals_by_date(by_pier=True)}
    assert by_pier[("2024-04-02", "Pier 3")]["count"] == 2
    assert by_pier[("2024-04-02", "Pier 1")]["tonnage_t"] == pytest.approx(
        [h for h in heaps if h["pier"] == "Pier 1"][0]["tonnage_t"])


def test_csv_export_has_the_schema_field_names_and_the_stored_values(port_file, tmp_path):
    uid = port_file.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0, "notes": 'a, "quoted"\nnote'})
    target = port_file.export_csv(tmp_path / "rason.csv")
    with open(target, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(schema.field_names("heaps")) + ["geom"]
    heap = port_file.heap(uid)
    assert rows[0]["heap_uid"] == uid and rows[0]["notes"] == heap["notes"]
    assert float(rows[0]["tonnage_t"]) == heap["tonnage_t"]
    with pytest.raises(StoreError, match="already exists"):
        port_file.export_csv(target)


def test_snapshot_is_a_sound_standalone_copy(port_file, tmp_path):
    uid = port_file.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0})
    copy = port_file.snapshot(tmp_path / "snap.gpkg")
    with PortFile.open(copy) as reopened:
        original, copied = port_file.heap(uid), reopened.heap(uid)
        assert copied.pop("geometry").equals(original.pop("geometry")) and copied == original
    with pytest.raises(StoreError, match="already exists"):
        port_file.snapshot(copy)


def test_create_never_overwrites_and_reopen_keeps_the_port(tmp_path, rason, port_file):
    with pytest.raises(StoreError, match="already exists"):
        PortFile.create(port_file.path, rason)
    port_file.close()
    with PortFile.open(port_file.path) as reopened:
        assert reopened.port == rason


def test_blank_and_qgis_null_inputs_are_stored_as_null_and_texts_as_text(port_file):
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime, Qt, QVariant

    seoul_morning = QDateTime(QDate(2024, 4, 2), QTime(11, 31), Qt.OffsetFromUTC, 9 * 3600)
    uid = port_file.add_heap(RECT, 32652, {"observed_utc": seoul_morning, "height_m": "8", "confidence": "",
                                           "pier": QVariant(), "label": 17})
    heap = port_file.heap(uid)
    assert (heap["confidence"], heap["pier"], heap["label"], heap["height_m"]) == (None, None, "17", 8.0)
    assert heap["observed_utc"] == "2024-04-02T02:31:00.000Z"


def test_preview_gives_the_numbers_add_heap_then_stores(port_file):
    attrs = {"observed_utc": APRIL_2, "height_m": 8.0, "height_sigma_m": 0.5}
    shown = port_file.preview(RECT, 32652, attrs)
    taller = port_file.preview(RECT, 32652, dict(attrs, height_m=9.0))
    assert taller["volume_m3"] > shown["volume_m3"]  # remembered results never leak across inputs
    heap = port_file.heap(port_file.add_heap(RECT, 32652, attrs))
    assert {name: heap[name] for name in schema.DERIVED_FIELDS} == shown
    assert_numbers_are_the_engines(heap)
    with pytest.raises(HeapInputError, match="height_m"):
        port_file.preview(RECT, 32652, dict(attrs, height_m=-1.0))
    assert port_file.heap_count() == 1


def test_closing_records_when_the_heaps_last_changed(port_file):
    connection = sqlite3.connect(port_file.path)
    before = connection.execute("SELECT last_change FROM gpkg_contents WHERE table_name = 'heaps'").fetchone()[0]
    port_file.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0})
    port_file.close()
    after = connection.execute("SELECT last_change FROM gpkg_contents WHERE table_name = 'heaps'").fetchone()[0]
    connection.close()
    assert after > before
