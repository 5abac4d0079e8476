"""Owns the shadow tool and the predicted-shadow overlay for the dock.

The dock gives the scene (metadata and its metric CRS) once per image, starts the tool when the analyst
presses the shadow button, and asks for the overlay whenever footprint, height or model change. Why a
controller and not the dock: the feasibility rule (no ground shadow with the sun above the angle of
repose), the frame conversions and the rubber bands' lifetime are one concern, testable on a bare canvas.
"""
from collections import OrderedDict
from typing import Callable, Optional

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsGeometry, QgsProject,
                       QgsUnitTypes, QgsWkbTypes)
from qgis.gui import QgsRubberBand
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor
from shapely import wkb as shapely_wkb

from ..core.errors import InputError
from ..core.limits import REPOSE_DEFAULT_DEG
from ..core.shadow import ShadowGeometry, geometry_from_scene, predicted_shadow, shadow_feasible
from ..translation import QT_TR_NOOP, message_text, tr
from .shadow_tool import MapFrame, ShadowMapTool

# The overlay is an outline for the eye: the footprint is simplified to half a 0.5 m pixel, and more
# until it has at most OVERLAY_MAX_VERTICES corners. Measured for the repose model (40 slices, the slow
# one): a traced 5-corner heap 0.03 s; a 65-corner circle 0.15 s raw, 0.07 s capped; a wavy 400-corner
# outline 0.56 s raw, 0.21 s capped. Results are cached, so stepping a height back and forth is free.
OVERLAY_SIMPLIFY_M = 0.25
OVERLAY_MAX_VERTICES = 48
OVERLAY_CACHE_SIZE = 64
_PREDICTED = QColor(255, 0, 200)


