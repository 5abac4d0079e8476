"""Pile models: the volume of a heap from its footprint (in metres) and a height.

``repose``: z(x) = min(H, s d(x)), s = tan(angle of repose), d = distance to the footprint's edge.
Its volume is V(H) = s * integral_0^{H/s} A(t) dt, where A(t) is the area of the footprint shrunk
inward by t (a negative buffer). ``OffsetCurve`` builds A(t) once per footprint; every H and angle is
then an integral of it, so ranges and a live preview cost microseconds. The slope A'(t) is minus the
length of the shrunk outline, which each buffer gives for free: a cubic Hermite interpolant between
offsets (a power law on the last one, down to A = 0 at the inscribed radius) is exact for cones,
ridges and rectangles and needs few offsets elsewhere.

Long outlines (200+ vertices) are first simplified by 2e-4 of their area / perimeter
(``OUTLINE_TOL_REL``, a bound of 0.12 % on the volume): a smooth outline of 1,000 or 10,000 vertices
keeps a few hundred, so its cost is theirs. What still has 200+ vertices (pixel staircases, noisy
traces) is eroded in stages (``_Stages``): the footprint shrunk by one edge length is simplified, then
shrunk by twice its depth and simplified again, and so on; an offset by t starts from the deepest stage
at or above t. Exact erosions compose, so only the simplifications move the outline: by the larger of a
quarter of an edge (a quarter pixel) and 1e-3 of area/perimeter at the first stage, and of that and 2 %
of the depth (never more than 1e-2 of area/perimeter) later. Each GEOS buffer then runs on a clean
outline of a few hundred vertices over a short distance, instead of a jagged one over the full depth
(GEOS 3.11's slow path: 0.1-3 s per buffer). ``make bench`` measures the result against the raster
integrator and the engine of commit 0c239b9.

``prism`` (walls, V = A H) and ``cone`` (V = A H / 3) are the closed forms of domain.md section 4.
"""
import math

import numpy as np
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.ops import polylabel
from shapely.prepared import prep

# Offsets start at this many equal steps up to sqrt(A/pi), an upper bound of the inscribed radius.
INITIAL_STEPS = 8
# Intervals across [0, r_in] before error-driven refinement (thin footprints need more than 8 steps).
MIN_INTERVALS = 8
MAX_KNOTS = 96
# An interval is split while its interpolant misses the true area at its midpoint by more than this
# fraction of the full-pile integral, scaled to the interval's share of [0, r_in].
REFINE_REL_TOL = 1.0e-2
# Arc segments per quarter circle in the buffers (GEOS default); curves of reflex corners and holes.
BUFFER_QUAD_SEGS = 16
# The inscribed radius: bisection to this fraction of the first offset step, then the remnant's own
# inscribed radius: polylabel to this fraction of its size when it is compact (isoperimetric quotient
# 4 pi A / L^2 above the threshold; polylabel's cell queue explodes on slivers), else A / L (exact for
# a strip, which is what a ridge's remnant is).
INSCRIBED_REL_TOL = 1.0e-2
POLYLABEL_REL_TOL = 1.0e-2
COMPACT_QUOTIENT = 0.01
# On staged (simplified) outlines the inscribed radius is instead climbed on the footprint's own edge
# (no polylabel: its value would be thrown away): compass steps from this fraction of r_in down to
# this one (1e-4 of r_in, far below the 1e-2 to which the offsets are resolved).
CLIMB_FIRST_STEP_REL = 1.0e-2
CLIMB_REL_TOL = 1.0e-4
CLIMB_MAX_MOVES = 200
_COMPASS = [(math.cos(k * math.pi / 4), math.sin(k * math.pi / 4)) for k in range(8)]
# GEOS leaves slivers of ~1e-9 of the area where an offset should vanish; an offset smaller than this
# fraction of the footprint (a disc 1e-4 of its radius) counts as empty.
VANISHED_REL_AREA = 1.0e-8
# GEOS 3.11 also leaves spurious parts beyond the inscribed radius (inverted offset rings): a part of
# the offset by t whose interior point lies nearer than t to the footprint's edge is dropped. Slack:
# the chords of 16-segment arcs sit 0.0012 t inside the true offset.
SPURIOUS_SLACK_REL = 2.0e-3
# Jagged outlines (see the module's docstring): staged erosions from this many vertices on. The first
# stage is one median edge deep, each next one STAGE_GROWTH times deeper, simplified by these tolerances
# (a quarter edge or STAGE_TOL_MIN_REL of area / perimeter, whichever is larger, at the first stage).
SMOOTH_MIN_VERTICES = 200
STAGE_GROWTH = 3.0
FIRST_STAGE_TOL_EDGES = 0.25
STAGE_TOL_MIN_REL = 1.0e-3
STAGE_TOL_REL_DEPTH = 2.0e-2
SMOOTH_TOL_MAX_REL = 1.0e-2  # of a deeper stage's area / perimeter
# A stage's own buffer: arcs whose chords stay within this share of the stage's tolerance (a pixel
# staircase's inner corners become arcs: 16 segments each would be most of the buffer's output).
STAGE_ARC_SHARE = 0.25
STAGE_MIN_QUAD_SEGS = 2
# Before anything else, a long outline is simplified (Douglas-Peucker) by this fraction of its
# area / perimeter: every point of either outline then lies within that tolerance eps of the other, so
# each offset of one lies between the offsets of the other by t - eps and t + eps, and the volume moves
# by at most 2 eps L / A of itself for a thin layer (0.04 %) and 6 eps / r_in for a full pile (0.12 %,
# as r_in >= A / L; the cone is the smallest full pile on a footprint). A smooth outline of 1,000 or 10,000
# vertices keeps a few hundred (and the engine's cost is that of the few hundred); a pixel staircase or
# a noisy trace keeps nearly all of them and goes on to the staged erosions.
OUTLINE_TOL_REL = 2.0e-4


