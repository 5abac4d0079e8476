"""The shadow tool and the predicted-shadow overlay driven by real clicks on the sample scenes.

The winter scenes' heaps are measured as an analyst would: a click on the apex as it appears on the
image, then a click on the tip of the dark shadow, either at the truth's tip or at the tip found in the
image's pixels along the tool's guide line (so the image, the truth and the tool must all agree).
Independent references: heights from the truth GeoJSON; the sun's direction in the UTM grid from pyproj's
geodesic and projection (not from QGIS).
"""
import json
import math
from pathlib import Path

import numpy as np
import pyproj
import pytest
from osgeo import gdal
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsPointXY, QgsProject,
                       QgsRasterLayer)
from qgis.gui import QgsMapToolPan, QgsMapToolZoom
from qgis.PyQt.QtCore import Qt

from coal_monitor.core.metadata import find_sidecar, read_metadata
from coal_monitor.core.shadow import ShadowGeometry
from coal_monitor.gui.shadow_controller import ShadowController
from tests.helpers.canvas_iface import CanvasIface, settle

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
OUTPUT = Path(__file__).resolve().parents[1] / "output"
WINTER_SCENES = ("rason_20241214", "nampho_20250120")
SUMMER_SCENE = "nampho_20230615"  # sun 65 deg: repose piles cast no ground shadow; it has walled bins
TOLERANCE_M = 0.3
SCREEN_M_PER_PX = 0.125  # zoomed in as an analyst would: 4 screen pixels per 0.5 m image pixel
# A click lands within half a screen pixel of its point on each axis, so at most SCREEN_M_PER_PX / 2
# x (|sin| + |cos|) <= 0.088 m across a line; two clicks: 0.18 m.
CLICK_ACROSS_M = 0.18


def scene_record(scene_id):
    index = json.loads((SAMPLES / "scenes.json").read_text())
    record = next(s for s in index["scenes"] if s["id"] == scene_id)
    truth = json.loads((SAMPLES / record["truth"]).read_text())
    raster = SAMPLES / record["raster"]
    meta = read_metadata(find_sidecar(raster))
    return record, truth, raster, meta


def read_brightness(raster):
    """The image as mean-of-RGB brightness, and its geotransform (GDAL in exception mode, restored)."""
    raised = gdal.GetUseExceptions()
    gdal.UseExceptions()
    try:
        dataset = gdal.Open(str(raster))
        return np.mean(dataset.ReadAsArray().astype(float), axis=0), dataset.GetGeoTransform()
    finally:
        if not raised:
            gdal.DontUseExceptions()


def grid_shadow_azimuth_deg(epsg, xy, true_sun_azimuth_deg):
    """Anti-sun direction in the UTM grid, by pyproj: step 100 m towards the sun on the ellipsoid."""
    to_geo = pyproj.Transformer.from_crs(epsg, 4326, always_xy=True)
    lon, lat = to_geo.transform(*xy)
    lon2, lat2, _ = pyproj.Geod(ellps="WGS84").fwd(lon, lat, true_sun_azimuth_deg, 100.0)
    x2, y2 = to_geo.transform(lon2, lat2, direction=pyproj.enums.TransformDirection.INVERSE)
    return (math.degrees(math.atan2(x2 - xy[0], y2 - xy[1])) + 180.0) % 360.0


