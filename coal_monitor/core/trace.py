"""Trace a coal heap's footprint from the image: grow the region of coal around a clicked pixel.

Pure computation (numpy and shapely): the pixels come from ``trace_reader`` (GDAL, a window around the
click) or from anything else that gives an array (rows, cols[, bands]) of any dtype.

Coal is the darkest material of a yard, and grainy. A pixel is coal when it is darker than
``tolerance`` times the window's bright ground (its 90th percentile of brightness), textured (the local
spread of log brightness at least TEXTURE_FRACTION of the seed's; or darker than DEEP_FRACTION of the
bright ground, where no deck in shadow is) and, on colour images, of the seed's hue (water is dark and
textured too, but blue; concrete is warmer than coal). Texture and hue are what tell the shaded side
of a heap (dark, grainy) from its shadow on the deck (as dark, but smooth and warmer): the shadow is
left out, except in part on noisy images under a low sun (``make bench`` measures it).

Two touching heaps are one region of coal; it is cut where a narrow neck joins them (``own_pile``),
which separates cones whose feet overlap a little but not heaps merged deep into each other
(``make bench`` shows both). Slab joints and rails one pixel wide crossing a heap are bridged (a wall
two pixels or more wide separates bins); holes smaller than HOLE_MIN_PX pixels are filled, larger ones
kept. The outline is smoothed and simplified at the pixel scale (no staircase) and returned in map
coordinates through the array's geotransform.
"""
import math
from dataclasses import dataclass

import numpy as np
from shapely import affinity
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.ops import unary_union

from .errors import InputError
from .messages import QT_TR_NOOP

TOLERANCE_DEFAULT = 0.45
TOLERANCE_MIN = 0.1
TOLERANCE_MAX = 0.9
TOLERANCE_STEP = 0.05
BRIGHT_PERCENTILE = 90.0
TEXTURE_FRACTION = 0.45
TEXTURE_SMOOTH_PX = 2
# Darker than this fraction of the bright ground is coal even where noise or clipping to 0 hides its
# grain: deck in shadow still gets the sky's light (a fifth or more of the sun's).
DEEP_FRACTION = 0.12
# Hue, log(blue / red) over 5 x 5, may differ from the seed's by HUE_SPREAD_FACTOR times its spread
# around the seed (noise), within [HUE_MIN_LOG, HUE_MAX_LOG]: rejects water beside a quay and, where
# the image is clean, a heap's shadow on the deck (concrete is warmer than coal, 0.12 in this log).
HUE_SMOOTH_PX = 2
HUE_SPREAD_FACTOR = 3.0
HUE_MIN_LOG = 0.08
HUE_MAX_LOG = 0.25
SEED_RADIUS_PX = 5           # the seed's statistics: a (2r+1)^2 patch around the click
# The seed's grain: a low percentile of the patch, as a click near a crease or in deep shade (where
# noise adds to the grain) would set the bar too high for the heap's lit faces.
SEED_TEXTURE_PERCENTILE = 25.0
SEED_SEARCH_PX = 4           # a click on a bright grain or a joint snaps to coal this close
SPLIT_FRACTION = 0.6
NECK_RATIO = 0.8
# Alternating 4- and 8-neighbour erosions eat an octagon: 1.25 pixels per step on average across a disc.
OCTAGON_STEP_PX = 1.25
HOLE_MIN_PX = 64         # 16 m² at 0.5 m: texture gaps on deep-shaded coal reach 50 pixels
SMOOTH_ITERATIONS = 2        # Chaikin corner cutting of the pixel outline
SIMPLIFY_PX = 0.35


@dataclass(frozen=True)
class Seed:
    """A click in pixel coordinates of the array (column, row, fractional); ``add`` False subtracts."""

    col: float
    row: float
    add: bool = True


def luminance(pixels):
    """Brightness as float64 (rows, cols): the mean of the bands."""
    array = np.asarray(pixels)
    if array.ndim == 2:
        return array.astype(np.float64)
    if array.ndim == 3:
        return array.astype(np.float64).mean(axis=2)
    raise InputError(QT_TR_NOOP("image array has {ndim} dimensions: give rows x columns (x bands)"),
                     ndim=array.ndim)


def _shift(a, dr, dc, fill):
    out = np.full_like(a, fill)
    rows, cols = a.shape
    out[max(dr, 0):rows + min(dr, 0), max(dc, 0):cols + min(dc, 0)] = \
        a[max(-dr, 0):rows + min(-dr, 0), max(-dc, 0):cols + min(-dc, 0)]
    return out


