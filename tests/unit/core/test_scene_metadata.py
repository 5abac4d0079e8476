"""Scene metadata readers: each vendor format from committed examples, hostile and broken files,
and the cross-check of the file's sun against the computed sun position."""
import json
import math
import pathlib
import shutil
import time
from datetime import datetime, timezone

import pytest

from coal_monitor.core.errors import InputError
from coal_monitor.core.metadata import (MAX_METADATA_BYTES, SceneMetadata, find_sidecar, read_gdal_domains,
                                        read_metadata)
from coal_monitor.core.metadata.imd import parse_imd
from coal_monitor.core.sun import sun_position

DATA = pathlib.Path(__file__).resolve().parents[2] / "data" / "metadata"
SAMPLES = pathlib.Path(__file__).resolve().parents[3] / "resources" / "samples"
PLEIADES = DATA / "DIM_PHR1A_P_202401150212345_SEN_6891234101-001.XML"
PNEO = DATA / "DIM_PNEO3_202312020231082_PMS-FS_ORT_PWOI_000123456_1_1_F_1.XML"
IMD = DATA / "22FEB10024117-P2AS-014212345010_01_P001.IMD"
PLANET = DATA / "20241214_014905_23_24c5_metadata.json"
STAC = DATA / "wv03_songnim_20231120_stac.json"


def _variant(tmp_path, original, old, new, name=None):
    """A copy of a committed example with one field changed: the broken file the test needs."""
    text = original.read_text()
    assert old in text, f"{old!r} not in {original.name}"
    path = tmp_path / (name or original.name)
    path.write_text(text.replace(old, new, 1))
    return path


# --- each format -------------------------------------------------------------------------------

def test_pleiades_dimap_reads_the_centre_values():
    meta = read_metadata(PLEIADES)
    assert isinstance(meta, SceneMetadata)
    assert meta.sensor == "PHR1A"
    assert meta.scene_id == "DS_PHR1A_202401150212345_FR1_PX_E125N38_0102_00987"
    assert meta.acquired_utc == datetime(2024, 1, 15, 2, 12, 34, 512000, tzinfo=timezone.utc)
    # Centre row, not the Top/Bottom Center rows around it.
    assert meta.sun_elevation_deg == pytest.approx(26.04737)
    assert meta.sun_azimuth_deg == pytest.approx(155.34356)
    assert meta.off_nadir_deg == pytest.approx(8.79522)
    assert meta.incidence_deg == pytest.approx(9.75743)
    assert meta.sat_elevation_deg == pytest.approx(90 - 9.75743)
    assert meta.view_azimuth_deg == pytest.approx(101.8345)
    assert meta.gsd_m == pytest.approx((0.7206 + 0.7091) / 2)
    assert (meta.center_lat_deg, meta.center_lon_deg) == pytest.approx((38.7281, 125.4169))
    assert meta.sun_check_deg < 0.01
    assert meta.warnings == ()


def test_pleiades_neo_dimap_centre_from_vertices():
    meta = read_metadata(PNEO)
    assert meta.sensor == "PNEO3"
    assert meta.incidence_deg == pytest.approx(19.76512)
    assert meta.view_azimuth_deg == pytest.approx(275.40118)
    assert (meta.center_lat_deg, meta.center_lon_deg) == pytest.approx((42.2271, 130.2826))
    assert meta.warnings == ()


def test_maxar_imd():
    meta = read_metadata(IMD)
    assert meta.sensor == "WV03"
    assert meta.scene_id == "104001007A1B2C00"
    assert meta.acquired_utc == datetime(2022, 2, 10, 2, 41, 17, 418000, tzinfo=timezone.utc)
    assert (meta.sun_elevation_deg, meta.sun_azimuth_deg) == (32.1, 165.2)
    assert meta.incidence_deg == pytest.approx(90 - 72.5)
    assert meta.off_nadir_deg == 15.9
    assert meta.view_azimuth_deg == 213.6
    assert meta.gsd_m == 0.342
    assert meta.sun_check_deg < 0.1
    assert meta.warnings == ()


def test_planet_item_signed_view_angle_and_derived_incidence():
    meta = read_metadata(PLANET)
    assert meta.scene_id == "20241214_014905_23_24c5"
    assert meta.off_nadir_deg == 4.1  # |view_angle|, the sign only says east or west
    expected = math.degrees(math.asin((6371 + 475) / 6371 * math.sin(math.radians(4.1))))
    assert meta.incidence_deg == pytest.approx(expected)
    assert any("derived from off-nadir" in w for w in meta.warnings)
    assert meta.view_azimuth_deg == 98.7
    assert meta.gsd_m == 3.8
    assert meta.sun_check_deg < 0.1


