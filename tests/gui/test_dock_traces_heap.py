"""Trace a heap from the dock: one click inside it on a generated textured yard, Enter, a height, Log;
the heap logged in the port file covers the true footprint (IoU >= 0.9), and Esc leaves nothing."""
from datetime import datetime, timezone

from qgis.core import QgsRasterLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from coal_monitor.store.portfile import PortFile
from tests.gui.test_trace_tool import EPSG, write_yard
from tests.helpers.canvas_iface import settle
from tests.helpers.scripted_prompts import ScriptedPrompts
from tests.helpers.trace_scenes import inside_point, iou, yard

SEEN = datetime(2025, 1, 20, 2, 30, tzinfo=timezone.utc)


def _on_the_yard(make_bench, tmp_path):
    scene = yard(seed=4)
    write_yard(tmp_path / "yard.tif", scene)
    bench = make_bench(prompts=ScriptedPrompts(ask_datetime=[SEEN]))
    layer = QgsRasterLayer(str(tmp_path / "yard.tif"), "yard")
    assert layer.isValid()
    bench.project.addMapLayer(layer)
    x0, dx, _, y0, _, dy = scene.geotransform
    rows, cols = scene.pixels.shape[:2]
    bench.iface.show_area(f"EPSG:{EPSG}", (x0, y0 + rows * dy, x0 + cols * dx, y0), [layer])
    bench.dock.set_imagery_layer(layer)
    settle()
    return bench, scene


def _click_inside(bench, truth):
    point = inside_point(truth)
    pixel = bench.iface.pixel((point.x, point.y))
    bench.iface.move(pixel)
    QTest.mouseClick(bench.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pixel)
    settle()


def test_a_traced_heap_is_logged_with_its_true_outline(make_bench, tmp_path):
    bench, scene = _on_the_yard(make_bench, tmp_path)
    bench.press(bench.dock.traceHeapButton)
    assert bench.canvas.mapTool() is bench.dock.trace_tool
    _click_inside(bench, scene.truths["ridge"])
    assert "Drawing" in bench.dock.resultLabel.text() or "t</b>" in bench.dock.resultLabel.text()
    bench.iface.key(Qt.Key.Key_Return)
    assert bench.dock.footprint is not None and bench.canvas.mapTool() is not bench.dock.trace_tool
    bench.type_height(6)
    bench.log_heap()
    assert bench.prompts.kinds_asked() == ["ask_datetime"]  # the yard has no metadata: its date was asked
    with PortFile.open(bench.port_file()) as port_file:
        (heap,) = port_file.heaps()
    assert iou(heap["geometry"], scene.truths["ridge"]) >= 0.9
    assert heap["observed_utc"].startswith("2025-01-20T02:30")


def test_esc_while_tracing_leaves_nothing_to_log(make_bench, tmp_path):
    bench, scene = _on_the_yard(make_bench, tmp_path)
    bench.press(bench.dock.traceHeapButton)
    _click_inside(bench, scene.truths["cone"])
    bench.iface.key(Qt.Key.Key_Escape)
    assert bench.dock.footprint is None and not bench.dock.saveHeapButton.isEnabled()
    assert not bench.port_file().exists()  # nothing was logged, so no port file was made
    assert bench.prompts.asked == []
