"""SYNTHETIC scenes, part 1: heap shapes and the ground-truth surface model on the local grid.

Local grid: pixel centres in metres from the scene's south-west corner (x east, y north). Heaps follow
the repose-capped model z = min(H, tan(repose) * d), d = distance to the footprint's edge, so that
the truth is well defined; walls, water and deck are flat blocks.
"""
import math

import numpy as np

from coal_monitor.core.limits import REPOSE_DEFAULT_DEG

GSD_M = 0.5
SLOPE = math.tan(math.radians(REPOSE_DEFAULT_DEG))
WALL, WATER = -1, -2  # surface classes besides deck (0) and heaps (1, 2, ...)


class Grid:
    """Pixel-centre coordinates in local metres (x east, y north from the south-west corner)."""

    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.x = ((np.arange(cols) + 0.5) * GSD_M)[None, :].repeat(rows, 0)
        self.y = ((rows - np.arange(rows) - 0.5) * GSD_M)[:, None].repeat(cols, 1)

    def in_rect(self, r):
        x0, y0, x1, y1 = r
        return (self.x > x0) & (self.x < x1) & (self.y > y0) & (self.y < y1)


def inside_polygon(poly, x, y):
    """Crossing-number test, vectorised over points."""
    inside = np.zeros(x.shape, bool)
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1]):
        crosses = (y0 > y) != (y1 > y)
        with np.errstate(divide="ignore", invalid="ignore"):
            x_cross = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
        inside ^= crosses & (x < x_cross)
    return inside


def boundary_distance(poly, x, y):
    """Distance from each point to the polygon's boundary (the d of the repose-capped model)."""
    best = np.full(x.shape, np.inf)
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1]):
        dx, dy = x1 - x0, y1 - y0
        t = np.clip(((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy), 0.0, 1.0)
        best = np.minimum(best, np.hypot(x - x0 - t * dx, y - y0 - t * dy))
    return best


def circle(center, radius_m, n=128):
    return [(center[0] + radius_m * math.cos(2 * math.pi * k / n),
             center[1] + radius_m * math.sin(2 * math.pi * k / n)) for k in range(n)]


def rotated_rect(center, length_m, width_m, angle_deg):
    a = math.radians(angle_deg)
    ux, uy, vx, vy = math.cos(a), math.sin(a), -math.sin(a), math.cos(a)
    return [(center[0] + sx * length_m / 2 * ux + sy * width_m / 2 * vx,
             center[1] + sx * length_m / 2 * uy + sy * width_m / 2 * vy)
            for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))]


def pair_footprint(center, radius_m, other_center, other_radius_m, n=256):
    """Where this cone stands above its partner: star-shaped about its centre, bounded by a hyperbola.

    Along a ray from the centre this cone falls at exactly the repose slope and the partner falls at
    most as fast, so the region ends at the circle or at the first crossing (closed form below).
    """
    dx, dy = other_center[0] - center[0], other_center[1] - center[1]
    k = other_radius_m - radius_m
    points = []
    for j in range(n):
        a = 2 * math.pi * j / n
        ux, uy = math.cos(a), math.sin(a)
        reach = radius_m
        denominator = 2 * (ux * dx + uy * dy + k)
        if denominator > 0:
            crossing = (dx * dx + dy * dy - k * k) / denominator
            if 0 <= crossing < reach:
                reach = crossing
        points.append((center[0] + reach * ux, center[1] + reach * uy))
    return points


