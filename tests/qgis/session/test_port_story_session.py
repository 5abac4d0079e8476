"""The port's story on the session (no dock, no canvas): examined images, piles carried forward, ships.

Two images of Rason a week apart: heaps logged on the first, the image marked examined; piles carried
forward to the second, taken one by one or dropped; a ship measured and logged; the refusals write nothing.
"""
import pytest
from qgis.core import Qgis, QgsGeometry, QgsPointXY, QgsRasterLayer
from shapely import affinity
from shapely.geometry import box

from coal_monitor.core import vessels as ship_rules
from coal_monitor.session.story import EXAMINED_EMPTY_NOTE, PortStory
from tests.helpers.rasters import write_geotiff
from tests.helpers.session_bench import HEAP_XY, IMAGE_ORIGIN, RASON_EPSG, SessionBench, heap_geometry, port_crs

WARNING = Qgis.MessageLevel.Warning
INPUTS = {"height_m": 6.0, "model": "repose", "repose_deg": 35.0, "density_t_m3": 0.85, "pier": "Pier 3"}
SECOND_XY = [(x + 120.0, y) for x, y in HEAP_XY]
LATER = "2024-04-12 02:20:00"


@pytest.fixture()
def bench(tmp_path, clean_project):
    bench = SessionBench(tmp_path)
    bench.story = PortStory(bench.session)
    bench.offers, bench.drafts = [], []
    bench.story.pile_offered.connect(bench.offers.append)
    bench.story.drafts_changed.connect(bench.drafts.append)
    yield bench
    bench.close()


def later_image(bench, acquired=LATER, gsd_m=0.5):
    layer = QgsRasterLayer(write_geotiff(bench.folder / f"rason_{acquired[:10]}.tif", epsg=RASON_EPSG,
                                         origin=IMAGE_ORIGIN, pixel_m=gsd_m,
                                         imagery={"ACQUISITIONDATETIME": acquired, "SATELLITEID": "WV03"}),
                           f"Rason {acquired[:10]}")
    assert layer.isValid()
    bench.project.addMapLayer(layer)
    return layer


def log(bench, xy, **inputs):
    bench.session.set_inputs(dict(INPUTS, **inputs))
    bench.session.set_footprint(heap_geometry(xy), port_crs())
    return bench.session.log_heap()


def hull_geometry(length_m=190.0, beam_m=32.26):
    x, y = IMAGE_ORIGIN
    shape = affinity.rotate(box(x + 20, y - 250, x + 20 + length_m, y - 250 + beam_m), 25.0, origin="centroid")
    return QgsGeometry.fromPolygonXY([[QgsPointXY(*xy) for xy in shape.exterior.coords]])


def test_an_examined_image_without_heaps_is_zero_tonnes(bench):
    bench.start()
    assert bench.rows() == []
    bench.prompts.answers["confirm"] = [False, True]
    assert bench.story.mark_examined() is None  # the analyst had not looked at the whole image
    assert not bench.rows("scenes")[0]["examined"]
    row = bench.story.mark_examined()
    assert bench.prompts.asked[-1][0] == "confirm" and "0 t on 2024-04-05" in bench.prompts.asked[-1][2]
    assert row["examined"] == 1 and row["examined_note"] == EXAMINED_EMPTY_NOTE
    (total,) = bench.session.log.file.totals_by_date()
    assert total["count"] == 0 and total["tonnage_t"] == 0.0 and total["date"] == "2024-04-05"
    assert any("no coal" in text and "0 t" in text for text in bench.messages(Qgis.MessageLevel.Success))


def test_marking_examined_while_a_heap_is_drawn_is_refused_and_writes_nothing(bench):
    session = bench.start()
    log(bench, HEAP_XY)
    session.set_inputs(INPUTS)
    session.preview_outline([QgsPointXY(*xy) for xy in SECOND_XY[:2]], port_crs())  # two corners clicked
    before = bench.rows("scenes")
    assert bench.story.mark_examined() is None
    assert "still being drawn" in bench.messages(WARNING)[-1]
    session.set_footprint(heap_geometry(SECOND_XY), port_crs())  # measured, not logged
    assert bench.story.mark_examined() is None
    assert bench.rows("scenes") == before and not before[0]["examined"]
    session.log_heap()
    assert bench.story.mark_examined()["examined_note"] is None  # heaps logged: no "no coal" note


