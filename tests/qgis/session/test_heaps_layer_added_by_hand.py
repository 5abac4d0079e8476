"""A heaps layer the analyst adds herself (Add Layer, drag and drop) is kept derived like the dock's."""
import pytest
from qgis.core import QgsVectorLayer
from shapely.geometry import box

from coal_monitor.core.ports import PortRegistry
from coal_monitor.store.portfile import PortFile
from tests.helpers.session_bench import SessionBench
from tests.qgis.store.test_layer_sync import engine

RECT = box(606_000, 4_675_000, 606_100, 4_675_030)


@pytest.fixture()
def hand_added(tmp_path, clean_project):
    bench = SessionBench(tmp_path)
    bench.start()
    path = tmp_path / "elsewhere" / "rason_copy.gpkg"
    path.parent.mkdir()
    with PortFile.create(path, PortRegistry().get("Rason")) as port_file:
        port_file.add_heap(RECT, 32652, {"observed_utc": "2024-04-02T02:31:00Z", "height_m": 8.0})
    layer = QgsVectorLayer(f"{path}|layername=heaps", "rason_copy heaps", "ogr")  # as Add Layer makes it
    assert layer.isValid()
    bench.project.addMapLayer(layer)
    assert bench.session.layers.is_watched(layer)
    assert layer.startEditing()
    yield bench, layer, next(layer.getFeatures()).id()
    layer.rollBack()
    bench.close()


def _edit(layer, fid, name, value):
    """As the attribute table does: one edit command around the change."""
    layer.beginEditCommand(f"edit {name}")
    layer.changeAttributeValue(fid, layer.fields().indexOf(name), value)
    layer.endEditCommand()


def test_an_edited_height_recomputes_at_once(hand_added):
    _bench, layer, fid = hand_added
    _edit(layer, fid, "height_m", 5.0)
    feature = layer.getFeature(fid)
    assert feature["tonnage_t"] == pytest.approx(engine(RECT, 5.0)["tonnage_t"], rel=1e-9)
    assert feature["tonnage_lo_t"] <= feature["tonnage_t"] <= feature["tonnage_hi_t"]


def test_a_typed_tonnage_is_put_back_to_the_engines(hand_added):
    _bench, layer, fid = hand_added
    _edit(layer, fid, "tonnage_t", 99_999.0)
    feature = layer.getFeature(fid)
    assert feature["tonnage_t"] == pytest.approx(engine(RECT, 8.0)["tonnage_t"], rel=1e-9)
    assert feature["tonnage_lo_t"] <= feature["tonnage_t"] <= feature["tonnage_hi_t"]


def test_a_layer_of_another_kind_is_left_alone(tmp_path, clean_project):
    bench = SessionBench(tmp_path)
    try:
        memory = QgsVectorLayer("Polygon?crs=EPSG:32652&field=height_m:double", "sketch", "memory")
        bench.project.addMapLayer(memory)
        assert not bench.session.layers.is_watched(memory)
    finally:
        bench.close()