def _box_mean(a, radius):
    """Mean over a (2r+1)^2 box (edges replicated), by cumulative sums."""
    padded = np.pad(a, radius, mode="edge")
    c = padded.cumsum(0).cumsum(1)
    c = np.pad(c, ((1, 0), (1, 0)))
    k = 2 * radius + 1
    total = c[k:, k:] - c[:-k, k:] - c[k:, :-k] + c[:-k, :-k]
    return total / (k * k)


def _texture(log_l):
    """Grain: the smaller of the mean horizontal and vertical steps of log brightness (3 x 3), averaged
    over 5 x 5. The smaller one, so that the crease between a heap's lit and shaded faces, a step
    along one direction only, does not count as grain."""
    dx = np.abs(log_l - _shift(log_l, 0, 1, 0.0))
    dy = np.abs(log_l - _shift(log_l, 1, 0, 0.0))
    dx[:, 0] = dx[:, 1]
    dy[0] = dy[1]
    return _box_mean(np.minimum(_box_mean(dx, 1), _box_mean(dy, 1)), TEXTURE_SMOOTH_PX)


def label(mask):
    """8-connected component labels of ``mask`` (0 = background), by union-find on row runs."""
    rows, _ = mask.shape
    parent = []
    runs = []  # per row: (starts, ends, ids)

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(rows):
        line = np.concatenate([[False], mask[r], [False]])
        edges = np.flatnonzero(line[1:] != line[:-1])
        starts, ends = edges[0::2], edges[1::2]  # [start, end)
        ids = np.arange(len(parent), len(parent) + len(starts))
        parent.extend(ids.tolist())
        if r and len(starts) and len(runs[-1][0]):
            p_starts, p_ends, p_ids = runs[-1]
            j = 0
            for s, e, i in zip(starts.tolist(), ends.tolist(), ids.tolist()):
                while j < len(p_ends) and p_ends[j] < s:  # 8-connected: touching diagonally counts
                    j += 1
                k = j
                while k < len(p_starts) and p_starts[k] <= e:
                    a, b = find(i), find(int(p_ids[k]))
                    if a != b:
                        parent[max(a, b)] = min(a, b)
                    k += 1
        runs.append((starts, ends, ids))
    roots = np.array([find(i) for i in range(len(parent))], dtype=np.int64)
    _, compact = np.unique(roots, return_inverse=True)
    labels = np.zeros(mask.shape, dtype=np.int64)
    for r, (starts, ends, ids) in enumerate(runs):
        for s, e, i in zip(starts.tolist(), ends.tolist(), ids.tolist()):
            labels[r, s:e] = compact[i] + 1
    return labels


def coal_mask(pixels, seed_rc, tolerance):
    """Pixels like the coal at ``seed_rc`` (row, col) in the sense of the module docstring."""
    light = luminance(pixels)
    scale = max(float(np.percentile(light, 99.5)), 1e-12)
    log_l = np.log(np.maximum(light / scale, 1.0 / 4096.0))
    bright = float(np.percentile(log_l, BRIGHT_PERCENTILE))
    dark = log_l < bright + math.log(tolerance)
    texture = _texture(log_l)
    r, c = seed_rc
    patch = np.s_[max(r - SEED_RADIUS_PX, 0):r + SEED_RADIUS_PX + 1, max(c - SEED_RADIUS_PX, 0):c + SEED_RADIUS_PX + 1]
    seed_dark = dark[patch]
    if not seed_dark.any():
        level = math.exp(float(np.median(log_l[patch])) - bright)
        raise InputError(
            QT_TR_NOOP("the clicked point is not on dark material (brightness {level:.2f} of the bright ground, "
                       "above the tolerance {tolerance:.2f}): click inside a coal heap, or raise the tolerance"),
            level=level, tolerance=tolerance)
    seed_texture = float(np.percentile(texture[patch][seed_dark], SEED_TEXTURE_PERCENTILE))
    deep = log_l < bright + math.log(DEEP_FRACTION)
    mask = (dark & (texture >= TEXTURE_FRACTION * seed_texture)) | deep
    array = np.asarray(pixels)
    if array.ndim == 3 and array.shape[2] >= 3:
        hue = _box_mean(np.log((array[..., 2].astype(np.float64) + 1.0)
                               / (array[..., 0].astype(np.float64) + 1.0)), HUE_SMOOTH_PX)
        seed_hues = hue[patch][seed_dark]
        spread = HUE_SPREAD_FACTOR * float(np.std(seed_hues))
        mask &= np.abs(hue - float(np.median(seed_hues))) <= min(max(spread, HUE_MIN_LOG), HUE_MAX_LOG)
    return mask