def heap_surfaces(spec, grid, bin_wall_m):
    """Yield (heap id, shape, model, exact?, note, footprint, height above deck array, extra)."""
    shape = spec["shape"]
    if shape == "cone":
        (cx, cy), radius = spec["center"], spec["radius_m"]
        z = np.maximum(0.0, SLOPE * (radius - np.hypot(grid.x - cx, grid.y - cy)))
        yield spec["id"], shape, "cone", True, "cone at repose", circle((cx, cy), radius), z, {}
    elif shape in ("ridge", "flat_top", "irregular_concave"):
        poly = spec.get("polygon") or rotated_rect(**spec["rotated_rect"])
        poly = [tuple(map(float, p)) for p in poly]
        inside = inside_polygon(poly, grid.x, grid.y)
        z = np.where(inside, np.minimum(spec.get("cap_m", np.inf),
                                        SLOPE * boundary_distance(poly, grid.x, grid.y)), 0.0)
        note = {"ridge": "hip-roof ridge at repose", "flat_top": "flat top capped below repose height",
                "irregular_concave": "concave footprint, repose-capped"}[shape]
        yield spec["id"], shape, "repose", True, note, poly, z, {}
    elif shape == "touching_pair":
        (c1, r1), (c2, r2) = spec["cones"]
        for heap_id, (c, r), (oc, orr) in ((spec["id"], (c1, r1), (c2, r2)),
                                            (spec["partner"], (c2, r2), (c1, r1))):
            z = np.maximum(0.0, SLOPE * (r - np.hypot(grid.x - c[0], grid.y - c[1])))
            note = ("one of two touching cones; its footprint ends where the partner is higher, so "
                    "the cone model over this footprint is not exact")
            yield heap_id, shape, "cone", False, note, pair_footprint(c, r, oc, orr), z, {
                "partner": spec["partner"] if heap_id == spec["id"] else spec["id"]}
    elif shape in ("bin", "bin_overfilled"):
        interior = spec["interior"]
        poly = [tuple(map(float, p)) for p in
                [(interior[0], interior[1]), (interior[2], interior[1]),
                 (interior[2], interior[3]), (interior[0], interior[3])]]
        inside = grid.in_rect(interior)
        extra = {"wall_height_m": bin_wall_m}
        if shape == "bin":
            z = np.where(inside, spec["fill_m"], 0.0)
            yield spec["id"], shape, "prism", True, "walled bin filled flat", poly, z, extra
        else:
            top = np.minimum(spec["peak_m"], spec["fill_m"] + SLOPE * boundary_distance(poly, grid.x, grid.y))
            z = np.where(inside, top, 0.0)
            note = ("coal heaped above the bin walls at repose: a prism at wall height underestimates, "
                    "a prism at the peak overestimates")
            yield spec["id"], shape, "prism", False, note, poly, z, extra
    else:
        raise ValueError(f"scene_specs: unknown heap shape '{shape}'; use one listed in its docstring.")


# ---------------------------------------------------------------- surface model

def build_surface(scene, grid):
    """Surface model (m above water), heap labels (0 = none), surface classes and the heap records.

    Surface classes: a heap's number, 0 for deck, WALL, WATER: shading never mixes two of them.
    """
    layout = scene["layout"]
    deck = layout["deck_z_m"]
    dsm = np.full((grid.rows, grid.cols), deck)
    water = np.zeros(dsm.shape, bool)
    for r in layout["water"]:
        water |= grid.in_rect(r)
    dsm[water] = 0.0
    walls = np.zeros(dsm.shape, bool)
    for wall in layout["walls"]:
        inside = grid.in_rect(wall["rect"])
        dsm[inside] = deck + wall["height_m"]
        walls |= inside
    bin_wall = layout.get("bin_wall")
    if bin_wall:
        t = bin_wall["thickness_m"]
        for x0, y0, x1, y1 in layout["bins"]:
            ring = grid.in_rect([x0 - t, y0 - t, x1 + t, y1 + t]) & ~grid.in_rect([x0, y0, x1, y1])
            dsm[ring] = deck + bin_wall["height_m"]
            walls |= ring
    heaps, top = [], np.zeros(dsm.shape)
    labels = np.zeros(dsm.shape, np.int32)
    for spec in scene["heaps"]:
        for heap_id, shape, model, exact, note, poly, z, extra in heap_surfaces(
                spec, grid, bin_wall["height_m"] if bin_wall else None):
            if np.any((z > 0) & (water | walls)):
                raise ValueError(f"{scene['id']} heap {heap_id} overlaps water or a wall; move it.")
            heaps.append({"id": heap_id, "shape": shape, "model": model, "model_exact": exact,
                          "model_note": note, "footprint": poly, **extra})
            higher = (z > top) & (z >= 0.001)  # below a millimetre the stored surface is the deck
            labels[higher] = len(heaps)
            top = np.where(higher, z, top)
    dsm = np.where(labels > 0, deck + top, dsm)
    dsm = np.round(dsm, 3).astype(np.float32)  # millimetres: the truth is this stored raster
    surfaces = np.where(walls, WALL, np.where(water, WATER, labels))
    return dsm, labels, water, surfaces, heaps