def slope(repose_deg: float) -> float:
    return math.tan(math.radians(repose_deg))


def _outline_area_length(geometry):
    return geometry.area, geometry.length


class OffsetCurve:
    """Footprint area A(t) against inward offset t, from t = 0 to the inscribed radius ``r_in_m``."""

    def __init__(self, polygon):
        area, length = _outline_area_length(polygon)
        step = math.sqrt(area / math.pi) / INITIAL_STEPS
        self._polygon, self._outline_tol = _simplified_outline(polygon, area, length)
        self._stages = _Stages(self._polygon, polygon)
        self._edge = self._polygon.boundary
        self._knots = [(0.0, area, -length)]  # the footprint's own area and perimeter at t = 0
        vanished_m2 = VANISHED_REL_AREA * area
        last = polygon
        while True:
            shrunk = self._offset(len(self._knots) * step)
            if shrunk.is_empty or shrunk.area <= vanished_m2:
                break
            a, ell = _outline_area_length(shrunk)
            self._knots.append((len(self._knots) * step, a, -ell))
            last = shrunk
        self.r_in_m = self._inscribed_radius(self._knots[-1][0], last, step, vanished_m2)
        self._pieces = None
        self._refine(area)
        self._polygon = self._stages = self._edge = None  # the curve is all later estimates need
        self._pieces = [self._piece(i) for i in range(len(self._knots))]
        self._cumulative = [0.0]
        for i in range(len(self._knots)):
            self._cumulative.append(self._cumulative[-1] + self._interval_integral(i, None))

    def _offset(self, t):
        # From the footprint or a simplified stage, never chained from the previous offset: chained
        # offsets accumulate arc vertices and GEOS then slows down by an order of magnitude.
        depth, start, _ = self._stages.start_for(t)
        return self._genuine(start.buffer(-(t - depth), BUFFER_QUAD_SEGS), t)

    def _genuine(self, shrunk, t):
        """``shrunk`` without the parts that cannot be the offset by t (see SPURIOUS_SLACK_REL)."""
        if shrunk.is_empty:
            return shrunk
        parts = list(getattr(shrunk, "geoms", [shrunk]))
        nearest = t * (1.0 - SPURIOUS_SLACK_REL) - self._stages.start_for(t)[2] - self._outline_tol
        kept = [p for p in parts if self._edge.distance(p.representative_point()) >= nearest]
        if len(kept) == len(parts):
            return shrunk
        return MultiPolygon(kept) if kept else Polygon()

    def _inscribed_radius(self, t_last, last, step, vanished_m2):
        """r_in: bisection on "is the offset empty" between t_last and t_last + step, then polylabel
        on the deepest non-empty offset found (erosions compose: r_in = its depth + its own r_in).

        GEOS 3.11 drops small remnants too early (seen: empty from 24.45 m where the inscribed circle
        has 24.52 m), so emptiness alone would underestimate r_in; the remnant itself is right.
        Offsets come from the footprint, not from ``last``: chained, GEOS loses even more.
        """
        low, high = 0.0, step
        while high - low > step * INSCRIBED_REL_TOL:
            middle = (low + high) / 2.0
            shrunk = self._offset(t_last + middle)
            if shrunk.area <= vanished_m2:
                high = middle
            else:
                low, last = middle, shrunk
        remnant = [p for p in getattr(last, "geoms", [last]) if p.area > 0.0]
        if not self._stages.simplified:
            return t_last + low + max(_remnant_radius(p) for p in remnant)
        # The stages' simplifications move the remnant by up to their tolerance: climb the true distance
        # to the footprint's own edge from the remnant's centre instead (from t_last + high, where the
        # offset is empty, the first step is sized).
        centre = max(remnant, key=lambda p: p.area).representative_point()
        return max(_climb_inscribed(self._polygon, self._edge, centre, t_last + high), t_last + low)

    @property
    def offsets_used(self) -> int:
        return len(self._knots)

    def _bounds(self, i):
        t0 = self._knots[i][0]
        t1 = self._knots[i + 1][0] if i + 1 < len(self._knots) else self.r_in_m
        return t0, t1

    def _piece(self, i):
        """How interval i is interpolated: ("power", a0, p) on the last interval, where A falls to 0
        at r_in as a0 (1 - u/h)^p (p = 2 is a cone's apex, p = 1 a ridge's: both exact); otherwise
        ("cubic", a0, m0, a1, m1), the Hermite cubic, or ("linear", a0, a1) where the cubic would rise
        or dip below zero (an area curve never does; volume must grow with height and angle)."""
        _, a0, m0 = self._knots[i]
        h = self._bounds(i)[1] - self._bounds(i)[0]
        if i + 1 == len(self._knots):
            return ("power", a0, max(-m0 * h / a0, 1e-3) if a0 > 0 else 1.0)
        _, a1, m1 = self._knots[i + 1]
        values = [_cubic(a0, h * m0, a1, h * m1, k / 8.0) for k in range(9)]
        if all(v >= 0.0 for v in values) and all(x >= y for x, y in zip(values, values[1:])):
            return ("cubic", a0, m0, a1, m1)
        return ("linear", a0, a1)

    def _interval_integral(self, i, upper):
        """Integral of the interpolant over interval i from its start to ``upper`` (None = its end)."""
        t0, t1 = self._bounds(i)
        h = t1 - t0
        if h <= 0.0:
            return 0.0
        tau = 1.0 if upper is None else min(max((upper - t0) / h, 0.0), 1.0)
        piece = self._pieces[i] if self._pieces else self._piece(i)
        if piece[0] == "power":
            _, a0, power = piece
            return a0 * h / (power + 1.0) * (1.0 - (1.0 - tau) ** (power + 1.0))
        if piece[0] == "linear":
            _, a0, a1 = piece
            return h * (a0 * tau + (a1 - a0) * tau * tau / 2.0)
        _, a0, m0, a1, m1 = piece
        t2, t3, t4 = tau * tau, tau ** 3, tau ** 4
        return h * (
            a0 * (tau - t3 + t4 / 2.0)
            + h * m0 * (t4 / 4.0 - 2.0 * t3 / 3.0 + t2 / 2.0)
            + a1 * (t3 - t4 / 2.0)
            + h * m1 * (t4 / 4.0 - t3 / 3.0)
        )

    def _midpoint_prediction(self, i):
        t0, t1 = self._bounds(i)
        piece = self._piece(i)
        if piece[0] == "power":
            return piece[1] * 0.5 ** piece[2]
        if piece[0] == "linear":
            return (piece[1] + piece[2]) / 2.0
        _, a0, m0, a1, m1 = piece
        return _cubic(a0, (t1 - t0) * m0, a1, (t1 - t0) * m1, 0.5)

    def _refine(self, area):
        """Insert midpoint offsets where the interpolant is not trusted (too few or too wrong)."""
        full = area * self.r_in_m / 3.0  # a lower bound of the full-pile integral (cone)
        todo = set(range(len(self._knots)))
        while len(self._knots) < MAX_KNOTS:
            too_few = len(self._knots) < MIN_INTERVALS
            if not (todo or too_few):
                break
            new_knots, next_todo = [], set()
            for i, knot in enumerate(self._knots):
                new_knots.append(knot)
                if i not in todo and not too_few:
                    continue
                t0, t1 = self._bounds(i)
                mid = self._offset((t0 + t1) / 2.0)
                if mid.is_empty:
                    continue
                a, ell = _outline_area_length(mid)
                error = abs(a - self._midpoint_prediction(i)) * (t1 - t0)
                new_knots.append(((t0 + t1) / 2.0, a, -ell))
                if error > REFINE_REL_TOL * full * (t1 - t0) / self.r_in_m:
                    next_todo.update((len(new_knots) - 2, len(new_knots) - 1))
            self._knots = new_knots
            todo = next_todo

    def integral(self, t_m: float) -> float:
        """Integral of A over [0, min(t, r_in)] in m^3 (area times offset)."""
        t = min(max(t_m, 0.0), self.r_in_m)
        lo, hi = 0, len(self._knots) - 1
        while lo < hi:  # last knot at or below t
            mid = (lo + hi + 1) // 2
            if self._knots[mid][0] <= t:
                lo = mid
            else:
                hi = mid - 1
        return self._cumulative[lo] + self._interval_integral(lo, t)


