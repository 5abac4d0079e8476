"""A one-click map tool that picks a place (a new port's location) on the canvas, in WGS84."""
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsProject
from qgis.gui import QgsMapTool
from qgis.PyQt.QtCore import Qt, pyqtSignal

from .map_tool_keys import handle_key, mark


class LocationPickTool(QgsMapTool):
    """Left click: emits ``picked(lat_deg, lon_deg)``; Esc or right click: emits ``canceled``.

    Either way the canvas gets back the map tool that was active before, so picking a place never
    leaves the analyst in an unexpected tool.
    """

    picked = pyqtSignal(float, float)
    canceled = pyqtSignal()

    def __init__(self, canvas):
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._previous = None

    def arm(self):
        current = self.canvas().mapTool()
        self._previous = current if current is not self else None
        self.canvas().setMapTool(self)

    def canvasReleaseEvent(self, event):  # noqa: N802 (QGIS's name)
        if event.button() == Qt.MouseButton.RightButton:
            self._finish()
            self.canceled.emit()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        to_wgs84 = QgsCoordinateTransform(self.canvas().mapSettings().destinationCrs(),
                                          QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
        try:
            point = to_wgs84.transform(event.mapPoint())
        except QgsCsException:
            self._finish()
            self.canceled.emit()
            return
        self._finish()
        self.picked.emit(point.y(), point.x())

    def keyPressEvent(self, event):  # noqa: N802 (QGIS's name)
        handle_key(event, {Qt.Key.Key_Escape: self._cancel})

    def keyReleaseEvent(self, event):  # noqa: N802 (QGIS's name)
        mark(event)

    def _cancel(self):
        self._finish()
        self.canceled.emit()

    def _finish(self):
        previous, self._previous = self._previous, None
        if self.canvas().mapTool() is self:
            if previous is not None:
                self.canvas().setMapTool(previous)
            else:
                self.canvas().unsetMapTool(self)

    def release(self):
        """Unset the tool (plugin unload)."""
        if self.canvas().mapTool() is self:
            self.canvas().unsetMapTool(self)
