"""A map tool that traces one heap's footprint from the image with a click (coal_monitor/core/trace.py).

Interaction: a left click inside a heap on the raster layer grows its outline, shown at once as a rubber
band; another click adds a region, Shift+click removes one; the mouse wheel (during a trace) or +/-
change the tolerance and the outline follows; Backspace forgets the last click, Delete all of them;
Enter or a right click accepts (``captured``), Esc cancels (``canceled``). The keys it uses are
consumed (accepted) while the tool is active so that QGIS's own shortcuts (Delete of selected
features) never receive them; every other key is ignored and goes on to QGIS.

Only a window of the raster around the first click is read (``trace_reader``), at the canvas's
resolution or finer; later clicks outside that window are refused with a message.
"""
from qgis.core import (Qgis, QgsCoordinateTransform, QgsGeometry, QgsPointXY, QgsProject, QgsRasterLayer,
                       QgsWkbTypes)
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ..core import trace as tracing
from ..core.errors import InputError
from ..core.trace_reader import read_window
from ..translation import QT_TR_NOOP, message_text, tr

_OUTLINE = QColor(20, 160, 230)
_FILL = QColor(20, 160, 230, 50)
_TOLERANCE_KEYS = {Qt.Key.Key_Plus: 1, Qt.Key.Key_Equal: 1, Qt.Key.Key_Minus: -1}
_ACCEPT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class TraceTool(QgsMapTool):
    """Traces a heap on ``layer`` (a GDAL raster layer); emits ``captured(QgsGeometry)`` in canvas CRS.

    Signals (as PolygonCaptureTool's, so the dock can treat both alike):
      ``preview_changed(QgsGeometry)``: the outline after each click or tolerance change (canvas CRS);
      ``captured(QgsGeometry)``: Enter or right click with an outline;
      ``rejected(str)``: a click that traced nothing (bright ground, outside the image or the window),
        or accepting without an outline; the clicks so far are kept;
      ``canceled()``: Esc, or the tool switched away during a trace.
    """

    preview_changed = pyqtSignal(QgsGeometry)
    captured = pyqtSignal(QgsGeometry)
    rejected = pyqtSignal(str)
    canceled = pyqtSignal()

    def __init__(self, canvas, layer=None):
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.layer = None
        self.tolerance = tracing.TOLERANCE_DEFAULT
        self.seeds = []          # tracing.Seed in the window's pixels
        self.outline = None      # QgsGeometry, canvas CRS
        self._window = None
        self._band = None
        if layer is not None:
            self.set_layer(layer)

    def set_layer(self, layer):
        """Trace on ``layer`` from now on (forgets a trace in progress)."""
        if layer is not None and not isinstance(layer, QgsRasterLayer):
            raise TypeError(f"layer {layer!r} is not a raster layer")
        self.reset()
        self.layer = layer

    # --- state -----------------------------------------------------------------------------------
    def is_tracing(self):
        return bool(self.seeds)

    def reset(self):
        self.seeds = []
        self.outline = None
        self._window = None
        if self._band is not None:
            self._band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def release(self):
        """Remove the rubber band from the canvas (the plugin is unloading)."""
        self.reset()
        if self._band is not None:
            self.canvas().scene().removeItem(self._band)
        self._band = None

    # --- QgsMapTool ------------------------------------------------------------------------------
    def deactivate(self):
        if self.seeds:
            self.reset()
            self.canceled.emit()
        super().deactivate()

    def canvasReleaseEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            add = not (event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.click(QgsPointXY(self.toMapCoordinates(event.pos())), add)
        elif event.button() == Qt.MouseButton.RightButton:
            self.finish()

    def wheelEvent(self, event):
        if not self.seeds:
            event.ignore()  # no trace yet: the canvas zooms as usual
            return
        steps = event.angleDelta().y() // 120
        if steps:
            self.change_tolerance(steps)
        event.accept()

    def keyPressEvent(self, event):
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.cancel()
        elif key in _ACCEPT_KEYS:
            self.finish()
        elif key == Qt.Key.Key_Backspace:
            self.remove_last_seed()
        elif key == Qt.Key.Key_Delete:
            self.reset()
        elif key in _TOLERANCE_KEYS:
            self.change_tolerance(_TOLERANCE_KEYS[key])
        else:
            event.ignore()
            return
        event.accept()

    # --- actions (also callable from code) -------------------------------------------------------
    def click(self, canvas_point, add=True):
        """Add (or, with ``add`` False, remove) the region grown at ``canvas_point``."""
        if self.layer is None:
            self.rejected.emit("Choose the image to trace on first (no raster layer is set).")
            return
        x, y = self._to_layer(canvas_point)
        try:
            if self._window is None:
                self._window = read_window(self.layer.dataProvider().dataSourceUri(), x, y,
                                           resolution_m=self._canvas_pixel_in_layer_units(canvas_point))
            col, row = tracing.to_pixel(x, y, self._window.geotransform)
            rows, cols = self._window.pixels.shape[:2]
            if not (0 <= col < cols and 0 <= row < rows):
                raise InputError(QT_TR_NOOP("this click is outside the image window read for the first one: accept "
                                            "(Enter) or cancel (Esc) this heap, then start the next one"))
            self.seeds.append(tracing.Seed(col, row, add))
            if not self._retrace():
                self.seeds.pop()
                if not self.seeds:
                    self.reset()
        except InputError as exc:  # the window could not be read or the click is outside it
            if not self.seeds:
                self._window = None
            self.rejected.emit(message_text(exc))

    def change_tolerance(self, steps):
        previous = self.tolerance
        value = self.tolerance + steps * tracing.TOLERANCE_STEP
        self.tolerance = round(min(max(value, tracing.TOLERANCE_MIN), tracing.TOLERANCE_MAX), 4)
        if self.seeds and not self._retrace():
            self.tolerance = previous

    def remove_last_seed(self):
        if self.seeds:
            self.seeds.pop()
            if not (self.seeds and self._retrace()):
                self.reset()

    def cancel(self):
        self.reset()
        self.canceled.emit()

    def finish(self):
        if self.outline is None:
            self.rejected.emit(tr("Nothing traced yet: click inside a heap on the image first."))
            return
        outline = QgsGeometry(self.outline)
        self.reset()
        self.captured.emit(outline)

    # --- internals -------------------------------------------------------------------------------
    def _retrace(self):
        """Trace the seeds again; False (and ``rejected`` told why) when that traced nothing."""
        try:
            shape = tracing.trace(self._window.pixels, self._window.geotransform, self.seeds, self.tolerance)
        except Exception as exc:  # noqa: BLE001 - a slot: an unexpected failure is told, never a traceback
            reason = (message_text(exc) if isinstance(exc, InputError)
                      else tr("tracing failed here ({problem}); draw the heap instead").format(problem=exc))
            self.rejected.emit(reason)
            return False
        geometry = QgsGeometry.fromWkt(shape.wkt)
        transform = self._layer_to_canvas()
        if transform is not None:
            geometry.transform(transform)
        self.outline = geometry
        band = self._rubber_band()
        band.setToGeometry(geometry, None)
        self.preview_changed.emit(QgsGeometry(geometry))
        return True

    def _rubber_band(self):
        if self._band is None:
            self._band = QgsRubberBand(self.canvas(), QgsWkbTypes.GeometryType.PolygonGeometry)
            self._band.setStrokeColor(_OUTLINE)
            self._band.setFillColor(_FILL)
            self._band.setWidth(2)
        return self._band

    def _layer_to_canvas(self):
        source, target = self.layer.crs(), self.canvas().mapSettings().destinationCrs()
        if source == target:
            return None
        return QgsCoordinateTransform(source, target, QgsProject.instance())

    def _to_layer(self, canvas_point):
        transform = self._layer_to_canvas()
        if transform is None:
            return canvas_point.x(), canvas_point.y()
        point = transform.transform(canvas_point, Qgis.TransformDirection.Reverse)
        return point.x(), point.y()

    def _canvas_pixel_in_layer_units(self, canvas_point):
        step = self.canvas().mapUnitsPerPixel()
        a = self._to_layer(canvas_point)
        b = self._to_layer(QgsPointXY(canvas_point.x() + step, canvas_point.y()))
        return ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5
