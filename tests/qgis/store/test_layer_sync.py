"""Edits made with QGIS's own tools on a loaded heaps layer keep the heap's numbers derived.

The layer is a real GeoPackage layer of a port file; edits go through the layer API exactly as the
vertex tool (edit command around changeGeometry), the attribute table and the field calculator do, or
bare (a script). After commit the store's own check must find every heap consistent.
"""
import sqlite3

import pytest
from qgis.core import NULL, QgsGeometry, QgsVectorLayer
from shapely.geometry import box

from coal_monitor.core.estimate import estimate_heap
from coal_monitor.store import gpkg_geometry, schema
from coal_monitor.store.layer_sync import RECOMPUTE_COMMAND_TEXT, HeapLayerSync
from coal_monitor.store.portfile import PortFile

RECT = box(606_000, 4_675_000, 606_100, 4_675_030)  # 100 x 30 m near Rason, UTM 52N
WIDER = box(606_000, 4_675_000, 606_100, 4_675_040)  # 100 x 40 m
APRIL_2 = "2024-04-02T02:31:00Z"
LONG_AGO = "2020-01-01T00:00:00.000Z"


def engine(geometry, height_m, **kwargs):
    """The engine's numbers with Rason's defaults, called directly."""
    params = dict(model="repose", repose_deg=35.0, repose_tol_deg=3.0, density_t_m3=0.85,
                  density_lo_t_m3=0.75, density_hi_t_m3=1.05, height_sigma_m=0.0)
    params.update(kwargs)
    return estimate_heap(geometry, "EPSG:32652", height_m, **params).as_fields()


@pytest.fixture()
def heaps(port_file):
    """(layer, sync, fids by label) on a port file holding two heaps, the layer in an edit session."""
    port_file.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0, "label": "A"})
    port_file.add_heap(WIDER, 32652, {"observed_utc": APRIL_2, "height_m": 6.0, "label": "B"})
    port_file.add_heap(WIDER, 32652, {"observed_utc": APRIL_2, "height_m": 6.0, "label": "C"})
    connection = sqlite3.connect(str(port_file.path))  # age the stamps so that a new one shows
    gpkg_geometry.register_functions(connection)  # GDAL's R-tree triggers call ST_* functions
    with connection:
        connection.execute("UPDATE heaps SET modified_utc = ?", (LONG_AGO,))
    connection.close()
    layer = QgsVectorLayer(f"{port_file.path}|layername=heaps", "heaps", "ogr")
    assert layer.isValid()
    problems = []
    sync = HeapLayerSync(layer, on_problem=lambda fid, message: problems.append((fid, message)))
    sync.problems = problems
    fids = {f["label"]: f.id() for f in layer.getFeatures()}
    assert layer.startEditing()
    yield layer, sync, fids
    sync.disconnect()
    if layer.isEditable():
        layer.rollBack()


def numbers(layer, fid):
    feature = layer.getFeature(fid)
    return {name: feature[name] for name in schema.DERIVED_FIELDS}


def assert_matches_engine(layer, fid, geometry, height_m, **kwargs):
    expected = engine(geometry, height_m, **kwargs)
    got = numbers(layer, fid)
    for name in schema.DERIVED_FIELDS:
        if isinstance(expected[name], float):
            assert got[name] == pytest.approx(expected[name], rel=1e-9), name
        else:
            assert (got[name] or "") == (expected[name] or ""), name


def test_vertex_tool_edit_recomputes_and_one_undo_reverts_both(heaps):
    layer, _sync, fids = heaps
    before = numbers(layer, fids["A"])
    layer.beginEditCommand("Moved vertex")  # what QgsVertexTool does
    assert layer.changeGeometry(fids["A"], QgsGeometry.fromWkt(WIDER.wkt))
    layer.endEditCommand()
    assert_matches_engine(layer, fids["A"], WIDER, 8.0)
    assert numbers(layer, fids["A"])["area_m2"] == pytest.approx(4000.0, rel=2e-3)
    assert layer.undoStack().count() == 1

    layer.undoStack().undo()
    assert layer.getFeature(fids["A"]).geometry().area() == pytest.approx(3000.0)
    assert numbers(layer, fids["A"]) == before
    layer.undoStack().redo()
    assert_matches_engine(layer, fids["A"], WIDER, 8.0)


def test_bare_api_edit_gets_numbers_glued_to_it_for_undo_and_redo(heaps):
    layer, _sync, fids = heaps
    before = numbers(layer, fids["A"])
    assert layer.changeAttributeValue(fids["A"], layer.fields().indexOf("height_m"), 5.0)
    assert_matches_engine(layer, fids["A"], RECT, 5.0)
    stack = layer.undoStack()
    assert [stack.command(i).text() for i in range(stack.count())][-1] == RECOMPUTE_COMMAND_TEXT

    stack.undo()  # one undo: the height and its numbers
    assert layer.getFeature(fids["A"])["height_m"] == 8.0
    assert numbers(layer, fids["A"]) == before
    assert stack.index() == 0
    stack.redo()  # one redo: both again
    assert layer.getFeature(fids["A"])["height_m"] == 5.0
    assert_matches_engine(layer, fids["A"], RECT, 5.0)
    assert stack.index() == stack.count()


