"""Footprints on which GEOS's negative buffers are slow: shared by the engine's tests and its benchmark."""
import math

import numpy as np
from shapely.geometry import Polygon


def _wobbly_half_width(y, radius_m, wobble_m):
    return math.sqrt(max(0.0, radius_m ** 2 - y ** 2)) * (1 + 0.2 * math.sin(y / wobble_m))


def wobbly_disc(radius_m=30.0, wobble_m=5.0, vertices=100):
    """The heap that ``pixel_staircase`` traces, drawn cleanly with ``vertices`` corners."""
    ys = radius_m * np.cos(np.linspace(math.pi, 0, vertices // 2 + 1))
    right = [(_wobbly_half_width(y, radius_m, wobble_m), y) for y in ys]
    return Polygon(right + [(-x, y) for x, y in reversed(right[1:-1])])


def pixel_staircase(radius_m=30.0, pixel_m=0.25, wobble_m=5.0):
    """A heap traced from a raster mask: one-pixel 90° steps around a wobbly disc."""
    rows = []
    for y in np.arange(-radius_m, radius_m, pixel_m):
        half = _wobbly_half_width(y, radius_m, wobble_m)
        half -= half % pixel_m
        if half > 0:
            rows.append([(-half, y), (half, y), (half, y + pixel_m), (-half, y + pixel_m)])
    right = [p for r in rows for p in (r[1], r[2])]
    left = [p for r in reversed(rows) for p in (r[3], r[0])]
    return Polygon(right + left).buffer(0)


def noisy_trace(vertices=600, radius_m=30.0, jitter_m=0.05, seed=7):
    """A smooth three-lobed outline with hand-drawn noise: many tiny reflex corners."""
    angles = np.linspace(0, 2 * math.pi, vertices, endpoint=False)
    radii = radius_m * (1 + 0.25 * np.sin(3 * angles)) + np.random.default_rng(seed).normal(0, jitter_m, vertices)
    return Polygon(np.column_stack([radii * np.cos(angles), radii * np.sin(angles)]))
