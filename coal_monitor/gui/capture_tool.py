"""A polygon capture map tool for tracing one heap footprint.

A plain ``QgsMapTool`` rather than ``QgsMapToolCapture``: on QGIS 3.22 the capture base class wants an
editable vector layer and its "geometry captured" virtuals only arrived in 3.26. This tool owns its
rubber bands and emits the finished outline in the canvas CRS; the dock converts it.

Interaction: left click adds a vertex (snapped as the project's snapping settings say), the rubber band
shows the polygon with its closing edge following the mouse, Backspace removes the last vertex, Esc
cancels, right click or Enter/Return finishes.
"""
from qgis.core import QgsGeometry, QgsPointLocator, QgsPointXY, QgsWkbTypes
from qgis.gui import QgsMapTool, QgsRubberBand, QgsSnapIndicator
from qgis.PyQt.QtCore import QTimer, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ..translation import tr
from .map_tool_keys import handle_key, mark

MIN_VERTICES = 3
_OUTLINE = QColor(230, 90, 20)
_FILL = QColor(230, 90, 20, 50)


def outline_problem(points):
    """Why these canvas points make no heap outline, or "" when they do."""
    if len(points) < MIN_VERTICES:
        return tr(
            "A heap outline needs at least {needed} corners; you clicked {clicked}. "
            "Click around the heap again and finish with a right click or Enter."
        ).format(needed=MIN_VERTICES, clicked=len(points))
    if QgsGeometry.fromMultiPointXY(list(points)).convexHull().area() <= 0.0:
        return tr("The outline has no area (all corners on one line). Click around the heap again.")
    if not polygon_from_points(points).isGeosValid():
        return tr(
            "The outline crosses itself. Click the corners in order around the heap "
            "(clockwise or anticlockwise) without crossing an edge."
        )
    return ""


def polygon_from_points(points):
    """A closed polygon geometry through the given points (canvas CRS)."""
    return QgsGeometry.fromPolygonXY([list(points) + [points[0]]])


class PolygonCaptureTool(QgsMapTool):
    """Collects the corners of one heap; emits ``captured(QgsGeometry)`` in the canvas CRS.

    Signals:
      ``preview_changed(list)``: the corners plus the mouse position, coalesced to one emission per
        event-loop pass so a live estimate never lags behind the mouse;
      ``captured(QgsGeometry)``: a valid polygon was finished;
      ``rejected(str)``: finishing failed (too few corners, self-crossing); the corners are kept so the
        analyst can fix the outline with Backspace;
      ``canceled()``: Esc, or the tool was switched away while drawing.
    """

    preview_changed = pyqtSignal(list)
    captured = pyqtSignal(QgsGeometry)
    rejected = pyqtSignal(str)
    canceled = pyqtSignal()

    def __init__(self, canvas):
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.points = []
        self.mouse_point = None
        self._band = None
        self._vertex_band = None
        self._snap_indicator = QgsSnapIndicator(canvas)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(0)
        self._preview_timer.timeout.connect(self._emit_preview)

    # --- state -----------------------------------------------------------------------------------
    def is_drawing(self):
        return bool(self.points)

    def preview_points(self):
        """Clicked corners plus the current mouse position (when it differs from the last corner)."""
        points = list(self.points)
        if self.mouse_point is not None and (not points or self.mouse_point != points[-1]):
            points.append(self.mouse_point)
        return points

    def reset(self):
        """Forget the outline and hide the rubber bands."""
        self.points = []
        self.mouse_point = None
        self._preview_timer.stop()
        if self._snap_indicator is not None:
            self._snap_indicator.setMatch(_no_match())
        if self._band is not None:
            self._band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
            self._vertex_band.reset(QgsWkbTypes.GeometryType.PointGeometry)

    def release(self):
        """Remove rubber bands and indicator from the canvas (the plugin is unloading)."""
        self.reset()
        for band in (self._band, self._vertex_band):
            if band is not None:
                self.canvas().scene().removeItem(band)
        self._band = None
        self._vertex_band = None
        self._snap_indicator = None

    # --- QgsMapTool ------------------------------------------------------------------------------
    def deactivate(self):
        if self.points:
            self.reset()
            self.canceled.emit()
        super().deactivate()

    def canvasMoveEvent(self, event):
        self.mouse_point = self._snapped_point(event)
        if self.points:
            self._update_bands()
            self._schedule_preview()

    def canvasReleaseEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            point = self._snapped_point(event)
            if not self.points or point != self.points[-1]:
                self.points.append(point)
            self.mouse_point = point
            self._update_bands()
            self._schedule_preview()
        elif event.button() == Qt.MouseButton.RightButton:
            self.finish()

    def keyPressEvent(self, event):
        handle_key(event, {Qt.Key.Key_Escape: self.cancel, Qt.Key.Key_Backspace: self.remove_last_vertex,
                           Qt.Key.Key_Return: self.finish, Qt.Key.Key_Enter: self.finish})

    def keyReleaseEvent(self, event):
        mark(event)

    # --- actions (also callable from code) -------------------------------------------------------
    def remove_last_vertex(self):
        if self.points:
            self.points.pop()
            self._update_bands()
            self._schedule_preview()

    def cancel(self):
        self.reset()
        self.canceled.emit()

    def finish(self):
        """Emit the outline if it is a valid polygon, else explain why and keep the corners."""
        problem = outline_problem(self.points)
        if problem:
            self.mouse_point = None
            self._update_bands()
            self.rejected.emit(problem)
            return
        geometry = polygon_from_points(self.points)
        self.reset()
        self.captured.emit(geometry)

    # --- internals -------------------------------------------------------------------------------
    def _snapped_point(self, event):
        match = self.canvas().snappingUtils().snapToMap(event.pos())
        if self._snap_indicator is not None:
            self._snap_indicator.setMatch(match)
        if match.isValid():
            return QgsPointXY(match.point())
        return QgsPointXY(self.toMapCoordinates(event.pos()))

    def _bands(self):
        if self._band is None:
            self._band = QgsRubberBand(self.canvas(), QgsWkbTypes.GeometryType.PolygonGeometry)
            self._band.setStrokeColor(_OUTLINE)
            self._band.setFillColor(_FILL)
            self._band.setWidth(2)
            self._vertex_band = QgsRubberBand(self.canvas(), QgsWkbTypes.GeometryType.PointGeometry)
            self._vertex_band.setColor(_OUTLINE)
            self._vertex_band.setIcon(QgsRubberBand.ICON_BOX)
            self._vertex_band.setIconSize(7)
        return self._band, self._vertex_band

    def _update_bands(self):
        band, vertex_band = self._bands()
        band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        vertex_band.reset(QgsWkbTypes.GeometryType.PointGeometry)
        outline = self.preview_points()
        for index, point in enumerate(outline):
            band.addPoint(point, index == len(outline) - 1)
        for index, point in enumerate(self.points):
            vertex_band.addPoint(point, index == len(self.points) - 1)

    def _schedule_preview(self):
        if not self._preview_timer.isActive():
            self._preview_timer.start()

    def _emit_preview(self):
        self.preview_changed.emit(self.preview_points())


def _no_match():
    return QgsPointLocator.Match()