def test_jumps_in_the_undo_view_keep_numbers_with_their_edits(heaps):
    layer, _sync, fids = heaps
    stack = layer.undoStack()
    original = numbers(layer, fids["A"])
    height = layer.fields().indexOf("height_m")
    layer.changeAttributeValue(fids["A"], height, 5.0)  # bare: edit + glued numbers
    layer.beginEditCommand("Attribute changed")  # tool: one command
    layer.changeAttributeValue(fids["A"], height, 4.0)
    layer.endEditCommand()
    count = stack.count()
    assert count == 3

    stack.setIndex(0)  # click the first entry of the undo view
    assert layer.getFeature(fids["A"])["height_m"] == 8.0
    assert numbers(layer, fids["A"]) == original
    stack.setIndex(1)  # lands between the bare edit and its numbers: the numbers follow
    assert stack.index() == 2
    assert_matches_engine(layer, fids["A"], RECT, 5.0)
    stack.setIndex(count)
    assert stack.count() == count  # nothing recomputed on redo, redo history intact
    assert_matches_engine(layer, fids["A"], RECT, 4.0)


def test_geometry_change_by_script_recomputes(heaps):
    layer, _sync, fids = heaps
    assert layer.changeGeometry(fids["B"], QgsGeometry.fromWkt(RECT.wkt))
    assert_matches_engine(layer, fids["B"], RECT, 6.0)


def test_field_calculator_style_edit_of_many_heaps(heaps):
    layer, _sync, fids = heaps
    layer.beginEditCommand("Field calculator")
    index = layer.fields().indexOf("density_t_m3")
    for fid in fids.values():
        layer.changeAttributeValue(fid, index, 1.0)
    layer.endEditCommand()
    # the band keeps its width relative to the density, as in the store
    band = dict(density_t_m3=1.0, density_lo_t_m3=0.75 / 0.85, density_hi_t_m3=1.05 / 0.85)
    assert_matches_engine(layer, fids["A"], RECT, 8.0, **band)
    assert_matches_engine(layer, fids["B"], WIDER, 6.0, **band)
    assert layer.undoStack().count() == 1


def test_model_and_repose_edits_recompute(heaps):
    layer, _sync, fids = heaps
    layer.beginEditCommand("Attribute changed")
    layer.changeAttributeValue(fids["A"], layer.fields().indexOf("model"), "prism")
    layer.endEditCommand()
    assert numbers(layer, fids["A"])["volume_m3"] == pytest.approx(3000.0 * 8.0, rel=2e-3)
    layer.beginEditCommand("Attribute changed")
    layer.changeAttributeValue(fids["B"], layer.fields().indexOf("repose_deg"), 40.0)
    layer.endEditCommand()
    assert_matches_engine(layer, fids["B"], WIDER, 6.0, repose_deg=40.0)


def test_other_fields_do_not_touch_numbers_or_the_undo_stack(heaps):
    layer, _sync, fids = heaps
    before = numbers(layer, fids["A"])
    layer.changeAttributeValue(fids["A"], layer.fields().indexOf("notes"), "looks wet")
    assert numbers(layer, fids["A"]) == before
    assert layer.undoStack().count() == 1


def test_commit_writes_numbers_the_store_agrees_with(heaps, tmp_path):
    layer, _sync, fids = heaps
    layer.beginEditCommand("Moved vertex")
    layer.changeGeometry(fids["A"], QgsGeometry.fromWkt(WIDER.wkt))
    layer.endEditCommand()
    layer.changeAttributeValue(fids["B"], layer.fields().indexOf("height_m"), 4.5)
    assert layer.commitChanges(), layer.commitErrors()
    with PortFile.open(tmp_path / "rason.gpkg") as port_file:
        assert port_file.stale_heaps() == []
        by_label = {h["label"]: h for h in port_file.heaps()}
    assert by_label["A"]["area_m2"] == pytest.approx(4000.0, rel=2e-3)
    assert by_label["B"]["height_m"] == 4.5
    assert by_label["A"]["modified_utc"] > LONG_AGO and by_label["B"]["modified_utc"] > LONG_AGO
    assert by_label["C"]["modified_utc"] == LONG_AGO


def test_unbelievable_height_clears_numbers_and_says_why(heaps):
    layer, sync, fids = heaps
    layer.beginEditCommand("Attribute changed")
    layer.changeAttributeValue(fids["A"], layer.fields().indexOf("height_m"), 70.0)  # over HEIGHT_MAX_M
    layer.endEditCommand()
    got = numbers(layer, fids["A"])
    assert all(got[name] is None or got[name] == NULL for name in schema.DERIVED_FIELDS if name != "volume_note")
    assert "Not computed" in got["volume_note"] and "70" in got["volume_note"]
    assert sync.problems and sync.problems[-1][0] == fids["A"]
    layer.undoStack().undo()
    assert_matches_engine(layer, fids["A"], RECT, 8.0)


