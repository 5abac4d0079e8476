"""The SYNTHETIC sample scenes (resources/samples) are reproducible and their truth holds.

What could fail: the committed files drift from the generator; a truth volume that the surface model
does not integrate to; a heap that is not the shape its closed form says; shadows rendered where the
sun of the sidecar's acquisition time would not put them (or cast along its true-north azimuth taken
as UTM grid north); a sidecar whose angles or time do not belong to the scene's place. Arrays and text
are compared, not bytes: GDAL 3.6 here and 3.10 on Debian 13 may write different bytes for the same
pixels.
"""
import importlib.util
import json
import math
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import numpy as np
import pyproj
import pytest
from osgeo import gdal, ogr, osr

from coal_monitor.core.limits import REPOSE_DEFAULT_DEG
from coal_monitor.core.sun import sun_position

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "resources" / "samples"
INDEX = json.loads((SAMPLES / "scenes.json").read_text(encoding="utf-8"))
SCENES = INDEX["scenes"]
GSD_M = 0.5
SLOPE = math.tan(math.radians(REPOSE_DEFAULT_DEG))
MM_M = 0.0005  # the surface model is stored to the millimetre: at most half of it per pixel


def _features(scene):
    return json.loads((SAMPLES / scene["truth"]).read_text(encoding="utf-8"))["features"]


def _all_heaps(shapes=None):
    return [(scene, f) for scene in SCENES for f in _features(scene)
            if shapes is None or f["properties"]["shape"] in shapes]


def _read(path):
    ds = gdal.Open(str(path))
    return ds.ReadAsArray(), ds.GetGeoTransform(), ds


def _ring(feature):
    return feature["geometry"]["coordinates"][0][:-1]


def _perimeter(ring):
    return sum(math.dist(a, b) for a, b in zip(ring, ring[1:] + ring[:1]))


def _footprint_mask(feature, dsm_ds):
    """Pixels whose centre lies in the footprint, by GDAL's own rasterizer (not the generator's)."""
    mem = gdal.GetDriverByName("MEM").Create("", dsm_ds.RasterXSize, dsm_ds.RasterYSize, 1, gdal.GDT_Byte)
    mem.SetGeoTransform(dsm_ds.GetGeoTransform())
    mem.SetProjection(dsm_ds.GetProjection())
    layer_ds = (ogr.GetDriverByName("Memory") or ogr.GetDriverByName("MEM")).CreateDataSource("")
    layer = layer_ds.CreateLayer("heap", srs=dsm_ds.GetSpatialRef(), geom_type=ogr.wkbPolygon)
    row = ogr.Feature(layer.GetLayerDefn())
    row.SetGeometry(ogr.CreateGeometryFromJson(json.dumps(feature["geometry"])))
    layer.CreateFeature(row)
    gdal.RasterizeLayer(mem, [1], layer, burn_values=[1])
    return mem.ReadAsArray().astype(bool)


def _sidecar_sun_and_time(scene):
    """Sun angles and acquisition time as the vendor sidecar states them (Center for DIMAP)."""
    path = SAMPLES / scene["sidecar"]
    if path.suffix == ".XML":
        root = ET.parse(path).getroot()
        center = [v for v in root.iter("Located_Geometric_Values") if v.findtext("LOCATION_TYPE") == "Center"]
        assert len(center) == 1
        sun = center[0].find("Solar_Incidences")
        return (float(sun.findtext("SUN_ELEVATION")), float(sun.findtext("SUN_AZIMUTH")),
                center[0].findtext("TIME"))
    props = json.loads(path.read_text(encoding="utf-8"))["properties"]
    return props["sun_elevation"], props["sun_azimuth"], props["acquired"]


def _image_value(image, gt, east, north):
    """Mean of the RGB bands at the pixel holding a map point."""
    col = int(math.floor((east - gt[0]) / gt[1]))
    row = int(math.floor((north - gt[3]) / gt[5]))
    return float(image[:, row, col].mean())


def _image_bilinear(image, gt, east, north):
    """Mean of the RGB bands at a map point, bilinear between pixel centres."""
    col, row = (east - gt[0]) / gt[1] - 0.5, (north - gt[3]) / gt[5] - 0.5
    c, r = int(math.floor(col)), int(math.floor(row))
    fc, fr = col - c, row - r
    a = image[:, r:r + 2, c:c + 2].astype(np.float64).mean(axis=0)
    return float((a[0, 0] * (1 - fc) + a[0, 1] * fc) * (1 - fr) + (a[1, 0] * (1 - fc) + a[1, 1] * fc) * fr)


