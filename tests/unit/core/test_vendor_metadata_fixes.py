"""Fixes found by running the readers over real vendor files (tools/check_vendor_metadata.py): each
case is a minimal file written here with the structure that mattered in the real one."""
import json
import math
from datetime import datetime, timedelta, timezone

import pytest

from coal_monitor.core.errors import InputError
from coal_monitor.core.metadata import read_gdal_domains, read_metadata
from coal_monitor.core.metadata.sensors import orbit_height_km, sensor_code
from coal_monitor.core.sun import sun_position

LAT, LON = 38.73, 125.42
WHEN = datetime(2022, 4, 19, 2, 22, 3, 16000, tzinfo=timezone.utc)
SUN = sun_position(WHEN, LAT, LON)
# Maxar IMD values of one scene, written in both deliveries below.
VALUES = {"satId": "WV02", "CatId": "10300100D0772D00", "firstLineTime": "2022-04-19T02:22:03.016000Z",
          "meanCollectedGSD": "0.641", "meanSunAz": f"{SUN.azimuth_deg:.4f}", "meanSunEl": f"{SUN.elevation_deg:.4f}",
          "meanSatAz": "253.0", "meanSatEl": "52.7", "meanOffNadirViewAngle": "32.7"}
CORNERS = {"ULLon": LON - 0.01, "ULLat": LAT + 0.01, "URLon": LON + 0.01, "URLat": LAT + 0.01,
           "LRLon": LON + 0.01, "LRLat": LAT - 0.01, "LLLon": LON - 0.01, "LLLat": LAT - 0.01}
FIELDS = ("scene_id", "sensor", "acquired_utc", "sun_elevation_deg", "sun_azimuth_deg", "off_nadir_deg",
          "incidence_deg", "view_azimuth_deg", "gsd_m", "center_lat_deg", "center_lon_deg", "warnings")


def _imd_text(values=VALUES, corners=CORNERS):
    band = "".join(f"\t{k} = {v};\n" for k, v in corners.items())
    image = "".join(f"\t{k} = {v};\n" if k != "satId" and k != "CatId" else f'\t{k} = "{v}";\n'
                    for k, v in values.items())
    return (f'version = "28.3";\nBEGIN_GROUP = BAND_P\n{band}END_GROUP = BAND_P\n'
            f"BEGIN_GROUP = IMAGE_1\n{image}\tTLCList = (\n\t(0, 0.0),\n\t(27128, 1.35));\nEND_GROUP = IMAGE_1\nEND;\n")


def _isd_xml(values=VALUES, corners=CORNERS):
    band = "".join(f"<{k.upper()}>{v}</{k.upper()}>" for k, v in corners.items())
    image = "".join(f"<{k.upper()}>{v}</{k.upper()}>" for k, v in values.items())
    return (f"<?xml version='1.0' encoding='utf8'?><isd><IMD><VERSION>28.3</VERSION><BAND_P>{band}</BAND_P>"
            f"<IMAGE>{image}<TLCLISTList><TLCLIST>0.0 0.0</TLCLIST></TLCLISTList></IMAGE></IMD>"
            "<EPH><SATID>WV02</SATID></EPH></isd>")


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


def _stac(tmp_path, **props):
    item = {"type": "Feature", "stac_version": "1.0.0", "id": "item",
            "geometry": {"type": "Polygon", "coordinates": [[[LON - 0.01, LAT - 0.01], [LON + 0.01, LAT - 0.01],
                                                            [LON + 0.01, LAT + 0.01], [LON - 0.01, LAT - 0.01]]]},
            "properties": props}
    return _write(tmp_path, "item.json", json.dumps(item))


def _fields(meta):
    return {name: getattr(meta, name) for name in FIELDS if name != "warnings"}


# --- Maxar XML delivery and GDAL's IMAGE.* keys ------------------------------------------------

def test_maxar_xml_reads_like_its_imd_twin(tmp_path):
    from_imd = read_metadata(_write(tmp_path, "scene.IMD", _imd_text()))
    from_xml = read_metadata(_write(tmp_path, "scene.XML", _isd_xml()))
    assert _fields(from_xml) == _fields(from_imd)
    assert from_xml.sensor == "WV02" and from_xml.incidence_deg == pytest.approx(90 - 52.7)
    assert from_xml.acquired_utc == WHEN and from_xml.sun_check_deg < 0.01
    assert from_xml.source.startswith("Maxar XML")