def test_stac_item_with_view_extension():
    meta = read_metadata(STAC)
    assert meta.sensor == "WV03 VNIR"
    assert meta.acquired_utc == datetime(2023, 11, 20, 2, 20, 44, tzinfo=timezone.utc)
    assert (meta.off_nadir_deg, meta.incidence_deg, meta.view_azimuth_deg) == (12.4, 13.7, 228.9)
    assert meta.sun_check_deg < 0.05
    assert meta.warnings == ()


FIELDS = ("scene_id", "sensor", "acquired_utc", "sun_elevation_deg", "sun_azimuth_deg", "off_nadir_deg",
          "incidence_deg", "view_azimuth_deg", "gsd_m", "center_lat_deg", "center_lon_deg")


@pytest.mark.parametrize("captured, original", [("gdal_domains_maxar.json", IMD),
                                                ("gdal_domains_pleiades.json", PLEIADES)])
def test_gdal_domains_as_gdal_gives_them_match_the_file(captured, original):
    """Domains captured from real GDAL by tools/capture_gdal_domains.py (keys, quoting, suffixes)."""
    domains = json.loads((DATA / captured).read_text())
    from_domains = read_gdal_domains(domains["IMAGERY"], domains["IMD"], source=f"GDAL {captured}")
    from_file = read_metadata(original)
    for name in FIELDS:
        assert getattr(from_domains, name) == getattr(from_file, name), name
    assert from_domains.sun_check_deg < 0.1 and from_domains.warnings == ()


def test_imd_parser_flattens_like_gdal_without_quotes():
    flat = parse_imd(IMD.read_text(), IMD.name)
    assert flat["IMAGE_1.meanSunAz"] == "165.2" and flat["IMAGE_1.satId"] == "WV03"
    assert "IMAGE_1.TLCList" not in flat


def test_gdal_imagery_domain_alone_computes_the_sun_from_time_and_place():
    meta = read_gdal_domains(imagery={"SATELLITEID": "PHR1A", "ACQUISITIONDATETIME": "2024-01-15 02:12:34",
                                      "CLOUDCOVER": "0"}, lat_deg=38.7281, lon_deg=125.4169)
    expected = sun_position(datetime(2024, 1, 15, 2, 12, 34, tzinfo=timezone.utc), 38.7281, 125.4169)
    assert (meta.sun_elevation_deg, meta.sun_azimuth_deg) == pytest.approx(tuple(expected))
    assert meta.incidence_deg is None
    assert any("computed from the time and place" in w for w in meta.warnings)
    assert any("no angles" in w for w in meta.warnings)


def test_gdal_domains_without_time_or_angles_are_refused():
    with pytest.raises(InputError, match="ACQUISITIONDATETIME"):
        read_gdal_domains(imagery={"SATELLITEID": "PHR1A"}, imd={})


# --- DIMAP azimuth convention proved by the file's own ephemeris ------------------------------

def test_dimap_azimuth_agrees_with_its_ephemeris():
    meta = read_metadata(PLEIADES)
    assert meta.view_azimuth_deg == pytest.approx(101.8345)
    assert not any("AZIMUTH_ANGLE" in w for w in meta.warnings)


def test_dimap_look_direction_azimuth_is_converted(tmp_path):
    path = _variant(tmp_path, PLEIADES, '<AZIMUTH_ANGLE unit="deg">101.83450', '<AZIMUTH_ANGLE unit="deg">281.83450')
    meta = read_metadata(path)
    assert meta.view_azimuth_deg == pytest.approx(101.8345)
    assert any("look direction" in w and "281.83" in w for w in meta.warnings)


def test_dimap_azimuth_contradicting_the_ephemeris_is_replaced(tmp_path):
    path = _variant(tmp_path, PLEIADES, '<AZIMUTH_ANGLE unit="deg">101.83450', '<AZIMUTH_ANGLE unit="deg">150.0')
    meta = read_metadata(path)
    assert meta.view_azimuth_deg == pytest.approx(101.8345, abs=0.01)
    assert any("disagrees" in w and "150.00" in w for w in meta.warnings)


def test_dimap_broken_ephemeris_is_refused(tmp_path):
    path = _variant(tmp_path, PLEIADES, "<LOCATION_XYZ>-3296984.017 4425389.184 4408916.934",
                    "<LOCATION_XYZ>-3296984.017 4425389.184")
    with pytest.raises(InputError, match="LOCATION_XYZ"):
        read_metadata(path)


# --- the sun cross-check -----------------------------------------------------------------------

@pytest.mark.parametrize("local, zone", [("11:12:34.512000", "UTC+9"),     # Pyongyang time
                                         ("10:42:34.512000", "UTC+8:30")])  # Pyongyang 2015-2018
