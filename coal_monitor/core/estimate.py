"""Volume and tonnage of a coal heap from its footprint and a height: the engine's public API.

    footprint = prepare_footprint(geometry, crs)     # validate, repair, project, build curves once
    result = footprint.estimate(height_m=8.0, height_sigma_m=0.5)
    estimate_heap(geometry, crs, 8.0)                 # both in one call

Everything an analyst can get wrong raises ``InputError`` with a message that names the value, what is
wrong and what would fix it. A result that is computable but suspicious (a height no pile of the given
angle can reach, a repaired outline, several parts) carries its warning in ``note``.
"""
import math
import numbers
import re
from dataclasses import dataclass, field, replace

import numpy as np
from shapely import wkt
from shapely.errors import ShapelyError
from shapely.geometry import MultiPolygon, Polygon
from shapely.validation import explain_validity, make_valid

from . import limits, piles
from .errors import InputError
from .messages import LISTED, QT_TR_NOOP, Message, join_notes
from .geodesy import metric_frame
from .pile_models import pile_model

FIELD_NAMES = (
    "area_m2", "height_max_m", "volume_m3", "volume_lo_m3", "volume_hi_m3",
    "tonnage_t", "tonnage_lo_t", "tonnage_hi_t", "volume_note",
)


@dataclass(frozen=True)
class HeapEstimate:
    """One heap's numbers; ``parts`` holds the per-part estimates of a multipart footprint."""

    area_m2: float
    height_m: float
    height_max_m: float
    model: str
    volume_m3: float
    volume_lo_m3: float
    volume_hi_m3: float
    tonnage_t: float
    tonnage_lo_t: float
    tonnage_hi_t: float
    note: str = ""  # a core.messages.Message: str() is the English stored in the log
    method: str = ""
    parts: tuple = field(default=())
    repaired: bool = False

    def as_fields(self) -> dict:
        """The values under the store's and the Processing output's field names."""
        values = {name: getattr(self, name) for name in FIELD_NAMES if name != "volume_note"}
        values["volume_note"] = str(self.note)  # English in the log and the outputs; shown through message_text
        return values


def _number(name, value, unit, low, high, low_open=False, fix=""):
    """``value`` as a finite float within [low, high], or an InputError naming it."""
    if value is None:
        raise InputError(QT_TR_NOOP("{name} is missing: enter it in {unit}"), name=Message(name), unit=unit)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InputError(QT_TR_NOOP("{name} {value!r} is not a number: enter it in {unit}"),
                         name=Message(name), value=value, unit=unit)
    value = float(value)
    if not math.isfinite(value):
        raise InputError(QT_TR_NOOP("{name} {value} is not a finite number: enter it in {unit}"),
                         name=Message(name), value=value, unit=unit)
    if (value <= low if low_open else value < low) or value > high:
        gap = "" if unit == "°" else " "
        bounds = Message(QT_TR_NOOP("above {low:g}{gap}{unit} up to {high:g}{gap}{unit}") if low_open
                         else QT_TR_NOOP("from {low:g}{gap}{unit} up to {high:g}{gap}{unit}"),
                         low=low, high=high, gap=gap, unit=unit)
        raise InputError(QT_TR_NOOP("{name} {value:g}{gap}{unit} is outside the believable range ({bounds}){fix}"),
                         name=Message(name), value=value, gap=gap, unit=unit, bounds=bounds, fix=Message(fix))
    return value


@dataclass(frozen=True)
class _Inputs:
    height_m: float
    height_sigma_m: float
    model: str
    repose_deg: float
    repose_tol_deg: float
    density_t_m3: float
    density_lo_t_m3: float
    density_hi_t_m3: float

    def method(self) -> str:
        angle = f"{self.repose_deg:g}±{self.repose_tol_deg:g}°, " if self.model == "repose" else ""
        return (
            f"{pile_model(self.model).name}, {angle}H {self.height_m:.1f}±{self.height_sigma_m:.1f} m, "
            f"{self.density_t_m3:g} t/m³ ({self.density_lo_t_m3:g}–{self.density_hi_t_m3:g})"
        )


