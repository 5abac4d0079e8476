"""Heaps imported by coal_monitor:importheaps (or written by another QGIS) show up in the open session
without the analyst logging a heap first: the image's heaps, the heaps layer, the trends' source."""
import time

from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

from coal_monitor.definitions import LAYER_ROLE, ROLE_HEAPS
from coal_monitor.gui.imagery import scene_id_for
from tests.helpers.session_bench import HEAP_XY, SessionBench


def _digitised(scene_id):
    layer = QgsVectorLayer("Polygon?crs=EPSG:32652&field=h:double&field=seen:datetime&field=scene:string",
                           "digitised", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in HEAP_XY + HEAP_XY[:1]]]))
    feature.setAttributes([6.0, QDateTime(QDate(2024, 4, 5), QTime(2, 13), Qt.UTC), scene_id])
    assert layer.dataProvider().addFeatures([feature])
    return layer


def _wait_for(condition, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QgsApplication.processEvents()
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_imported_heaps_appear_in_the_open_session(tmp_path, clean_project, processing):
    bench = SessionBench(tmp_path)
    try:
        session = bench.start()
        assert session.log.file is None and session.trends_source() is None  # no heap logged yet
        (tmp_path / "coal_monitor_data").mkdir()
        processing.run("coal_monitor:importheaps", {
            "INPUT": _digitised(scene_id_for(bench.image)), "PORT": "Rason", "HEIGHT_FIELD": "h", "DATE_FIELD": "seen",
            "SCENE_FIELD": "scene", "OUTPUT": str(bench.port_file())})
        assert _wait_for(lambda: bench.signals["heaps_changed"] and bench.signals["heaps_changed"][-1][0])
        (rows,) = bench.signals["heaps_changed"][-1]
        assert [r["height_m"] for r in rows] == [6.0]
        assert session.trends_source() is not None
        layers = [layer for layer in bench.project.mapLayers().values()
                  if layer.customProperty(LAYER_ROLE) == ROLE_HEAPS]
        assert len(layers) == 1 and layers[0].featureCount() == 1
        assert session.layers.is_watched(layers[0])
    finally:
        bench.close()
