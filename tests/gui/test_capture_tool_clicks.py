"""The heap capture tool driven by real mouse and key events on a shown canvas."""
import pytest
from qgis.PyQt.QtCore import QPoint, Qt

from coal_monitor.gui.capture_tool import PolygonCaptureTool
from tests.helpers.canvas_iface import CanvasIface, record_tool_signals

# Rason pier area in UTM 52N (EPSG:32652), a 400 m wide view
RASON_UTM = (606_800.0, 4_675_300.0, 607_200.0, 4_675_600.0)


@pytest.fixture()
def drawing():
    iface = CanvasIface()
    iface.show_area("EPSG:32652", RASON_UTM)
    tool = PolygonCaptureTool(iface.canvas)
    iface.canvas.setMapTool(tool)
    events = record_tool_signals(tool)
    yield iface, tool, events
    iface.canvas.unsetMapTool(tool)
    tool.release()
    iface.close()


def square_pixels(origin=QPoint(300, 200), side=120):
    x, y = origin.x(), origin.y()
    return [QPoint(x, y), QPoint(x + side, y), QPoint(x + side, y + side), QPoint(x, y + side)]


def test_clicked_square_is_captured_in_canvas_crs_on_right_click(drawing):
    iface, tool, events = drawing
    pixels = square_pixels()
    for pixel in pixels:
        iface.click(pixel)
    iface.click(QPoint(700, 600), Qt.MouseButton.RightButton)
    assert len(events["captured"]) == 1
    geometry = events["captured"][0]
    expected = [iface.map_point(p) for p in pixels]
    ring = geometry.asPolygon()[0]
    assert len(ring) == 5
    for got, want in zip(ring, expected):
        assert got.distance(want) < 1e-6
    side_m = expected[0].distance(expected[1])
    assert geometry.area() == pytest.approx(side_m * side_m, rel=1e-9)
    assert not tool.is_drawing()


def test_closing_edge_follows_the_mouse_and_preview_includes_it(drawing):
    iface, tool, events = drawing
    for pixel in square_pixels()[:2]:
        iface.click(pixel)
    iface.move(QPoint(420, 400))
    last = events["previews"][-1]
    assert len(last) == 3
    assert last[-1].distance(iface.map_point(QPoint(420, 400))) < 1e-6
    band = tool._band.asGeometry()
    assert band.area() > 0.0


def test_enter_finishes_and_backspace_removes_the_last_corner(drawing):
    iface, tool, events = drawing
    pixels = square_pixels()
    for pixel in pixels + [QPoint(600, 500)]:
        iface.click(pixel)
    iface.key(Qt.Key.Key_Backspace)
    assert len(tool.points) == 4
    iface.key(Qt.Key.Key_Return)
    assert len(events["captured"]) == 1
    assert len(events["captured"][0].asPolygon()[0]) == 5


def test_escape_cancels_without_a_heap(drawing):
    iface, tool, events = drawing
    for pixel in square_pixels():
        iface.click(pixel)
    iface.key(Qt.Key.Key_Escape)
    assert events["canceled"] == 1
    assert not tool.is_drawing()
    iface.click(QPoint(10, 10), Qt.MouseButton.RightButton)
    assert events["captured"] == []
    assert "at least 3 corners" in events["rejected"][-1]


def test_two_corners_are_refused_with_a_message(drawing):
    iface, tool, events = drawing
    for pixel in square_pixels()[:2]:
        iface.click(pixel)
    iface.key(Qt.Key.Key_Enter)
    assert events["captured"] == []
    assert "you clicked 2" in events["rejected"][-1]
    assert len(tool.points) == 2  # kept, so the analyst can go on clicking


def test_self_crossing_bow_tie_is_refused(drawing):
    iface, tool, events = drawing
    a, b, c, d = square_pixels()
    for pixel in (a, b, d, c):  # corners out of order: edges cross
        iface.click(pixel)
    iface.click(QPoint(10, 10), Qt.MouseButton.RightButton)
    assert events["captured"] == []
    assert "crosses itself" in events["rejected"][-1]


def test_switching_tool_while_drawing_cancels(drawing):
    iface, tool, events = drawing
    for pixel in square_pixels()[:3]:
        iface.click(pixel)
    iface.canvas.unsetMapTool(tool)
    assert events["canceled"] == 1
    assert not tool.is_drawing()


def test_corner_snaps_to_a_vertex_as_the_project_snapping_says(drawing, clean_project):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsSnappingConfig, QgsTolerance, QgsVectorLayer

    iface, tool, events = drawing
    pier = QgsVectorLayer("Point?crs=EPSG:32652", "pier corners", "memory")
    corner = iface.map_point(QPoint(300, 200))
    corner = QgsPointXY(corner.x() + 1.234, corner.y() - 0.987)  # a vertex between pixels
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromPointXY(corner))
    pier.dataProvider().addFeatures([feature])
    clean_project.addMapLayer(pier)
    iface.canvas.setLayers([pier])
    config = QgsSnappingConfig(clean_project)
    config.setEnabled(True)
    config.setMode(QgsSnappingConfig.AllLayers)
    config.setTypeFlag(QgsSnappingConfig.VertexFlag)
    config.setTolerance(15)
    config.setUnits(QgsTolerance.Pixels)
    clean_project.setSnappingConfig(config)
    iface.canvas.snappingUtils().setConfig(clean_project.snappingConfig())  # what QGIS desktop does
    for pixel in square_pixels():
        iface.click(pixel)
    iface.key(Qt.Key.Key_Return)
    first = events["captured"][0].asPolygon()[0][0]
    assert first.distance(corner) < 1e-9
    second = events["captured"][0].asPolygon()[0][1]
    assert second.distance(iface.map_point(QPoint(420, 200))) < 1e-6  # nothing to snap to there
