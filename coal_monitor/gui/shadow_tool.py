"""Measure a heap's height from its shadow: click the top, then the shadow's tip.

All geometry runs in the scene's metric CRS (its UTM zone), whatever the canvas shows: a click is taken
from the canvas CRS into that frame, and the guide line is drawn back into the canvas CRS, so a canvas in
EPSG:4326 or 3857 measures the same metres. The sun azimuth of the metadata is from true north; the
frame's grid north differs from it by the meridian convergence (0.9 deg at Rason, 1.5 deg at Nampho in
their UTM zones), so the shadow direction is found by stepping towards the sun on the ellipsoid and
projecting that step into the frame (MapFrame.grid_azimuth_deg).

Interaction: first click on the heap's top (apex or ridge crest as seen on the image; or, with
``from_foot``, on the pile's foot on its shadow side); the canvas then shows the anti-sun line through
it. The second click is the shadow's tip, snapped onto that line. Backspace undoes the first click, Esc
or a right click cancels.
"""
import math
from typing import NamedTuple, Optional, Tuple

from qgis.core import (Qgis, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsDistanceArea,
                       QgsGeometry, QgsPointXY, QgsProject, QgsWkbTypes)
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ..core.errors import InputError
from ..core.limits import REPOSE_DEFAULT_DEG
from ..core.shadow import (ShadowGeometry, height_from_shadow, height_sigma_m, project_point_on_shadow_line,
                           shadow_direction_deg)
from ..translation import QT_TR_NOOP, message_text
from .map_tool_keys import handle_key, mark

METHOD = "shadow"
# Step taken towards the sun on the ellipsoid to find the sun's direction in the metric frame: long
# enough to be far above the transform's rounding, short enough to stay local.
AZIMUTH_PROBE_M = 100.0
WGS84_ELLIPSOID = "EPSG:7030"
_GUIDE = QColor(255, 200, 0)
_SHADOW = QColor(0, 200, 255)
_MARKER = QColor(255, 60, 0)


class ShadowMeasurement(NamedTuple):
    """One measurement. Lengths in metres of the metric frame; points in the canvas CRS.

    ``shadow_length_m`` is the snapped length from the first click to the tip along the anti-sun line
    (the number the height formula uses); ``across_m`` how far the second click was moved onto the
    line (positive: to the right of the shadow direction); ``click_error_m`` the one-pixel error used
    in ``sigma_m`` (the larger of the image pixel and the screen pixel).
    """

    height_m: float
    sigma_m: float
    method: str
    shadow_length_m: float
    across_m: float
    from_foot: bool
    click_error_m: float
    start_xy: Tuple[float, float]
    tip_xy: Tuple[float, float]


