"""The port's story in the store: examined images, piles across images, ships; real GeoPackages.

Expectations are worked out here from the rules (an examined empty image is 0 t, a date nobody looked at
is a gap, a pile counts once a day, a ship's class from the class table), not read back from the store.
"""
import math
import sqlite3

import pytest
from shapely import affinity
from shapely.geometry import Polygon, box

from coal_monitor.core import vessels as ship_rules
from coal_monitor.core.ports import Port
from coal_monitor.store.errors import HeapInputError, StoreError
from coal_monitor.store.portfile import PortFile
from tests.helpers import gpkg_checks

X0, Y0 = 606_000, 4_675_000


def heap(port_file, scene_id, when, x, height_m=6.0, **extra):
    return port_file.add_heap(box(X0 + x, Y0, X0 + x + 60, Y0 + 30), 32652,
                              dict({"scene_id": scene_id, "observed_utc": when, "height_m": height_m}, **extra))


def scene(port_file, scene_id, when, gsd_m=0.5, **extra):
    port_file.add_scene(dict({"scene_id": scene_id, "acquired_utc": when, "gsd_m": gsd_m}, **extra))


def hull(length_m, beam_m, angle_deg=30.0, x=400.0):
    """A hull rectangle at the pier, turned by ``angle_deg``: the outline an analyst draws."""
    rectangle = box(X0 + x, Y0 - 200, X0 + x + length_m, Y0 - 200 + beam_m)
    return affinity.rotate(rectangle, angle_deg, origin="centroid")


def test_an_examined_image_without_heaps_is_zero_and_an_unexamined_one_a_gap(port_file):
    scene(port_file, "A", "2023-10-02T02:00:00Z")
    heap(port_file, "A", "2023-10-02T02:00:00Z", 0)
    scene(port_file, "VOID", "2023-11-14T02:00:00Z")
    scene(port_file, "NOT-LOOKED", "2023-12-01T02:00:00Z")
    scene(port_file, "DELETED", "2024-01-05T02:00:00Z")
    port_file.delete_heap(heap(port_file, "DELETED", "2024-01-05T02:00:00Z", 0))
    port_file.mark_examined("VOID", note="examined: no coal")
    rows = {r["date"]: r for r in port_file.totals_by_date()}
    assert sorted(rows) == ["2023-10-02", "2023-11-14"]  # the unexamined and the emptied image are gaps
    void = rows["2023-11-14"]
    assert void["count"] == 0 and void["tonnage_t"] == 0.0 and void["tonnage_hi_t"] == 0.0
    assert void["examined"] is True and void["scene_ids"] == ("VOID",) and "no coal" in void["note"]
    assert rows["2023-10-02"]["examined"] is False and rows["2023-10-02"]["tonnage_t"] > 0
    port_file.mark_examined("A")
    assert port_file.totals_by_date()[0]["examined"] is True
    port_file.mark_examined("VOID", examined=False)
    assert [r["date"] for r in port_file.totals_by_date()] == ["2023-10-02"]
    by_pier = port_file.totals_by_date(by_pier=True)
    assert [r["date"] for r in by_pier] == ["2023-10-02"]


def test_one_pile_on_two_images_of_a_day_counts_once_the_finer_image(port_file):
    scene(port_file, "COARSE", "2024-04-12T04:00:00Z", gsd_m=0.5)
    scene(port_file, "FINE", "2024-04-12T01:00:00Z", gsd_m=0.3)
    pile = "pile-north"
    coarse_uid = heap(port_file, "COARSE", "2024-04-12T04:00:00Z", 0, pile_uid=pile)
    # The same pile, placed 200 m off by the finer image's georeferencing: outlines do not overlap.
    fine_uid = heap(port_file, "FINE", "2024-04-12T01:00:00Z", 200, height_m=7.0, pile_uid=pile)
    only_coarse = heap(port_file, "COARSE", "2024-04-12T04:00:00Z", 500)  # a pile only the coarse image shows
    (row,) = port_file.totals_by_date()
    expected = port_file.heap(fine_uid)["tonnage_t"] + port_file.heap(only_coarse)["tonnage_t"]
    assert row["count"] == 2 and math.isclose(row["tonnage_t"], expected, rel_tol=1e-12)
    assert port_file.heap(coarse_uid)["tonnage_t"] != port_file.heap(fine_uid)["tonnage_t"]
    assert "COARSE set aside for 1 pile also measured on FINE (finer GSD 0.30 m)" in row["note"]
    assert set(row["scene_ids"]) == {"COARSE", "FINE"}
    assert [p["heap_uid"] for p in port_file.pile_series(pile)] == [fine_uid, coarse_uid]


