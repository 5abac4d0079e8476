"""Living with the log: pick a logged heap in the list, change it and save it again, or delete it."""
import pytest
from qgis.PyQt.QtCore import QPoint
from shapely.geometry import Polygon

from coal_monitor.core.estimate import estimate_heap
from tests.helpers.dock_bench import to_port_crs
from tests.helpers.scripted_prompts import ScriptedPrompts

FIRST = [QPoint(500, 300), QPoint(700, 280), QPoint(760, 420), QPoint(640, 520), QPoint(480, 450)]
SECOND = [QPoint(150, 150), QPoint(330, 160), QPoint(300, 320), QPoint(170, 300)]


@pytest.fixture()
def two_heaps(make_bench, tmp_path, clean_project):
    prompts = ScriptedPrompts()
    bench = make_bench(prompts=prompts)
    bench.first = to_port_crs(bench.draw(FIRST), "EPSG:32652")
    bench.type_height(8)
    bench.log_heap()
    bench.second = to_port_crs(bench.draw(SECOND), "EPSG:32652")
    bench.type_height(4)
    bench.log_heap()
    return bench


def _row(bench, height_m):
    return next(r for r in bench.rows() if r["height_m"] == height_m)


def test_selecting_a_heap_loads_it_highlights_and_pans(two_heaps):
    bench = two_heaps
    dock = bench.dock
    uid = _row(bench, 8.0)["heap_uid"]
    centre_before = bench.canvas.center()
    dock.heapList.setCurrentRow(dock.heap_uids().index(uid))
    assert dock.heightSpin.value() == pytest.approx(8.0)
    assert dock.editing_heap_uid == uid
    highlight = dock._highlight.asGeometry()
    assert highlight.area() == pytest.approx(Polygon(bench.first).area, rel=1e-6)
    centroid = Polygon(bench.first).centroid
    assert bench.canvas.center().distance(centroid.x, centroid.y) < 0.01
    assert bench.canvas.center() != centre_before
    assert dock.deleteHeapButton.isEnabled()


def test_edited_height_is_saved_with_recomputed_numbers(two_heaps):
    bench = two_heaps
    dock = bench.dock
    uid = _row(bench, 8.0)["heap_uid"]
    dock.heapList.setCurrentRow(dock.heap_uids().index(uid))
    bench.type_height(10)
    dock.notesEdit.setPlainText("grew since March")
    bench.log_heap()
    rows = bench.rows()
    assert len(rows) == 2  # edited, not added
    row = next(r for r in rows if r["heap_uid"] == uid)
    port = dock.port
    expected = estimate_heap(Polygon(bench.first), "EPSG:32652", 10.0, height_sigma_m=0.5, model="repose",
                             repose_deg=port.repose_deg, repose_tol_deg=port.repose_tol_deg,
                             density_t_m3=port.density_t_m3, density_lo_t_m3=port.density_lo_t_m3,
                             density_hi_t_m3=port.density_hi_t_m3).as_fields()
    assert row["height_m"] == 10.0 and row["notes"] == "grew since March"
    for name in ("volume_m3", "tonnage_t", "tonnage_lo_t", "tonnage_hi_t"):
        assert row[name] == pytest.approx(expected[name], rel=1e-6)
    assert row["modified_utc"] >= row["created_utc"]
    assert f"{row['tonnage_t']:,.0f} t" in dock.heapList.item(dock.heap_uids().index(uid)).text()


def test_delete_asks_first_and_keeps_the_heap_when_declined(two_heaps):
    bench = two_heaps
    dock = bench.dock
    uid = _row(bench, 4.0)["heap_uid"]
    bench.prompts.answers["confirm"] = [False, True]
    dock.heapList.setCurrentRow(dock.heap_uids().index(uid))
    bench.press(dock.deleteHeapButton)
    assert len(bench.rows()) == 2
    bench.press(dock.deleteHeapButton)
    assert uid not in [r["heap_uid"] for r in bench.rows()]
    assert len(bench.rows()) == 1
    assert uid not in dock.heap_uids() and dock.heapList.count() == 1
    assert dock.footprint is None and dock.editing_heap_uid is None  # nothing else got loaded
    assert bench.prompts.kinds_asked() == ["confirm", "confirm"]
    assert dock.log.heaps_layer().featureCount() == 1


def test_height_edited_in_the_attribute_table_is_recomputed_and_relisted(two_heaps):
    bench = two_heaps
    dock = bench.dock
    uid = _row(bench, 4.0)["heap_uid"]
    layer = dock.log.heaps_layer()
    feature = next(f for f in layer.getFeatures() if f["heap_uid"] == uid)
    assert layer.startEditing()
    layer.beginEditCommand("height from the attribute table")
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("height_m"), 6.0)
    layer.endEditCommand()
    assert layer.commitChanges()
    row = next(r for r in bench.rows() if r["heap_uid"] == uid)
    expected = estimate_heap(Polygon(bench.second), "EPSG:32652", 6.0, height_sigma_m=0.5).as_fields()
    assert row["height_m"] == 6.0
    assert row["tonnage_t"] == pytest.approx(expected["tonnage_t"], rel=1e-6)
    listed = dock.heapList.item(dock.heap_uids().index(uid)).text()
    assert listed.startswith(f"{row['tonnage_t']:,.0f} t")