class MapFrame:
    """Canvas CRS <-> scene metric CRS, and true-north azimuths expressed in the metric frame."""

    def __init__(self, canvas_crs: QgsCoordinateReferenceSystem, metric_crs: QgsCoordinateReferenceSystem):
        context = QgsProject.instance().transformContext()
        self._to_metric = QgsCoordinateTransform(canvas_crs, metric_crs, context)
        self._to_geo = QgsCoordinateTransform(metric_crs, QgsCoordinateReferenceSystem("EPSG:4326"), context)
        self._ellipsoid = QgsDistanceArea()
        self._ellipsoid.setEllipsoid(WGS84_ELLIPSOID)

    def to_metric(self, point) -> Tuple[float, float]:
        try:
            p = self._to_metric.transform(QgsPointXY(point))
        except QgsCsException as exc:
            raise InputError(QT_TR_NOOP("This point cannot be placed in the scene's coordinate system ({exc}): "
                                        "click on the scene."), exc=exc) from exc
        return p.x(), p.y()

    def to_canvas(self, xy) -> QgsPointXY:
        return self._to_metric.transform(QgsPointXY(*xy), Qgis.TransformDirection.Reverse)

    def geometry_to_metric(self, geometry: QgsGeometry) -> QgsGeometry:
        out = QgsGeometry(geometry)
        try:
            out.transform(self._to_metric)
        except QgsCsException as exc:
            raise InputError(QT_TR_NOOP("This outline cannot be placed in the scene's coordinate system ({exc}): "
                                        "draw it on the scene."), exc=exc) from exc
        return out

    def geometry_to_canvas(self, geometry: QgsGeometry) -> QgsGeometry:
        out = QgsGeometry(geometry)
        out.transform(self._to_metric, Qgis.TransformDirection.Reverse)
        return out

    def grid_azimuth_deg(self, xy, true_azimuth_deg: float) -> float:
        """The direction, clockwise from the frame's grid north, of true azimuth ``true_azimuth_deg`` at ``xy``."""
        try:
            here = self._to_geo.transform(QgsPointXY(*xy))
            ahead = self._ellipsoid.computeSpheroidProject(here, AZIMUTH_PROBE_M, math.radians(true_azimuth_deg))
            p = self._to_geo.transform(ahead, Qgis.TransformDirection.Reverse)
        except QgsCsException as exc:
            raise InputError(QT_TR_NOOP("The scene's coordinate system cannot place this point on the globe ({exc})."),
                             exc=exc) from exc
        return math.degrees(math.atan2(p.x() - xy[0], p.y() - xy[1])) % 360.0

    def metres_per_pixel(self, canvas) -> float:
        """Size of one screen pixel in the metric frame, at the canvas centre."""
        settings = canvas.mapSettings()
        centre = settings.visibleExtent().center()
        step = settings.mapUnitsPerPixel()
        a = self.to_metric(centre)
        b = self.to_metric(QgsPointXY(centre.x() + step, centre.y()))
        c = self.to_metric(QgsPointXY(centre.x(), centre.y() + step))
        return max(math.hypot(b[0] - a[0], b[1] - a[1]), math.hypot(c[0] - a[0], c[1] - a[1]))