class Session:
    """A shown canvas with one sample scene loaded and a ShadowController on it."""

    def __init__(self, scene_id, canvas_crs=None):
        self.record, self.truth, raster, self.meta = scene_record(scene_id)
        self.crs = f"EPSG:{self.record['crs_epsg']}"
        self.canvas_crs = canvas_crs or self.crs
        self.iface = CanvasIface()
        self.layer = QgsRasterLayer(str(raster), scene_id, "gdal")
        assert self.layer.isValid(), raster
        self.messages = []
        self.results = []
        self.controller = ShadowController(self.iface.canvas, self.messages.append)
        assert self.controller.set_scene(self.meta, self.crs), self.messages
        self.controller.measurement.connect(self.results.append)
        self.pairs = []
        self.controller.measured.connect(lambda h, s: self.pairs.append((h, s)))
        self.image, self.transform = read_brightness(raster)
        self.to_canvas = QgsCoordinateTransform(QgsCoordinateReferenceSystem(self.crs),
                                                QgsCoordinateReferenceSystem(self.canvas_crs), QgsProject.instance())

    def heaps(self):
        return [f["properties"] for f in self.truth["features"]]

    def footprint(self, heap_id):
        feature = next(f for f in self.truth["features"] if f["properties"]["heap"] == heap_id)
        geometry = QgsGeometry.fromWkt(_polygon_wkt(feature["geometry"]["coordinates"]))
        geometry.transform(self.to_canvas)
        return geometry

    def look_at(self, centre_xy, m_per_px=SCREEN_M_PER_PX):
        """Centre the canvas on a scene point, zoomed to ``m_per_px`` metres per screen pixel."""
        size = self.iface.canvas.size()
        half_w, half_h = size.width() * m_per_px / 2, size.height() * m_per_px / 2
        corners = [self.to_canvas.transform(QgsPointXY(centre_xy[0] + dx, centre_xy[1] + dy))
                   for dx in (-half_w, half_w) for dy in (-half_h, half_h)]
        xs, ys = [p.x() for p in corners], [p.y() for p in corners]
        self.iface.show_area(self.canvas_crs, (min(xs), min(ys), max(xs), max(ys)), [self.layer])

    def pixel(self, scene_xy):
        p = self.to_canvas.transform(QgsPointXY(*scene_xy))
        return self.iface.pixel((p.x(), p.y()))

    def brightness(self, x, y):
        """Image brightness (mean of RGB) at scene points (arrays), bilinear between pixel centres."""
        x0, dx, _, y0, _, dy = self.transform
        col, row = (np.asarray(x) - x0) / dx - 0.5, (np.asarray(y) - y0) / dy - 0.5
        c, r = np.floor(col).astype(int), np.floor(row).astype(int)
        fc, fr = col - c, row - r
        a = self.image
        return ((a[r, c] * (1 - fc) + a[r, c + 1] * fc) * (1 - fr)
                + (a[r + 1, c] * (1 - fc) + a[r + 1, c + 1] * fc) * fr)

    def close(self):
        self.controller.cleanup()
        self.iface.close()


def _polygon_wkt(rings):
    return "POLYGON(" + ",".join("(" + ",".join(f"{x} {y}" for x, y, *_ in ring) + ")" for ring in rings) + ")"


@pytest.fixture()
def session_factory():
    sessions = []

    def make(scene_id, canvas_crs=None):
        session = Session(scene_id, canvas_crs)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.close()


def measure_by_clicks(session, start_xy, tip_xy=None, tip_finder=None, **start_options):
    """Start the tool, click the start point, then the tip (given, or found from the guide line)."""
    centre = ((start_xy[0] + tip_xy[0]) / 2, (start_xy[1] + tip_xy[1]) / 2) if tip_xy else start_xy
    session.look_at(centre, start_options.pop("m_per_px", SCREEN_M_PER_PX))
    assert session.controller.start(**start_options), session.messages
    session.iface.click(session.pixel(start_xy))
    tool = session.controller.tool
    assert tool.is_measuring()
    if tip_xy is None:
        tip_xy = tip_finder(session, start_xy, tool)
        if not _visible(session, tip_xy):  # long shadow: recentre as an analyst pans, keeping the guide
            session.look_at(tip_xy)
    count = len(session.results)
    session.iface.click(session.pixel(tip_xy))
    assert len(session.results) == count + 1, session.messages
    return session.results[-1], tip_xy


def _visible(session, xy):
    p = session.pixel(xy)
    size = session.iface.canvas.size()
    return 5 < p.x() < size.width() - 5 and 5 < p.y() < size.height() - 5


