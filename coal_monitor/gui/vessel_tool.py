"""Measure a ship on the image: click the bow, the stern, then the hull's side at its widest.

The rectangle the three clicks describe follows the mouse from the second click on, with its length over
all (LOA) and beam written beside the cursor. Lengths are measured in a metric frame, never in the
canvas's units: the port's CRS when the caller sets it (``set_metric_crs``), else the UTM zone of the
first click, so a canvas in EPSG:4326 or Web Mercator (x1.83 at Rason) measures true metres. The
rectangle is drawn back into the canvas CRS, and that is what ``hull_measured`` carries, with the three
clicks in the canvas CRS: the session converts them to the port's CRS and calls ``core.vessels``.

Outline mode (``set_mode(MODE_OUTLINE)``): click the hull's corners and finish with a right click or
Enter; the oriented minimum bounding box gives LOA and beam (``outline_measured``).

Keys (gui/map_tool_keys.py): Backspace removes the last click, Esc cancels; the keys are kept from QGIS.
A right click cancels a three-click measurement. Clicks that make no ship (shorter than 20 m, beam over
a third of the length) are refused with ``rejected`` and the bow and stern are kept.
"""
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsPointXY, QgsProject,
                       QgsWkbTypes)
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import QPointF, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QFont, QPen
from qgis.PyQt.QtWidgets import QGraphicsSimpleTextItem

from ..core import vessels
from ..core.errors import InputError
from ..core.ports import utm_epsg_for
from ..core.messages import QT_TR_NOOP, Message
from ..translation import message_text, tr
from .map_tool_keys import handle_key, mark
from .shadow_tool import MapFrame

MODE_CLICKS = "clicks"
MODE_OUTLINE = "outline"
MODES = (MODE_CLICKS, MODE_OUTLINE)
CLICKS = 3  # bow, stern, side
OUTLINE_MIN_CORNERS = 3
_HULL = QColor(0, 170, 90)
_FILL = QColor(0, 170, 90, 45)
_LABEL = QColor(255, 255, 255)
_LABEL_EDGE = QColor(0, 0, 0)
_BAND_TYPES = {"clicks": QgsWkbTypes.GeometryType.PointGeometry, "line": QgsWkbTypes.GeometryType.LineGeometry,
               "hull": QgsWkbTypes.GeometryType.PolygonGeometry}
_LABEL_OFFSET_PX = QPointF(14.0, 10.0)


def hull_text(hull) -> str:
    """The live readout of a hull (metres, one decimal)."""
    # message_text writes the numbers for the locale (German "12,5 m"), as every number the dock shows
    return message_text(Message(QT_TR_NOOP("LOA {loa:.1f} m, beam {beam:.1f} m"), loa=float(hull.loa_m),
                                beam=float(hull.beam_m)))


