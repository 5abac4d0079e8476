#!/usr/bin/python3
"""Build Coal Monitor's SYNTHETIC sample scenes: surface model, sunlit image, vendor sidecar, truth.

Why synthetic: commercial imagery cannot be shipped, and proving the volume numbers needs scenes whose
true volumes are known. Each scene is a ground-truth surface model (pier deck, quay walls, water,
heaps, walled bins) at 0.5 m in the port's UTM CRS, and an 8-bit RGB image of it lit by the sun at the
elevation and azimuth that the acquisition time gives at that place (coal_monitor.core.sun), with
cast shadows traced across the surface model. The sun's azimuth is from true north, as the sidecars
state it; light, shadows and truth shadow tips use it turned into the UTM grid
(scene_files.Place.grid_azimuth_deg). The heaps follow the repose-capped model
z = min(H, tan(repose) * d) so the truth is well defined; true volumes are integrated from the
surface model raster as written.

Reproducible: numpy, GDAL and pyproj only, seeded noise, fixed GeoTIFF creation options, no timestamps; the
same command writes byte-identical files with the same GDAL and numpy.

    /usr/bin/python3 tools/make_scenes.py                # writes resources/samples/
    /usr/bin/python3 tools/make_scenes.py --out /tmp/x   # anywhere else

What is in each scene: scene_specs.py. Surface model: scene_surface.py. Ships beside the pier:
scene_ships.py. Light, shadows and view: scene_render.py. Georeferencing and file formats: scene_files.py. This module: the truth and the run.
"""
import argparse
import json
import math
import sys
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import numpy as np
from osgeo import gdal

REPO = Path(__file__).resolve().parent.parent
for _path in (str(REPO), str(REPO / "tools")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from coal_monitor.core.limits import REPOSE_DEFAULT_DEG  # noqa: E402
from coal_monitor.core.sun import sun_position  # noqa: E402
from scene_files import (GTIFF_DSM, GTIFF_IMAGE, SYNTHETIC_NOTE, Place, dimap_xml,  # noqa: E402
                         iso_utc, planet_json, write_geotiff, write_text)
from scene_render import render, view_geometry  # noqa: E402
from scene_ships import add_ships, truth as ship_truth  # noqa: E402
from scene_specs import SCENES  # noqa: E402
from scene_surface import GSD_M, Grid, build_surface  # noqa: E402


# ---------------------------------------------------------------- truth

def polygon_area(poly):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1]))) / 2


def pixel_at(grid, x, y):
    """(row, col) of the pixel holding local point (x, y), or None outside the scene."""
    row, col = int(math.floor(grid.rows - y / GSD_M)), int(math.floor(x / GSD_M))
    return (row, col) if 0 <= row < grid.rows and 0 <= col < grid.cols else None