def _bridged(mask):
    """``mask`` with lines one pixel wide (slab joints, rails) filled where coal lies on both sides."""
    out = mask.copy()
    for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
        out |= _shift(mask, dr, dc, False) & _shift(mask, -dr, -dc, False)
    return out


_FOUR = ((-1, 0), (1, 0), (0, -1), (0, 1))
_EIGHT = _FOUR + ((-1, -1), (-1, 1), (1, -1), (1, 1))


def _depth(region):
    """Erosion steps each pixel survives (alternating 4- and 8-neighbour steps: a chamfer distance)."""
    depth = np.zeros(region.shape, dtype=np.int32)
    current, k = region, 0
    while current.any():
        depth += current
        eroded = current.copy()
        for dr, dc in (_EIGHT if k % 2 else _FOUR):
            eroded &= _shift(current, dr, dc, False)
        current, k = eroded, k + 1
    return depth


def _owners(region, cores):
    """Each pixel of ``region`` given to the core that reaches it first growing inside the region."""
    owner = cores.copy()
    while True:
        free = region & (owner == 0)
        grown = owner.copy()
        for dr, dc in _EIGHT:
            neighbour = _shift(owner, dr, dc, 0)
            take = free & (grown == 0) & (neighbour > 0)
            grown[take] = neighbour[take]
        if np.array_equal(grown, owner):
            return owner
        owner = grown


def own_pile(region, start):
    """``region`` without the piles that touch the clicked one across a neck.

    Cores: the region deeper than SPLIT_FRACTION of its deepest point; each claims the pixels it reaches
    first. A neighbour stays part of the clicked pile when the line between them is at least NECK_RATIO
    of the narrower pile's width (an L-shaped heap's arms), and is cut off when it is narrower (two
    cones that touch)."""
    depth = _depth(region)
    cores = label(depth > SPLIT_FRACTION * depth.max())
    if cores.max() <= 1:
        return region
    owner = _owners(region, cores)
    if owner[start] == 0:
        return region
    width = {k: 2.0 * OCTAGON_STEP_PX * depth[owner == k].max() for k in range(1, cores.max() + 1)}
    pile = owner == owner[start]
    piles = {int(owner[start])}
    changed = True
    while changed:
        changed = False
        touching = np.zeros(region.shape, bool)
        for dr, dc in _FOUR:
            touching |= _shift(pile, dr, dc, False)
        for k in set(np.unique(owner[touching & ~pile]).tolist()) - piles - {0}:
            cut_px = int(np.count_nonzero(touching & (owner == k)))
            narrower = min(width[k], min(width[j] for j in piles))
            if cut_px >= NECK_RATIO * narrower:
                pile |= owner == k
                piles.add(k)
                changed = True
    return pile


def _filled(region):
    """``region`` with its holes smaller than HOLE_MIN_PX filled."""
    outside = label(~region)
    border = set(np.unique(np.concatenate([outside[0], outside[-1], outside[:, 0], outside[:, -1]])).tolist())
    sizes = np.bincount(outside.ravel())
    small = [k for k in range(1, len(sizes)) if k not in border and sizes[k] < HOLE_MIN_PX]
    return region | np.isin(outside, small)


def _nearest_in(mask, r, c):
    if mask[r, c]:
        return r, c
    rows, cols = np.nonzero(mask[max(r - SEED_SEARCH_PX, 0):r + SEED_SEARCH_PX + 1,
                                 max(c - SEED_SEARCH_PX, 0):c + SEED_SEARCH_PX + 1])
    if not len(rows):
        return None
    k = int(np.argmin((rows + max(r - SEED_SEARCH_PX, 0) - r) ** 2 + (cols + max(c - SEED_SEARCH_PX, 0) - c) ** 2))
    return int(rows[k]) + max(r - SEED_SEARCH_PX, 0), int(cols[k]) + max(c - SEED_SEARCH_PX, 0)


