"""Heap heights from shadows, and the shadow a heap of a given height would cast.

Geometry of domain.md section 6, in metric map coordinates (x east, y north). Azimuths are clockwise
from north; the sun azimuth points from the ground towards the sun, the satellite azimuth from the
ground towards the satellite (SceneMetadata.view_azimuth_deg).

Why the view correction: an orthorectified image puts the ground in place but shifts anything above it
away from the satellite by h cot(e_sat). The apparent apex the analyst clicks is displaced, the shadow
tip (on the ground) is not, so the measured length along the anti-sun line is
L = H (cot e_sun - cot e_sat cos(phi_sun - phi_sat)). Measured from the pile's foot (a ground point),
the view shift vanishes and L = H (cot e_sun - cot a) for a flank at the angle of repose a.
"""
import math
from typing import NamedTuple, Optional, Tuple

from shapely.affinity import translate
from shapely.geometry import MultiPoint, MultiPolygon, Polygon
from shapely.geometry.polygon import orient
from shapely.ops import polylabel, transform, unary_union

from .errors import InputError
from .messages import QT_TR_NOOP, Message
from .limits import (HEIGHT_MAX_M, MODELS, REPOSE_DEFAULT_DEG, REPOSE_MAX_DEG, REPOSE_MIN_DEG,
                     REPOSE_TOLERANCE_DEG)

CLICK_ERROR_PX = 1.0
# One sigma of the scene-mean angles as used for one heap: the sun moves about 0.1 deg across a
# 20 km scene and within a minute of time; the viewing angle changes by up to 1 deg across a
# Pleiades swath, of which half is a fair sigma for a heap anywhere in it.
SUN_ANGLE_SIGMA_DEG = 0.1
VIEW_ANGLE_SIGMA_DEG = 0.5
# With no viewing angles in the metadata the scene is taken as nadir with this sigma on the
# satellite elevation: very-high-resolution scenes are ordered up to about 20-30 deg off-nadir.
UNKNOWN_VIEW_SIGMA_DEG = 10.0
# An unknown satellite azimuth: cos(phi_sun - phi_sat) of a uniform angle has mean 0 and standard
# deviation 1/sqrt(2); taking phi_sat 90 deg from the sun with this sigma (radians 1/sqrt(2))
# propagates exactly that.
UNKNOWN_VIEW_AZIMUTH_SIGMA_DEG = math.degrees(1.0 / math.sqrt(2.0))
# Below this denominator (cot terms) the length hardly depends on the height: refuse, don't divide.
MIN_SENSITIVITY = 0.05
# Horizontal slices used to build a repose pile's shadow; the outline error is below H / (s N).
SHADOW_SLICES = 40
# Slices are outlines for the eye: arcs in 8 segments per quarter circle, simplified to 2 cm
# (mean outline error about 3 cm against 160 finer slices on a 200 x 100 m heap).
SLICE_ARC_SEGMENTS = 8
SLICE_SIMPLIFY_M = 0.02


class Feasibility(NamedTuple):
    """Whether a shadow can measure this heap now; ``message`` says why not, or is empty."""

    ok: bool
    message: str


class ShadowGeometry(NamedTuple):
    """Sun and satellite angles of a scene, with the sigmas height_sigma_m should use."""

    sun_elevation_deg: float
    sun_azimuth_deg: float
    sat_elevation_deg: float
    sat_azimuth_deg: float
    sun_sigma_deg: float
    view_sigma_deg: float
    view_azimuth_sigma_deg: float
    notes: Tuple[str, ...]


class ShadowPoint(NamedTuple):
    """A click projected onto the shadow line: the snapped point and its offsets from the origin."""

    x: float
    y: float
    along_m: float
    across_m: float