def test_gdal_image_dot_keys_read_like_image_1():
    upper = {f"IMAGE.{k.upper()}": v for k, v in VALUES.items()}
    upper.update({f"BAND_P.{k.upper()}": str(v) for k, v in CORNERS.items()})
    camel = {f"IMAGE_1.{k}": v for k, v in VALUES.items()}
    camel.update({f"BAND_P.{k}": str(v) for k, v in CORNERS.items()})
    assert _fields(read_gdal_domains(imd=upper)) == _fields(read_gdal_domains(imd=camel))
    assert read_gdal_domains(imd=upper).view_azimuth_deg == 253.0


def test_stripped_imd_without_sun_or_place_is_refused_and_read_when_a_place_is_given(tmp_path):
    values = {k: v for k, v in VALUES.items() if not k.startswith("meanSun")}
    for name, text in (("s.IMD", _imd_text(values, {})), ("s.XML", _isd_xml(values, {}))):
        with pytest.raises(InputError, match="no sun angles .* no corner coordinates"):
            read_metadata(_write(tmp_path, name, text))
        meta = read_metadata(tmp_path / name, LAT, LON)
        assert (meta.sun_elevation_deg, meta.sun_azimuth_deg) == pytest.approx(tuple(SUN))


def test_imd_with_one_sun_angle_is_broken_not_stripped(tmp_path):
    values = {k: v for k, v in VALUES.items() if k != "meanSunAz"}
    with pytest.raises(InputError, match="meanSunAz is missing"):
        read_metadata(_write(tmp_path, "s.IMD", _imd_text(values)))


# --- sensor names ------------------------------------------------------------------------------

@pytest.mark.parametrize("name, code", [("worldview02", "WV02"), ("WorldView-2", "WV02"), ("WV02", "WV02"),
                                        ("Pleiades-1A", "PHR1A"), ("PNEO3", "PNEO3"), ("landsat-8", "LANDSAT_8"),
                                        ("SSC6", "SSC6"), ("101c", "101c")])
def test_sensor_codes(name, code):
    assert sensor_code(name) == code


@pytest.mark.parametrize("name, height_km", [("worldview02", 770.0), ("PS2.SD 1061", 475.0), ("101c PS2", 475.0),
                                             ("SkySatCollect SSC6", 450.0), ("SS02", 450.0), ("PHR1A", 694.0),
                                             ("unknown bird", None)])
def test_orbit_heights_through_aliases(name, height_km):
    assert orbit_height_km(name) == height_km


def test_stac_platform_alias_gives_the_orbit(tmp_path):
    meta = read_metadata(_stac(tmp_path, datetime="2022-04-19T02:22:03.016Z", platform="worldview02",
                               **{"view:off_nadir": 18.4, "view:sun_elevation": SUN.elevation_deg,
                                  "view:sun_azimuth": SUN.azimuth_deg}))
    expected = math.degrees(math.asin((6371 + 770) / 6371 * math.sin(math.radians(18.4))))
    assert meta.sensor == "WV02" and meta.incidence_deg == pytest.approx(expected)


# --- STAC incidence that is the satellite elevation --------------------------------------------

def _maxar_open_data(tmp_path, incidence):
    return _stac(tmp_path, datetime="2022-04-19T02:22:03.016Z", platform="WV02",
                 **{"view:off_nadir": 27.5, "view:incidence_angle": incidence, "view:azimuth": 233.2,
                    "view:sun_elevation": SUN.elevation_deg, "view:sun_azimuth": SUN.azimuth_deg})


def test_stac_incidence_that_is_the_satellite_elevation_is_corrected(tmp_path):
    meta = read_metadata(_maxar_open_data(tmp_path, 58.9))
    assert meta.incidence_deg == pytest.approx(90 - 58.9)
    assert any("satellite elevation" in w and "58.90" in w for w in meta.warnings)


def test_stac_incidence_that_is_merely_inconsistent_is_not_turned_around(tmp_path):
    meta = read_metadata(_maxar_open_data(tmp_path, 40.0))
    assert meta.incidence_deg == 40.0
    assert any("does not match off-nadir" in w for w in meta.warnings)