def region_mask(pixels, seed_rc, tolerance=TOLERANCE_DEFAULT):
    """Boolean mask of the heap grown from ``seed_rc`` = (row, col)."""
    light = luminance(pixels)
    r, c = seed_rc
    if not (0 <= r < light.shape[0] and 0 <= c < light.shape[1]):
        raise InputError(QT_TR_NOOP("the clicked pixel (row {r}, column {c}) is outside the image window "
                                    "of {rows} x {columns} pixels: click on the image"),
                         r=r, c=c, rows=light.shape[0], columns=light.shape[1])
    tolerance = min(max(float(tolerance), TOLERANCE_MIN), TOLERANCE_MAX)
    mask = _bridged(coal_mask(pixels, seed_rc, tolerance))
    start = _nearest_in(mask, r, c)
    if start is None:
        raise InputError(QT_TR_NOOP("no coal-like texture around the clicked point: click inside a heap, away from "
                                    "its shadow, or raise the tolerance"))
    labels = label(mask)
    region = own_pile(labels == labels[start], start)
    return _filled(region)


def _mask_polygon(mask):
    """Union of the mask's pixel squares (pixel coordinates: x = column, y = row)."""
    boxes = []
    for r in range(mask.shape[0]):
        line = np.concatenate([[False], mask[r], [False]])
        edges = np.flatnonzero(line[1:] != line[:-1])
        boxes.extend(box(s, r, e, r + 1) for s, e in zip(edges[0::2].tolist(), edges[1::2].tolist()))
    return unary_union(boxes)


def _chaikin(ring):
    xy = np.asarray(ring.coords)[:-1]
    for _ in range(SMOOTH_ITERATIONS):
        nxt = np.roll(xy, -1, axis=0)
        xy = np.column_stack([0.75 * xy + 0.25 * nxt, 0.25 * xy + 0.75 * nxt]).reshape(-1, 2)
    return np.vstack([xy, xy[:1]])


def smooth_outline(polygon):
    """A pixel outline without its staircase: corners cut, then simplified within SIMPLIFY_PX."""
    parts = []
    for part in getattr(polygon, "geoms", [polygon]):
        holes = [_chaikin(h) for h in part.interiors if Polygon(h).area >= HOLE_MIN_PX]
        smooth = Polygon(_chaikin(part.exterior), holes).buffer(0)
        parts.extend(getattr(smooth, "geoms", [smooth]))
    parts = [p.simplify(SIMPLIFY_PX, preserve_topology=True) for p in parts if p.area >= HOLE_MIN_PX]
    if not parts:
        return Polygon()
    return MultiPolygon(parts) if len(parts) > 1 else parts[0]


def to_map(polygon, geotransform):
    """Pixel coordinates (x = column, y = row) to map coordinates through a GDAL geotransform."""
    x0, dx, rx, y0, ry, dy = geotransform
    return affinity.affine_transform(polygon, [dx, rx, ry, dy, x0, y0])


def to_pixel(x, y, geotransform):
    """Map coordinates to fractional (column, row)."""
    x0, dx, rx, y0, ry, dy = geotransform
    det = dx * dy - rx * ry
    u, v = x - x0, y - y0
    return (dy * u - rx * v) / det, (-ry * u + dx * v) / det


def trace(pixels, geotransform, seeds, tolerance=TOLERANCE_DEFAULT):
    """The heap outline (shapely polygon, map coordinates) grown from ``seeds`` (``Seed``, pixels).

    Add seeds' regions are united, then remove seeds' regions subtracted; separate heaps give a
    MultiPolygon, specks under HOLE_MIN_PX pixels left by the smoothing are dropped."""
    if not seeds:
        raise InputError(QT_TR_NOOP("no seed: click inside a heap"))
    added, removed = None, None
    for seed in seeds:
        rc = (int(math.floor(seed.row)), int(math.floor(seed.col)))
        region = region_mask(pixels, rc, tolerance)
        if seed.add:
            added = region if added is None else added | region
        else:
            removed = region if removed is None else removed | region
    if added is None:
        raise InputError(QT_TR_NOOP("only remove seeds: click inside a heap first, then Shift+click to remove a part"))
    if removed is not None:
        added = added & ~removed
    if not added.any():
        raise InputError(QT_TR_NOOP("the removed regions cover the whole heap: undo the last Shift+click"))
    outline = smooth_outline(_mask_polygon(added))
    if outline.is_empty:
        raise InputError(QT_TR_NOOP("the traced heap vanished when smoothed (a few pixels): zoom in or raise the "
                                    "tolerance"))
    return to_map(outline, geotransform)