def _away_from_sun(scene, xy, true_azimuth_deg):
    """Unit vector (east, north) in the UTM grid pointing away from a sun at a TRUE-north azimuth.

    By pyproj, independently of the generator: step 100 m along the geodesic towards the sun and
    project both ends. The grid differs from true north by the meridian convergence (0.86 deg at
    Rason, 1.5 deg at Nampho): a 20 m shadow taken along the raw azimuth misses its tip by 0.3-0.5 m.
    """
    to_geo = pyproj.Transformer.from_crs(scene["crs_epsg"], 4326, always_xy=True)
    lon, lat = to_geo.transform(*xy)
    lon2, lat2, _ = pyproj.Geod(ellps="WGS84").fwd(lon, lat, true_azimuth_deg, 100.0)
    x2, y2 = to_geo.transform(lon2, lat2, direction=pyproj.enums.TransformDirection.INVERSE)
    length = math.hypot(x2 - xy[0], y2 - xy[1])
    return (xy[0] - x2) / length, (xy[1] - y2) / length


# ---------------------------------------------------------------- reproducible

def _numbers_and_words(text):
    tokens = re.split(r"(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)", text)
    return tokens[0::2], [float(t) for t in tokens[1::2]]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("make_scenes", REPO / "tools" / "make_scenes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("scenes")
    assert module.main(["--out", str(out)]) == 0
    return out


def test_regenerating_gives_the_committed_files(regenerated):
    committed = sorted(p.relative_to(SAMPLES) for p in SAMPLES.rglob("*") if _generated(p))
    fresh = sorted(p.relative_to(regenerated) for p in regenerated.rglob("*") if _generated(p))
    assert fresh == committed
    for relative in committed:
        old, new = SAMPLES / relative, regenerated / relative
        if relative.suffix == ".tif":
            (a, gt_a, ds_a), (b, gt_b, ds_b) = _read(old), _read(new)
            assert gt_a == gt_b and ds_a.GetSpatialRef().IsSame(ds_b.GetSpatialRef()), relative
            assert a.dtype == b.dtype and a.shape == b.shape, relative
            if a.dtype == np.uint8:  # another libm may flip a rounding, or a shadow edge, in a few pixels
                diff = np.abs(a.astype(int) - b)
                assert (diff != 0).mean() < 1e-3 and (diff > 1).sum() <= 10, relative
            else:  # stored to the millimetre: another libm may flip one rounding
                np.testing.assert_allclose(a, b, rtol=0, atol=1.5e-3, err_msg=str(relative))
        else:
            words_a, numbers_a = _numbers_and_words(old.read_text(encoding="utf-8"))
            words_b, numbers_b = _numbers_and_words(new.read_text(encoding="utf-8"))
            assert words_a == words_b, relative
            np.testing.assert_allclose(numbers_a, numbers_b, rtol=1e-6, atol=2e-3, err_msg=str(relative))


# ---------------------------------------------------------------- truth

def test_the_sample_set_is_small_and_says_it_is_synthetic():
    total = sum(p.stat().st_size for p in SAMPLES.rglob("*") if _generated(p))
    assert total < 15 * 1024 * 1024
    assert INDEX["synthetic"] is True
    for scene in SCENES:
        assert "SYNTHETIC" in (SAMPLES / scene["sidecar"]).read_text(encoding="utf-8")
        assert json.loads((SAMPLES / scene["truth"]).read_text(encoding="utf-8"))["synthetic"] is True
        assert "SYNTHETIC" in gdal.Info(str(SAMPLES / scene["raster"]))


def test_every_heap_volume_integrates_from_the_surface_model():
    """Re-integrate each footprint (rasterized by GDAL) over the stored surface model.

    Only pixels cut by the footprint's edge can be counted differently from the generator. On a
    repose edge a cut pixel's centre is within half a diagonal of the edge, so the surface there is at
    most SLOPE * GSD / sqrt(2) above the base; a boundary of length P cuts at most sqrt(2) * P / GSD
    pixels: the difference is at most P * SLOPE * GSD^2 (4.9 m3 for the 80 x 22 m ridge, 0.08 %).
    Bin interiors lie on pixel edges: no pixel is cut. Touching piles also share a cut where both
    stand H_cut high; their sum over the pair's outer edge obeys the repose bound.
    """
    checked = 0
    for scene in SCENES:
        dsm, _, ds = _read(SAMPLES / scene["surface_model"])
        pairs = {}
        for feature in _features(scene):
            p = feature["properties"]
            mask = _footprint_mask(feature, ds)
            volume = float((dsm[mask].astype(np.float64) - p["base_z_m"]).sum()) * GSD_M ** 2
            rounding = mask.sum() * MM_M * GSD_M ** 2
            if p["shape"].startswith("bin"):
                assert volume == pytest.approx(p["volume_m3"], abs=0.01 + rounding), feature["id"]
            elif p["shape"] == "touching_pair":
                key = tuple(sorted((p["heap"], p["partner"])))
                pairs.setdefault(key, []).append((volume, p["volume_m3"], feature))
            else:
                bound = _perimeter(_ring(feature)) * SLOPE * GSD_M ** 2 + rounding
                assert abs(volume - p["volume_m3"]) <= bound, (feature["id"], volume, p["volume_m3"])
            checked += 1
        for members in pairs.values():
            union = ogr.CreateGeometryFromJson(json.dumps(members[0][2]["geometry"])).Union(
                ogr.CreateGeometryFromJson(json.dumps(members[1][2]["geometry"])))
            bound = union.Boundary().Length() * SLOPE * GSD_M ** 2 + 0.01 * sum(m[1] for m in members)
            assert abs(sum(m[0] for m in members) - sum(m[1] for m in members)) <= bound
    assert checked == sum(s["heap_count"] for s in SCENES) > 30


def _midpoint_bound(kink_length_m, pixels):
    """Error of summing a piecewise-linear surface at pixel centres (the midpoint rule).

    The sum is exact on planes; across a fold where the slope jumps by SLOPE, a cell errs by at most
    SLOPE * GSD^3 / 8, i.e. SLOPE * GSD^2 / 8 per metre of fold. Storing to the millimetre adds at
    most MM_M * GSD^2 per pixel. For the 12 m cone: 1.6 + 0.2 m3 against 1,267 m3 (0.14 %).
    """
    return SLOPE * GSD_M ** 2 / 8 * kink_length_m + pixels * MM_M * GSD_M ** 2


def test_cones_match_the_closed_form():
    cones = _all_heaps({"cone"})
    assert len(cones) >= 5
    for _, feature in cones:
        p = feature["properties"]
        apex = p["apex"][:2]
        radius = max(math.dist(apex, v) for v in _ring(feature))
        assert p["height_m"] == pytest.approx(SLOPE * radius, abs=0.002), feature["id"]
        closed = math.pi * radius ** 2 * SLOPE * radius / 3  # pi R^2 H / 3, H = R tan(repose)
        pixels = math.pi * radius ** 2 / GSD_M ** 2
        assert abs(p["volume_m3"] - closed) <= _midpoint_bound(2 * math.pi * radius, pixels), feature["id"]


def test_ridges_match_the_hip_roof_closed_form():
    ridges = _all_heaps({"ridge"})
    assert len(ridges) >= 4
    for _, feature in ridges:
        p = feature["properties"]
        ring = _ring(feature)
        assert len(ring) == 4
        sides = sorted(math.dist(a, b) for a, b in zip(ring, ring[1:] + ring[:1]))
        width, length = sides[0], sides[-1]
        closed = SLOPE * width ** 2 * (3 * length - width) / 12  # domain.md section 4
        folds = 2 * (length + width) + (length - width) + 4 * width / math.sqrt(2)
        assert p["height_m"] == pytest.approx(SLOPE * width / 2, abs=0.005), feature["id"]
        bound = _midpoint_bound(folds, length * width / GSD_M ** 2)
        assert abs(p["volume_m3"] - closed) <= bound, (feature["id"], p["volume_m3"], closed)


def test_bins_are_prisms_of_footprint_times_fill():
    bins = _all_heaps({"bin"})
    assert len(bins) >= 8
    for _, feature in bins:
        p = feature["properties"]
        assert p["volume_m3"] == pytest.approx(p["footprint_area_m2"] * p["height_m"], abs=0.01)
        assert p["height_m"] <= p["wall_height_m"]


# ---------------------------------------------------------------- sun, view and shadows

def test_sidecar_sun_belongs_to_the_scene_place_and_a_morning_pass():
    for scene in SCENES:
        elevation, azimuth, when_text = _sidecar_sun_and_time(scene)
        when = datetime.strptime(when_text, "%Y-%m-%dT%H:%M:%S.%f%z")
        _, gt, ds = _read(SAMPLES / scene["raster"])
        wgs84 = osr.SpatialReference()
        wgs84.ImportFromEPSG(4326)
        wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        utm = ds.GetSpatialRef()
        utm.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        assert utm.GetAuthorityCode(None) == str(scene["crs_epsg"])
        lon, lat, _ = osr.CoordinateTransformation(utm, wgs84).TransformPoint(
            gt[0] + gt[1] * ds.RasterXSize / 2, gt[3] + gt[5] * ds.RasterYSize / 2)
        sun = sun_position(when, lat, lon)
        assert elevation == pytest.approx(sun.elevation_deg, abs=2e-3), scene["id"]
        assert azimuth == pytest.approx(sun.azimuth_deg, abs=2e-3), scene["id"]
        solar_hours = (when.hour + when.minute / 60 + lon / 15) % 24
        assert abs(solar_hours - 10.5) < 0.25, scene["id"]  # local mean solar time about 10:30


def test_shadow_tips_lie_where_the_sidecar_sun_puts_them():
    """The truth's tip to a centimetre, along the GRID anti-sun azimuth; dark 1 m before it, lit 1 m beyond.

    The tip is apex + H / tan(e_sun) along the anti-sun azimuth (domain.md section 6, nadir form:
    the tip is on the deck, which is the orthorectification plane, so the view angle moves it not).
    The sidecar's azimuth is from true north; in the UTM grid it is turned by the meridian convergence.
    """
    measured = 0
    for scene in SCENES:
        elevation, azimuth, _ = _sidecar_sun_and_time(scene)
        image, gt, _ = _read(SAMPLES / scene["raster"])
        deck_level = float(np.median(image.mean(axis=0)))
        for feature in _features(scene):
            p = feature["properties"]
            if not p["shadow_tip_on_ground"]:
                continue
            away = _away_from_sun(scene, p["apex"][:2], azimuth)
            length = p["height_m"] / math.tan(math.radians(elevation))
            east, north = p["apex"][0] + length * away[0], p["apex"][1] + length * away[1]
            assert math.dist((east, north), p["shadow_tip"]) < 0.01, feature["id"]
            before = _image_value(image, gt, east - away[0], north - away[1])
            beyond = _image_value(image, gt, east + away[0], north + away[1])
            assert before < 0.6 * deck_level < 0.85 * deck_level < beyond, (feature["id"], before, beyond)
            measured += 1
    winter_cones = [f for _, f in _all_heaps({"cone"}) if f["properties"]["shadow_tip_on_ground"]]
    assert len(winter_cones) >= 2 and measured >= 8


def test_repose_piles_cast_no_ground_shadow_under_a_high_sun():
    """With e_sun above the repose angle the deck just beyond a cone's foot, down-sun, is lit."""
    checked = 0
    for scene in SCENES:
        elevation, azimuth, _ = _sidecar_sun_and_time(scene)
        if elevation <= REPOSE_DEFAULT_DEG:
            continue
        image, gt, _ = _read(SAMPLES / scene["raster"])
        deck_level = float(np.median(image.mean(axis=0)))
        for feature in _features(scene):
            p = feature["properties"]
            assert not p["shadow_tip_on_ground"], feature["id"]
            if p["shape"] != "cone":
                continue
            away = _away_from_sun(scene, p["apex"][:2], azimuth)
            radius = p["height_m"] / SLOPE
            east, north = (p["apex"][0] + (radius + 1) * away[0], p["apex"][1] + (radius + 1) * away[1])
            assert _image_value(image, gt, east, north) > 0.85 * deck_level, feature["id"]
            checked += 1
    assert checked >= 3


def test_cone_ground_shadows_are_centred_on_the_grid_anti_sun_line():
    """The rendered shadow, not only the truth: the dark wedge before a cone's tip is symmetric about
    the line from the APEX along the grid anti-sun azimuth.

    Across that line, 1 to 3 m short of L = H / tan(e_sun), find the lit/dark edge on each side; the
    wedge's centre is their mean. Shadows cast along the true azimuth taken as grid north put it
    (L - 2 m) x convergence aside: 0.26-0.28 m measured on the old samples. The 0.5 m pixel staircase
    of the edges (0.1 m spread per cut) averages out over the 21 cuts to 0.015 m; 0.1 m is allowed.
    """
    checked = 0
    for scene in SCENES:
        elevation, azimuth, _ = _sidecar_sun_and_time(scene)
        image, gt, _ = _read(SAMPLES / scene["raster"])
        edge = 0.7 * float(np.median(image.mean(axis=0)))  # between deck in shadow (0.4) and lit (1.0)
        for feature in _features(scene):
            p = feature["properties"]
            if p["shape"] != "cone" or not p["shadow_tip_on_ground"]:
                continue
            away = _away_from_sun(scene, p["apex"][:2], azimuth)
            right = (away[1], -away[0])
            length = p["height_m"] / math.tan(math.radians(elevation))
            centres = []
            for back in np.arange(1.0, 3.01, 0.1):
                x, y = (p["apex"][0] + (length - back) * away[0], p["apex"][1] + (length - back) * away[1])
                assert _image_bilinear(image, gt, x, y) < edge, (feature["id"], back)
                reach = []
                for side in (1, -1):
                    steps = np.arange(0.0, 4.0, 0.01)
                    values = [_image_bilinear(image, gt, x + side * t * right[0], y + side * t * right[1])
                              for t in steps]
                    reach.append(side * float(steps[int(np.argmax(np.asarray(values) > edge))]))
                centres.append((reach[0] + reach[1]) / 2)
            assert abs(float(np.mean(centres))) < 0.1, (feature["id"], float(np.mean(centres)))
            checked += 1
    assert checked >= 2


def test_apparent_apex_leans_away_from_the_satellite_by_h_tan_incidence():
    for scene in SCENES:
        lean = (-math.sin(math.radians(scene["satellite_azimuth_deg"])),
                -math.cos(math.radians(scene["satellite_azimuth_deg"])))
        for feature in _features(scene):
            p = feature["properties"]
            shift = p["height_m"] * math.tan(math.radians(scene["incidence_deg"]))
            expected = (p["apex"][0] + shift * lean[0], p["apex"][1] + shift * lean[1])
            assert math.dist(expected, p["apparent_apex"]) < 0.003, feature["id"]


def test_the_plugin_finds_and_reads_every_sidecar():
    """The plugin's own reader accepts each sidecar and gets the index's sun and view back."""
    from coal_monitor.core.metadata import find_sidecar, read_metadata

    for scene in SCENES:
        sidecar = find_sidecar(SAMPLES / scene["raster"])
        assert sidecar is not None and Path(sidecar).name == Path(scene["sidecar"]).name
        meta = read_metadata(sidecar)
        assert meta.sun_elevation_deg == pytest.approx(scene["sun_elevation_deg"], abs=1e-3)
        assert meta.sun_azimuth_deg == pytest.approx(scene["sun_azimuth_deg"], abs=1e-3)
        assert meta.off_nadir_deg == pytest.approx(scene["off_nadir_deg"], abs=1e-3)
        assert meta.incidence_deg == pytest.approx(scene["incidence_deg"], abs=0.01)
        assert meta.view_azimuth_deg == pytest.approx(scene["satellite_azimuth_deg"], abs=1e-3)
        assert meta.gsd_m == pytest.approx(GSD_M)
        assert meta.acquired_utc.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z" == scene["acquired_utc"]


# ---------------------------------------------------------------- ships

def _vessels(scene):
    return json.loads((SAMPLES / scene["truth"]).read_text(encoding="utf-8"))["vessels"]


def _all_vessels():
    return [(scene, v) for scene in SCENES for v in _vessels(scene)]


def _extent_along(dsm, gt, centre, direction, reach_m, step_m=0.05):
    """Length of the stretch of surface above the water along a line through ``centre``, read from the
    stored surface model (nearest pixel) every ``step_m``."""
    above = []
    for k in range(-int(reach_m / step_m), int(reach_m / step_m) + 1):
        east, north = centre[0] + k * step_m * direction[0], centre[1] + k * step_m * direction[1]
        col, row = int(math.floor((east - gt[0]) / gt[1])), int(math.floor((north - gt[3]) / gt[5]))
        if 0 <= row < dsm.shape[0] and 0 <= col < dsm.shape[1] and dsm[row, col] > 0.0:
            above.append(k * step_m)
    return max(above) - min(above)


def test_the_sample_ships_are_the_ones_the_issue_asks_for():
    ships = {(scene["id"], v["properties"]["vessel"]): v["properties"] for scene, v in _all_vessels()}
    rason = ships[("rason_20250418", "V1")]
    assert (rason["loa_m"], rason["beam_m"], rason["state"], rason["cargo_visible"]) == (190.0, 32.26, "loading", True)
    nampho = [p for (scene_id, _), p in ships.items() if scene_id.startswith("nampho")]
    assert sorted(p["state"] for p in nampho) == ["loading", "moored"]
    assert all((p["loa_m"], p["beam_m"]) == (98.0, 16.0) for p in nampho)
    assert all(scene["vessel_count"] == len(_vessels(scene)) for scene in SCENES)


@pytest.mark.parametrize("scene, vessel", _all_vessels(), ids=lambda v: v["id"] if "id" in v else "")
def test_a_ship_in_the_surface_model_has_its_true_length_and_beam(scene, vessel):
    """Measured from the stored surface model along the truth's centreline and across its middle: one
    pixel of the truth; open water (height 0) around the hull on every side."""
    p = vessel["properties"]
    dsm, gt, dsm_ds = _read(SAMPLES / scene["surface_model"])
    along = (p["bow"][0] - p["stern"][0]) / p["loa_m"], (p["bow"][1] - p["stern"][1]) / p["loa_m"]
    assert math.dist(p["bow"], p["stern"]) == pytest.approx(p["loa_m"], abs=1e-3)
    heading = math.degrees(math.atan2(*along)) % 360.0
    assert heading == pytest.approx(p["heading_deg"])
    across = (along[1], -along[0])
    assert abs(_extent_along(dsm, gt, p["centre"], along, p["loa_m"] / 2 + 1.2) - p["loa_m"]) <= GSD_M
    assert abs(_extent_along(dsm, gt, p["centre"], across, p["beam_m"] / 2 + 1.2) - p["beam_m"]) <= GSD_M
    assert math.dist(p["side"], p["centre"]) == pytest.approx(p["beam_m"] / 2, abs=1e-3)
    hull = _footprint_mask(vessel, dsm_ds)
    assert (dsm[hull] > 0).all()
    ring = ogr.CreateGeometryFromJson(json.dumps(vessel["geometry"])).Buffer(1.2).Difference(
        ogr.CreateGeometryFromJson(json.dumps(vessel["geometry"])).Buffer(GSD_M))
    water = _footprint_mask({"geometry": json.loads(ring.ExportToJson())}, dsm_ds)
    assert water.sum() > 2 * p["loa_m"] and (dsm[water] == 0.0).all()  # open water all round the hull


@pytest.mark.parametrize("scene, vessel", _all_vessels(), ids=lambda v: v["id"] if "id" in v else "")
def test_a_ship_truth_is_what_the_plugin_would_call_it(scene, vessel):
    from coal_monitor.core.vessels import classify, is_loading_event

    p = vessel["properties"]
    estimate = classify(p["loa_m"], p["beam_m"], scene["gsd_m"])
    assert estimate.vessel_class == p["vessel_class"]
    assert is_loading_event(p["state"], p["cargo_visible"]) == (p["state"] == "loading")


@pytest.mark.parametrize("scene, vessel", _all_vessels(), ids=lambda v: v["id"] if "id" in v else "")
def test_open_hatches_show_dark_coal_below_the_deck_and_closed_ones_do_not(scene, vessel):
    p = vessel["properties"]
    dsm_ds = gdal.Open(str(SAMPLES / scene["surface_model"]))
    dsm = dsm_ds.ReadAsArray()
    image, _gt, _ = _read(SAMPLES / scene["raster"])
    hull = _footprint_mask(vessel, dsm_ds)
    in_hold = hull & (dsm < p["freeboard_m"] - 1.0)
    if p["cargo_visible"]:
        assert in_hold.sum() * GSD_M ** 2 > 0.1 * p["loa_m"] * p["beam_m"]
        assert float(image[:, in_hold].mean()) < 45  # coal, as dark as on the pier
    else:
        assert not in_hold.any()
    deck = hull & (np.abs(dsm - p["freeboard_m"]) < 1e-3)
    water_by = (dsm == 0.0) & ~hull
    assert float(image[:, deck].mean()) > 1.5 * float(image[:, water_by].mean())


def _generated(path):
    """Files the generator writes; GDAL's *.aux.xml statistics files appear when QGIS opens a raster."""
    return path.is_file() and not path.name.endswith(".aux.xml")
