"""Ships measured on imagery: a hull from the analyst's clicks, its class, deadweight and cargo ranges.

Pure computation in a metric CRS (the port's): no Qt, no QGIS. The class table is data
(resources/ship_classes.json, from domain.md section 9); its ``about`` text states the cargo and the
berth-depth model. A ship's length over all (LOA) and beam decide its class; every number that follows is
a range, never a point, and a ship that fits no class in the table gets no class (and no tonnage) rather
than an invented one.
"""
import json
import math
from dataclasses import dataclass
from functools import lru_cache

from . import limits
from .errors import InputError
from .messages import QT_TR_NOOP, Message

TABLE_FORMAT = "coal_monitor.ship_classes"
TABLE_FORMAT_VERSION = 1
TABLE_RESOURCE = "ship_classes.json"
# A measurement that overlaps several classes is stored under all their names, joined by this.
CANDIDATE_JOINER = " or "


@dataclass(frozen=True)
class ShipState:
    key: str
    label: str


# Stored values of ``vessels.state`` (the keys never change) and their names in forms.
SHIP_STATES = (
    ShipState("loading", QT_TR_NOOP("Loading")),
    ShipState("moored", QT_TR_NOOP("Moored")),
    ShipState("at_anchor", QT_TR_NOOP("At anchor")),
    ShipState("underway", QT_TR_NOOP("Underway")),
    ShipState("unknown", QT_TR_NOOP("Unknown")),
)
STATE_KEYS = tuple(state.key for state in SHIP_STATES)


def is_loading_event(state, cargo_visible) -> bool:
    """A loading event (issue 14 item 5): a ship in state ``loading``, or ``moored`` with cargo visible
    in open hatches (the analyst saw coal going in but did not call it loading)."""
    if state not in STATE_KEYS:
        raise InputError(
            QT_TR_NOOP("Ship state {state!r} is not one of {states}; choose one of those."),
            state=state, states=', '.join(STATE_KEYS)
        )
    return state == "loading" or (state == "moored" and bool(cargo_visible))


# --- the hull ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Hull:
    """A measured hull in a metric CRS: length over all, beam (m), heading and its rectangle.

    ``heading_deg`` is the bearing of the centreline clockwise from the CRS's +y axis (grid north): from
    stern to bow (0-360) when the bow is known (clicks), the axis only (0-180) for a drawn outline.
    ``polygon`` is the closed ring of the hull's rectangle (5 (x, y) pairs).
    """

    loa_m: float
    beam_m: float
    heading_deg: float
    polygon: tuple
    centre_xy: tuple
    bow_known: bool = True


def _point(name, xy):
    try:
        x, y = (float(value) for value in xy)
    except (TypeError, ValueError):
        raise InputError(QT_TR_NOOP("The {name} point {xy!r} is not an (x, y) pair of numbers; click it again."),
                         name=Message(name), xy=xy) from None
    if not (math.isfinite(x) and math.isfinite(y)):
        raise InputError(QT_TR_NOOP("The {name} point {xy!r} has no finite coordinates; click it again."),
                         name=Message(name), xy=xy)
    return x, y


def _bearing_deg(dx, dy):
    return math.degrees(math.atan2(dx, dy)) % 360.0


def hull_rectangle(bow_xy, stern_xy, side_xy) -> Hull:
    """The hull rectangle through the clicks, without judging its size (the map tool's live preview).

    Bow and stern are the two ends of the centreline, so LOA = their distance. The third click is on the
    hull's side at its widest point; the beam is twice its perpendicular distance from the centreline
    (a click on either side gives the same beam). The rectangle spans LOA along the centreline and the
    beam across it, centred on the centreline.
    """
    bx, by = _point(QT_TR_NOOP("bow"), bow_xy)
    sx, sy = _point(QT_TR_NOOP("stern"), stern_xy)
    px, py = _point(QT_TR_NOOP("side"), side_xy)
    loa_m = math.hypot(bx - sx, by - sy)
    if loa_m == 0.0:
        raise InputError(QT_TR_NOOP("Bow and stern are the same point (LOA 0 m); click the bow, then the stern."))
    ux, uy = (bx - sx) / loa_m, (by - sy) / loa_m
    half_beam_m = abs(ux * (py - sy) - uy * (px - sx))
    nx, ny = -uy * half_beam_m, ux * half_beam_m
    ring = ((sx + nx, sy + ny), (bx + nx, by + ny), (bx - nx, by - ny), (sx - nx, sy - ny))
    return Hull(loa_m, 2.0 * half_beam_m, _bearing_deg(bx - sx, by - sy), ring + ring[:1],
                ((bx + sx) / 2.0, (by + sy) / 2.0), True)