def check_inputs(height_m, height_sigma_m, model, repose_deg, repose_tol_deg, density_t_m3,
                 density_lo_t_m3, density_hi_t_m3) -> _Inputs:
    """Checked estimate inputs (see ``Footprint.estimate``); lets a batch refuse bad settings once."""
    if model not in limits.MODELS:
        raise InputError(QT_TR_NOOP("model {model!r} is unknown: choose one of {models}"),
                         model=model, models=', '.join(limits.MODELS))
    height = _number(QT_TR_NOOP("height"), height_m, "m", 0.0, limits.HEIGHT_MAX_M, low_open=True,
                     fix=QT_TR_NOOP(": measure it again (shadow length or a stereo pair) or check the units"))
    sigma = _number(QT_TR_NOOP("height uncertainty"), height_sigma_m, "m", 0.0, limits.HEIGHT_MAX_M,
                    fix=QT_TR_NOOP(": give the ± of the height in metres, 0 when unknown"))
    angle = _number(QT_TR_NOOP("angle of repose"), repose_deg, "°", limits.REPOSE_MIN_DEG, limits.REPOSE_MAX_DEG,
                    fix=QT_TR_NOOP(": coal rests at 30-40°, use 35° when unsure"))
    tol = _number(QT_TR_NOOP("angle of repose tolerance"), repose_tol_deg, "°", 0.0, limits.REPOSE_TOLERANCE_MAX_DEG,
                  fix=Message(QT_TR_NOOP(": use {tolerance:g}° when unsure"), tolerance=limits.REPOSE_TOLERANCE_DEG))
    dens = [
        _number(name, value, "t/m³", limits.DENSITY_MIN_T_M3, limits.DENSITY_MAX_T_M3,
                fix=Message(QT_TR_NOOP(": use stockpiled coal's {low:g}-{high:g} t/m³ ({default:g} when unsure)"),
                            low=limits.DENSITY_LOW_T_M3, high=limits.DENSITY_HIGH_T_M3,
                            default=limits.DENSITY_DEFAULT_T_M3))
        for name, value in ((QT_TR_NOOP("density"), density_t_m3), (QT_TR_NOOP("low density"), density_lo_t_m3),
                            (QT_TR_NOOP("high density"), density_hi_t_m3))
    ]
    if not dens[1] <= dens[0] <= dens[2]:
        raise InputError(
            QT_TR_NOOP("density {density:g} t/m³ is not between its low {low:g} and high {high:g} t/m³: "
                       "order them low <= density <= high"), density=dens[0], low=dens[1], high=dens[2]
        )
    return _Inputs(height, sigma, model, angle, tol, *dens)


class _Pile:
    """One part of a footprint in metres; its offset curve is built on the first repose estimate."""

    def __init__(self, polygon):
        self.polygon = polygon
        self.area_m2 = polygon.area
        self._curve = None

    @property
    def has_curve(self) -> bool:
        return self._curve is not None

    @property
    def curve(self) -> piles.OffsetCurve:
        if self._curve is None:
            self._curve = piles.OffsetCurve(self.polygon)
        return self._curve

    def volume(self, model, height_m, repose_deg):
        if model == "prism":
            return piles.prism_volume_m3(self.area_m2, height_m)
        if model == "cone":
            return piles.cone_volume_m3(self.area_m2, height_m)
        return piles.repose_volume_m3(self.curve, height_m, repose_deg)

    def estimate(self, inputs: _Inputs) -> HeapEstimate:
        h, sigma, a, tol = inputs.height_m, inputs.height_sigma_m, inputs.repose_deg, inputs.repose_tol_deg
        # Volume grows with H and with the angle, so the corners of the input box bound it.
        volume = self.volume(inputs.model, h, a)
        low = self.volume(inputs.model, max(h - sigma, 0.0), a - tol)
        high = self.volume(inputs.model, h + sigma, a + tol)
        h_max = piles.height_max_m(self.curve.r_in_m, a)
        note = Message("")
        if inputs.model == "repose" and h > h_max:
            digits = 1 if f"{h:.1f}" != f"{h_max:.1f}" else 2
            note = Message(
                QT_TR_NOOP("{height_m:.{digits}f} m is taller than the {height_max_m:.{digits}f} m a {repose_deg:g}° "
                           "pile on this footprint can reach; walls (prism model) or a steeper angle would explain it"),
                height_m=h, height_max_m=h_max, repose_deg=a, digits=digits,
            )
        return HeapEstimate(
            area_m2=self.area_m2, height_m=h, height_max_m=h_max, model=inputs.model,
            volume_m3=volume, volume_lo_m3=low, volume_hi_m3=high,
            tonnage_t=volume * inputs.density_t_m3, tonnage_lo_t=low * inputs.density_lo_t_m3,
            tonnage_hi_t=high * inputs.density_hi_t_m3, note=note, method=inputs.method(),
        )