class VesselTool(QgsMapTool):
    """Bow, stern and side clicks (or a hull outline); emits the measured hull in the canvas CRS.

    Signals:
      ``hull_measured(QgsGeometry, QgsPointXY, QgsPointXY, QgsPointXY)``: the hull rectangle (polygon),
        bow, stern and side clicks, all in the canvas CRS;
      ``outline_measured(QgsGeometry, QgsGeometry)``: outline mode: the oriented bounding rectangle and
        the drawn outline, canvas CRS;
      ``preview_changed(object)``: the ``core.vessels.Hull`` (metric frame) the mouse would give, or None;
      ``rejected(str)``: clicks that make no ship; the clicks before the last are kept;
      ``canceled()``: Esc, a right click, or the tool switched away while measuring.
    """

    hull_measured = pyqtSignal(QgsGeometry, QgsPointXY, QgsPointXY, QgsPointXY)
    outline_measured = pyqtSignal(QgsGeometry, QgsGeometry)
    preview_changed = pyqtSignal(object)
    rejected = pyqtSignal(str)
    canceled = pyqtSignal()

    def __init__(self, canvas, mode=MODE_CLICKS):
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.mode = MODE_CLICKS
        self.metric_crs = QgsCoordinateReferenceSystem()
        self.points = []          # canvas CRS
        self.mouse_point = None
        self._frame = None
        self._bands = {}
        self._label = None
        self.set_mode(mode)
        canvas.destinationCrsChanged.connect(self._view_changed)
        self._watching_crs = True

    # --- configuration ---------------------------------------------------------------------------
    def set_mode(self, mode):
        if mode not in MODES:
            raise ValueError(f"mode {mode!r} is not one of {MODES}")
        self.reset()
        self.mode = mode

    def set_metric_crs(self, crs):
        """Measure in ``crs`` (the port's metric CRS) from now on; an invalid CRS means the UTM zone."""
        self.reset()
        self.metric_crs = QgsCoordinateReferenceSystem(crs)

    # --- state -----------------------------------------------------------------------------------
    def is_measuring(self):
        return bool(self.points)

    def preview_hull(self):
        """The hull (metric frame) of the clicks plus the mouse, or None while it cannot be drawn."""
        points = self._preview_points()
        try:
            if self.mode == MODE_CLICKS and len(points) == CLICKS:
                return vessels.hull_rectangle(*self._metric(points))
            if self.mode == MODE_OUTLINE and len(points) >= OUTLINE_MIN_CORNERS:
                return vessels.hull_from_outline(self._metric(points))
        except InputError:
            return None
        return None

    def reset(self):
        """Forget the clicks and hide the rubber bands and the readout."""
        self.points = []
        self.mouse_point = None
        self._frame = None
        for kind, band in self._bands.items():
            band.reset(_BAND_TYPES[kind])
        if self._label is not None:
            self._label.hide()

    def release(self):
        """Remove the bands and the readout from the canvas (the plugin is unloading)."""
        self.reset()
        scene = self.canvas().scene()
        for band in self._bands.values():
            scene.removeItem(band)
        if self._label is not None:
            scene.removeItem(self._label)
        self._bands = {}
        self._label = None
        if self._watching_crs:
            self.canvas().destinationCrsChanged.disconnect(self._view_changed)
            self._watching_crs = False

    # --- QgsMapTool ------------------------------------------------------------------------------
    def deactivate(self):
        if self.points:
            self.cancel()
        super().deactivate()

    def canvasMoveEvent(self, event):
        self.mouse_point = QgsPointXY(self.toMapCoordinates(event.pos()))
        if self.points:
            self._update()

    def canvasReleaseEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            self.add_point(QgsPointXY(self.toMapCoordinates(event.pos())))
        elif event.button() == Qt.MouseButton.RightButton:
            if self.mode == MODE_OUTLINE:
                self.finish()
            else:
                self.cancel()

    def keyPressEvent(self, event):
        handle_key(event, {Qt.Key.Key_Escape: self.cancel, Qt.Key.Key_Backspace: self.remove_last_point,
                           Qt.Key.Key_Return: self.finish, Qt.Key.Key_Enter: self.finish})

    def keyReleaseEvent(self, event):
        mark(event)

    # --- actions (also callable from code) -------------------------------------------------------
    def add_point(self, point):
        if self.points and point == self.points[-1]:
            return
        if not self.points:
            try:
                self._frame = MapFrame(self.canvas().mapSettings().destinationCrs(), self._metric_crs_at(point))
            except InputError as exc:
                self.rejected.emit(message_text(exc))
                return
        self.points.append(QgsPointXY(point))
        self.mouse_point = QgsPointXY(point)
        if self.mode == MODE_CLICKS and len(self.points) == CLICKS:
            self.finish()
        else:
            self._update()

    def remove_last_point(self):
        if self.points:
            self.points.pop()
            if not self.points:
                self.reset()
            self._update()

    def cancel(self):
        self.reset()
        self._update()
        self.canceled.emit()

    def finish(self):
        """Measure the clicks: emit the hull, or say why no ship has that size and keep the earlier clicks."""
        if self.mode == MODE_CLICKS:
            if len(self.points) < CLICKS:
                return
            self._finish_clicks()
        else:
            self._finish_outline()

    # --- internals -------------------------------------------------------------------------------
    def _finish_clicks(self):
        bow, stern, side = self.points
        try:
            hull = vessels.hull_from_clicks(*self._metric(self.points))
        except InputError as exc:
            self.points.pop()
            self._update()
            self.rejected.emit(message_text(exc))
            return
        polygon = self._canvas_polygon(hull)
        self.reset()
        self._update()
        self.hull_measured.emit(polygon, bow, stern, side)

    def _finish_outline(self):
        if len(self.points) < OUTLINE_MIN_CORNERS:
            self.rejected.emit(tr(
                "A hull outline needs at least {needed} corners; you clicked {clicked}. Click around the hull "
                "and finish with a right click or Enter."
            ).format(needed=OUTLINE_MIN_CORNERS, clicked=len(self.points)))
            return
        try:
            hull = vessels.hull_from_outline(self._metric(self.points))
        except InputError as exc:
            self.rejected.emit(message_text(exc))
            return
        outline = QgsGeometry.fromPolygonXY([list(self.points) + [self.points[0]]])
        rectangle = self._canvas_polygon(hull)
        self.reset()
        self._update()
        self.outline_measured.emit(rectangle, outline)

    def _metric_crs_at(self, point):
        if self.metric_crs.isValid():
            return self.metric_crs
        to_geo = QgsCoordinateTransform(self.canvas().mapSettings().destinationCrs(),
                                        QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
        lonlat = to_geo.transform(point)
        return QgsCoordinateReferenceSystem(f"EPSG:{utm_epsg_for(lonlat.y(), lonlat.x())}")

    def _metric(self, points):
        return [self._frame.to_metric(point) for point in points]

    def _canvas_polygon(self, hull):
        return QgsGeometry.fromPolygonXY([[self._frame.to_canvas(xy) for xy in hull.polygon]])

    def _preview_points(self):
        points = list(self.points)
        if self.mouse_point is not None and points and self.mouse_point != points[-1]:
            points.append(self.mouse_point)
        return points

    def _view_changed(self):
        if self.points:
            self.cancel()  # the clicks are in the old CRS

    def _band(self, kind):
        if kind not in self._bands:
            band = QgsRubberBand(self.canvas(), _BAND_TYPES[kind])
            band.setColor(_HULL)
            band.setWidth(2)
            if kind == "hull":
                band.setFillColor(_FILL)
            if kind == "clicks":
                band.setIcon(QgsRubberBand.ICON_BOX)
                band.setIconSize(7)
            self._bands[kind] = band
        return self._bands[kind]

    def _readout(self):
        if self._label is None:
            self._label = QGraphicsSimpleTextItem()
            self._label.setBrush(_LABEL)
            self._label.setPen(QPen(_LABEL_EDGE, 0.6))
            font = QFont()
            font.setBold(True)
            self._label.setFont(font)
            self._label.setZValue(1000)
            self.canvas().scene().addItem(self._label)
        return self._label

    def _update(self):
        points = self._preview_points()
        clicks, line, hull_band = self._band("clicks"), self._band("line"), self._band("hull")
        clicks.reset(_BAND_TYPES["clicks"])
        for index, point in enumerate(self.points):
            clicks.addPoint(point, index == len(self.points) - 1)
        line.reset(_BAND_TYPES["line"])
        path = points if self.mode == MODE_OUTLINE else points[:2]
        for index, point in enumerate(path):
            line.addPoint(point, index == len(path) - 1)
        hull = self.preview_hull() if self._frame is not None else None
        if hull is not None:
            hull_band.setToGeometry(self._canvas_polygon(hull), None)
            label = self._readout()
            label.setText(hull_text(hull))
            label.setPos(QPointF(self.toCanvasCoordinates(points[-1])) + _LABEL_OFFSET_PX)
            label.show()
        else:
            hull_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
            if self._label is not None:
                self._label.hide()
        self.preview_changed.emit(hull)