def image_shadow_tip(session, start_xy, tool):
    """The shadow's tip as the image shows it: the farthest end of the dark shape near the guide.

    Along lines parallel to the tool's guide (up to LATERAL_SEARCH_M either side), walk away from the
    top to where the dark run (shaded flank, then ground shadow) turns into lit deck, placed to a
    fraction of a pixel; the tip is the farthest such end. Why beside the guide: the shadow is rendered
    in whole 0.5 m pixels, so the last dark pixel of a narrow tip can sit half a pixel beside the
    shadow's axis (and the guide starts at the apparent apex, up to 0.22 m beside the true one on
    these scenes); the tool snaps the click.
    On a flat top's straight shadow edge the farthest end is biased outwards by up to this search
    width times the edge's slope: a pixel or so, which the gap bound below allows.
    """
    line = tool.guide_geometry()
    assert not line.isEmpty()
    a, b = line.vertexAt(0), line.vertexAt(line.constGet().nCoordinates() - 1)
    to_scene = QgsCoordinateTransform(QgsCoordinateReferenceSystem(session.canvas_crs),
                                      QgsCoordinateReferenceSystem(session.crs), QgsProject.instance())
    pa, pb = to_scene.transform(QgsPointXY(a.x(), a.y())), to_scene.transform(QgsPointXY(b.x(), b.y()))
    length = math.hypot(pb.x() - pa.x(), pb.y() - pa.y())
    ux, uy = (pb.x() - pa.x()) / length, (pb.y() - pa.y()) / length
    step = 0.05
    ts = np.arange(0.0, 60.0, step)
    best = None
    for offset in np.arange(-LATERAL_SEARCH_M, LATERAL_SEARCH_M + 0.001, 0.05):
        x0, y0 = start_xy[0] + offset * uy, start_xy[1] - offset * ux
        end = _dark_run_end(ts, session.brightness(x0 + ts * ux, y0 + ts * uy), step)
        if end is not None and (best is None or end > best[0]):
            best = (end, x0 + end * ux, y0 + end * uy)
    assert best is not None, "no shadow edge found along the guide"
    return best[1], best[2]


LATERAL_SEARCH_M = 0.25  # half a 0.5 m image pixel
# Image levels of the sample scenes: lit deck about 200, deck in shadow about 80, coal below 45.
LIT_DARK_SPLIT = 140.0
COAL_BELOW = 50.0


def _dark_run_end(ts, values, step):
    """Where the dark run from the top (shaded flank, then ground shadow) first turns into lit deck,
    or None when that line is no clean shadow tip: the deck does not stay lit for 1.5 m (the line
    grazes a neighbour), or the last half metre is coal (a neighbour's flank touching the shadow)."""
    run = int(round(1.5 / step))
    start = int(3 / step)

    def crossing(level):
        above = np.nonzero(values[start:] > level)[0]
        if not len(above):
            return None, None
        i = start + int(above[0])
        f = (level - values[i - 1]) / (values[i] - values[i - 1])
        return ts[i - 1] + f * step, i

    _, i = crossing(LIT_DARK_SPLIT)
    if i is None or not (values[i:i + run] > LIT_DARK_SPLIT).all() \
            or np.median(values[i - int(0.5 / step):i]) < COAL_BELOW:
        return None
    dark = np.median(values[i - int(3 / step):i - int(1 / step)])
    lit = np.median(values[i + int(1 / step):i + int(3 / step)])
    return crossing((dark + lit) / 2)[0]


# --- heights on the winter scenes ------------------------------------------------------------------

def _ground_shadow_heaps(session):
    heaps = [h for h in session.heaps() if h["shadow_tip_on_ground"]]
    assert heaps, f"{session.record['id']} has no heap with a ground shadow: nothing to measure"
    return heaps


@pytest.mark.parametrize("scene_id", WINTER_SCENES)
def test_heights_from_clicks_at_truth_points_within_tolerance(session_factory, scene_id):
    session = session_factory(scene_id)
    rows = []
    for heap in _ground_shadow_heaps(session):
        result, _ = measure_by_clicks(session, heap["apparent_apex"], heap["shadow_tip"])
        rows.append((heap["heap"], heap["height_m"], result.height_m, result.sigma_m))
        assert result.method == "shadow"
        assert 0.05 < result.sigma_m < 0.6
        assert not session.controller.is_active()  # one measurement per press of the button
        # The truth's tip lies on the anti-sun line through the true apex, so the guide from the
        # apparent apex misses it only by the view's lean across that line.
        az = math.radians(grid_shadow_azimuth_deg(session.record["crs_epsg"], heap["apparent_apex"],
                                                  session.meta.sun_azimuth_deg))
        lean_across = ((heap["apex"][0] - heap["apparent_apex"][0]) * math.cos(az)
                       - (heap["apex"][1] - heap["apparent_apex"][1]) * math.sin(az))
        assert abs(result.across_m - lean_across) <= CLICK_ACROSS_M, (heap["heap"], result.across_m, lean_across)
    _write_table(f"{scene_id}_truth_clicks", rows)
    for heap_id, truth, measured, _sigma in rows:
        assert abs(measured - truth) <= TOLERANCE_M, (heap_id, truth, measured)
    assert session.pairs == [(r.height_m, r.sigma_m) for r in session.results]