def test_a_pile_reused_on_the_same_image_is_refused_and_nothing_written(port_file):
    scene(port_file, "S", "2024-04-12T04:00:00Z")
    first = heap(port_file, "S", "2024-04-12T04:00:00Z", 0, pile_uid="P", label="west")
    before = port_file.heap_count()
    with pytest.raises(HeapInputError, match=r"Pile P is already heap west on image S"):
        heap(port_file, "S", "2024-04-12T04:00:00Z", 200, pile_uid="P")
    second = heap(port_file, "S", "2024-04-12T04:00:00Z", 200)
    with pytest.raises(HeapInputError, match="already heap west"):
        port_file.update_heap(second, pile_uid="P")
    assert port_file.heap_count() == before + 1 and port_file.heap(second)["pile_uid"] not in (None, "P")
    assert port_file.update_heap(first, pile_uid="P")["pile_uid"] == "P"  # a heap keeps its own pile


def test_partial_coverage_is_said_on_the_row(port_file):
    scene(port_file, "CLOUDY", "2024-05-01T02:00:00Z")
    heap(port_file, "CLOUDY", "2024-05-01T02:00:00Z", 0)
    port_file.set_scene_coverage("CLOUDY", box(X0 - 10, Y0 - 10, X0 + 100, Y0 + 50), 32652)
    (row,) = port_file.totals_by_date()
    assert row["partial"] is True and "coverage partial on CLOUDY" in row["note"]
    assert port_file.scene("CLOUDY")["coverage"].area == pytest.approx(110 * 60)
    port_file.set_scene_coverage("CLOUDY", None, 32652)
    assert port_file.totals_by_date()[0]["partial"] is False


def test_previous_examined_image_is_the_latest_examined_on_an_earlier_date(port_file):
    for scene_id, when in (("D1", "2024-04-01T02:00:00Z"), ("D2", "2024-04-08T02:00:00Z"),
                           ("D3", "2024-04-15T02:00:00Z"), ("D3b", "2024-04-15T05:00:00Z")):
        scene(port_file, scene_id, when)
    port_file.mark_examined("D1")
    assert port_file.previous_examined_scene("D3")["scene_id"] == "D1"
    port_file.mark_examined("D2")
    port_file.mark_examined("D3")
    assert port_file.previous_examined_scene("D3b")["scene_id"] == "D2"  # not D3: the same date
    assert port_file.previous_examined_scene("D1") is None


def test_a_ship_is_classed_from_its_outline_and_the_class_table(port_file):
    scene(port_file, "S", "2025-04-18T02:00:00Z", gsd_m=0.5)
    uid = port_file.add_vessel(hull(190.0, 32.26), 32652, {"scene_id": "S", "observed_utc": "2025-04-18T02:00:00Z",
                                                          "pier": "Pier 3", "state": "loading", "cargo_visible": True})
    ship = port_file.vessel(uid)
    assert ship["loa_m"] == pytest.approx(190.0, abs=1e-6) and ship["beam_m"] == pytest.approx(32.26, abs=1e-6)
    expected = ship_rules.classify(190.0, 32.26, 0.5)
    assert ship["vessel_class"] == expected.vessel_class and "Supramax" in ship["vessel_class"]
    assert (ship["cargo_lo_t"], ship["cargo_hi_t"]) == pytest.approx((expected.cargo_lo_t, expected.cargo_hi_t))
    assert ship["cargo_visible"] == 1 and ship["created_utc"]
    assert port_file.loadings() == [{"date": "2025-04-18", "vessel_uid": uid, "cargo_lo_t": ship["cargo_lo_t"],
                                     "cargo_hi_t": ship["cargo_hi_t"], "vessel_class": ship["vessel_class"],
                                     "pier": "Pier 3"}]
    assert port_file.vessel_counts_by_date() == {"2025-04-18": 1}
    port_file.update_scene("S", {"gsd_m": 10.0})  # a coarse image: a wider margin, more candidate classes
    assert port_file.vessel(uid)["vessel_class"] == ship_rules.classify(190.0, 32.26, 10.0).vessel_class
    port_file.update_vessel(uid, state="moored", cargo_visible=False)
    assert port_file.loadings() == []


def test_the_berth_depth_caps_a_ships_cargo(tmp_path):
    nampho = Port(name="Nampho", slug="nampho", lat_deg=38.7281, lon_deg=125.4169, crs_epsg=32651,
                  piers=("coal terminal", "anchorage"), pier_depths_m=(("coal terminal", 7.0, 9.0),))
    with PortFile.create(tmp_path / "nampho.gpkg", nampho) as port_file:
        assert port_file.port.berth_depth_m("coal terminal") == (7.0, 9.0)
        port_file.add_scene({"scene_id": "N", "acquired_utc": "2024-06-02T02:00:00Z", "gsd_m": 0.5})
        outline = affinity.translate(hull(190.0, 32.26), -X0 + 350_000, -Y0 + 4_290_000)
        at_pier = port_file.vessel(port_file.add_vessel(outline, 32651, {
            "scene_id": "N", "observed_utc": "2024-06-02T02:00:00Z", "pier": "coal terminal", "state": "loading"}))
        at_anchor = port_file.vessel(port_file.add_vessel(outline, 32651, {
            "scene_id": "N", "observed_utc": "2024-06-02T02:00:00Z", "pier": "anchorage", "state": "at_anchor"}))
        capped = ship_rules.classify(at_pier["loa_m"], at_pier["beam_m"], 0.5, (7.0, 9.0))
        assert at_pier["cargo_hi_t"] == pytest.approx(capped.cargo_hi_t)
        assert at_pier["cargo_hi_t"] < at_anchor["cargo_hi_t"]
        assert at_pier["dwt_hi_t"] == at_anchor["dwt_hi_t"]  # the class is the same; only the load is capped