class Footprint:
    """A checked footprint in a metric frame, ready to estimate for any height, model and density."""

    def __init__(self, polygons, repaired: bool, note: str, frame):
        self._piles = [_Pile(p) for p in polygons]
        self.area_m2 = sum(p.area_m2 for p in self._piles)
        self.repaired = repaired
        self.note = note
        self.frame = frame

    @property
    def offsets_used(self) -> int:
        """Offsets (knots) in the repose curves, for benchmarks; 0 before the first estimate."""
        return sum(p.curve.offsets_used for p in self._piles if p.has_curve)

    def estimate(self, height_m, height_sigma_m=0.0, model=limits.DEFAULT_MODEL,
                 repose_deg=limits.REPOSE_DEFAULT_DEG, repose_tol_deg=limits.REPOSE_TOLERANCE_DEG,
                 density_t_m3=limits.DENSITY_DEFAULT_T_M3, density_lo_t_m3=limits.DENSITY_LOW_T_M3,
                 density_hi_t_m3=limits.DENSITY_HIGH_T_M3) -> HeapEstimate:
        """Volume and tonnage with their ranges; bad inputs raise InputError (see ``check_inputs``)."""
        inputs = check_inputs(height_m, height_sigma_m, model, repose_deg, repose_tol_deg,
                              density_t_m3, density_lo_t_m3, density_hi_t_m3)
        results = [p.estimate(inputs) for p in self._piles]
        if len(results) == 1:
            notes = [self.note, results[0].note]
            return replace(results[0], note=_join(notes), repaired=self.repaired)
        listing = join_notes([Message(QT_TR_NOOP("part {i}: {volume_m3:,.0f} m³"), i=i, volume_m3=r.volume_m3)
                              for i, r in enumerate(results, 1)], LISTED)
        notes = [self.note, Message(QT_TR_NOOP("{count} parts, each computed as its own pile and summed ({listing})"),
                                    count=len(results), listing=listing)]
        notes += [Message(QT_TR_NOOP("part {i}: {note}"), i=i, note=r.note) for i, r in enumerate(results, 1) if r.note]
        total = {name: sum(getattr(r, name) for r in results) for name in (
            "area_m2", "volume_m3", "volume_lo_m3", "volume_hi_m3", "tonnage_t", "tonnage_lo_t", "tonnage_hi_t")}
        return HeapEstimate(
            height_m=inputs.height_m, height_max_m=max(r.height_max_m for r in results), model=inputs.model,
            note=_join(notes), method=inputs.method(), parts=tuple(results), repaired=self.repaired, **total,
        )


def _join(notes) -> Message:
    return join_notes(notes)


# Two repairs of an invalid outline must agree this closely for the repair to count as unambiguous.
REPAIR_AGREEMENT = 1e-6
FOOTPRINT = QT_TR_NOOP("footprint")  # a one-part footprint, as the messages name it


