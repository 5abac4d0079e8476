"""Maxar (DigitalGlobe) IMD files, and GDAL's IMD metadata domain of such scenes.

IMD is a "key = value;" text with BEGIN_GROUP / END_GROUP blocks; GDAL's IMD domain flattens it to
keys "IMAGE_1.meanSunAz". Fields and conventions:
- IMAGE_1.firstLineTime: UTC time of the first line (a scene takes a few seconds; fine for the sun).
- meanSunAz / meanSunEl: sun seen from the ground, azimuth towards the sun: used as they are.
- meanSatAz / meanSatEl: the satellite seen from the ground (azimuth from the target towards the
  satellite): used as they are; incidence = 90 - meanSatEl.
- meanOffNadirViewAngle: off-nadir at the satellite. meanCollectedGSD: collected GSD (m).
- Scene centre: mean of the first BAND_* group's corner ULLat/ULLon .. LRLat/LRLon.
"""
import re
from typing import Dict

from ..errors import InputError
from .model import GSD_MAX_M, SceneMetadata, azimuth, finish, number, utc_time

_LINE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*;?\s*$")


def parse_imd(text: str, source: str) -> Dict[str, str]:
    """Flatten an IMD text into GDAL-style keys ("IMAGE_1.satId" -> value without quotes).
    Multi-line lists such as TLCList are skipped: nothing here needs them."""
    flat, groups, in_list = {}, [], False
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if in_list:
            in_list = not stripped.endswith(");")
            continue
        if not stripped or stripped == "END;":
            continue
        match = _LINE.match(stripped)
        if not match:
            raise InputError(f"{source}: line {lineno} is not IMD 'key = value;' syntax: {stripped[:60]!r}.")
        key, value = match.groups()
        if key == "BEGIN_GROUP":
            groups.append(value)
        elif key == "END_GROUP":
            if not groups or groups[-1] != value:
                raise InputError(f"{source}: line {lineno} closes group {value!r} that is not open.")
            groups.pop()
        elif value.startswith("(") and not value.endswith(")"):
            in_list = True
        else:
            flat[".".join(groups + [key])] = value.strip('"')
    if groups:
        raise InputError(f"{source}: group {groups[-1]!r} is never closed (END_GROUP); the file is cut short.")
    return flat


def read_imd_dict(flat: Dict[str, str], source: str, lat_deg=None, lon_deg=None) -> SceneMetadata:
    """SceneMetadata from flattened IMD keys (a parsed .IMD file or GDAL's IMD domain, which keeps
    the quotes around text values)."""
    flat = {k: str(v).strip().strip('"') for k, v in flat.items()}
    image = next((k.split(".")[0] for k in sorted(flat) if k.startswith("IMAGE_") and "." in k), None)
    if image is None:
        raise InputError(f"{source}: no IMAGE_1 group: not a Maxar IMD, or an incomplete one.")

    def get(key):
        return flat.get(f"{image}.{key}")

    warnings = []
    lat = lon = None
    band = next((k.split(".")[0] for k in sorted(flat) if k.startswith("BAND_") and k.endswith(".ULLat")), None)
    if band:
        corners = ("UL", "UR", "LR", "LL")
        lats = [number(source, f"{band}.{c}Lat", flat.get(f"{band}.{c}Lat"), -90, 90) for c in corners]
        lons = [number(source, f"{band}.{c}Lon", flat.get(f"{band}.{c}Lon"), -180, 180) for c in corners]
        lat, lon = sum(lats) / 4, sum(lons) / 4
    sat_el = number(source, "meanSatEl", get("meanSatEl"), 0, 90, required=False)
    meta = SceneMetadata(
        scene_id=get("CatId") or flat.get("productCatalogId") or flat.get("productOrderId") or "",
        sensor=get("satId") or "Maxar",
        acquired_utc=utc_time(source, f"{image}.firstLineTime", get("firstLineTime"), warnings),
        sun_elevation_deg=number(source, "meanSunEl", get("meanSunEl"), -90, 90),
        sun_azimuth_deg=azimuth(source, "meanSunAz", get("meanSunAz")),
        off_nadir_deg=number(source, "meanOffNadirViewAngle", get("meanOffNadirViewAngle"), 0, 90,
                             required=False),
        incidence_deg=None if sat_el is None else 90.0 - sat_el,
        view_azimuth_deg=azimuth(source, "meanSatAz", get("meanSatAz"), required=False),
        gsd_m=number(source, "meanCollectedGSD", get("meanCollectedGSD") or get("meanProductGSD"), 0.0,
                     GSD_MAX_M, required=False),
        source=source, center_lat_deg=lat, center_lon_deg=lon)
    return finish(meta, warnings, lat_deg, lon_deg)