def test_piles_carried_forward_keep_their_identity_and_count_once_per_image(bench):
    session = bench.start()
    first = log(bench, HEAP_XY, label="west")
    second = log(bench, SECOND_XY, label="east")
    bench.story.mark_examined()
    file = session.log.file
    piles = {file.heap(first)["pile_uid"]: "west", file.heap(second)["pile_uid"]: "east"}

    session.set_image(later_image(bench))
    assert bench.story.carry_forward() == 2
    drafts = bench.drafts[-1]
    assert {d["pile_uid"] for d in drafts} == set(piles) and {d["from_date"] for d in drafts} == {"2024-04-05"}
    taken = bench.story.take_draft(0)
    assert session.footprint is not None and session.inputs["label"] == taken["inputs"]["label"]
    assert bench.offers[-1]["pile_uid"] == taken["pile_uid"]
    session.set_inputs(dict(taken["inputs"], height_m=4.5))  # the analyst lowers it: the pile was drawn down
    uid = session.log_heap()
    assert file.heap(uid)["pile_uid"] == taken["pile_uid"] and file.heap(uid)["height_m"] == 4.5
    assert len(bench.story.drafts) == 1  # the logged pile left the drafts
    bench.story.drop_draft(0)
    assert bench.story.drafts == []
    series = file.pile_series(taken["pile_uid"])
    assert [p["date"] for p in series] == ["2024-04-05", "2024-04-12"]
    assert series[1]["tonnage_t"] < series[0]["tonnage_t"]


def test_a_new_outline_over_a_pile_of_the_previous_image_is_offered_its_identity(bench):
    session = bench.start()
    first = log(bench, HEAP_XY, label="west")
    bench.story.mark_examined()
    pile = session.log.file.heap(first)["pile_uid"]
    session.set_image(later_image(bench))
    session.set_inputs(INPUTS)
    session.set_footprint(heap_geometry([(x + 4, y - 3) for x, y in HEAP_XY]), port_crs())
    assert bench.offers[-1]["pile_uid"] == pile and bench.offers[-1]["label"] == "west"
    same = session.log_heap()
    assert session.log.file.heap(same)["pile_uid"] == pile
    session.set_footprint(heap_geometry([(x + 6, y - 1) for x, y in HEAP_XY]), port_crs())
    bench.story.accept_offer(False)  # the analyst says: another pile
    other = session.log_heap()
    assert session.log.file.heap(other)["pile_uid"] not in (pile, None)
    session.set_footprint(heap_geometry([(x + 300, y) for x, y in HEAP_XY]), port_crs())
    assert bench.offers[-1] is None  # nothing there before
    session.set_footprint(heap_geometry([(x + 2, y + 2) for x, y in HEAP_XY]), port_crs())
    assert bench.offers[-1] is None  # the pile is already measured on this image: not offered twice


def test_a_ship_is_measured_classed_and_logged(bench):
    session = bench.start()
    numbers = bench.story.measure_vessel(hull_geometry(), port_crs())
    expected = ship_rules.classify(190.0, 32.26, 0.5)
    assert numbers["loa_m"] == pytest.approx(190.0) and numbers["vessel_class"] == expected.vessel_class
    uid = bench.story.log_vessel({"state": "loading", "cargo_visible": True, "pier": "Pier 3", "name": ""})
    (row,) = bench.rows("vessels")
    assert row["vessel_uid"] == uid and row["state"] == "loading" and row["name"] is None
    assert row["cargo_hi_t"] == pytest.approx(expected.cargo_hi_t) and row["observed_utc"].startswith("2024-04-05")
    assert session.log.layer("vessels") is not None and session.log.layer("vessels").featureCount() == 1
    assert "Logged ship" in bench.messages(Qgis.MessageLevel.Success)[-1]


def test_a_hull_no_ship_has_is_refused_before_anything_is_written(bench):
    bench.start()
    assert bench.story.measure_vessel(hull_geometry(15.0, 4.0), port_crs()) is None
    assert bench.story.log_vessel({"state": "moored"}) is None
    assert "no ship to log" in bench.messages(WARNING)[-1]
    assert not bench.port_file().exists()


def test_a_hull_reshaped_in_the_vessels_layer_is_measured_again_at_commit(bench):
    bench.start()
    bench.story.measure_vessel(hull_geometry(), port_crs())
    uid = bench.story.log_vessel({"state": "moored"})
    layer = bench.session.log.layer("vessels")
    (feature,) = list(layer.getFeatures())
    assert layer.startEditing()
    assert layer.changeGeometry(feature.id(), hull_geometry(98.0, 16.0))
    assert layer.commitChanges()
    ship = bench.session.log.file.vessel(uid)
    assert ship["loa_m"] == pytest.approx(98.0) and ship["beam_m"] == pytest.approx(16.0)
    assert ship["vessel_class"] == ship_rules.classify(98.0, 16.0, 0.5).vessel_class