def heap_truth(index, heap, scene, grid, dsm, labels, shadow, sun, view, place):
    """One truth feature: height and volume integrated from the stored surface model, and the shadow.

    ``sun.azimuth_deg`` is the grid azimuth: the local grid's x runs grid east.

    The shadow tip is where the crest's shadow (the crest point farthest down-sun) meets the deck.
    It counts as measurable (``shadow_tip_on_ground``) when it lies on bare deck, the rendered shadow
    covers the point 1 m before it and leaves the point 1 m beyond it lit. A bin's coal lies below its
    walls, so its measurable shadow is the wall's on the coal (``wall_shadow_on_coal_m``).
    """
    deck = scene["layout"]["deck_z_m"]
    mine = labels == index
    height = dsm[mine].astype(np.float64) - deck
    h_m = float(height.max())
    anti_sun = (-math.sin(math.radians(sun.azimuth_deg)), -math.cos(math.radians(sun.azimuth_deg)))
    top = mine & (dsm.astype(np.float64) - deck >= h_m - 5e-4)
    along = grid.x * anti_sun[0] + grid.y * anti_sun[1]
    crest = np.unravel_index(np.argmax(np.where(top, along, -np.inf)), along.shape)
    cx, cy = float(grid.x[crest]), float(grid.y[crest])
    shadow_m = h_m / math.tan(math.radians(sun.elevation_deg))
    tip = (cx + shadow_m * anti_sun[0], cy + shadow_m * anti_sun[1])
    before = pixel_at(grid, tip[0] - anti_sun[0], tip[1] - anti_sun[1])
    beyond = pixel_at(grid, tip[0] + anti_sun[0], tip[1] + anti_sun[1])
    on_ground = (heap["shape"] != "bin" and before is not None and beyond is not None
                 and abs(float(dsm[before]) - deck) < 1e-6 and abs(float(dsm[beyond]) - deck) < 1e-6
                 and bool(shadow[before]) and not shadow[beyond])
    lean = h_m * math.tan(math.radians(view["incidence_deg"]))
    sat = (math.sin(math.radians(view["satellite_azimuth_deg"])),
           math.cos(math.radians(view["satellite_azimuth_deg"])))
    properties = {
        "scene": scene["id"], "heap": heap["id"], "shape": heap["shape"], "model": heap["model"],
        "model_exact": heap["model_exact"], "model_note": heap["model_note"],
        "height_m": round(h_m, 3), "volume_m3": round(float(height.sum()) * GSD_M ** 2, 2),
        "footprint_area_m2": round(polygon_area(heap["footprint"]), 2),
        "base_z_m": deck, "repose_deg": REPOSE_DEFAULT_DEG,
        "apex": place.utm_xy(cx, cy) + [round(deck + h_m, 3)],
        "apparent_apex": place.utm_xy(cx - lean * sat[0], cy - lean * sat[1]),
        "shadow_tip": None if heap["shape"] == "bin" else place.utm_xy(*tip),
        "shadow_length_m": None if heap["shape"] == "bin" else round(shadow_m, 3),
        "shadow_tip_on_ground": bool(on_ground),
    }
    if "wall_height_m" in heap:
        properties["wall_height_m"] = heap["wall_height_m"]
        above_coal = max(0.0, heap["wall_height_m"] - min(h_m, heap["wall_height_m"]))
        properties["wall_shadow_on_coal_m"] = round(above_coal / math.tan(math.radians(sun.elevation_deg)), 3)
    if "partner" in heap:
        properties["partner"] = heap["partner"]
    ring = [place.utm_xy(x, y) for x, y in heap["footprint"]]
    return {"type": "Feature", "id": f"{scene['id']}/{heap['id']}",
            "geometry": {"type": "Polygon", "coordinates": [ring + ring[:1]]},
            "properties": properties}


# ---------------------------------------------------------------- one scene, all scenes

def load_ports():
    data = json.loads((REPO / "resources" / "ports.json").read_text(encoding="utf-8"))
    return {port["slug"]: port for port in data["ports"]}