def hull_from_clicks(bow_xy, stern_xy, side_xy) -> Hull:
    """The hull measured by three clicks (see ``hull_rectangle``), refused by ``check_hull`` when no
    ship has that size: beam = 2 x the side click's perpendicular distance from the bow-stern line."""
    hull = hull_rectangle(bow_xy, stern_xy, side_xy)
    check_hull(hull.loa_m, hull.beam_m)
    return hull


def _oriented_rectangle(geometry):
    """The minimum-area rectangle around a convex polygon, by rotating calipers: one of its sides lies on a
    hull edge, so each edge's direction is tried. Computed here rather than by shapely, whose
    ``oriented_envelope`` (2.x, GEOS 3.12+) approximates it to about 1e-4 m and whose 1.8
    ``minimum_rotated_rectangle`` is exact: the same ship must measure the same on every QGIS."""
    from shapely.geometry import Polygon

    if geometry.geom_type != "Polygon":  # collinear corners: a line, no rectangle
        return geometry
    ring = list(geometry.exterior.coords)[:-1]
    best = None
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        length = math.hypot(x1 - x0, y1 - y0)
        if length == 0.0:
            continue
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        along = [x * ux + y * uy for x, y in ring]
        across = [-x * uy + y * ux for x, y in ring]
        area = (max(along) - min(along)) * (max(across) - min(across))
        if best is None or area < best[0]:
            best = (area, ux, uy, min(along), max(along), min(across), max(across))
    if best is None:
        return geometry
    _area, ux, uy, a0, a1, c0, c1 = best
    corners = [(a * ux - c * uy, a * uy + c * ux) for a, c in ((a0, c0), (a1, c0), (a1, c1), (a0, c1))]
    return Polygon(corners)


def hull_from_outline(coords) -> Hull:
    """The hull from a drawn outline (the hull's corners, in order): its oriented minimum bounding box
    gives LOA (the long side) and beam (the short side). Which end is the bow is not known, so
    ``heading_deg`` is the axis (0-180) and ``bow_known`` is False."""
    from shapely.geometry import MultiPoint

    points = [_point(Message(QT_TR_NOOP("outline corner {number}"), number=index + 1), xy)
              for index, xy in enumerate(coords or ())]
    if len(set(points)) < 3:
        raise InputError(
            QT_TR_NOOP("A hull outline needs at least 3 distinct corners; it has {corners}. "
                       "Click around the hull again."), corners=len(set(points))
        )
    hull_area = MultiPoint(points).convex_hull
    rectangle = _oriented_rectangle(hull_area)
    if hull_area.area <= 0.0 or rectangle.geom_type != "Polygon":
        raise InputError(QT_TR_NOOP("The hull outline has no area (all corners on one line); click around the hull "
                                    "again."))
    ring = [tuple(xy) for xy in rectangle.exterior.coords][:4]
    edges = [(ring[(i + 1) % 4][0] - ring[i][0], ring[(i + 1) % 4][1] - ring[i][1]) for i in range(2)]
    lengths = [math.hypot(dx, dy) for dx, dy in edges]
    long_edge = edges[0] if lengths[0] >= lengths[1] else edges[1]
    loa_m, beam_m = max(lengths), min(lengths)
    check_hull(loa_m, beam_m)
    centre = rectangle.centroid
    return Hull(loa_m, beam_m, _bearing_deg(*long_edge) % 180.0, tuple(ring + ring[:1]),
                (centre.x, centre.y), False)