def test_height_no_pile_can_reach_is_computed_with_the_engines_warning(heaps):
    layer, sync, fids = heaps
    layer.beginEditCommand("Attribute changed")
    layer.changeAttributeValue(fids["A"], layer.fields().indexOf("height_m"), 40.0)  # 30 m wide: max ~10.5 m
    layer.endEditCommand()
    assert_matches_engine(layer, fids["A"], RECT, 40.0)
    assert "taller" in numbers(layer, fids["A"])["volume_note"]
    assert not sync.problems


def test_new_heap_drawn_in_qgis_gets_numbers(heaps):
    layer, _sync, _fids = heaps
    from qgis.core import QgsFeature

    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(RECT.wkt))
    feature["heap_uid"] = "5b7f3f2e-0000-4000-8000-000000000001"
    feature["observed_utc"] = APRIL_2
    feature["height_m"] = 7.0
    layer.beginEditCommand("Feature added")
    assert layer.addFeature(feature)
    layer.endEditCommand()
    added = [f for f in layer.getFeatures() if f["heap_uid"] == "5b7f3f2e-0000-4000-8000-000000000001"][0]
    assert_matches_engine(layer, added.id(), RECT, 7.0)


def test_disconnect_stops_recomputing(heaps):
    layer, sync, fids = heaps
    before = numbers(layer, fids["A"])
    sync.disconnect()
    layer.changeAttributeValue(fids["A"], layer.fields().indexOf("height_m"), 5.0)
    assert numbers(layer, fids["A"]) == before
    sync.disconnect()  # twice is harmless


def _commit_observed(layer, fid, value):
    layer.beginEditCommand("edit observed_utc")  # as the attribute table does
    layer.changeAttributeValue(fid, layer.fields().indexOf("observed_utc"), value)
    layer.endEditCommand()
    assert layer.commitChanges(), layer.commitErrors()


def _stored(path, label):
    connection = sqlite3.connect(str(path))
    try:
        return connection.execute("SELECT observed_utc, scene_id FROM heaps WHERE label = ?", (label,)).fetchone()
    finally:
        connection.close()


def test_a_hand_edited_time_moves_the_heap_to_the_image_of_that_time_and_keeps_utc(port_file):
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime, Qt

    port_file.add_scene({"scene_id": "S1", "acquired_utc": APRIL_2})
    port_file.add_scene({"scene_id": "S2", "acquired_utc": "2024-05-01T03:00:00Z"})
    port_file.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0, "label": "A", "scene_id": "S1"})
    port_file.add_heap(WIDER, 32652, {"observed_utc": APRIL_2, "height_m": 6.0, "label": "B", "scene_id": "S1"})
    layer = QgsVectorLayer(f"{port_file.path}|layername=heaps", "heaps", "ogr")
    problems = []
    sync = HeapLayerSync(layer, on_problem=lambda fid, message: problems.append(message))
    fids = {f["label"]: f.id() for f in layer.getFeatures()}
    try:
        assert layer.startEditing()
        # typed in the attribute table: a wall-clock time without a zone, the field's UTC
        _commit_observed(layer, fids["A"], QDateTime(QDate(2024, 5, 1), QTime(3, 0, 20), Qt.TimeSpec.LocalTime))
        assert layer.startEditing()
        _commit_observed(layer, fids["B"], QDateTime(QDate(2024, 6, 9), QTime(1, 0), Qt.TimeSpec.LocalTime))
    finally:
        sync.disconnect()
        if layer.isEditable():
            layer.rollBack()
    observed_a, scene_a = _stored(port_file.path, "A")
    observed_b, scene_b = _stored(port_file.path, "B")
    assert scene_a == "S2" and observed_a.startswith("2024-05-01T03:00:20") and observed_a.endswith("Z")
    assert scene_b is None and observed_b.startswith("2024-06-09T01:00:00") and observed_b.endswith("Z")
    assert any("image S2" in p for p in problems) and any("no logged image" in p for p in problems)


def test_editing_a_height_never_moves_a_heap_between_images(port_file):
    port_file.add_scene({"scene_id": "S1", "acquired_utc": APRIL_2})
    # imported heaps may carry their own time, minutes from their scene's: that is not the analyst's edit
    port_file.add_heap(RECT, 32652, {"observed_utc": "2024-04-02T02:40:00Z", "height_m": 8.0, "label": "A",
                                     "scene_id": "S1"})
    layer = QgsVectorLayer(f"{port_file.path}|layername=heaps", "heaps", "ogr")
    problems = []
    sync = HeapLayerSync(layer, on_problem=lambda fid, message: problems.append(message))
    try:
        assert layer.startEditing()
        fid = next(layer.getFeatures()).id()
        layer.beginEditCommand("edit height")
        layer.changeAttributeValue(fid, layer.fields().indexOf("height_m"), 5.0)
        layer.endEditCommand()
        assert layer.commitChanges(), layer.commitErrors()
    finally:
        sync.disconnect()
        if layer.isEditable():
            layer.rollBack()
    observed, scene = _stored(port_file.path, "A")
    assert scene == "S1" and observed.startswith("2024-04-02T02:40") and problems == []
