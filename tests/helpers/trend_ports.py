"""A small port log written through the store, for the trends, recompute and report tests.

Three scenes of Rason on three dates, heaps on two piers plus one without a pier, and a synthetic
GeoTIFF for the latest scene (dark blobs where the heaps are). Everything goes through
``PortFile.create``/``add_scene``/``add_heap``: the tests read what the real store writes.
"""
import dataclasses
from pathlib import Path

from shapely.geometry import box

from coal_monitor.core.ports import builtin_ports
from coal_monitor.store.portfile import PortFile

PORT_CRS = 32652
# Near the Rason reference point (42.2271 N, 130.2826 E) in UTM 52N.
ORIGIN_X, ORIGIN_Y = 605_800.0, 4_675_700.0
PIER_A = "RasonConTrans Pier 3"
PIER_B = "Pier 2"
ATTRIBUTION = "Synthetic test image, CC0, made by the Coal Monitor tests"

SCENES = (
    {"scene_id": "T-2023-09-14", "sensor": "TestSat-1", "acquired_utc": "2023-09-14T02:31:00Z", "gsd_m": 0.5,
     "sun_elevation_deg": 45.0, "sun_azimuth_deg": 160.0, "source": ATTRIBUTION + " (first)"},
    {"scene_id": "T-2024-01-20", "sensor": "TestSat-2", "acquired_utc": "2024-01-20T02:40:00Z", "gsd_m": 0.5,
     "sun_elevation_deg": 25.0, "sun_azimuth_deg": 165.0, "source": ATTRIBUTION + " (second)"},
    {"scene_id": "T-2024-04-12", "sensor": "TestSat-1", "acquired_utc": "2024-04-12T02:20:00Z", "gsd_m": 0.5,
     "sun_elevation_deg": 52.0, "sun_azimuth_deg": 150.0, "source": ATTRIBUTION + " (latest)"},
)

# (scene index, pier, x offset m, y offset m, length m, width m, height m). Heights stay well under the
# tallest pile each footprint holds even at a 17 deg repose, except the seventh heap: 6.5 m on a 35 m wide
# footprint fits at 35 deg (12.3 m) but not at 20 deg (6.4 m), which the recompute tests rely on.
HEAPS = (
    (0, PIER_A, 20, 20, 80, 30, 3.5),
    (0, PIER_A, 120, 20, 60, 40, 4.5),
    (0, None, 220, 260, 30, 30, 3.0),
    (1, PIER_A, 20, 20, 90, 32, 3.5),
    (1, PIER_B, 40, 150, 50, 25, 3.0),
    (2, PIER_A, 20, 20, 100, 40, 4.5),
    (2, PIER_A, 150, 30, 70, 35, 6.5),
    (2, PIER_B, 40, 150, 60, 30, 3.5),
    (2, PIER_B, 140, 160, 40, 40, 4.0),
)
RASTER_SIZE_PX = 320
RASTER_GSD_M = 1.0


def rason_port():
    rason = [p for p in builtin_ports() if p.slug == "rason"][0]
    return dataclasses.replace(rason, piers=(PIER_A, PIER_B))


def footprint(x, y, length, width):
    return box(ORIGIN_X + x, ORIGIN_Y + y, ORIGIN_X + x + length, ORIGIN_Y + y + width)


def write_raster(path: Path, heaps) -> Path:
    """A 3-band GeoTIFF in the port CRS: grey quay, dark coal where ``heaps`` (shapely boxes) lie."""
    import numpy
    from osgeo import gdal, osr

    gdal.UseExceptions()
    size = RASTER_SIZE_PX
    bands = numpy.empty((3, size, size), dtype=numpy.uint8)
    bands[:] = numpy.array([168, 172, 170], dtype=numpy.uint8)[:, None, None]
    bands[:, :, : size // 8] = numpy.array([52, 86, 118], dtype=numpy.uint8)[:, None, None]  # water to the west
    top_y = ORIGIN_Y + size * RASTER_GSD_M
    for heap in heaps:
        min_x, min_y, max_x, max_y = heap.bounds
        cols = slice(int((min_x - ORIGIN_X) / RASTER_GSD_M), int((max_x - ORIGIN_X) / RASTER_GSD_M))
        rows = slice(int((top_y - max_y) / RASTER_GSD_M), int((top_y - min_y) / RASTER_GSD_M))
        bands[:, rows, cols] = 38
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), size, size, 3, gdal.GDT_Byte)
    dataset.SetGeoTransform((ORIGIN_X, RASTER_GSD_M, 0.0, top_y, 0.0, -RASTER_GSD_M))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(PORT_CRS)
    dataset.SetProjection(srs.ExportToWkt())
    for index in range(3):
        dataset.GetRasterBand(index + 1).WriteArray(bands[index])
    dataset.FlushCache()
    dataset = None
    return path


def make_port_file(folder, with_raster: bool = True) -> Path:
    """Rason's port file in ``folder`` (rason.gpkg) with the scenes and heaps above; returns its path."""
    folder = Path(folder)
    path = folder / "rason.gpkg"
    latest_heaps = [footprint(*h[2:6]) for h in HEAPS if h[0] == len(SCENES) - 1]
    with PortFile.create(path, rason_port()) as port_file:
        for index, scene in enumerate(SCENES):
            scene = dict(scene)
            if with_raster and index == len(SCENES) - 1:
                scene["raster_path"] = str(write_raster(folder / f"{scene['scene_id']}.tif", latest_heaps))
            port_file.add_scene(scene)
        for scene_index, pier, x, y, length, width, height in HEAPS:
            scene = SCENES[scene_index]
            attrs = {"scene_id": scene["scene_id"], "observed_utc": scene["acquired_utc"], "height_m": height,
                     "label": f"heap {x},{y}", "identification": "probable", "confidence": "moderate"}
            if pier:
                attrs["pier"] = pier
            port_file.add_heap(footprint(x, y, length, width), PORT_CRS, attrs)
    return path


SUMMED = ("area_m2", "volume_m3", "volume_lo_m3", "volume_hi_m3", "tonnage_t", "tonnage_lo_t", "tonnage_hi_t")


def sums_read_with_ogr(path, by_pier: bool) -> dict:
    """{(date, pier or None): {"heaps": n, field: sum, ...}} summed here from the heaps GDAL reads.

    Independent of the store's SQL and of coal_monitor.core.timeseries: the tests' own arithmetic.
    """
    from osgeo import ogr

    ogr.UseExceptions()
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName("heaps")
    sums = {}
    for feature in layer:
        day = feature.GetFieldAsString("observed_utc").replace("/", "-")[:10]
        pier = (feature.GetField("pier") or None) if by_pier else None
        entry = sums.setdefault((day, pier), dict({"heaps": 0, "scenes": set()}, **{k: 0.0 for k in SUMMED}))
        entry["heaps"] += 1
        entry["scenes"].add(feature.GetField("scene_id"))
        for name in SUMMED:
            entry[name] += feature.GetField(name)
    dataset = None
    return sums


def algorithm(name: str):
    """A ready instance of one of our algorithms, created the way the registry creates them.

    Tests run it with ``processing.run(instance, ...)``: independent of whether the session's provider
    object is still alive (the provider's registration has its own test).
    """
    import importlib

    module = importlib.import_module(f"coal_monitor.processing.{name}")
    return module.ALGORITHM().create()