def _check_angle(name: str, value: float, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or not low <= value <= high:
        raise InputError(QT_TR_NOOP("{name} {value!r} is not a number between {low:g} and {high:g} degrees."),
                         name=Message(name), value=value, low=low, high=high)
    return float(value)


def _check_length(name: str, value: float, allow_zero: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or value < 0 or (value == 0 and not allow_zero):
        raise InputError(QT_TR_NOOP("{name} {value!r} must be a positive number of metres."),
                         name=Message(name), value=value)
    return float(value)


def _cot(deg: float) -> float:
    return 1.0 / math.tan(math.radians(deg))


def _denominator(sun_elevation_deg, sun_azimuth_deg, sat_elevation_deg, sat_azimuth_deg,
                 from_foot, repose_deg) -> float:
    """Shadow length per metre of height for the chosen measurement."""
    if from_foot:
        return _cot(sun_elevation_deg) - _cot(repose_deg)
    d_phi = math.radians(sun_azimuth_deg - sat_azimuth_deg)
    return _cot(sun_elevation_deg) - _cot(sat_elevation_deg) * math.cos(d_phi)


def _check_geometry(sun_elevation_deg, sun_azimuth_deg, sat_elevation_deg, sat_azimuth_deg,
                    from_foot, repose_deg):
    _check_angle(QT_TR_NOOP("Sun elevation"), sun_elevation_deg, 0.5, 90.0)
    _check_angle(QT_TR_NOOP("Sun azimuth"), sun_azimuth_deg, -360.0, 360.0)
    _check_angle(QT_TR_NOOP("Satellite elevation"), sat_elevation_deg, 10.0, 90.0)
    _check_angle(QT_TR_NOOP("Satellite azimuth"), sat_azimuth_deg, -360.0, 360.0)
    _check_angle(QT_TR_NOOP("Angle of repose"), repose_deg, REPOSE_MIN_DEG, REPOSE_MAX_DEG)
    d = _denominator(sun_elevation_deg, sun_azimuth_deg, sat_elevation_deg, sat_azimuth_deg,
                     from_foot, repose_deg)
    if d < MIN_SENSITIVITY:
        if from_foot:
            raise InputError(
                QT_TR_NOOP("Sun elevation {sun_elevation_deg:.1f} deg is too close to or above the angle of repose "
                           "{repose_deg:.1f} deg: a repose flank casts (almost) no shadow beyond its foot. "
                           "Measure from the apparent top instead, use a wall's shadow, or enter the height by hand."),
                sun_elevation_deg=sun_elevation_deg, repose_deg=repose_deg)
        raise InputError(
            QT_TR_NOOP("With the sun at {sun_elevation_deg:.1f} deg elevation, azimuth {sun_azimuth_deg:.1f} deg and "
                       "the satellite at {sat_elevation_deg:.1f} deg elevation, azimuth {sat_azimuth_deg:.1f} deg, "
                       "the apparent top falls (almost) onto its own shadow tip: the shadow length says nothing "
                       "about the height. Measure from the pile's foot or enter the height by hand."),
            sun_elevation_deg=sun_elevation_deg, sun_azimuth_deg=sun_azimuth_deg,
            sat_elevation_deg=sat_elevation_deg, sat_azimuth_deg=sat_azimuth_deg)
    return d


def height_from_shadow(shadow_length_m: float, sun_elevation_deg: float, sun_azimuth_deg: float,
                       sat_elevation_deg: float = 90.0, sat_azimuth_deg: float = 0.0,
                       from_foot: bool = False, repose_deg: float = REPOSE_DEFAULT_DEG) -> float:
    """Height (m) from a shadow length measured along the anti-sun line.

    ``from_foot=False``: from the apparent top (apex or ridge as seen) to the shadow tip, with the
    off-nadir correction. ``from_foot=True``: from the pile's foot on its shadow side (where the
    shaded flank meets the ground) to the shadow tip; uses the angle of repose, no view correction.
    """
    length = _check_length(QT_TR_NOOP("Shadow length"), shadow_length_m)
    d = _check_geometry(sun_elevation_deg, sun_azimuth_deg, sat_elevation_deg, sat_azimuth_deg,
                        from_foot, repose_deg)
    height = length / d
    if height > HEIGHT_MAX_M:
        raise InputError(QT_TR_NOOP("A {length:.1f} m shadow gives {height:.1f} m, taller than any coal heap (limit "
                                    "{limit_m:g} m): check that the second click is the tip of this heap's "
                                    "shadow."), length=length, height=height, limit_m=HEIGHT_MAX_M)
    return height


def height_sigma_m(shadow_length_m: float, sun_elevation_deg: float, sun_azimuth_deg: float,
                   sat_elevation_deg: float = 90.0, sat_azimuth_deg: float = 0.0,
                   from_foot: bool = False, repose_deg: float = REPOSE_DEFAULT_DEG, *,
                   gsd_m: float, click_error_px: float = CLICK_ERROR_PX,
                   sun_sigma_deg: float = SUN_ANGLE_SIGMA_DEG,
                   view_sigma_deg: float = VIEW_ANGLE_SIGMA_DEG,
                   view_azimuth_sigma_deg: Optional[float] = None,
                   repose_sigma_deg: float = REPOSE_TOLERANCE_DEG) -> float:
    """One-sigma height error (m): click error of ``click_error_px`` pixels on the length plus the
    angle uncertainties, propagated through the same formula (first order, in quadrature).

    ``view_sigma_deg`` applies to the satellite elevation and, unless ``view_azimuth_sigma_deg`` is
    given, to its azimuth. geometry_from_scene picks all sigmas from a scene's metadata.
    """
    length = _check_length(QT_TR_NOOP("Shadow length"), shadow_length_m)
    _check_length(QT_TR_NOOP("Pixel size (gsd_m)"), gsd_m)
    for name, v in ((QT_TR_NOOP("Click error"), click_error_px), (QT_TR_NOOP("Sun angle sigma"), sun_sigma_deg),
                    (QT_TR_NOOP("View angle sigma"), view_sigma_deg),
                    (QT_TR_NOOP("Repose sigma"), repose_sigma_deg),
                    (QT_TR_NOOP("View azimuth sigma"), view_sigma_deg if view_azimuth_sigma_deg is None
                     else view_azimuth_sigma_deg)):
        _check_length(name, v, allow_zero=True)
    d = _check_geometry(sun_elevation_deg, sun_azimuth_deg, sat_elevation_deg, sat_azimuth_deg,
                        from_foot, repose_deg)
    height = length / d
    # dH/dx = -H/D dD/dx; dD/dx in 1/radian for each angle.
    e_sun = math.radians(sun_elevation_deg)
    terms = [(click_error_px * gsd_m / d) ** 2,
             (height / d / math.sin(e_sun) ** 2 * math.radians(sun_sigma_deg)) ** 2]
    if from_foot:
        a = math.radians(repose_deg)
        terms.append((height / d / math.sin(a) ** 2 * math.radians(repose_sigma_deg)) ** 2)
    else:
        e_sat = math.radians(sat_elevation_deg)
        d_phi = math.radians(sun_azimuth_deg - sat_azimuth_deg)
        dd_esat = math.cos(d_phi) / math.sin(e_sat) ** 2
        dd_phi = _cot(sat_elevation_deg) * math.sin(d_phi)  # same size for sun and view azimuth
        az_sigma = view_sigma_deg if view_azimuth_sigma_deg is None else view_azimuth_sigma_deg
        terms += [(height / d * dd_esat * math.radians(view_sigma_deg)) ** 2,
                  (height / d * dd_phi * math.radians(az_sigma)) ** 2,
                  (height / d * dd_phi * math.radians(sun_sigma_deg)) ** 2]
    return math.sqrt(sum(terms))


def geometry_from_scene(meta) -> ShadowGeometry:
    """Angles and their uncertainty from a SceneMetadata (coal_monitor.core.metadata).

    The sun sigma is the larger of SUN_ANGLE_SIGMA_DEG and the disagreement between the file's sun
    and the computed one (sun_check_deg): a file that disagrees is worth no more than that. Without
    viewing angles the scene is taken as nadir with UNKNOWN_VIEW_SIGMA_DEG, and the notes say so.
    """
    if meta.sun_elevation_deg is None or meta.sun_azimuth_deg is None:
        raise InputError(QT_TR_NOOP("{source}: no sun angles and no location to compute them: give the scene's "
                                    "latitude and longitude, or choose its metadata file."),
                         source=meta.source)
    notes = []
    sun_sigma = SUN_ANGLE_SIGMA_DEG
    if meta.sun_check_deg is not None and meta.sun_check_deg > sun_sigma:
        sun_sigma = meta.sun_check_deg
        notes.append(Message(QT_TR_NOOP("Sun angle sigma {sun_sigma:.2f} deg: the file's sun disagrees with the "
                                        "computed one."), sun_sigma=sun_sigma))
    if meta.incidence_deg is None:
        notes.append(Message(QT_TR_NOOP("No viewing angles: nadir assumed, satellite elevation sigma "
                                        "{UNKNOWN_VIEW_SIGMA_DEG:g} deg."),
                             UNKNOWN_VIEW_SIGMA_DEG=UNKNOWN_VIEW_SIGMA_DEG))
        # Azimuth along the sun line: the direction in which a tilt changes the length most.
        return ShadowGeometry(meta.sun_elevation_deg, meta.sun_azimuth_deg, 90.0, meta.sun_azimuth_deg,
                              sun_sigma, UNKNOWN_VIEW_SIGMA_DEG, 0.0, tuple(notes))
    if meta.view_azimuth_deg is None:
        notes.append(QT_TR_NOOP("No satellite azimuth: no view correction applied; its possible size is in the "
                                "sigma."))
        return ShadowGeometry(meta.sun_elevation_deg, meta.sun_azimuth_deg, 90.0 - meta.incidence_deg,
                              (meta.sun_azimuth_deg + 90.0) % 360.0, sun_sigma, VIEW_ANGLE_SIGMA_DEG,
                              UNKNOWN_VIEW_AZIMUTH_SIGMA_DEG, tuple(notes))
    return ShadowGeometry(meta.sun_elevation_deg, meta.sun_azimuth_deg, 90.0 - meta.incidence_deg,
                          meta.view_azimuth_deg, sun_sigma, VIEW_ANGLE_SIGMA_DEG, VIEW_ANGLE_SIGMA_DEG,
                          tuple(notes))


def shadow_direction_deg(sun_azimuth_deg: float) -> float:
    """Azimuth along which shadows fall (away from the sun), clockwise from north, in [0, 360)."""
    _check_angle(QT_TR_NOOP("Sun azimuth"), sun_azimuth_deg, -360.0, 360.0)
    return (sun_azimuth_deg + 180.0) % 360.0


def shadow_feasible(sun_elevation_deg: float, repose_deg: float = REPOSE_DEFAULT_DEG,
                    walled: bool = False) -> Feasibility:
    """Can a ground shadow measure this heap? A repose pile casts none once the sun is at or above
    its angle of repose; a walled bin still does."""
    _check_angle(QT_TR_NOOP("Sun elevation"), sun_elevation_deg, -90.0, 90.0)
    _check_angle(QT_TR_NOOP("Angle of repose"), repose_deg, REPOSE_MIN_DEG, REPOSE_MAX_DEG)
    if sun_elevation_deg <= 0.5:
        return Feasibility(False, f"The sun is at {sun_elevation_deg:.1f} deg elevation: below or on the "
                                  "horizon there are no usable shadows. Enter the height by hand.")
    if walled or sun_elevation_deg < repose_deg:
        return Feasibility(True, "")
    return Feasibility(False, (
        f"Sun elevation {sun_elevation_deg:.1f} deg is at or above the angle of repose {repose_deg:.1f} deg: "
        "a pile at its angle of repose casts no shadow on the ground. Alternatives: measure the shadow "
        "of a wall (bins, bunkers: mark the heap as walled), use a winter scene, or enter the height "
        "by hand."))


def project_point_on_shadow_line(origin_xy: Tuple[float, float], point_xy: Tuple[float, float],
                                 sun_azimuth_deg: float) -> ShadowPoint:
    """Snap a click onto the anti-sun line through ``origin_xy`` (the first click).

    ``along_m`` is the distance along the shadow direction (negative: towards the sun, a wrong
    click); ``across_m`` the distance the click was moved (positive to the right of the shadow
    direction). Off-nadir, the true tip lies H cot(e_sat) sin(phi_sun - phi_sat) off the line; the
    height formula uses only ``along_m``, so snapping loses nothing.
    """
    az = math.radians(shadow_direction_deg(sun_azimuth_deg))
    ux, uy = math.sin(az), math.cos(az)
    dx, dy = point_xy[0] - origin_xy[0], point_xy[1] - origin_xy[1]
    along = dx * ux + dy * uy
    across = dx * uy - dy * ux
    return ShadowPoint(origin_xy[0] + along * ux, origin_xy[1] + along * uy, along, across)


def _sweep(poly: Polygon, dx: float, dy: float, start: Tuple[float, float] = (0.0, 0.0)):
    """Area covered by ``poly`` moving from offset ``start`` to ``start + (dx, dy)`` (Minkowski sum
    with a segment): the two end copies plus the parallelogram of each edge whose outward normal
    faces against the motion (a point of the sweep outside both copies left the polygon through
    such an edge; the other edges add nothing)."""
    base = orient(translate(poly, *start), 1.0)  # interior on the left: outward normal (ey, -ex)
    parts = [base, translate(base, dx, dy)]
    for ring in [base.exterior, *base.interiors]:
        pts = list(ring.coords)
        for (x1, y1), (x2, y2) in zip(pts[:-1], pts[1:]):
            if (y2 - y1) * dx - (x2 - x1) * dy <= 0.0:
                quad = Polygon([(x1, y1), (x2, y2), (x2 + dx, y2 + dy), (x1 + dx, y1 + dy)])
                if quad.area > 1e-12:
                    parts.append(quad)
    return unary_union(parts)


def _polygons(geom):
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    return [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon)]


def _repose_cast(footprint, height, slope, ux, uy):
    """Shadow of z = min(H, slope * d): slice i (footprint shrunk to height z_i) swept from z_(i-1) to
    z_i. That slice is the smallest in the interval, so the result stays inside the true shadow
    (up to the 2 cm simplification: no false sliver when the sun is above the repose angle); a
    peak vanishing between two slices is closed by the hull of its last slice and its apex (pole
    of inaccessibility)."""
    step = height / SHADOW_SLICES
    parts = [footprint]
    prev = _polygons(footprint)
    for i in range(1, SHADOW_SLICES + 1):
        z0, z1 = (i - 1) * step, i * step
        level = footprint.buffer(-z1 / slope, SLICE_ARC_SEGMENTS)
        for p in prev:
            if not level.intersects(p):
                apex = polylabel(p, tolerance=0.01)
                z_top = min(height, z0 + slope * p.boundary.distance(apex))
                parts.append(MultiPoint(list(translate(p, ux * z0, uy * z0).exterior.coords)
                                        + [(apex.x + ux * z_top, apex.y + uy * z_top)]).convex_hull)
        prev = [p.simplify(SLICE_SIMPLIFY_M) for p in _polygons(level)]
        parts.extend(_sweep(p, ux * step, uy * step, (ux * z0, uy * z0)) for p in prev)
        if not prev:
            break
    return unary_union(parts)


def _cone_apex(footprint: Polygon):
    c = footprint.centroid
    return c if footprint.contains(c) else footprint.representative_point()


def predicted_shadow(footprint_metric_polygon, height_m: float, model: str, repose_deg: float,
                     sun_elevation_deg: float, sun_azimuth_deg: float,
                     apex_xy: Optional[Tuple[float, float]] = None):
    """Ground shadow (shapely polygon, metric) the heap would cast beyond its own footprint.

    The footprint itself is left out: under the heap there is no ground to see, and the lit and
    self-shaded flanks are the image's business. Models (limits.MODELS): "prism" extrudes the
    footprint to ``height_m``; "repose" is z = min(H, tan(a) * distance to the edge), built from
    SHADOW_SLICES slices of the footprint shrunk inward, each swept along its shadow; "cone" joins
    the outline to an apex over ``apex_xy`` (default: the centroid, or a point inside if the
    centroid falls outside). Heights are above the footprint's ground level; flat ground assumed.
    The result can be empty (sun at or above the repose angle for a repose pile).
    """
    if not isinstance(footprint_metric_polygon, (Polygon, MultiPolygon)) or footprint_metric_polygon.is_empty:
        raise InputError(QT_TR_NOOP("The footprint must be a non-empty polygon in metric coordinates."))
    if not footprint_metric_polygon.is_valid:
        raise InputError(QT_TR_NOOP("The footprint polygon is invalid (self-intersecting?): redraw or repair it."))
    if model not in MODELS:
        raise InputError(QT_TR_NOOP("Model {model!r} is unknown: use one of {models}."),
                         model=model, models=', '.join(MODELS))
    height = _check_length(QT_TR_NOOP("Height"), height_m)
    if height > HEIGHT_MAX_M:
        raise InputError(QT_TR_NOOP("Height {height:g} m is above the {limit_m:g} m limit for a coal heap."),
                         height=height, limit_m=HEIGHT_MAX_M)
    _check_angle(QT_TR_NOOP("Sun elevation"), sun_elevation_deg, 0.5, 90.0)
    _check_angle(QT_TR_NOOP("Sun azimuth"), sun_azimuth_deg, -360.0, 360.0)
    _check_angle(QT_TR_NOOP("Angle of repose"), repose_deg, REPOSE_MIN_DEG, REPOSE_MAX_DEG)
    az = math.radians(shadow_direction_deg(sun_azimuth_deg))
    reach = _cot(sun_elevation_deg)  # shadow offset per metre of height
    ux, uy = math.sin(az) * reach, math.cos(az) * reach
    footprint = footprint_metric_polygon
    if footprint.has_z:
        footprint = transform(lambda x, y, z=None: (x, y), footprint)
    if model == "prism":
        cast = unary_union([_sweep(p, ux * height, uy * height) for p in _polygons(footprint)])
    elif model == "cone":
        if apex_xy is None:
            apex = _cone_apex(footprint)
            apex_xy = (apex.x, apex.y)
        tip = (apex_xy[0] + ux * height, apex_xy[1] + uy * height)
        parts = []
        for p in _polygons(footprint):
            for ring in [p.exterior, *p.interiors]:
                pts = list(ring.coords)
                for a, b in zip(pts[:-1], pts[1:]):
                    parts.append(Polygon([apex_xy, a, b, tip]).convex_hull)
        cast = unary_union(parts)
    else:
        cast = _repose_cast(footprint, height, math.tan(math.radians(repose_deg)), ux, uy)
    shadow = cast.difference(footprint)
    return shadow.buffer(0) if not shadow.is_valid else shadow