def make_scene(scene, port, out_dir):
    """Write one scene's folder and return its index entry."""
    layout = scene["layout"]
    grid = Grid(layout["cols"], layout["rows"])
    place = Place(port, layout)
    when = datetime.strptime(scene["acquired_utc"], "%Y-%m-%dT%H:%M:%S.%f%z")
    center_lon, center_lat = place.lonlat(place.width_m / 2, place.height_m / 2)
    sun = sun_position(when, center_lat, center_lon)  # azimuth from true north: the sidecars' value
    grid_sun = sun._replace(azimuth_deg=place.grid_azimuth_deg(sun.azimuth_deg))  # for the local grid
    view = view_geometry(scene)
    rng = np.random.default_rng(scene["seed"])

    dsm, labels, water, surfaces, heaps = build_surface(scene, grid)
    add_ships(scene, grid, dsm, water, surfaces)
    image, shadow = render(scene, grid, dsm, labels, water, surfaces, grid_sun, view, rng)
    features = [heap_truth(i + 1, heap, scene, grid, dsm, labels, shadow, grid_sun, view, place)
                for i, heap in enumerate(heaps)]

    folder = out_dir / scene["id"]
    folder.mkdir(parents=True, exist_ok=True)
    names = {"raster": f"{scene['id']}.tif", "surface_model": f"{scene['id']}_dsm.tif",
             "truth": f"{scene['id']}_truth.geojson",
             "sidecar": f"DIM_{scene['id']}.XML" if scene["vendor"] == "dimap"
             else f"{scene['id']}_metadata.json"}
    imagery = {"ACQUISITIONDATETIME": iso_utc(when),
               "SATELLITEID": "SYNTHETIC", "CLOUDCOVER": "0"}
    write_geotiff(folder / names["raster"], image, place, GTIFF_IMAGE,
                  f"{SYNTHETIC_NOTE} Scene {scene['id']}: rendered image.", imagery)
    write_geotiff(folder / names["surface_model"], dsm, place, GTIFF_DSM,
                  f"{SYNTHETIC_NOTE} Scene {scene['id']}: ground-truth surface model, m above water.")
    if scene["vendor"] == "dimap":
        write_text(folder / names["sidecar"], dimap_xml(scene, names["raster"], place, grid, when,
                                                        sun_position, view))
    else:
        write_text(folder / names["sidecar"], planet_json(scene, place, when, sun, view))
    truth = {
        "type": "FeatureCollection",
        "name": f"{scene['id']}_truth",
        "crs": {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{place.epsg}"}},
        "synthetic": True,
        "description": SYNTHETIC_NOTE,
        "scene": scene["id"],
        "surface_model": names["surface_model"],
        "volume_method": ("sum over the heap's pixels of (surface model - base_z_m) x 0.25 m2; a pixel "
                          "belongs to the heap whose surface is highest there"),
        "sun_elevation_deg": round(sun.elevation_deg, 4),
        "sun_azimuth_deg": round(sun.azimuth_deg, 4),
        "sun_grid_azimuth_deg": round(grid_sun.azimuth_deg, 4),
        "sun_azimuth_note": ("sun_azimuth_deg is clockwise from true north, as the sidecar states it; "
                             "shadow tips lie along sun_grid_azimuth_deg + 180, clockwise from the UTM grid's "
                             "north (true azimuth minus the meridian convergence at the scene centre)"),
        "features": features,
        "vessels": [ship_truth(ship, scene["id"], place) for ship in scene.get("ships", ())],
        "vessels_note": ("ships in the water beside the pier, not heaps: loa_m from the stern's transom to the "
                         "bow's tip, beam_m across the parallel midbody; bow, stern and side are the points an "
                         "analyst clicks (side: on the hull's side at its widest)"),
    }
    write_text(folder / names["truth"], json.dumps(truth, indent=1) + "\n")
    return {
        "id": scene["id"], "port": layout["port"], "place": layout["place"],
        "date": scene["acquired_utc"][:10], "acquired_utc": scene["acquired_utc"],
        "note": scene["note"], "vendor_format": {"dimap": "DIMAP v2", "planet": "Planet item JSON"}[
            scene["vendor"]],
        **{key: f"{scene['id']}/{name}" for key, name in names.items()},
        "crs_epsg": place.epsg, "gsd_m": GSD_M, "cols": grid.cols, "rows": grid.rows,
        "sun_elevation_deg": round(sun.elevation_deg, 4), "sun_azimuth_deg": round(sun.azimuth_deg, 4),
        "off_nadir_deg": view["off_nadir_deg"], "incidence_deg": round(view["incidence_deg"], 4),
        "satellite_azimuth_deg": view["satellite_azimuth_deg"],
        "heap_count": len(features),
        "vessel_count": len(scene.get("ships", ())),
        "total_volume_m3": round(sum(f["properties"]["volume_m3"] for f in features), 2),
    }


@contextmanager
def gdal_settings():
    """GDAL raises, and writes no .aux.xml beside the files; restored after (tests run us in-process)."""
    raised, pam = gdal.GetUseExceptions(), gdal.GetConfigOption("GDAL_PAM_ENABLED")
    gdal.UseExceptions()
    gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO")
    try:
        yield
    finally:
        gdal.SetConfigOption("GDAL_PAM_ENABLED", pam)
        if not raised:
            gdal.DontUseExceptions()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "samples",
                        help="folder to write the scenes into (default: resources/samples)")
    parser.add_argument("--only", action="append",
                        help="scene id to build (repeatable; default all; scenes.json only on a full build)")
    args = parser.parse_args(argv)
    ports = load_ports()
    chosen = [s for s in SCENES if not args.only or s["id"] in args.only]
    if args.only and len(chosen) != len(set(args.only)):
        known = ", ".join(s["id"] for s in SCENES)
        parser.error(f"--only names a scene that does not exist; known scenes: {known}")
    args.out.mkdir(parents=True, exist_ok=True)
    with gdal_settings():
        entries = [make_scene(scene, ports[scene["layout"]["port"]], args.out) for scene in chosen]
    for e in entries:
        print(f"{e['id']:18s} sun {e['sun_elevation_deg']:6.2f} deg el {e['sun_azimuth_deg']:7.2f} deg az  "
              f"{e['heap_count']:2d} heaps {e['total_volume_m3']:10.1f} m3  {e['note']}")
    if not args.only:
        index = {"format": "coal_monitor.samples", "format_version": 1, "synthetic": True,
                 "description": SYNTHETIC_NOTE + " Paths are relative to this file's folder.",
                 "regenerate": "/usr/bin/python3 tools/make_scenes.py", "scenes": entries}
        write_text(args.out / "scenes.json", json.dumps(index, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