def _remnant_radius(remnant):
    """Inscribed radius of a small last offset (see COMPACT_QUOTIENT)."""
    area, length = _outline_area_length(remnant)
    if 4.0 * math.pi * area / (length * length) < COMPACT_QUOTIENT:
        return area / length
    return remnant.boundary.distance(polylabel(remnant, POLYLABEL_REL_TOL * math.sqrt(area)))


def _climb_inscribed(polygon, edge, start, r_in_m):
    """Largest distance to ``edge`` found climbing from ``start`` inside ``polygon`` (compass search).

    A step shorter than the distance to the edge cannot leave the polygon (the disc of that radius
    holds no edge point): only longer ones are tested for containment.
    """
    best = (start.x, start.y)
    best_d = edge.distance(start)
    step = max(r_in_m - best_d, CLIMB_FIRST_STEP_REL * r_in_m)
    inside = _Lazy(lambda: prep(polygon))
    heading = 0
    for _ in range(CLIMB_MAX_MOVES):
        if step <= CLIMB_REL_TOL * r_in_m:
            break
        moved = False
        for k in range(len(_COMPASS)):  # the last direction that climbed first: ridges are long
            dx, dy = _COMPASS[(heading + k) % len(_COMPASS)]
            candidate = Point(best[0] + dx * step, best[1] + dy * step)
            d = edge.distance(candidate)
            if d > best_d and (step < best_d or inside().contains(candidate)):
                best, best_d, moved = (candidate.x, candidate.y), d, True
                heading = (heading + k) % len(_COMPASS)
                break
        if not moved:
            step /= 2.0
    return best_d


