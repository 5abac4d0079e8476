"""The one-click heap tracer driven by real mouse, wheel and key events on a shown canvas, on a
generated textured GeoTIFF (tests/helpers/trace_scenes.py) whose true footprints are known."""
import pytest
from osgeo import gdal, osr
from qgis.core import QgsRasterLayer
from qgis.PyQt.QtCore import QEvent, QPoint, QPointF, Qt
from qgis.PyQt.QtGui import QKeyEvent, QWheelEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication
from shapely import wkt

from coal_monitor.gui.trace_tool import TraceTool
from tests.helpers.canvas_iface import CanvasIface, record_tool_signals, settle
from tests.helpers.trace_scenes import inside_point, iou, yard

EPSG = 32652


def write_yard(path, scene):
    rows, cols, bands = scene.pixels.shape
    out = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, bands, gdal.GDT_Byte, ["TILED=YES"])
    out.SetGeoTransform(scene.geotransform)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    out.SetProjection(srs.ExportToWkt())
    for b in range(bands):
        out.GetRasterBand(b + 1).WriteArray(scene.pixels[..., b])
    out = None


@pytest.fixture()
def tracing(tmp_path):
    scene = yard(seed=4)
    write_yard(tmp_path / "yard.tif", scene)
    layer = QgsRasterLayer(str(tmp_path / "yard.tif"), "yard")
    assert layer.isValid()
    iface = CanvasIface()
    x0, dx, _, y0, _, dy = scene.geotransform
    rows, cols = scene.pixels.shape[:2]
    iface.show_area(f"EPSG:{EPSG}", (x0, y0 + rows * dy, x0 + cols * dx, y0), [layer])
    tool = TraceTool(iface.canvas)
    tool.set_layer(layer)
    iface.canvas.setMapTool(tool)
    events = record_tool_signals(tool)
    yield iface, tool, events, scene
    iface.canvas.unsetMapTool(tool)
    tool.release()
    iface.close()


def click_inside(iface, scene, name, modifier=Qt.KeyboardModifier.NoModifier):
    point = inside_point(scene.truths[name])
    pixel = iface.pixel((point.x, point.y))
    iface.move(pixel)
    QTest.mouseClick(iface.canvas.viewport(), Qt.MouseButton.LeftButton, modifier, pixel)
    settle()


def wheel(iface, pixel, clicks):
    event = QWheelEvent(QPointF(pixel), QPointF(iface.canvas.viewport().mapToGlobal(pixel)), QPoint(0, 0),
                        QPoint(0, 120 * clicks), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(iface.canvas.viewport(), event)
    settle()


def shapely_of(geometry):
    return wkt.loads(geometry.asWkt())


@pytest.mark.parametrize("name", ["cone", "ridge"])
def test_a_click_inside_a_heap_and_enter_capture_its_outline(tracing, name):
    iface, tool, events, scene = tracing
    click_inside(iface, scene, name)
    assert events["rejected"] == []
    band = shapely_of(tool._band.asGeometry())
    assert iou(band, scene.truths[name]) >= 0.9  # shown at once, before accepting
    iface.key(Qt.Key.Key_Return)
    assert len(events["captured"]) == 1
    assert iou(shapely_of(events["captured"][0]), scene.truths[name]) >= 0.9
    assert not tool.is_tracing()


def test_shift_click_removes_a_region_and_right_click_accepts(tracing):
    iface, tool, events, scene = tracing
    click_inside(iface, scene, "cone")
    click_inside(iface, scene, "flat")
    both = scene.truths["cone"].union(scene.truths["flat"])
    assert iou(shapely_of(events["previews"][-1]), both) >= 0.9
    click_inside(iface, scene, "flat", Qt.KeyboardModifier.ShiftModifier)
    iface.click(QPoint(10, 10), Qt.MouseButton.RightButton)
    assert len(events["captured"]) == 1
    assert iou(shapely_of(events["captured"][0]), scene.truths["cone"]) >= 0.9


def test_the_wheel_changes_the_tolerance_and_the_outline_and_esc_cancels(tracing):
    iface, tool, events, scene = tracing
    click_inside(iface, scene, "ridge")
    first = shapely_of(tool._band.asGeometry())
    scale_before = iface.canvas.scale()
    pixel = iface.pixel(tuple(inside_point(scene.truths["ridge"]).coords[0]))
    wheel(iface, pixel, -5)
    assert tool.tolerance < 0.45 - 0.2 + 1e-9
    tighter = shapely_of(tool._band.asGeometry())
    assert len(events["previews"]) >= 2
    assert tighter.area < first.area  # darker-only coal: the outline shrinks
    assert iface.canvas.scale() == pytest.approx(scale_before)  # the wheel did not zoom
    iface.key(Qt.Key.Key_Escape)
    assert events["canceled"] == 1
    assert events["captured"] == []
    assert tool._band.asGeometry().isEmpty()


def test_keys_it_uses_are_consumed_and_others_left_to_qgis(tracing):
    iface, tool, events, scene = tracing
    click_inside(iface, scene, "ridge")
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
        event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
        tool.keyPressEvent(event)
        assert event.isAccepted(), key
    other = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
    tool.keyPressEvent(other)
    assert not other.isAccepted()
    assert not tool.is_tracing()  # Delete forgot the clicks


def test_a_click_on_bright_ground_is_rejected_with_a_reason(tracing):
    iface, tool, events, scene = tracing
    x0, dx, _, y0, _, dy = scene.geotransform
    iface.click(iface.pixel((x0 + 3 * dx, y0 + 3 * dy)))
    assert len(events["rejected"]) == 1
    assert "not on dark material" in events["rejected"][0]
    assert not tool.is_tracing()