@pytest.mark.parametrize("scene_id", WINTER_SCENES)
def test_heights_with_shadow_tip_found_in_the_image(session_factory, scene_id):
    session = session_factory(scene_id)
    rows = []
    for heap in _ground_shadow_heaps(session):
        result, tip = measure_by_clicks(session, heap["apparent_apex"], tip_finder=image_shadow_tip)
        gap = math.hypot(tip[0] - heap["shadow_tip"][0], tip[1] - heap["shadow_tip"][1])
        rows.append((heap["heap"], heap["height_m"], result.height_m, result.sigma_m, gap))
    _write_table(f"{scene_id}_image_tips", rows)
    for heap_id, truth, measured, _sigma, gap in rows:
        assert gap < 1.0, (heap_id, gap)  # the image's shadow tip is the truth's, to two pixels
        assert abs(measured - truth) <= TOLERANCE_M, (heap_id, truth, measured)


@pytest.mark.parametrize("canvas_crs", ["EPSG:32652", "EPSG:4326", "EPSG:3857"])
def test_any_canvas_crs_measures_metres_in_the_scene_frame(session_factory, canvas_crs):
    """The clicked pixels, taken to UTM by QGIS and measured along pyproj's shadow direction, give the
    tool's length to a centimetre in a UTM, geographic or Web Mercator canvas."""
    session = session_factory("rason_20241214", canvas_crs)
    heap = _ground_shadow_heaps(session)[0]
    result, _ = measure_by_clicks(session, heap["apparent_apex"], heap["shadow_tip"])
    assert abs(result.height_m - heap["height_m"]) <= TOLERANCE_M
    to_utm = QgsCoordinateTransform(QgsCoordinateReferenceSystem(canvas_crs),
                                    QgsCoordinateReferenceSystem(session.crs), QgsProject.instance())
    clicked = [to_utm.transform(session.iface.map_point(session.pixel(xy)))
               for xy in (heap["apparent_apex"], heap["shadow_tip"])]
    start = (clicked[0].x(), clicked[0].y())
    az = math.radians(grid_shadow_azimuth_deg(session.record["crs_epsg"], start, session.meta.sun_azimuth_deg))
    along = (clicked[1].x() - start[0]) * math.sin(az) + (clicked[1].y() - start[1]) * math.cos(az)
    assert abs(result.shadow_length_m - along) < 0.01