class _Lazy:
    """``make()``'s value, made on the first call."""

    def __init__(self, make):
        self._make, self._value = make, None

    def __call__(self):
        if self._value is None:
            self._value = self._make()
        return self._value


def _cubic(a0, dh0, a1, dh1, tau):
    """Hermite cubic through (0, a0), (1, a1) with end slopes dh0, dh1 (per unit tau), at tau."""
    t2, t3 = tau * tau, tau ** 3
    return a0 * (2 * t3 - 3 * t2 + 1) + dh0 * (t3 - 2 * t2 + tau) + a1 * (3 * t2 - 2 * t3) + dh1 * (t3 - t2)


class _Stages:
    """Simplified erosions of a long outline to start deep offsets from (see the module docstring).

    ``start_for(t)`` gives (depth, polygon, tolerance): the deepest stage at or above t, and how far
    the simplifications so far may have moved its outline. Short outlines have the one stage (0, the
    footprint, 0). Stages are built when first needed.
    """

    def __init__(self, polygon, footprint):
        self._stages = [(0.0, polygon, 0.0)]
        self._next = math.inf
        if _vertex_count(polygon) >= SMOOTH_MIN_VERTICES:
            # the footprint's own edges (a staircase's pixel), not those of its simplified outline
            edge_m = float(np.median(_edge_lengths(footprint)))
            self._first_tol = max(FIRST_STAGE_TOL_EDGES * edge_m, STAGE_TOL_MIN_REL * polygon.area / polygon.length)
            self._next = edge_m

    @property
    def simplified(self) -> bool:
        return len(self._stages) > 1

    def start_for(self, t):
        while t >= self._next:
            self._add(self._next)
        for stage in reversed(self._stages):
            if stage[0] <= t:
                return stage
        return self._stages[0]

    def _add(self, depth):
        previous_depth, previous, moved = self._stages[-1]
        distance = depth - previous_depth
        if len(self._stages) == 1:
            tolerance = self._first_tol
        else:  # the offset's area / perimeter is below the previous stage's: capped after the buffer
            tolerance = max(self._first_tol, STAGE_TOL_REL_DEPTH * depth)
        sagitta_m = tolerance * STAGE_ARC_SHARE  # the arcs' chords: inside the exact offset by at most this
        shrunk = previous.buffer(-distance, _arc_segments(distance, sagitta_m))
        if shrunk.is_empty:
            self._next = math.inf
            return
        if len(self._stages) > 1:
            tolerance = min(tolerance, SMOOTH_TOL_MAX_REL * shrunk.area / shrunk.length)
        simple = shrunk.simplify(tolerance, preserve_topology=False)
        if simple.is_empty or not simple.is_valid:
            simple = shrunk.simplify(tolerance)
        # DP's chords bridge the scallops between arcs, so a simplified offset is slightly larger than
        # the exact one; as A'(t) = -L, it is the exact offset at a depth deeper by that excess / L.
        excess_m = (simple.area - shrunk.area) / simple.length
        self._stages.append((depth - excess_m, simple, moved + tolerance + sagitta_m + abs(excess_m)))
        self._next = depth * STAGE_GROWTH