def _polygon_parts(geometry):
    """The polygons of ``geometry`` (shapely object or WKT), or an InputError saying what it is."""
    if geometry is None:
        raise InputError(QT_TR_NOOP("footprint is missing (null geometry): draw the heap's outline as a polygon"))
    if isinstance(geometry, str):
        try:
            geometry = wkt.loads(geometry)
        except (ShapelyError, ValueError, TypeError) as exc:
            shown = geometry if len(geometry) < 60 else geometry[:57] + "..."
            raise InputError(
                QT_TR_NOOP("footprint WKT {shown!r} cannot be read ({exc}): give a POLYGON or MULTIPOLYGON"),
                shown=shown, exc=exc) from None
    kind = getattr(geometry, "geom_type", None)
    if kind is None:
        raise InputError(QT_TR_NOOP("footprint {geometry!r} is not a geometry: give a shapely polygon or WKT text"),
                         geometry=geometry)
    if geometry.is_empty:
        raise InputError(QT_TR_NOOP("footprint is an empty {kind}: draw the heap's outline as a polygon"),
                         kind=kind)
    members = list(getattr(geometry, "geoms", [geometry]))
    others = sorted({m.geom_type for m in members if m.geom_type != "Polygon"})
    if others:
        raise InputError(
            QT_TR_NOOP("footprint is a {kind}{others}, not a polygon: "
                       "a heap needs an outline enclosing its foot; close the line into a polygon"),
            kind=kind, others=(Message(QT_TR_NOOP(" with {others}"), others=", ".join(others))
                               if kind != others[0] else "")
        )
    return [m for m in members if not m.is_empty]


def _rings(polygon):
    return [polygon.exterior, *polygon.interiors]


def _ring_arrays(polygon):
    return [np.asarray(r.coords, dtype=float)[:, :2] for r in _rings(polygon)]


def _in_metres(rings, x_m, y_m, start):
    """The polygon of ``rings`` from the projected coordinates beginning at ``start``."""
    out = []
    for ring in rings:
        out.append(np.column_stack([x_m[start:start + len(ring)], y_m[start:start + len(ring)]]))
        start += len(ring)
    return Polygon(out[0], out[1:]), start


def _where(reason, frame):
    """explain_validity's reason with its point given back in the input CRS."""
    found = re.match(r"(.*)\[([-+\d.eE]+) ([-+\d.eE]+)\]", reason)
    if not found:
        return reason
    x, y = frame.from_metres(float(found.group(2)), float(found.group(3)))
    digits = 6 if frame.crs.is_geographic else 2
    return f"{found.group(1)} at {float(x):.{digits}f}, {float(y):.{digits}f}"


def _repaired(geometry, frame):
    """The only valid reading of an invalid outline, or an InputError when two readings differ."""
    reason = _where(explain_validity(geometry), frame)
    fixed = make_valid(geometry)
    fixed = [g for g in getattr(fixed, "geoms", [fixed]) if g.geom_type in ("Polygon", "MultiPolygon")]
    fixed = [p for g in fixed for p in getattr(g, "geoms", [g])]
    buffered = geometry.buffer(0)
    union = MultiPolygon(fixed) if fixed else Polygon()
    scale = max(union.area, buffered.area, 1e-12)
    if union.area < limits.FOOTPRINT_MIN_M2 and buffered.area < limits.FOOTPRINT_MIN_M2:
        raise InputError(
            QT_TR_NOOP("footprint encloses no area ({reason}; {area_m2:.3g} m²): its vertices lie on a line or fold "
                       "onto each other; redraw it around the heap's foot"),
            reason=reason, area_m2=union.area
        )
    if union.symmetric_difference(buffered).area > REPAIR_AGREEMENT * scale:
        raise InputError(
            QT_TR_NOOP("footprint outline is invalid ({reason}) and can be read as {area_m2:,.0f} m² or "
                       "{other_area_m2:,.0f} m²: redraw the outline so that its edges do not cross"),
            reason=reason, area_m2=union.area, other_area_m2=buffered.area
        )
    note = Message(QT_TR_NOOP("the outline was invalid ({reason}) and was repaired to its only reading, "
                              "{area_m2:,.0f} m²"), reason=reason, area_m2=union.area)
    return fixed, note