def test_stac_view_azimuth_contradicting_planets_own_is_left_out(tmp_path):
    meta = read_metadata(_stac(tmp_path, datetime="2022-04-19T02:22:03.016Z", platform="SS02",
                               **{"view:off_nadir": 27.3, "view:azimuth": 202.8, "pl:satellite_azimuth": 329.8,
                                  "view:sun_elevation": SUN.elevation_deg, "view:sun_azimuth": SUN.azimuth_deg}))
    assert meta.view_azimuth_deg is None
    assert any("202.8" in w and "329.8" in w for w in meta.warnings)


# --- DIMAP v1, RPC and formats the readers do not take ----------------------------------------

def test_dimap_v1_is_refused_naming_it(tmp_path):
    path = _write(tmp_path, "METADATA.DIM", '<Dimap_Document><Metadata_Id><METADATA_FORMAT version="1.1">DIMAP'
                  "</METADATA_FORMAT></Metadata_Id><Dataset_Frame/></Dimap_Document>")
    with pytest.raises(InputError, match="DIMAP v1 .*enter the acquisition time"):
        read_metadata(path)


def test_dimap_rpc_file_is_refused_naming_it(tmp_path):
    path = _write(tmp_path, "RPC_PHR1A.XML", '<Dimap_Document><Metadata_Identification><METADATA_FORMAT '
                  'version="2.15">DIMAP</METADATA_FORMAT><METADATA_SUBPROFILE>RPC</METADATA_SUBPROFILE>'
                  "</Metadata_Identification><Rational_Function_Model/></Dimap_Document>")
    with pytest.raises(InputError, match="RPC model .*DIM_\\*.XML"):
        read_metadata(path)


@pytest.mark.parametrize("name, text, format_name", [
    ("x_MTL.txt", 'GROUP = LANDSAT_METADATA_FILE\n  GROUP = PRODUCT_CONTENTS\n    ORIGIN = "USGS"\n', "Landsat MTL"),
    ("k.txt", "AUX_IMAGE_LEVEL\tL1R\nAUX_SATELLITE_NAME\tKOMPSAT2\n", "KOMPSAT"),
    ("o.pvl", 'copyright = "x";\nBEGIN_GROUP = productInfo;\n  numScanLines = 2;\n  (\n', "OrbView PVL"),
    ("p.xml", '<ps:EarthObservation xmlns:ps="http://schemas.planet.com/ps/v1"/>', "Planet product XML"),
])
def test_other_formats_are_refused_by_name(tmp_path, name, text, format_name):
    with pytest.raises(InputError, match=f"{format_name}.* is not supported"):
        read_metadata(_write(tmp_path, name, text))


# --- the likely cause of a sun disagreement, found by recomputing the sun ---------------------

def _stac_with_sun_of(tmp_path, file_time, sun_time):
    sun = sun_position(sun_time, LAT, LON)
    return _stac(tmp_path, datetime=file_time.isoformat(), platform="WV02",
                 **{"view:sun_elevation": sun.elevation_deg, "view:sun_azimuth": sun.azimuth_deg})


def test_time_of_a_recording_start_is_named(tmp_path):
    meta = read_metadata(_stac_with_sun_of(tmp_path, WHEN, WHEN + timedelta(minutes=15)))
    message = next(w for w in meta.warnings if "differs by" in w)
    assert "start of a longer recording" in message and "15 min later" in message


def test_date_off_by_days_is_named(tmp_path):
    meta = read_metadata(_stac_with_sun_of(tmp_path, WHEN, WHEN - timedelta(days=4)))
    message = next(w for w in meta.warnings if "differs by" in w)
    assert "date is off by 4 days" in message and (WHEN - timedelta(days=4)).strftime("%Y-%m-%d") in message


def test_unexplained_disagreement_says_what_to_check(tmp_path):
    path = _stac(tmp_path, datetime=WHEN.isoformat(), platform="WV02",
                 **{"view:sun_elevation": 5.0, "view:sun_azimuth": 10.0})
    message = next(w for w in read_metadata(path).warnings if "differs by" in w)
    assert "check the acquisition time" in message