def _simplified_outline(polygon, area_m2, length_m):
    """(``polygon`` simplified by OUTLINE_TOL_REL of area / perimeter, that tolerance in m) for a long
    outline; (``polygon``, 0) for a short one, whose curve is then built on its exact corners."""
    if _vertex_count(polygon) < SMOOTH_MIN_VERTICES:
        return polygon, 0.0
    tolerance = OUTLINE_TOL_REL * area_m2 / length_m
    simple = polygon.simplify(tolerance, preserve_topology=False)
    if simple.is_empty or not simple.is_valid or simple.geom_type != "Polygon":
        simple = polygon.simplify(tolerance)
    return simple, tolerance


def _arc_segments(radius_m, sagitta_m):
    """Segments per quarter circle whose chords stay within ``sagitta_m`` of an arc of ``radius_m``
    (at most BUFFER_QUAD_SEGS): a stage is simplified right after its buffer, so finer arcs are waste."""
    if sagitta_m >= radius_m:
        return STAGE_MIN_QUAD_SEGS
    segments = math.ceil(math.pi / 4.0 / math.acos(1.0 - sagitta_m / radius_m))
    return min(max(segments, STAGE_MIN_QUAD_SEGS), BUFFER_QUAD_SEGS)


def _vertex_count(polygon):
    return len(polygon.exterior.coords) + sum(len(r.coords) for r in polygon.interiors)


def _edge_lengths(polygon):
    rings = [polygon.exterior, *polygon.interiors]
    return np.concatenate([np.hypot(*np.diff(np.asarray(r.coords)[:, :2], axis=0).T) for r in rings])


def height_max_m(r_in_m: float, repose_deg: float) -> float:
    """Tallest repose pile a footprint with inscribed radius ``r_in_m`` can hold."""
    return slope(repose_deg) * r_in_m


def repose_volume_m3(curve: OffsetCurve, height_m: float, repose_deg: float) -> float:
    """Volume of z = min(H, s d); an H above the footprint's maximum gives the full pile."""
    s = slope(repose_deg)
    return s * curve.integral(height_m / s)


def prism_volume_m3(area_m2: float, height_m: float) -> float:
    return area_m2 * height_m


def cone_volume_m3(area_m2: float, height_m: float) -> float:
    return area_m2 * height_m / 3.0