class ShadowMapTool(QgsMapTool):
    """Two clicks, top then shadow tip; emits ``measured(ShadowMeasurement)``.

    Signals:
      ``measured(object)``: a ShadowMeasurement;
      ``preview(object)``: the measurement the mouse position would give (or None), for a live readout;
      ``rejected(str)``: the second click gives no height (towards the sun, absurd length); the first
        click is kept so the analyst can click the tip again;
      ``canceled()``: Esc, right click, or the tool was switched away halfway.
    """

    measured = pyqtSignal(object)
    preview = pyqtSignal(object)
    rejected = pyqtSignal(str)
    canceled = pyqtSignal()

    def __init__(self, canvas):
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.geometry: Optional[ShadowGeometry] = None
        self.metric_crs = QgsCoordinateReferenceSystem()
        self.gsd_m: Optional[float] = None
        self.from_foot = False
        self.repose_deg = REPOSE_DEFAULT_DEG
        self.origin_xy: Optional[Tuple[float, float]] = None  # first click, metric frame
        self._frame: Optional[MapFrame] = None
        self._grid_sun_azimuth_deg = 0.0
        self._drawn_crs = QgsCoordinateReferenceSystem()  # canvas CRS of the lines on show
        self._guide = self._band(QgsWkbTypes.GeometryType.LineGeometry, _GUIDE, 2, Qt.PenStyle.DashLine)
        self._shadow = self._band(QgsWkbTypes.GeometryType.LineGeometry, _SHADOW, 3, Qt.PenStyle.SolidLine)
        self._markers = self._band(QgsWkbTypes.GeometryType.PointGeometry, _MARKER, 2, Qt.PenStyle.SolidLine)
        self._markers.setIcon(QgsRubberBand.ICON_CROSS)
        self._markers.setIconSize(12)
        canvas.extentsChanged.connect(self._view_changed)
        canvas.destinationCrsChanged.connect(self._view_changed)

    def configure(self, geometry: ShadowGeometry, metric_crs: QgsCoordinateReferenceSystem,
                  gsd_m: Optional[float] = None, from_foot: bool = False,
                  repose_deg: float = REPOSE_DEFAULT_DEG):
        """Scene angles, its metric CRS, image pixel size (None: screen pixel only) and the method."""
        self.geometry = geometry
        self.metric_crs = QgsCoordinateReferenceSystem(metric_crs)
        self.gsd_m = gsd_m
        self.from_foot = bool(from_foot)
        self.repose_deg = float(repose_deg)
        self.reset()

    # --- state -----------------------------------------------------------------------------------
    def is_measuring(self) -> bool:
        return self.origin_xy is not None

    def guide_geometry(self) -> QgsGeometry:
        """The guide line as drawn (canvas CRS); empty before the first click."""
        return self._guide.asGeometry()

    def shadow_geometry(self) -> QgsGeometry:
        """The measured (or previewed) segment from the first click to the snapped tip (canvas CRS)."""
        return self._shadow.asGeometry()

    def shadow_azimuth_deg(self) -> float:
        """Direction of the guide, clockwise from the metric frame's grid north."""
        return shadow_direction_deg(self._grid_sun_azimuth_deg)

    def reset(self):
        """Forget the first click and hide guide, segment and markers."""
        self.origin_xy = None
        self._frame = None
        for band, kind in ((self._guide, QgsWkbTypes.GeometryType.LineGeometry),
                           (self._shadow, QgsWkbTypes.GeometryType.LineGeometry),
                           (self._markers, QgsWkbTypes.GeometryType.PointGeometry)):
            if band is not None:
                band.reset(kind)

    def release(self):
        """Take the rubber bands off the canvas (the plugin is unloading)."""
        self.reset()
        self.canvas().extentsChanged.disconnect(self._view_changed)
        self.canvas().destinationCrsChanged.disconnect(self._view_changed)
        for band in (self._guide, self._shadow, self._markers):
            if band is not None:
                self.canvas().scene().removeItem(band)
        self._guide = self._shadow = self._markers = None

    # --- QgsMapTool ------------------------------------------------------------------------------
    def deactivate(self):
        halfway = self.origin_xy is not None
        if halfway:
            self.reset()
        super().deactivate()  # first: listeners of ``canceled`` see the tool inactive
        if halfway:
            self.canceled.emit()

    def canvasMoveEvent(self, event):
        if self.origin_xy is None:
            return
        try:
            result = self._measure(self.toMapCoordinates(event.pos()))
        except InputError:
            result = None
        self.preview.emit(result)

    def canvasReleaseEvent(self, event):
        if event.button() == Qt.MouseButton.RightButton:
            self.cancel()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.toMapCoordinates(event.pos())
        try:
            if self.origin_xy is None:
                self.set_origin(point)
            else:
                result = self._measure(point)
                self._frame = None
                self.origin_xy = None
                self._guide.reset(QgsWkbTypes.GeometryType.LineGeometry)
                self._markers.addPoint(QgsPointXY(*result.tip_xy))
                self.measured.emit(result)
        except InputError as exc:
            self.rejected.emit(message_text(exc))

    def keyPressEvent(self, event):
        handle_key(event, {Qt.Key.Key_Escape: self.cancel, Qt.Key.Key_Backspace: self.undo_origin})

    def keyReleaseEvent(self, event):
        mark(event)

    # --- actions (also callable from code) -------------------------------------------------------
    def set_origin(self, canvas_point):
        """First click: the top (or the foot); draws the anti-sun guide through it."""
        if self.geometry is None or not self.metric_crs.isValid():
            raise InputError(QT_TR_NOOP("The shadow tool has no scene: choose the image and its metadata first."))
        self._drawn_crs = self.canvas().mapSettings().destinationCrs()
        frame = MapFrame(self._drawn_crs, self.metric_crs)
        origin = frame.to_metric(canvas_point)
        self._grid_sun_azimuth_deg = frame.grid_azimuth_deg(origin, self.geometry.sun_azimuth_deg)
        self._frame, self.origin_xy = frame, origin
        self._shadow.reset(QgsWkbTypes.GeometryType.LineGeometry)
        self._markers.reset(QgsWkbTypes.GeometryType.PointGeometry)
        self._markers.addPoint(frame.to_canvas(origin))
        self._draw_guide()

    def undo_origin(self):
        if self.origin_xy is not None:
            self.reset()

    def cancel(self):
        self.reset()
        self.canceled.emit()

    # --- internals -------------------------------------------------------------------------------
    def _view_changed(self):
        """Zoom, pan or a new canvas CRS halfway: the first click is kept (it is stored in the metric
        frame); the frame and the guide are rebuilt so the guide still crosses the whole view."""
        if self._guide is None:
            return
        if self.origin_xy is None:
            if self.canvas().mapSettings().destinationCrs() != self._drawn_crs:
                self.reset()  # a finished measurement's lines are in the old CRS
            return
        self._drawn_crs = self.canvas().mapSettings().destinationCrs()
        self._frame = MapFrame(self._drawn_crs, self.metric_crs)
        self._shadow.reset(QgsWkbTypes.GeometryType.LineGeometry)
        self._markers.reset(QgsWkbTypes.GeometryType.PointGeometry)
        self._markers.addPoint(self._frame.to_canvas(self.origin_xy))
        self._draw_guide()

    def _measure(self, canvas_point) -> ShadowMeasurement:
        """Snap ``canvas_point`` onto the guide, draw the segment and compute the height."""
        frame, origin, g = self._frame, self.origin_xy, self.geometry
        snapped = project_point_on_shadow_line(origin, frame.to_metric(canvas_point), self._grid_sun_azimuth_deg)
        tip_canvas = frame.to_canvas((snapped.x, snapped.y))
        self._shadow.reset(QgsWkbTypes.GeometryType.LineGeometry)
        self._shadow.addPoint(frame.to_canvas(origin), False)
        self._shadow.addPoint(tip_canvas)
        if snapped.along_m <= 0.0:
            raise InputError(QT_TR_NOOP("The second click lies on the sun's side of the first one: click the tip of "
                                        "the shadow, on the dashed guide away from the sun."))
        # The sun azimuth is passed in the grid frame so that both azimuth differences stay consistent.
        sat_azimuth = (g.sat_azimuth_deg + self._grid_sun_azimuth_deg - g.sun_azimuth_deg) % 360.0
        args = (snapped.along_m, g.sun_elevation_deg, self._grid_sun_azimuth_deg, g.sat_elevation_deg, sat_azimuth,
                self.from_foot, self.repose_deg)
        height = height_from_shadow(*args)
        click_error_m = max(self.gsd_m or 0.0, frame.metres_per_pixel(self.canvas()))
        sigma = height_sigma_m(*args, gsd_m=click_error_m, sun_sigma_deg=g.sun_sigma_deg,
                               view_sigma_deg=g.view_sigma_deg, view_azimuth_sigma_deg=g.view_azimuth_sigma_deg)
        start = frame.to_canvas(origin)
        return ShadowMeasurement(height, sigma, METHOD, snapped.along_m, snapped.across_m, self.from_foot,
                                 click_error_m, (start.x(), start.y()), (tip_canvas.x(), tip_canvas.y()))

    def _draw_guide(self):
        """Dashed line from the first click away from the sun, to beyond the visible canvas."""
        frame, (x, y) = self._frame, self.origin_xy
        size = self.canvas().size()
        length = frame.metres_per_pixel(self.canvas()) * math.hypot(size.width(), size.height())
        az = math.radians(self.shadow_azimuth_deg())
        self._guide.reset(QgsWkbTypes.GeometryType.LineGeometry)
        steps = 16  # a straight line in the metric frame bends in EPSG:4326; a few vertices follow it
        for i in range(steps + 1):
            t = length * i / steps
            self._guide.addPoint(frame.to_canvas((x + t * math.sin(az), y + t * math.cos(az))), i == steps)

    def _band(self, kind, color, width, style):
        band = QgsRubberBand(self.canvas(), kind)
        band.setStrokeColor(color)
        band.setColor(color)
        band.setWidth(width)
        band.setLineStyle(style)
        return band