def test_zoom_and_crs_change_between_the_clicks_keep_the_first_click(session_factory):
    session = session_factory("rason_20241214")
    heap = _ground_shadow_heaps(session)[0]
    apex, tip = heap["apparent_apex"], heap["shadow_tip"]
    session.look_at(apex)
    assert session.controller.start()
    session.iface.click(session.pixel(apex))
    tool = session.controller.tool
    session.look_at(apex, 0.5)  # zoom out 4 times: the guide must still cross the whole view
    guide = tool.guide_geometry()
    size = session.iface.canvas.size()
    assert guide.length() >= 0.5 * math.hypot(size.width(), size.height()) - 1e-6
    session.canvas_crs = "EPSG:3857"  # the analyst switches the project CRS halfway
    session.to_canvas = QgsCoordinateTransform(QgsCoordinateReferenceSystem(session.crs),
                                               QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
    session.look_at(((apex[0] + tip[0]) / 2, (apex[1] + tip[1]) / 2))
    assert tool.is_measuring()
    session.iface.click(session.pixel(tip))
    assert len(session.results) == 1
    assert abs(session.results[0].height_m - heap["height_m"]) <= TOLERANCE_M


def test_guide_follows_the_true_sun_azimuth_in_the_utm_grid(session_factory):
    session = session_factory("nampho_20250120")  # 2.4 deg east of its zone's central meridian
    heap = _ground_shadow_heaps(session)[0]
    session.look_at(heap["apparent_apex"])
    assert session.controller.start()
    session.iface.click(session.pixel(heap["apparent_apex"]))
    line = session.controller.tool.guide_geometry()
    a, b = line.vertexAt(0), line.vertexAt(line.constGet().nCoordinates() - 1)
    drawn = math.degrees(math.atan2(b.x() - a.x(), b.y() - a.y())) % 360.0
    expected = grid_shadow_azimuth_deg(session.record["crs_epsg"], (a.x(), a.y()), session.meta.sun_azimuth_deg)
    assert abs(drawn - expected) < 0.02
    # the meridian convergence is not negligible there: a guide at the raw azimuth would be visibly off
    assert abs((session.meta.sun_azimuth_deg + 180.0) % 360.0 - expected) > 1.0


# --- view correction, foot method, keys ------------------------------------------------------------

def test_view_correction_on_a_synthetic_off_nadir_case(session_factory):
    """A heap seen 20 deg off-nadir: the apparent apex is displaced, the shadow tip is not."""
    session = session_factory("rason_20241214")
    height_m, e_sun, az_sun, e_sat, az_sat = 9.0, 22.0, 160.0, 70.0, 120.0
    geometry = ShadowGeometry(e_sun, az_sun, e_sat, az_sat, 0.1, 0.5, 0.5, ())
    assert session.controller.set_scene(geometry, session.crs, gsd_m=0.5)
    apex = (605830.0, 4675820.0)
    epsg = session.record["crs_epsg"]
    shadow_az = math.radians(grid_shadow_azimuth_deg(epsg, apex, az_sun))
    sat_az = math.radians((grid_shadow_azimuth_deg(epsg, apex, az_sat) + 180.0) % 360.0)
    reach = height_m / math.tan(math.radians(e_sun))
    tip = (apex[0] + reach * math.sin(shadow_az), apex[1] + reach * math.cos(shadow_az))
    shift = height_m / math.tan(math.radians(e_sat))  # an elevated point appears away from the satellite
    seen = (apex[0] - shift * math.sin(sat_az), apex[1] - shift * math.cos(sat_az))
    result, _ = measure_by_clicks(session, seen, tip, m_per_px=0.05)
    assert abs(result.height_m - height_m) < 0.05
    nadir = result.shadow_length_m * math.tan(math.radians(e_sun))  # what ignoring the view would give
    assert abs(nadir - height_m) > 0.1 * height_m
    expected_across = shift * math.sin(math.radians(az_sun - az_sat))
    assert abs(abs(result.across_m) - abs(expected_across)) < 0.05


def test_from_the_foot_uses_the_repose_formula(session_factory):
    session = session_factory("rason_20241214")
    heap = next(h for h in session.heaps() if h["shape"] == "cone" and h["shadow_tip_on_ground"])
    e_sun = session.meta.sun_elevation_deg
    apex, tip = heap["apex"], heap["shadow_tip"]
    # foot on the shadow side: where the cone's flank meets the ground, H cot(a) from the apex
    length = math.hypot(tip[0] - apex[0], tip[1] - apex[1])
    ux, uy = (tip[0] - apex[0]) / length, (tip[1] - apex[1]) / length
    run = heap["height_m"] / math.tan(math.radians(heap["repose_deg"]))
    foot = (apex[0] + run * ux, apex[1] + run * uy)
    result, _ = measure_by_clicks(session, foot, tip, from_foot=True, repose_deg=heap["repose_deg"])
    assert result.from_foot
    assert abs(result.height_m - heap["height_m"]) <= TOLERANCE_M
    # the foot formula is the more sensitive one: its sigma exceeds the apex method's for this heap
    apex_result, _ = measure_by_clicks(session, heap["apparent_apex"], tip)
    assert result.sigma_m > apex_result.sigma_m
    assert e_sun < heap["repose_deg"]


def test_backspace_undoes_the_first_click_and_escape_cancels(session_factory):
    session = session_factory("rason_20241214")
    heap = _ground_shadow_heaps(session)[0]
    session.look_at(heap["apparent_apex"])
    canceled = []
    session.controller.canceled.connect(lambda: canceled.append(True))
    assert session.controller.start()
    tool = session.controller.tool
    session.iface.click(session.pixel(heap["apparent_apex"]))
    assert tool.is_measuring() and not tool.guide_geometry().isEmpty()
    session.iface.key(Qt.Key.Key_Backspace)
    assert not tool.is_measuring() and tool.guide_geometry().isEmpty()
    assert session.controller.is_active()  # still the map tool: click the top again
    session.iface.click(session.pixel(heap["apparent_apex"]))
    session.iface.key(Qt.Key.Key_Escape)
    assert canceled == [True]
    assert not session.controller.is_active()
    assert session.results == []


def test_previous_tool_comes_back_and_switching_away_cancels(session_factory):
    session = session_factory("rason_20241214")
    heap = _ground_shadow_heaps(session)[0]
    canvas = session.iface.canvas
    pan = QgsMapToolPan(canvas)
    canvas.setMapTool(pan)
    result, _ = measure_by_clicks(session, heap["apparent_apex"], heap["shadow_tip"])
    assert canvas.mapTool() is pan  # after a measurement the analyst's tool is back
    canceled = []
    session.controller.canceled.connect(lambda: canceled.append(True))
    assert session.controller.start()
    session.iface.click(session.pixel(heap["apparent_apex"]))
    zoom = QgsMapToolZoom(canvas, False)
    canvas.setMapTool(zoom)  # another tool chosen halfway: the measurement is dropped, that tool stays
    assert canceled == [True]
    assert canvas.mapTool() is zoom and not session.controller.is_active()
    assert not session.controller.tool.is_measuring()
    canvas.unsetMapTool(zoom)
    assert len(session.results) == 1 and result is session.results[0]


def test_click_on_the_sun_side_is_rejected_and_first_click_kept(session_factory):
    session = session_factory("rason_20241214")
    heap = _ground_shadow_heaps(session)[0]
    apex, tip = heap["apparent_apex"], heap["shadow_tip"]
    session.look_at(apex, 0.25)
    assert session.controller.start()
    session.iface.click(session.pixel(apex))
    sunward = (2 * apex[0] - tip[0], 2 * apex[1] - tip[1])
    session.iface.click(session.pixel(((apex[0] + sunward[0]) / 2, (apex[1] + sunward[1]) / 2)))
    assert session.results == []
    assert "sun's side" in session.messages[-1]
    assert session.controller.tool.is_measuring()


# --- when shadows cannot work ----------------------------------------------------------------------

def test_summer_sun_refuses_a_repose_pile_but_measures_a_walled_bin(session_factory):
    session = session_factory(SUMMER_SCENE)
    assert session.controller.set_scene(session.meta, session.crs)
    e_sun = session.meta.sun_elevation_deg
    assert e_sun >= 35.0
    assert not session.controller.start(walled=False, repose_deg=35.0)
    text = session.messages[-1]
    assert f"{e_sun:.1f}" in text and "35.0" in text
    assert "wall" in text and "by hand" in text
    assert not session.controller.is_active()
    # a walled bin: the south-east inner corner of the wall casts its shadow onto the coal; the tool
    # measures the wall's height above the coal, and the fill is the wall height minus that
    bin_heap = next(h for h in session.heaps() if h["shape"] == "bin")
    feature = next(f for f in session.truth["features"] if f["properties"]["heap"] == bin_heap["heap"])
    xs = [p[0] for p in feature["geometry"]["coordinates"][0]]
    ys = [p[1] for p in feature["geometry"]["coordinates"][0]]
    epsg = session.record["crs_epsg"]
    corner = (max(xs), min(ys))
    az = math.radians(grid_shadow_azimuth_deg(epsg, corner, session.meta.sun_azimuth_deg))
    tip = (corner[0] + bin_heap["wall_shadow_on_coal_m"] * math.sin(az),
           corner[1] + bin_heap["wall_shadow_on_coal_m"] * math.cos(az))
    result, _ = measure_by_clicks(session, corner, tip, walled=True, m_per_px=0.05)
    wall_above_coal = bin_heap["wall_height_m"] - bin_heap["height_m"]
    assert abs(result.height_m - wall_above_coal) <= TOLERANCE_M
    assert abs((bin_heap["wall_height_m"] - result.height_m) - bin_heap["height_m"]) <= TOLERANCE_M


def test_no_scene_and_bad_crs_give_messages(session_factory):
    session = session_factory("rason_20241214")
    controller = ShadowController(session.iface.canvas, session.messages.append)
    try:
        assert not controller.start()
        assert "metadata" in session.messages[-1]
        assert not controller.set_scene(session.meta, "EPSG:4326")
        assert "EPSG:4326" in session.messages[-1] and "metric" in session.messages[-1]
        assert not controller.start()
    finally:
        controller.cleanup()


# --- predicted shadow overlay ----------------------------------------------------------------------

def _dark_fraction(session, geometry_canvas, threshold=LIT_DARK_SPLIT):
    """Share of the image pixels inside a canvas-CRS geometry that are dark (shadow or coal)."""
    to_scene = QgsCoordinateTransform(QgsCoordinateReferenceSystem(session.canvas_crs),
                                      QgsCoordinateReferenceSystem(session.crs), QgsProject.instance())
    geometry = QgsGeometry(geometry_canvas)
    geometry.transform(to_scene)
    x0, dx, _, y0, _, dy = session.transform
    box = geometry.boundingBox()
    dark = total = 0
    for row in range(int((box.yMaximum() - y0) / dy), int((box.yMinimum() - y0) / dy) + 1):
        for col in range(int((box.xMinimum() - x0) / dx), int((box.xMaximum() - x0) / dx) + 1):
            centre = QgsGeometry.fromPointXY(QgsPointXY(x0 + (col + 0.5) * dx, y0 + (row + 0.5) * dy))
            if geometry.contains(centre):
                total += 1
                dark += session.image[row, col] < threshold
    return dark / total


@pytest.mark.parametrize("canvas_crs", [None, "EPSG:3857"])
def test_predicted_overlay_matches_the_dark_shadow_and_updates_with_height(session_factory, canvas_crs):
    session = session_factory("rason_20241214", canvas_crs)
    # a flat-topped heap: 1.5 times its height still fits its footprint (a ridge at repose would not grow)
    heap = next(h for h in session.heaps() if h["shape"] == "flat_top")
    footprint = session.footprint(heap["heap"])
    session.look_at(heap["apex"], 0.2)
    shown = session.controller.show_predicted(footprint, session.canvas_crs, heap["height_m"], "repose",
                                              heap["repose_deg"])
    drawn = session.controller.predicted_geometry()
    assert shown is not None and not drawn.isEmpty()
    assert drawn.area() == pytest.approx(shown.area(), rel=0.01)
    # on the anti-sun side of the heap, and outside its footprint
    epsg = session.record["crs_epsg"]
    to_scene = QgsCoordinateTransform(QgsCoordinateReferenceSystem(session.canvas_crs),
                                      QgsCoordinateReferenceSystem(session.crs), QgsProject.instance())
    shadow_scene, foot_scene = QgsGeometry(shown), QgsGeometry(footprint)
    shadow_scene.transform(to_scene)
    foot_scene.transform(to_scene)
    c_s, c_f = shadow_scene.centroid().asPoint(), foot_scene.centroid().asPoint()
    az = math.radians(grid_shadow_azimuth_deg(epsg, (c_f.x(), c_f.y()), session.meta.sun_azimuth_deg))
    assert (c_s.x() - c_f.x()) * math.sin(az) + (c_s.y() - c_f.y()) * math.cos(az) > 5.0
    assert shadow_scene.intersection(foot_scene).area() < 0.01 * shadow_scene.area()
    # the image agrees: the outline at the true height covers dark ground
    assert _dark_fraction(session, shown) > 0.9
    taller = session.controller.show_predicted(footprint, session.canvas_crs, heap["height_m"] * 1.5, "repose",
                                               heap["repose_deg"])
    assert taller.area() > 1.2 * shown.area()
    assert session.controller.predicted_geometry().area() == pytest.approx(taller.area(), rel=0.01)
    assert _dark_fraction(session, taller) < 0.8  # a wrong height shows as outline over lit ground
    # the analyst changes the canvas CRS: the outline is redrawn in the new one, in the same place
    other = "EPSG:4326"
    session.iface.canvas.setDestinationCrs(QgsCoordinateReferenceSystem(other))
    redrawn = session.controller.predicted_geometry()
    back = QgsGeometry(redrawn)
    back.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem(other),
                                          QgsCoordinateReferenceSystem(session.crs), QgsProject.instance()))
    expected = QgsGeometry(taller)
    expected.transform(to_scene)
    assert back.symDifference(expected).area() < 0.02 * expected.area()
    session.controller.clear()
    assert session.controller.predicted_geometry().isEmpty()


