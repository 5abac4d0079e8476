"""Read only a window of a raster around a click, for ``trace``: GDAL, never the whole raster.

The window is WINDOW_M metres on a side (at most WINDOW_MAX_PX pixels of the output), read at the
requested ground resolution or the raster's own, whichever is coarser: GDAL's ReadAsArray decimates
(from overviews when the file has them) so a 12,000 x 12,000 scene costs no more than a small one.
"""
import math
from dataclasses import dataclass

import numpy as np
from osgeo import gdal

from .errors import InputError
from .messages import QT_TR_NOOP

WINDOW_M = 220.0
WINDOW_MAX_PX = 900
MAX_BANDS = 3


@dataclass(frozen=True)
class Window:
    pixels: np.ndarray          # rows x cols (x bands)
    geotransform: tuple         # of the window's array
    crs_wkt: str


def read_window(path, x, y, resolution_m=None, window_m=WINDOW_M):
    """The pixels around map point (x, y) in the raster's CRS, and their geotransform."""
    try:  # store/creation.py switches GDAL's exceptions on for the whole process; either way works
        dataset = gdal.Open(str(path), gdal.GA_ReadOnly)
    except RuntimeError as exc:
        raise InputError(QT_TR_NOOP("raster {path} cannot be opened by GDAL ({exc}): choose an image file"),
                         path=path, exc=exc) from None
    if dataset is None:
        raise InputError(QT_TR_NOOP("raster {path} cannot be opened by GDAL: choose an image file"),
                         path=path)
    x0, dx, rx, y0, ry, dy = dataset.GetGeoTransform()
    if rx or ry:
        raise InputError(QT_TR_NOOP("raster {path} is rotated (geotransform terms {rx:g}, {ry:g}): warp it north-up "
                                    "first"), path=path, rx=rx, ry=ry)
    col = (x - x0) / dx
    row = (y - y0) / dy
    if not (0 <= col < dataset.RasterXSize and 0 <= row < dataset.RasterYSize):
        raise InputError(QT_TR_NOOP("the point {x:.2f}, {y:.2f} is outside the raster {path}: click on the image"),
                         x=x, y=y, path=path)
    pixel_m = abs(dx)
    out_m = max(pixel_m, resolution_m or pixel_m)
    out_m = max(out_m, window_m / WINDOW_MAX_PX)
    half = window_m / 2.0 / pixel_m
    c0 = max(int(math.floor(col - half)), 0)
    r0 = max(int(math.floor(row - half)), 0)
    c1 = min(int(math.ceil(col + half)), dataset.RasterXSize)
    r1 = min(int(math.ceil(row + half)), dataset.RasterYSize)
    factor = out_m / pixel_m
    buf_x = max(int(round((c1 - c0) / factor)), 1)
    buf_y = max(int(round((r1 - r0) / factor)), 1)
    bands = []
    for b in range(1, min(dataset.RasterCount, MAX_BANDS) + 1):
        try:
            pixels = dataset.GetRasterBand(b).ReadAsArray(c0, r0, c1 - c0, r1 - r0, buf_xsize=buf_x,
                                                          buf_ysize=buf_y, resample_alg=gdal.GRIORA_Average)
        except RuntimeError as exc:
            pixels = None
            reason = f" ({exc})"
        else:
            reason = ""
        if pixels is None:
            raise InputError(QT_TR_NOOP("band {b} of raster {path} cannot be read{reason}: check that the file is "
                                        "complete"), b=b, path=path, reason=reason)
        bands.append(pixels)
    pixels = bands[0] if len(bands) == 1 else np.dstack(bands)
    sx, sy = (c1 - c0) / buf_x, (r1 - r0) / buf_y
    geotransform = (x0 + c0 * dx, dx * sx, 0.0, y0 + r0 * dy, 0.0, dy * sy)
    return Window(pixels, geotransform, dataset.GetProjection())