def _distinct_vertices(xy, enough=3):
    """How many distinct vertices ``xy`` has, counting no further than ``enough`` (cheap on long rings)."""
    seen = []
    for _ in range(enough):
        rest = xy[np.all([np.any(xy != v, axis=1) for v in seen], axis=0)] if seen else xy
        if len(rest) == 0:
            break
        seen.append(rest[0])
    return len(seen)


def _checked_parts(polygons, crs):
    """Polygons in metres, repaired when unambiguous (pin-holes dropped, invalid outlines re-read),
    each big enough to be a heap; with the repair note."""
    rings = [_ring_arrays(p) for p in polygons]
    for i, part in enumerate(rings, 1):
        which = Message(QT_TR_NOOP("part {i} of the footprint"), i=i) if len(polygons) > 1 else Message(FOOTPRINT)
        if not all(np.isfinite(r).all() for r in part):
            raise InputError(QT_TR_NOOP("{which} has a coordinate that is not a number (NaN or inf): redraw it"),
                             which=which)
        distinct = _distinct_vertices(part[0])
        if distinct < 3:
            raise InputError(QT_TR_NOOP("{which} has {distinct} distinct vertices: a heap outline needs at least 3; "
                                        "redraw it"), which=which, distinct=distinct)
    everything = np.concatenate([r for part in rings for r in part])
    frame = metric_frame(crs, everything[:, 0], everything[:, 1])
    x_m, y_m = frame.points_in_metres()
    metric, start, slips = [], 0, 0
    for part in rings:
        polygon, start = _in_metres(part, x_m, y_m, start)
        holes = [h for h in polygon.interiors if Polygon(h).area >= limits.HOLE_MIN_M2]
        slips += len(polygon.interiors) - len(holes)
        metric.append(Polygon(polygon.exterior, holes) if slips else polygon)
    notes = [Message(QT_TR_NOOP("ignored {slips} hole(s) smaller than {min_m2:g} m² (digitizing slips)"),
                     slips=slips, min_m2=limits.HOLE_MIN_M2)] if slips else []
    whole = metric[0] if len(metric) == 1 else MultiPolygon(metric)
    if not whole.is_valid:
        metric, repair_note = _repaired(whole, frame)
        notes.append(repair_note)
    for i, p in enumerate(metric, 1):
        if p.area < limits.FOOTPRINT_MIN_M2:
            which = Message(QT_TR_NOOP("part {i} of the footprint"), i=i) if len(metric) > 1 else Message(FOOTPRINT)
            raise InputError(
                QT_TR_NOOP("{which} has an area of {area_m2:.3g} m², below {min_m2:g} m²: redraw it around "
                           "the heap (not along a line), or check that the layer's CRS matches its coordinates"),
                which=which, area_m2=p.area, min_m2=limits.FOOTPRINT_MIN_M2
            )
    total = sum(p.area for p in metric)
    if total > limits.FOOTPRINT_MAX_M2:
        raise InputError(
            QT_TR_NOOP("footprint covers {total:,.0f} m², more than the {max_m2:,.0f} m² of a believable "
                       "heap: draw one heap at a time, or check that the layer's CRS matches its coordinates"),
            total=total, max_m2=limits.FOOTPRINT_MAX_M2
        )
    return metric, bool(notes), join_notes(notes), frame


def prepare_footprint(geometry, crs) -> Footprint:
    """Check, repair (when unambiguous) and project a footprint into metres; parts become piles."""
    parts, repaired, note, frame = _checked_parts(_polygon_parts(geometry), crs)
    return Footprint(parts, repaired, note, frame)


def estimate_heap(geometry, crs, height_m, **keywords) -> HeapEstimate:
    """``prepare_footprint(geometry, crs).estimate(height_m, **keywords)``."""
    return prepare_footprint(geometry, crs).estimate(height_m, **keywords)