class ShadowController(QObject):
    """Signals: ``measured(height_m, sigma_m)``; ``measurement(ShadowMeasurement)`` with the details
    (length, offsets, method "shadow"); ``canceled()`` when the analyst gave up halfway."""

    measured = pyqtSignal(float, float)
    measurement = pyqtSignal(object)
    canceled = pyqtSignal()

    def __init__(self, canvas, message_callback: Callable[[str], None], parent=None):
        super().__init__(parent)
        self.canvas = canvas
        self.message = message_callback
        self.geometry: Optional[ShadowGeometry] = None
        self.metric_crs = QgsCoordinateReferenceSystem()
        self.gsd_m: Optional[float] = None
        self.tool = ShadowMapTool(canvas)
        self.tool.measured.connect(self._measured)
        self.tool.rejected.connect(self.message)
        self.tool.canceled.connect(self._canceled)
        self._previous_tool = None
        self.predicted_band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self.predicted_band.setStrokeColor(_PREDICTED)
        self.predicted_band.setFillColor(QColor(255, 0, 200, 30))
        self.predicted_band.setWidth(2)
        self.predicted_band.setLineStyle(Qt.PenStyle.DashLine)
        self._cache = OrderedDict()
        self._last_overlay_message = ""
        self._last_request = None  # (footprint, crs, height_m, model, repose_deg) of the outline on show
        canvas.destinationCrsChanged.connect(self._canvas_crs_changed)

    # --- scene -----------------------------------------------------------------------------------
    def set_scene(self, meta_or_geometry, metric_crs_authid: str, gsd_m: Optional[float] = None) -> bool:
        """Take the scene's angles (a SceneMetadata or a ShadowGeometry) and its metric CRS.

        ``gsd_m`` defaults to the metadata's ground resolution; without one, a click error of one screen
        pixel is used. Returns False (after a message) when the scene cannot measure shadows.
        """
        self.stop()
        self.geometry = None
        self._cache.clear()
        crs = QgsCoordinateReferenceSystem(metric_crs_authid)
        try:
            if not crs.isValid() or crs.isGeographic() or crs.mapUnits() != QgsUnitTypes.DistanceUnit.DistanceMeters:
                raise InputError(QT_TR_NOOP("{metric_crs_authid!r} is not a metric coordinate system: give the "
                                            "scene's projected CRS (e.g. its UTM zone, EPSG:32652)."),
                                 metric_crs_authid=metric_crs_authid)
            if isinstance(meta_or_geometry, ShadowGeometry):
                geometry = meta_or_geometry
            else:
                geometry = geometry_from_scene(meta_or_geometry)
                gsd_m = gsd_m if gsd_m is not None else meta_or_geometry.gsd_m
        except InputError as exc:
            self.message(message_text(exc))
            return False
        self.geometry, self.metric_crs, self.gsd_m = geometry, crs, gsd_m
        return True

    # --- measuring -------------------------------------------------------------------------------
    def start(self, walled: bool = False, repose_deg: float = REPOSE_DEFAULT_DEG, from_foot: bool = False) -> bool:
        """Make the shadow tool the canvas's map tool, or say why a shadow cannot measure this heap."""
        if self.geometry is None:
            self.message(tr("No scene for the shadow tool: choose the image and its metadata (sun and "
                            "satellite angles) first, or enter the height by hand."))
            return False
        try:
            feasible = shadow_feasible(self.geometry.sun_elevation_deg, repose_deg, walled)
        except InputError as exc:
            self.message(message_text(exc))
            return False
        if not feasible.ok:
            self.message(feasible.message)
            return False
        if walled and from_foot:
            self.message(tr("“From the pile's foot” needs a flank at the angle of repose; a walled bin has "
                            "none. Click the top of the wall, then its shadow's tip."))
            return False
        self.tool.configure(self.geometry, self.metric_crs, self.gsd_m, from_foot, repose_deg)
        if self.canvas.mapTool() is not self.tool:
            self._previous_tool = self.canvas.mapTool()
            self.canvas.setMapTool(self.tool)
        self.canvas.setFocus()
        return True

    def is_active(self) -> bool:
        if self.tool is None or sip.isdeleted(self.canvas):
            return False
        return self.canvas.mapTool() is self.tool

    def stop(self):
        """Leave the shadow tool for the map tool that was active before it."""
        previous, self._previous_tool = self._previous_tool, None
        if self.is_active():
            if previous is not None and not sip.isdeleted(previous):
                self.canvas.setMapTool(previous)
            else:
                self.canvas.unsetMapTool(self.tool)

    def _measured(self, result):
        self.stop()
        self.measurement.emit(result)
        self.measured.emit(result.height_m, result.sigma_m)

    def _canceled(self):
        # Esc or right click: give the canvas back. Switched away by another tool: that tool stays.
        if self.tool.isActive():
            self.stop()
        else:
            self._previous_tool = None
        self.canceled.emit()

    # --- predicted shadow overlay ----------------------------------------------------------------
    def show_predicted_footprint(self, footprint_port_crs, port_crs, inputs):
        """The dashed shadow the measured heap (QgsGeometry in ``port_crs``) would cast with the form's
        ``inputs``, to compare with the image by eye; nothing when the sun casts no such shadow."""
        if self.geometry is None or footprint_port_crs is None:
            return
        if not shadow_feasible(self.geometry.sun_elevation_deg, inputs["repose_deg"],
                               walled=inputs["model"] == "prism").ok:
            self.clear()  # a sun this high casts no ground shadow of such a pile: nothing to compare
            return
        outline = QgsGeometry(footprint_port_crs)
        canvas_crs = self.canvas.mapSettings().destinationCrs()
        outline.transform(QgsCoordinateTransform(port_crs, canvas_crs, QgsProject.instance()))
        self.show_predicted(outline, canvas_crs, inputs["height_m"], inputs["model"], inputs["repose_deg"])

    def show_predicted(self, footprint_geometry, canvas_crs, height_m: float, model: str,
                       repose_deg: float = REPOSE_DEFAULT_DEG) -> Optional[QgsGeometry]:
        """Draw the shadow this heap would cast (dashed outline); returns it in the canvas CRS.

        Called again with new values it replaces the outline. A problem (no scene, bad height) clears
        the outline and is reported once, not on every call. An empty result (sun above the repose
        angle) draws nothing and says why.
        """
        canvas_crs = QgsCoordinateReferenceSystem(canvas_crs)
        self._last_request = (QgsGeometry(footprint_geometry) if footprint_geometry is not None else None,
                              canvas_crs, height_m, model, repose_deg)
        try:
            shadow = self._predict(footprint_geometry, canvas_crs, height_m, model, repose_deg)
        except InputError as exc:
            self.predicted_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
            self._overlay_message(message_text(exc))
            return None
        if shadow.isEmpty():
            self.predicted_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
            self._overlay_message(tr(
                "No ground shadow predicted: a {model} heap {height:g} m high casts none beyond its "
                "footprint with the sun at {elevation:.1f} deg.").format(
                    model=model, height=height_m, elevation=self.geometry.sun_elevation_deg))
            return shadow
        self._last_overlay_message = ""
        self.predicted_band.setToGeometry(shadow, None)
        return shadow

    def _predict(self, footprint, canvas_crs, height_m, model, repose_deg) -> QgsGeometry:
        if self.geometry is None:
            raise InputError(tr("No scene for the predicted shadow: choose the image and its metadata first."))
        if footprint is None or footprint.isEmpty() or footprint.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
            raise InputError(tr("The predicted shadow needs a heap outline: draw the heap first."))
        key = (bytes(footprint.asWkb()), canvas_crs.authid() or canvas_crs.toWkt(), height_m, model, repose_deg,
               self.geometry, self.metric_crs.authid())
        if key in self._cache:
            self._cache.move_to_end(key)
            return QgsGeometry(self._cache[key])
        frame = MapFrame(canvas_crs, self.metric_crs)
        metric = _capped(frame.geometry_to_metric(footprint))
        centre = metric.centroid().asPoint()
        sun_azimuth = frame.grid_azimuth_deg((centre.x(), centre.y()), self.geometry.sun_azimuth_deg)
        shape = predicted_shadow(shapely_wkb.loads(bytes(metric.asWkb())), height_m, model, repose_deg,
                                 self.geometry.sun_elevation_deg, sun_azimuth)
        result = QgsGeometry() if shape.is_empty else frame.geometry_to_canvas(QgsGeometry.fromWkt(shape.wkt))
        self._cache[key] = QgsGeometry(result)
        if len(self._cache) > OVERLAY_CACHE_SIZE:
            self._cache.popitem(last=False)
        return result

    def _canvas_crs_changed(self):
        """The outline is drawn in canvas coordinates: redraw it in the new CRS."""
        if self._last_request is None or self._last_request[0] is None or self.predicted_band is None:
            return
        footprint, crs, height_m, model, repose_deg = self._last_request
        new_crs = self.canvas.mapSettings().destinationCrs()
        footprint = QgsGeometry(footprint)
        try:
            footprint.transform(QgsCoordinateTransform(crs, new_crs, QgsProject.instance()))
        except QgsCsException:
            self.predicted_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
            return
        self.show_predicted(footprint, new_crs, height_m, model, repose_deg)

    def _overlay_message(self, text):
        if text != self._last_overlay_message:
            self._last_overlay_message = text
            self.message(text)

    def predicted_geometry(self) -> QgsGeometry:
        """The outline currently drawn (canvas CRS); empty when none."""
        return self.predicted_band.asGeometry()

    # --- teardown --------------------------------------------------------------------------------
    def clear(self):
        """Hide the overlay and the tool's lines (heap deselected, image changed)."""
        self.predicted_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self._last_overlay_message = ""
        self._last_request = None
        if self.tool is not None:
            self.tool.reset()

    def cleanup(self):
        """Release the tool and the rubber bands (plugin unload); the controller is unusable after."""
        self.stop()
        if self.predicted_band is not None:
            self.canvas.destinationCrsChanged.disconnect(self._canvas_crs_changed)
        self._last_request = None
        if self.tool is not None:
            self.tool.release()
            self.tool.deleteLater()
        if self.predicted_band is not None:
            self.canvas.scene().removeItem(self.predicted_band)
        self.tool = None
        self.predicted_band = None
        self._cache.clear()


def _capped(metric_footprint: QgsGeometry) -> QgsGeometry:
    """The footprint simplified for the overlay (see OVERLAY_SIMPLIFY_M); validity kept."""
    tolerance = OVERLAY_SIMPLIFY_M
    out = metric_footprint.simplify(tolerance)
    while out.constGet().nCoordinates() > OVERLAY_MAX_VERTICES:
        tolerance *= 2.0
        out = metric_footprint.simplify(tolerance)
    if out.isEmpty() or not out.isGeosValid():
        out = metric_footprint.makeValid() if not metric_footprint.isGeosValid() else metric_footprint
    return out