def check_hull(loa_m, beam_m):
    """Refuse a hull no ship has (limits.VESSEL_*): LOA outside 20-400 m, a beam wider than a third of
    the length, a non-positive or non-numeric value. The message names the value and the fix."""
    for name, value in ((QT_TR_NOOP("length (LOA)"), loa_m), (QT_TR_NOOP("beam"), beam_m)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise InputError(QT_TR_NOOP("The ship's {name} {value!r} is not a number; measure the ship again."),
                             name=Message(name), value=value)
        if value <= 0.0:
            raise InputError(
                QT_TR_NOOP("The ship's {name} is {value:g} m; it must be more than 0 m. Click the bow, the stern, "
                           "then a point on the hull's side at its widest."), name=Message(name), value=value
            )
    if loa_m < limits.VESSEL_LOA_MIN_M:
        raise InputError(
            QT_TR_NOOP("The ship's length (LOA) is {loa_m:.1f} m, shorter than {VESSEL_LOA_MIN_M:g} m: no cargo "
                       "ship is that small. Click the very ends of the hull (bow and stern), zooming in if needed."),
            loa_m=loa_m, VESSEL_LOA_MIN_M=limits.VESSEL_LOA_MIN_M
        )
    if loa_m > limits.VESSEL_LOA_MAX_M:
        raise InputError(
            QT_TR_NOOP("The ship's length (LOA) is {loa_m:.1f} m, longer than {VESSEL_LOA_MAX_M:g} m: no ship "
                       "afloat is that long. Check the clicks are on one ship's bow and stern and the image's scale."),
            loa_m=loa_m, VESSEL_LOA_MAX_M=limits.VESSEL_LOA_MAX_M
        )
    beam_max_m = loa_m * limits.VESSEL_BEAM_MAX_FRACTION_OF_LOA
    if beam_m > beam_max_m:
        raise InputError(
            QT_TR_NOOP("The ship's beam is {beam_m:.1f} m, wider than a third of its length ({beam_max_m:.1f} m of "
                       "{loa_m:.1f} m): no ship is that broad. Click the side at the widest point, across from the "
                       "centreline, not beyond the hull."),
            beam_m=beam_m, beam_max_m=beam_max_m, loa_m=loa_m
        )


# --- the class table ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ShipClass:
    key: str
    name: str
    dwt_lo_t: float
    dwt_hi_t: float
    loa_lo_m: float
    loa_hi_m: float
    beam_lo_m: float
    beam_hi_m: float
    holds: str
    gear: str
    draft_lo_m: float
    draft_hi_m: float
    source: str


@dataclass(frozen=True)
class ClassTable:
    classes: tuple
    cargo_fraction_lo: float
    cargo_fraction_hi: float
    light_draft_fraction_lo: float
    light_draft_fraction_hi: float
    under_keel_clearance_m: float
    about: str


_RANGES = (("dwt_lo_t", "dwt_hi_t"), ("loa_lo_m", "loa_hi_m"), ("beam_lo_m", "beam_hi_m"),
           ("draft_lo_m", "draft_hi_m"))


def _table_error(path, what):
    return InputError(f"The ship class table {path}: {what}. Reinstall the plugin or fix the file.")


def _positive_range(path, owner, values, lo_key, hi_key, upper=math.inf):
    lo, hi = values.get(lo_key), values.get(hi_key)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lo, hi)):
        raise _table_error(path, f"{owner} lacks numbers for {lo_key} and {hi_key}")
    if not 0 < lo <= hi <= upper:
        raise _table_error(path, f"{owner} has {lo_key} {lo} and {hi_key} {hi} (need 0 < low <= high <= {upper:g})")
    return float(lo), float(hi)


def load_class_table(path) -> ClassTable:
    """The ship class table in ``path`` (the format of resources/ship_classes.json), checked."""
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except (OSError, ValueError) as exc:
        raise _table_error(path, f"cannot be read ({exc})") from None
    if document.get("format") != TABLE_FORMAT or document.get("format_version") != TABLE_FORMAT_VERSION:
        raise _table_error(path, f"is not a {TABLE_FORMAT} file of version {TABLE_FORMAT_VERSION}")
    classes = []
    for entry in document.get("classes") or ():
        owner = f"class {entry.get('name')!r}"
        numbers = {}
        for lo_key, hi_key in _RANGES:
            numbers[lo_key], numbers[hi_key] = _positive_range(path, owner, entry, lo_key, hi_key)
        text = {key: str(entry.get(key) or "") for key in ("key", "name", "holds", "gear", "source")}
        if not text["key"] or not text["name"]:
            raise _table_error(path, f"{owner} lacks a key or a name")
        classes.append(ShipClass(**text, **numbers))
    if not classes or len({c.key for c in classes}) != len(classes):
        raise _table_error(path, "needs classes with distinct keys")
    cargo = _positive_range(path, "the table", document, "cargo_fraction_lo", "cargo_fraction_hi", 1.0)
    light = _positive_range(path, "the table", document, "light_draft_fraction_lo", "light_draft_fraction_hi", 0.9)
    clearance = document.get("under_keel_clearance_m")
    if not isinstance(clearance, (int, float)) or isinstance(clearance, bool) or not clearance >= 0:
        raise _table_error(path, f"under_keel_clearance_m {clearance!r} is not a number of metres >= 0")
    return ClassTable(tuple(classes), *cargo, *light, float(clearance), str(document.get("about") or ""))


@lru_cache(maxsize=1)
def ship_class_table() -> ClassTable:
    """The plugin's ship class table (resources/ship_classes.json)."""
    from ..resources import resource_path

    return load_class_table(resource_path(TABLE_RESOURCE))


# --- classification ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class VesselEstimate:
    """What a measured ship can be, honestly.

    ``candidates``: every class whose LOA and beam ranges the measurement overlaps (one pixel either
    way); ``vessel_class`` is the one candidate's name, the candidates' names joined by " or " when the
    measurement cannot tell them apart, or None when no class fits (then every tonnage is None).
    ``dwt_*`` span the candidates' deadweight ranges; ``cargo_*`` the full-load cargo of that span,
    capped by the berth depth when one was given (``draft_limited`` says whether the cap bit).
    """

    loa_m: float
    beam_m: float
    gsd_m: float
    vessel_class: object
    candidates: tuple
    dwt_lo_t: object
    dwt_hi_t: object
    cargo_lo_t: object
    cargo_hi_t: object
    draft_limited: bool = False
    berth_depth_m: object = None

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


