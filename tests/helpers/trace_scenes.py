"""Generated yard scenes for the heap tracer: textured coal heaps, lit and shaded faces, cast shadows,
sensor noise, slab joints, a rail across one heap, a heap with a hole; with their true footprints.

Independent of the tracer's code. Heaps are repose piles z = min(H, s d) on shapes whose distance to the
edge d is closed-form (discs, rectangles, a disc with a hole), so the truth is exact.
"""
import math
from dataclasses import dataclass

import numpy as np
from shapely.geometry import Point, box

PIXEL_M = 0.5
S35 = math.tan(math.radians(35.0))


@dataclass(frozen=True)
class Scene:
    pixels: np.ndarray
    geotransform: tuple
    truths: dict          # name -> shapely polygon in map coordinates (metres)
    crossed: str          # the heap a one-pixel rail crosses


def _heaps(x, y):
    """(name, polygon, distance-to-edge array, height_m) of each heap, local metres."""
    heaps = []
    r = np.hypot(x - 30, y - 70)
    heaps.append(("cone", Point(30, 70).buffer(16, 64), 16 - r, 12.0))
    d = np.minimum(np.minimum(x - 60, 120 - x), np.minimum(y - 55, 80 - y))
    heaps.append(("ridge", box(60, 55, 120, 80), d, 6.0))
    r = np.hypot(x - 40, y - 25)
    heaps.append(("ring", Point(40, 25).buffer(17, 64).difference(Point(40, 25).buffer(4, 64)),
                  np.minimum(17 - r, r - 4), 5.0))
    d = np.minimum(np.minimum(x - 80, 125 - x), np.minimum(y - 12, 40 - y))
    heaps.append(("flat", box(80, 12, 125, 40), d, 3.0))
    return heaps


def _pair(x, y):
    """Two cones 20 and 16 m across whose feet overlap; each pile's footprint ends where the other's
    surface is higher, as with real touching heaps (tests/helpers: exact, pixel by pixel)."""
    d1 = 10 - np.hypot(x - 30, y - 50)
    d2 = 8 - np.hypot(x - 46, y - 50)
    first = (d1 > 0) & (d1 >= d2)
    second = (d2 > 0) & (d2 > d1)
    return [("pair west", first, np.where(first, d1, -1.0), 9.0),
            ("pair east", second, np.where(second, d2, -1.0), 9.0)]


def _mask_polygon(mask, x, y):
    boxes = [box(x[r, c] - PIXEL_M / 2, y[r, c] - PIXEL_M / 2, x[r, c] + PIXEL_M / 2, y[r, c] + PIXEL_M / 2)
             for r, c in zip(*np.nonzero(mask))]
    from shapely.ops import unary_union
    return unary_union(boxes)


def yard(seed=0, sun_elevation_deg=35.0, sun_azimuth_deg=150.0, noise=4.0, bands="rgb", size=(280, 200),
         touching=False):
    """A 140 x 100 m yard at 0.5 m; ``bands`` "rgb" (uint8), "pan" (uint8) or "pan16" (uint16);
    ``touching``: two touching cones instead of the four separate heaps."""
    rng = np.random.default_rng(seed)
    cols, rows = size
    x = (np.arange(cols) + 0.5) * PIXEL_M
    y = (rows - np.arange(rows) - 0.5) * PIXEL_M
    x, y = np.meshgrid(x, y)
    z = np.zeros(x.shape)
    coal = np.zeros(x.shape, bool)
    truths = {}
    for name, polygon, d, height in (_pair(x, y) if touching else _heaps(x, y)):
        if not hasattr(polygon, "area"):
            polygon = _mask_polygon(polygon, x, y)
        inside = d > 0
        z = np.where(inside, np.maximum(z, np.minimum(height, S35 * d)), z)
        coal |= inside
        truths[name] = polygon
    gy, gx = np.gradient(z, PIXEL_M)
    north = gy  # rows go south, but y was built decreasing: gradient along rows is d/dy * (-1) * (-1)
    east = gx
    e, a = math.radians(sun_elevation_deg), math.radians(sun_azimuth_deg)
    sun = (math.sin(a) * math.cos(e), math.cos(a) * math.cos(e), math.sin(e))
    cos_i = (-east * sun[0] - north * sun[1] + sun[2]) / np.sqrt(east ** 2 + north ** 2 + 1)
    shadow = np.zeros(z.shape, bool)
    tan_e = math.tan(e)
    step_px = 0.5
    for k in range(1, int(z.max() / tan_e / PIXEL_M / step_px) + 2):
        t = k * step_px
        rr = np.clip(np.round(np.arange(rows)[:, None] - math.cos(a) * t).astype(int), 0, rows - 1)
        cc = np.clip(np.round(np.arange(cols)[None, :] + math.sin(a) * t).astype(int), 0, cols - 1)
        shadow |= z[rr, cc] > z + t * PIXEL_M * tan_e + 0.05
    light = (np.where(shadow, 0.0, np.maximum(cos_i, 0.0)) + 0.25) / (math.sin(e) + 0.25)
    grain = 0.8 + 0.4 * rng.random(z.shape)
    concrete = 0.55 * (0.96 + 0.08 * rng.random(z.shape))
    joints = (np.abs(x % 10 - 0.25) < 0.01) | (np.abs(y % 10 - 0.25) < 0.01)
    concrete = np.where(joints, concrete * 0.8, concrete)
    albedo = np.where(coal, 0.1 * grain, concrete)
    rail = np.abs(y - 68.25) < 0.3  # one pixel row across the ridge, bright steel on the coal
    albedo = np.where(rail & (x > 55) & (x < 125), 0.35, albedo)
    radiance = albedo * light
    colour = {"rgb": (1.0, 0.98, 0.93), "pan": (1.0,), "pan16": (1.0,)}[bands]
    tint_coal = {"rgb": (1.0, 1.0, 1.05), "pan": (1.0,), "pan16": (1.0,)}[bands]
    full = 4000.0 if bands == "pan16" else 200.0
    out = []
    for c, t in zip(colour, tint_coal):
        band = radiance * np.where(coal, t, c) * full / 0.55
        band = band + rng.normal(0.0, noise * full / 200.0, band.shape)
        top = 65535 if bands == "pan16" else 255
        out.append(np.clip(np.round(band), 0, top))
    dtype = np.uint16 if bands == "pan16" else np.uint8
    pixels = (np.dstack(out) if len(out) > 1 else out[0]).astype(dtype)
    geotransform = (500_000.0, PIXEL_M, 0.0, 4_200_000.0 + rows * PIXEL_M, 0.0, -PIXEL_M)
    moved = {k: _moved(v, 500_000.0, 4_200_000.0) for k, v in truths.items()}
    return Scene(pixels, geotransform, moved, "ridge")


def _moved(polygon, dx, dy):
    from shapely import affinity
    return affinity.translate(polygon, dx, dy)


def inside_point(polygon):
    """A point well inside the footprint (what an analyst clicks): its pole of inaccessibility."""
    from shapely.ops import polylabel
    return polylabel(polygon, 0.5)


def iou(a, b):
    return a.intersection(b).area / a.union(b).area