def test_predicted_overlay_reports_problems_once(session_factory):
    session = session_factory(SUMMER_SCENE)
    heap = next(h for h in session.heaps() if h["shape"] == "cone")
    footprint = session.footprint(heap["heap"])
    for _ in range(3):  # the dock calls on every height change: one message, not three
        shown = session.controller.show_predicted(footprint, session.crs, heap["height_m"], "repose", 35.0)
    assert shown.isEmpty() and session.controller.predicted_geometry().isEmpty()
    assert len(session.messages) == 1 and "No ground shadow" in session.messages[0]
    assert session.controller.show_predicted(footprint, session.crs, 500.0, "repose", 35.0) is None
    assert "60" in session.messages[-1]


def test_screenshot_with_guide_measured_segment_and_overlay(session_factory):
    session = session_factory("rason_20241214")
    heap = next(h for h in session.heaps() if h["shape"] == "ridge")
    session.controller.show_predicted(session.footprint(heap["heap"]), session.crs, heap["height_m"], "repose",
                                      heap["repose_deg"])
    apex, tip = heap["apparent_apex"], heap["shadow_tip"]
    session.look_at(((apex[0] + tip[0]) / 2, (apex[1] + tip[1]) / 2 - 5), 0.1)
    assert session.controller.start()
    previews = []
    session.controller.tool.preview.connect(previews.append)
    session.iface.click(session.pixel(apex))
    session.iface.move(session.pixel((tip[0] + 1.0, tip[1] - 0.5)))  # mouse near the tip: live segment
    assert not session.controller.tool.shadow_geometry().isEmpty()
    assert previews and abs(previews[-1].height_m - heap["height_m"]) < 0.5  # live readout while moving
    assert session.results == []  # a move measures nothing
    OUTPUT.mkdir(exist_ok=True)
    canvas = session.iface.canvas
    canvas.refresh()
    canvas.waitWhileRendering()
    settle()
    image = canvas.grab()
    assert image.save(str(OUTPUT / "shadow_tool.png"))
    qimage = image.toImage()
    # the image is rendered under the lines: the heap's shaded flank is dark in the grab
    flank = session.pixel((apex[0] + 0.15 * (tip[0] - apex[0]) + 2.0, apex[1] + 0.15 * (tip[1] - apex[1])))
    assert qimage.pixelColor(flank).value() < 60
    # the guide's pixels are drawn: the rubber band colour appears in the grab
    guide_pixel = session.pixel((apex[0] + 0.4 * (tip[0] - apex[0]), apex[1] + 0.4 * (tip[1] - apex[1])))
    near = [qimage.pixelColor(guide_pixel.x() + dx, guide_pixel.y() + dy) for dx in range(-3, 4)
            for dy in range(-3, 4)]
    assert any(c.red() > 200 and c.green() > 150 and c.blue() < 120 for c in near) or \
        any(c.blue() > 200 and c.green() > 150 and c.red() < 100 for c in near)


def _write_table(name, rows):
    OUTPUT.mkdir(exist_ok=True)
    lines = ["heap\ttruth_m\tmeasured_m\tsigma_m" + ("\ttip_gap_m" if rows and len(rows[0]) > 4 else "")]
    for row in rows:
        lines.append("\t".join(row[0:1] + tuple(f"{v:.3f}" for v in row[1:])))
    (OUTPUT / f"shadow_heights_{name}.tsv").write_text("\n".join(lines) + "\n")


def test_cleanup_removes_bands_from_the_canvas(session_factory):
    session = session_factory("rason_20241214")
    scene = session.iface.canvas.scene()
    before = len(scene.items())
    controller = ShadowController(session.iface.canvas, session.messages.append)
    assert len(scene.items()) > before
    controller.cleanup()
    assert len(scene.items()) == before
    assert not controller.is_active()