def _overlaps(value, margin, lo, hi):
    return value + margin >= lo and value - margin <= hi


def _berth_depth(berth_depth_m):
    if berth_depth_m is None:
        return None
    if isinstance(berth_depth_m, (int, float)) and not isinstance(berth_depth_m, bool):
        berth_depth_m = (berth_depth_m, berth_depth_m)
    try:
        lo, hi = (float(value) for value in berth_depth_m)
    except (TypeError, ValueError):
        raise InputError(
            QT_TR_NOOP("Berth depth {berth_depth_m!r} is not a depth in metres or a (shallowest, deepest) pair; "
                       "give it as 8 or (7, 9)."), berth_depth_m=berth_depth_m
        ) from None
    if not (math.isfinite(lo) and math.isfinite(hi) and 0 < lo <= hi):
        raise InputError(
            QT_TR_NOOP("Berth depth {berth_depth_m!r} must be positive metres with the shallowest first, e.g. (7, "
                       "9)."), berth_depth_m=berth_depth_m
        )
    return lo, hi


def _immersion(draft_m, design_draft_m, light_fraction):
    """Share of the deadweight a wall-sided hull carries at ``draft_m`` (0-1)."""
    light_m = light_fraction * design_draft_m
    return min(1.0, max(0.0, (draft_m - light_m) / (design_draft_m - light_m)))


def classify(loa_m, beam_m, gsd_m, berth_depth_m=None, table=None) -> VesselEstimate:
    """The class, deadweight and cargo ranges of a ship measured at ``loa_m`` x ``beam_m`` on an image
    of ground sample distance ``gsd_m``.

    Model and assumptions:
    - a length measured on imagery is good to about one pixel (domain.md section 9), so the measurement
      is taken as LOA +- gsd_m and beam +- gsd_m; a class is a candidate when both intervals overlap the
      class's own ranges (bounds included). No further tolerance: a ship between two classes' ranges
      fits none, and gets no class and no tonnage;
    - when several classes are candidates, all are named and the deadweight range spans them all;
    - a full load is cargo_fraction (0.92-0.97) of deadweight;
    - ``berth_depth_m`` (metres, or a (shallowest, deepest) pair such as Nampho's (7.0, 9.0)) caps the
      load: the ship floats at the depth less the under-keel clearance, its deadweight grows in
      proportion to draft above the light draft (a wall-sided hull), and the range is the outer envelope
      over depths, design drafts and light-draft fractions (the table's ``about`` states the figures).
    """
    check_hull(loa_m, beam_m)
    if isinstance(gsd_m, bool) or not isinstance(gsd_m, (int, float)) or not (math.isfinite(gsd_m) and gsd_m > 0):
        raise InputError(QT_TR_NOOP("The image's GSD {gsd_m!r} must be a positive number of metres; set it on the "
                                    "scene."), gsd_m=gsd_m)
    depth = _berth_depth(berth_depth_m)
    table = table or ship_class_table()
    fits = tuple(c for c in table.classes if _overlaps(loa_m, gsd_m, c.loa_lo_m, c.loa_hi_m)
                 and _overlaps(beam_m, gsd_m, c.beam_lo_m, c.beam_hi_m))
    if not fits:
        return VesselEstimate(loa_m, beam_m, gsd_m, None, (), None, None, None, None, False, depth)
    cargo_lo, cargo_hi, limited = [], [], False
    for ship_class in fits:
        low = table.cargo_fraction_lo * ship_class.dwt_lo_t
        high = table.cargo_fraction_hi * ship_class.dwt_hi_t
        if depth is not None:
            shallow_m = depth[0] - table.under_keel_clearance_m
            deep_m = depth[1] - table.under_keel_clearance_m
            least = _immersion(shallow_m, ship_class.draft_hi_m, table.light_draft_fraction_hi)
            most = _immersion(deep_m, ship_class.draft_lo_m, table.light_draft_fraction_lo)
            limited = limited or least < 1.0 or most < 1.0
            low, high = low * least, high * most
        cargo_lo.append(low)
        cargo_hi.append(high)
    names = tuple(c.name for c in fits)
    return VesselEstimate(
        loa_m, beam_m, gsd_m, CANDIDATE_JOINER.join(names), names,
        min(c.dwt_lo_t for c in fits), max(c.dwt_hi_t for c in fits), min(cargo_lo), max(cargo_hi), limited, depth,
    )
