"""The tracer's reader takes a window around the click from a GeoTIFF, never the whole raster."""
import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from coal_monitor.core.errors import InputError
from coal_monitor.core.trace import Seed, to_pixel, trace
from coal_monitor.core.trace_reader import WINDOW_MAX_PX, read_window
from tests.helpers.trace_scenes import inside_point, iou, yard


def write_tif(path, pixels, geotransform, size=None):
    rows, cols = pixels.shape[:2]
    width, height = size or (cols, rows)
    bands = 1 if pixels.ndim == 2 else pixels.shape[2]
    kind = gdal.GDT_UInt16 if pixels.dtype == np.uint16 else gdal.GDT_Byte
    out = gdal.GetDriverByName("GTiff").Create(str(path), width, height, bands, kind,
                                               ["TILED=YES", "SPARSE_OK=TRUE", "COMPRESS=DEFLATE"])
    out.SetGeoTransform(geotransform)
    for b in range(bands):
        out.GetRasterBand(b + 1).WriteArray(pixels if bands == 1 else pixels[..., b])
    out = None


def test_a_heap_traced_through_the_reader_matches_the_truth(tmp_path):
    scene = yard(seed=2)
    write_tif(tmp_path / "yard.tif", scene.pixels, scene.geotransform)
    point = inside_point(scene.truths["ridge"])
    window = read_window(tmp_path / "yard.tif", point.x, point.y)
    col, row = to_pixel(point.x, point.y, window.geotransform)
    assert iou(trace(window.pixels, window.geotransform, [Seed(col, row)]), scene.truths["ridge"]) >= 0.9


def test_a_12000_pixel_raster_is_read_as_a_window(tmp_path):
    scene = yard(seed=2)
    x0, dx, _, y0, _, dy = scene.geotransform
    big = (x0, dx, 0.0, y0, 0.0, dy)
    write_tif(tmp_path / "big.tif", scene.pixels, big, size=(12_000, 12_000))
    point = inside_point(scene.truths["cone"])
    window = read_window(tmp_path / "big.tif", point.x, point.y)
    assert max(window.pixels.shape[:2]) <= WINDOW_MAX_PX
    col, row = to_pixel(point.x, point.y, window.geotransform)
    assert iou(trace(window.pixels, window.geotransform, [Seed(col, row)]), scene.truths["cone"]) >= 0.9
    coarse = read_window(tmp_path / "big.tif", 500_000.0 + 3000.0, 4_200_000.0, resolution_m=2.0)
    assert coarse.geotransform[1] == pytest.approx(2.0, rel=0.05)
    assert max(coarse.pixels.shape[:2]) <= 220.0 / 2.0 + 2


def test_a_click_outside_the_raster_names_the_point(tmp_path):
    scene = yard(seed=2)
    write_tif(tmp_path / "yard.tif", scene.pixels, scene.geotransform)
    with pytest.raises(InputError, match="outside the raster"):
        read_window(tmp_path / "yard.tif", 0.0, 0.0)


@pytest.mark.parametrize("exceptions", [False, True])
def test_a_file_gdal_cannot_open_is_refused_with_its_name(tmp_path, exceptions):
    broken = tmp_path / "broken.tif"
    broken.write_bytes(b"not a tiff")
    # GDAL's Python modules share one stack of error handlers: gdal's mode can only be turned off once
    # ogr's and osr's are off (the store turns all three on when it creates a port file in this process)
    modules = (osr, ogr, gdal)
    previous = [module.GetUseExceptions() for module in modules]
    for module in modules if not exceptions else reversed(modules):
        (module.UseExceptions if exceptions else module.DontUseExceptions)()
    try:
        with pytest.raises(InputError, match="broken.tif cannot be opened"):
            read_window(broken, 0.0, 0.0)
    finally:
        for module in modules:
            module.DontUseExceptions()
        for module, was in reversed(list(zip(modules, previous))):
            if was:
                module.UseExceptions()