def test_local_time_written_as_utc_is_caught_and_explained(tmp_path, local, zone):
    path = _variant(tmp_path, PLEIADES, "<TIME>2024-01-15T02:12:34.512000Z</TIME>",
                    f"<TIME>2024-01-15T{local}</TIME>")
    meta = read_metadata(path)
    assert meta.sun_check_deg > 0.5
    message = next(w for w in meta.warnings if "differs by" in w)
    assert "26.05" in message and f"{zone}, not UTC" in message
    assert any("no time zone" in w for w in meta.warnings)


def test_opposite_sun_azimuth_convention_is_named(tmp_path):
    path = _variant(tmp_path, STAC, '"view:sun_azimuth": 163.09', '"view:sun_azimuth": 343.09')
    meta = read_metadata(path)
    message = next(w for w in meta.warnings if "differs by" in w)
    assert "343.09" in message and "163.0" in message and "180 deg" in message


def test_small_disagreement_is_not_reported(tmp_path):
    path = _variant(tmp_path, STAC, '"view:sun_elevation": 29.86', '"view:sun_elevation": 30.2')
    meta = read_metadata(path)
    assert 0.3 < meta.sun_check_deg < 0.5
    assert not any("differs by" in w for w in meta.warnings)


def test_check_at_a_location_passed_in(tmp_path):
    # A heap 40 km away from the scene centre: the check uses the place given.
    near = read_metadata(PLEIADES, lat_deg=38.73, lon_deg=125.42)
    far = read_metadata(PLEIADES, lat_deg=38.73, lon_deg=126.4)
    assert near.sun_check_deg < 0.01
    assert far.sun_check_deg > 0.5


def test_inconsistent_view_angles_are_reported(tmp_path):
    path = _variant(tmp_path, PNEO, '<INCIDENCE_ANGLE unit="deg">19.76512', '<INCIDENCE_ANGLE unit="deg">25.0')
    assert any("does not match off-nadir" in w for w in read_metadata(path).warnings)


# --- hostile files ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["billion_laughs.XML", "external_entity.XML", "external_dtd.XML"])
def test_dtd_tricks_are_refused_quickly(name):
    start = time.perf_counter()
    with pytest.raises(InputError, match="DOCTYPE"):
        read_metadata(DATA / name)
    assert time.perf_counter() - start < 1.0


def test_external_entity_content_never_reaches_the_message(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    path = tmp_path / "DIM_x.XML"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY s SYSTEM "file://{secret}">]>'
                    "<Dimap_Document><Dataset_Identification><DATASET_NAME>&s;</DATASET_NAME>"
                    "</Dataset_Identification></Dimap_Document>")
    with pytest.raises(InputError) as info:
        read_metadata(path)
    assert "TOP-SECRET" not in str(info.value)


def test_billion_laughs_in_utf16_is_refused_too(tmp_path):
    path = tmp_path / "DIM_utf16.XML"
    text = (DATA / "billion_laughs.XML").read_text().replace('<?xml version="1.0"?>',
                                                             '<?xml version="1.0" encoding="UTF-16"?>')
    path.write_bytes(text.encode("utf-16"))
    with pytest.raises(InputError, match="DOCTYPE"):
        read_metadata(path)


def test_undeclared_entity_is_a_parse_error(tmp_path):
    path = _variant(tmp_path, PLEIADES, "<JOB_ID>6891234101</JOB_ID>", "<JOB_ID>&boom;</JOB_ID>")
    with pytest.raises(InputError, match="not well-formed"):
        read_metadata(path)


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "DIM_huge.XML"
    with open(path, "wb") as f:
        f.write(b"<Dimap_Document>")
        f.truncate(MAX_METADATA_BYTES + 1)  # sparse: big on paper, cheap on disk
    with pytest.raises(InputError, match="too large"):
        read_metadata(path)


def test_truncated_xml(tmp_path):
    path = tmp_path / PLEIADES.name
    path.write_bytes(PLEIADES.read_bytes()[:3000])
    with pytest.raises(InputError, match="not well-formed"):
        read_metadata(path)


def test_deeply_nested_json(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100000 + "]" * 100000)
    with pytest.raises(InputError):
        read_metadata(path)


# --- broken fields: a message naming the field, never a partial record ------------------------

