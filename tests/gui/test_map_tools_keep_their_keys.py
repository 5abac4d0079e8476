"""The plugin's map tools hand their keys back to the canvas so that QGIS does not act on them.

The QGIS application deletes the active layer's selected features when the canvas's ``keyPressed`` signal
carries a Backspace or Delete press still accepted (the map tool did not take the key; the canvas emits
the signal only for accepted presses); QGIS's own capture tools ignore those presses for that reason.
Real key presses on a shown canvas: what the signal carries, and that each tool still did its own action
(the desktop tier checks that the selected heap survives in QGIS itself).
"""
import pytest
from qgis.PyQt.QtCore import QPoint, Qt

from coal_monitor.gui.capture_tool import PolygonCaptureTool
from coal_monitor.gui.location_tool import LocationPickTool
from coal_monitor.gui.shadow_tool import ShadowMapTool
from tests.helpers.canvas_iface import CanvasIface

RASON_UTM = (606_800.0, 4_675_300.0, 607_200.0, 4_675_600.0)
TOOLS = {"capture": PolygonCaptureTool, "shadow": ShadowMapTool, "location": LocationPickTool}


@pytest.fixture(params=sorted(TOOLS))
def armed(request):
    iface = CanvasIface()
    iface.show_area("EPSG:32652", RASON_UTM)
    tool = TOOLS[request.param](iface.canvas)
    iface.canvas.setMapTool(tool)
    seen = {"pressed": [], "released": []}
    iface.canvas.keyPressed.connect(lambda e: seen["pressed"].append((e.key(), e.isAccepted())))
    iface.canvas.keyReleased.connect(lambda e: seen["released"].append((e.key(), e.isAccepted())))
    yield iface, tool, seen
    if iface.canvas.mapTool() is tool:
        iface.canvas.unsetMapTool(tool)
    if hasattr(tool, "release"):
        tool.release()
    iface.close()


@pytest.mark.parametrize("key", [Qt.Key.Key_Backspace, Qt.Key.Key_Delete])
def test_backspace_and_delete_never_reach_qgis_as_unhandled(armed, key):
    iface, _tool, seen = armed
    iface.key(key)
    assert (key, True) not in seen["pressed"]  # QGIS deletes the selection for an accepted press
    assert (key, True) not in seen["released"]


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_escape_and_enter_are_taken_by_the_tool(armed, key):
    iface, tool, seen = armed
    iface.key(key)
    if isinstance(tool, LocationPickTool) and key == Qt.Key.Key_Escape:
        assert iface.canvas.mapTool() is not tool  # cancelled: the canvas has its previous tool back
    else:
        assert seen["pressed"] == [(key, True)]


def test_backspace_still_drops_the_last_corner_and_keeps_the_others():
    iface = CanvasIface()
    iface.show_area("EPSG:32652", RASON_UTM)
    tool = PolygonCaptureTool(iface.canvas)
    iface.canvas.setMapTool(tool)
    try:
        for pixel in (QPoint(300, 200), QPoint(420, 200), QPoint(420, 320)):
            iface.click(pixel)
        iface.key(Qt.Key.Key_Backspace)
        assert len(tool.points) == 2
        iface.key(Qt.Key.Key_Delete)  # not one of the capture tool's keys: nothing happens to the outline
        assert len(tool.points) == 2
    finally:
        iface.canvas.unsetMapTool(tool)
        tool.release()
        iface.close()


def test_a_key_the_tools_do_not_use_goes_to_qgis(armed):
    iface, _tool, seen = armed
    iface.key(Qt.Key.Key_A)
    assert (Qt.Key.Key_A, True) not in seen["pressed"]
