"""A shown main window with the real Coal Monitor dock, a real canvas and a synthetic image of Rason.

The analyst's story in tests: pick the port and image, press "Draw heap", click corners on the canvas,
type a height, press "Log heap"; then read the port's GeoPackage from outside QGIS.
"""
import sqlite3

from pyproj import Transformer
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsRasterLayer
from qgis.gui import QgsLayerTreeMapCanvasBridge
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtTest import QTest

from coal_monitor.core.ports import PortRegistry
from coal_monitor.gui.dock import CoalMonitorDock
from tests.helpers.canvas_iface import CanvasIface, settle
from tests.helpers.rasters import write_geotiff
from tests.helpers.scripted_prompts import ScriptedPrompts

RASON_EPSG = 32652
# The synthetic image: 400 x 300 m at 0.5 m beside RasonConTrans Pier 3 (UTM 52N).
IMAGE_ORIGIN = (605_700.0, 4_675_900.0)
IMAGE_PIXEL_M = 0.5
IMAGE_SIZE = (800, 600)
ACQUIRED = "2024-04-05 02:13:00"


class DockBench:
    """Window + canvas + dock + image, in a project saved under ``folder``."""

    def __init__(self, folder, canvas_crs="EPSG:32652", imagery_metadata=True, prompts=None):
        self.folder = folder
        self.project = QgsProject.instance()
        self.project.setFileName(str(folder / "rason_analysis.qgz"))
        metadata = {"ACQUISITIONDATETIME": ACQUIRED, "SATELLITEID": "WV03"} if imagery_metadata else None
        self.image_path = write_geotiff(folder / "rason_20240405.tif", epsg=RASON_EPSG, origin=IMAGE_ORIGIN,
                                        pixel_m=IMAGE_PIXEL_M, size=IMAGE_SIZE, imagery=metadata)
        self.image = QgsRasterLayer(self.image_path, "Rason 2024-04-05")
        assert self.image.isValid()
        self.project.addMapLayer(self.image)
        self.iface = CanvasIface(size=(1400, 1000))
        # as in QGIS desktop: the canvas shows the project's layer tree (the heaps layer appears on it)
        self.bridge = QgsLayerTreeMapCanvasBridge(self.project.layerTreeRoot(), self.iface.canvas)
        self.prompts = prompts if prompts is not None else ScriptedPrompts()
        self.dock = CoalMonitorDock(self.iface, self.iface.mainWindow(), registry=PortRegistry(),
                                    prompts=self.prompts)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.show()
        self.show_image_in(canvas_crs)
        self.dock.set_port("Rason")
        self.dock.set_imagery_layer(self.image)
        settle()

    @property
    def canvas(self):
        return self.iface.canvas

    def show_image_in(self, crs_authid):
        """Canvas in ``crs_authid`` (on-the-fly reprojection), zoomed to the image."""
        to_canvas = QgsCoordinateTransform(self.image.crs(), QgsCoordinateReferenceSystem(crs_authid),
                                           self.project)
        extent = to_canvas.transformBoundingBox(self.image.extent())
        self.iface.show_area(crs_authid, (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(),
                                          extent.yMaximum()), self.iface.canvas.layers() or [self.image])

    # --- the analyst's hands ---------------------------------------------------------------------
    def press(self, button):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        settle()

    def draw(self, pixels, finish="right"):
        """Press "Draw heap", click the corners, finish; returns the clicked points in the canvas CRS."""
        self.press(self.dock.drawHeapButton)
        points = []
        for pixel in pixels:
            self.iface.click(pixel)
            points.append(self.iface.map_point(pixel))
        if finish == "right":
            self.iface.click(QPoint(5, 5), Qt.MouseButton.RightButton)
        elif finish == "enter":
            self.iface.key(Qt.Key.Key_Return)
        return points

    def type_height(self, height_m, sigma_m=None):
        _type_into(self.dock.heightSpin, height_m)
        if sigma_m is not None:
            _type_into(self.dock.heightSigmaSpin, sigma_m)

    def log_heap(self):
        self.press(self.dock.saveHeapButton)

    # --- reading back ----------------------------------------------------------------------------
    def port_file(self):
        return self.folder / "coal_monitor_data" / "rason.gpkg"

    def rows(self):
        """The heaps table read with plain sqlite3 (outside QGIS and the store)."""
        connection = sqlite3.connect(str(self.port_file()))
        connection.row_factory = sqlite3.Row
        try:
            return [dict(r) for r in connection.execute("SELECT * FROM heaps ORDER BY fid")]
        finally:
            connection.close()

    def close(self):
        """Release the dock and its window (once; the gui fixtures close every bench they made)."""
        if self.dock is None:
            return
        self.bridge.deleteLater()
        self.dock.cleanup()
        self.iface.removeDockWidget(self.dock)
        self.dock.setParent(None)
        self.dock.deleteLater()
        self.dock = None
        self.iface.close()


def _type_into(spin, value):
    """Select the spin box's text and type the number, as an analyst does."""
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, f"{value:g}")
    QTest.keyClick(spin, Qt.Key.Key_Tab)
    settle()


def to_port_crs(points, canvas_authid):
    """Canvas points to UTM 52N with pyproj (independently of QGIS's transforms)."""
    transformer = Transformer.from_crs(canvas_authid, f"EPSG:{RASON_EPSG}", always_xy=True)
    return [transformer.transform(p.x(), p.y()) for p in points]