@pytest.mark.parametrize("original, old, new, match", [
    (PLEIADES, '<SUN_ELEVATION unit="deg">26.04737', '<SUN_ELEVATION unit="deg">', "SUN_ELEVATION is missing"),
    (PLEIADES, '<SUN_AZIMUTH unit="deg">155.34356', '<SUN_AZIMUTH unit="deg">south', "SUN_AZIMUTH is 'south'"),
    (PLEIADES, '<INCIDENCE_ANGLE unit="deg">9.75743', '<INCIDENCE_ANGLE unit="deg">97.5', "outside 0..90"),
    (PLEIADES, "<TIME>2024-01-15T02:12:34.512000Z</TIME>", "<TIME>15/01/2024 02:12</TIME>", "not an ISO 8601"),
    (PNEO, 'version="2.0">DIMAP', 'version="1.1">DIMAP', "only DIMAP v2"),
    (IMD, "meanSunEl =  32.1;", "meanSunEl =  n/a;", "meanSunEl is 'n/a'"),
    (IMD, "meanSunEl =  32.1;", "", "meanSunEl is missing"),
    (IMD, "END_GROUP = IMAGE_1", "", "never closed"),
    (IMD, "meanSatAz =  213.6;", "meanSatAz =  999.0;", "outside -360..360"),
    (PLANET, '"sun_elevation": 23.4', '"sun_elevation": 123.4', "sun_elevation = 123.4 is outside"),
    (PLANET, '"sun_elevation": 23.4', '"sun_elevation": NaN', "not valid JSON"),
    (PLANET, '"acquired": "2024-12-14T01:49:05.231Z",', "", "neither a STAC item nor a Planet item"),
    (STAC, '"view:sun_elevation": 29.86', '"view:sun_elevation": "high"', "view:sun_elevation is 'high'"),
    (STAC, '"view:off_nadir": 12.4', '"view:off_nadir": -12.4', "outside 0..90"),
    (STAC, '"datetime": "2023-11-20T02:20:44Z"', '"datetime": null', "time \\(datetime\\) is missing"),
])
def test_broken_fields(tmp_path, original, old, new, match):
    path = _variant(tmp_path, original, old, new)
    with pytest.raises(InputError, match=match):
        read_metadata(path)


def test_unrecognised_files(tmp_path):
    for name, content in (("notes.txt", "hello"), ("other.xml", "<kml/>"), ("empty.json", "{}")):
        (tmp_path / name).write_text(content)
        with pytest.raises(InputError, match="not|neither"):
            read_metadata(tmp_path / name)
    with pytest.raises(InputError, match="cannot be read"):
        read_metadata(tmp_path / "missing.XML")


# --- finding the sidecar ----------------------------------------------------------------------

def test_find_sidecar_for_each_delivery_layout(tmp_path):
    pleiades = tmp_path / "pleiades"
    pleiades.mkdir()
    shutil.copy(PLEIADES, pleiades)
    (pleiades / "DIM_PHR1A_MS_202401150212345_SEN_6891234101-002.XML").write_text("<Dimap_Document/>")
    raster = pleiades / "IMG_PHR1A_P_202401150212345_SEN_6891234101-001_R1C1.JP2"
    assert find_sidecar(raster) == pleiades / PLEIADES.name

    maxar = tmp_path / "maxar"
    maxar.mkdir()
    shutil.copy(IMD, maxar)
    assert find_sidecar(maxar / (IMD.stem + ".TIF")) == maxar / IMD.name

    planet = tmp_path / "planet"
    planet.mkdir()
    shutil.copy(PLANET, planet)
    assert find_sidecar(planet / "20241214_014905_23_24c5_3B_AnalyticMS_SR.tif") == planet / PLANET.name

    stac = tmp_path / "stac"
    stac.mkdir()
    (stac / "scene.json").write_text(json.dumps({"stac_version": "1.0.0"}))
    assert find_sidecar(stac / "scene.tif") == stac / "scene.json"


def test_sample_scenes_sidecars_are_found_and_read():
    """The synthetic sample scenes (tools/make_scenes.py) carry DIMAP v2 and Planet sidecars."""
    rasters = [p for p in sorted(SAMPLES.glob("*/*.tif")) if not p.name.endswith("_dsm.tif")]
    assert len(rasters) >= 4
    kinds = set()
    for raster in rasters:
        sidecar = find_sidecar(raster)
        assert sidecar is not None, raster.name
        meta = read_metadata(sidecar)
        kinds.add(meta.source.split()[0])
        assert meta.sun_check_deg < 0.05, (raster.name, meta.warnings)
        assert meta.incidence_deg is not None and meta.view_azimuth_deg is not None
    assert kinds == {"DIMAP", "Planet"}


def test_find_sidecar_does_not_guess(tmp_path):
    for name in ("DIM_A.XML", "DIM_B.XML"):
        (tmp_path / name).write_text("<Dimap_Document/>")
    assert find_sidecar(tmp_path / "mosaic.tif") is None
    assert find_sidecar(tmp_path / "nowhere" / "x.tif") is None