@pytest.mark.parametrize("outline, words", [
    (hull(15.0, 4.0), "20"),
    (hull(420.0, 50.0), "400"),
    (hull(60.0, 30.0), "third"),
])
def test_a_hull_no_ship_has_is_refused_and_nothing_written(port_file, outline, words):
    scene(port_file, "S", "2025-04-18T02:00:00Z")
    with pytest.raises(HeapInputError, match=words):
        port_file.add_vessel(outline, 32652, {"scene_id": "S", "observed_utc": "2025-04-18T02:00:00Z"})
    assert port_file.vessels() == []


def test_ship_numbers_cannot_be_given_and_a_ship_without_gsd_gets_no_class(port_file):
    port_file.add_scene({"scene_id": "WEB", "acquired_utc": "2025-04-18T02:00:00Z"})
    with pytest.raises(HeapInputError, match="cannot be set"):
        port_file.add_vessel(hull(190.0, 32.26), 32652, {"observed_utc": "2025-04-18T02:00:00Z", "loa_m": 100})
    with pytest.raises(HeapInputError, match="state"):
        port_file.add_vessel(hull(190.0, 32.26), 32652, {"observed_utc": "2025-04-18T02:00:00Z", "state": "sailing"})
    ship = port_file.vessel(port_file.add_vessel(hull(190.0, 32.26), 32652, {
        "scene_id": "WEB", "observed_utc": "2025-04-18T02:00:00Z"}))
    assert ship["loa_m"] == pytest.approx(190.0) and ship["vessel_class"] is None and ship["cargo_hi_t"] is None
    with pytest.raises(StoreError, match="No vessel"):
        port_file.delete_vessel("nope")


def test_the_vessels_layer_opens_styled_in_plain_qgis(port_file):
    from qgis.core import QgsVectorLayer

    scene(port_file, "S", "2025-04-18T02:00:00Z")
    port_file.add_vessel(Polygon(hull(190.0, 32.26).exterior.coords), 32652,
                         {"scene_id": "S", "observed_utc": "2025-04-18T02:00:00Z", "state": "moored"})
    path = port_file.path
    port_file.close()
    layer = QgsVectorLayer(f"{path}|layername=vessels", "vessels", "ogr")
    assert layer.isValid() and layer.featureCount() == 1
    assert layer.fields().field("loa_m").alias() == "LOA (m)"
    message, loaded = layer.loadDefaultStyle()  # as the desktop does when it adds a layer
    assert loaded, message
    assert layer.temporalProperties().isActive() and layer.temporalProperties().startField() == "observed_utc"
    assert layer.labelsEnabled()
    gpkg_checks.assert_sound_gpkg(path)
    assert sqlite3.connect(path).execute("SELECT count(*) FROM rtree_vessels_geom").fetchone()[0] == 1


def test_a_ship_reshaped_by_another_program_is_measured_again_on_open(port_file):
    from osgeo import ogr

    scene(port_file, "S", "2025-04-18T02:00:00Z", gsd_m=0.5)
    uid = port_file.add_vessel(hull(190.0, 32.26), 32652, {"scene_id": "S", "observed_utc": "2025-04-18T02:00:00Z"})
    path = port_file.path
    port_file.close()
    ogr.UseExceptions()
    dataset = ogr.Open(str(path), 1)  # plain GDAL, as QGIS's vertex tool would: the hull made 98 x 16 m
    layer = dataset.GetLayerByName("vessels")
    feature = layer.GetNextFeature()
    feature.SetGeometry(ogr.CreateGeometryFromWkt(hull(98.0, 16.0).wkt))
    layer.SetFeature(feature)
    dataset = None
    with PortFile.open(path) as reopened:
        ship = reopened.vessel(uid)
        assert ship["loa_m"] == pytest.approx(98.0) and ship["beam_m"] == pytest.approx(16.0)
        assert ship["vessel_class"] == ship_rules.classify(98.0, 16.0, 0.5).vessel_class
        assert reopened.verify_vessels() == []  # nothing left to fix
