"""Maxar (DigitalGlobe) IMD files, and GDAL's IMD metadata domain of such scenes.

IMD is a "key = value;" text with BEGIN_GROUP / END_GROUP blocks; GDAL's IMD domain flattens it to
keys "IMAGE_1.meanSunAz". Fields and conventions:
- IMAGE_1.firstLineTime: UTC time of the first line (a scene takes a few seconds; fine for the sun).
- meanSunAz / meanSunEl: sun seen from the ground, azimuth towards the sun: used as they are.
- meanSatAz / meanSatEl: the satellite seen from the ground (azimuth from the target towards the
  satellite): used as they are; incidence = 90 - meanSatEl.
- meanOffNadirViewAngle: off-nadir at the satellite. meanCollectedGSD: collected GSD (m).
- Scene centre: mean of the first BAND_* group's corner ULLat/ULLon .. LRLat/LRLon.
Maxar's XML delivery (root <isd>, "<name>.XML" beside the image) carries the same IMD in upper-case
tags (<IMD><IMAGE><MEANSUNAZ>); GDAL's IMD domain of such a scene names them "IMAGE.MEANSUNAZ".
Both are flattened to the same keys and read by the same code: names are compared without case, and
the group IMAGE is IMAGE_1.
"""
import re
from typing import Dict

from ..errors import InputError
from ..messages import QT_TR_NOOP
from .model import GSD_MAX_M, SceneMetadata, azimuth, finish, number, utc_time
from .sensors import sensor_code

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
            raise InputError(QT_TR_NOOP("{source}: line {lineno} is not IMD 'key = value;' syntax: {text!r}."),
                             source=source, lineno=lineno, text=stripped[:60])
        key, value = match.groups()
        if key == "BEGIN_GROUP":
            groups.append(value)
        elif key == "END_GROUP":
            if not groups or groups[-1] != value:
                raise InputError(QT_TR_NOOP("{source}: line {lineno} closes group {value!r} that is not open."),
                                 source=source, lineno=lineno, value=value)
            groups.pop()
        elif value.startswith("(") and not value.endswith(")"):
            in_list = True
        else:
            flat[".".join(groups + [key])] = value.strip('"')
    if groups:
        raise InputError(QT_TR_NOOP("{source}: group {group!r} is never closed (END_GROUP); the file is cut short."),
                         source=source, group=groups[-1])
    return flat


def flatten_isd(root, source: str) -> Dict[str, str]:
    """The <IMD> part of a Maxar XML (<isd>) as IMD keys: groups become "GROUP.", lists are skipped."""
    imd = root.find("IMD")
    if imd is None:
        raise InputError(QT_TR_NOOP("{source}: Maxar XML without an <IMD> part: it holds no image description."),
                         source=source)
    flat = {}
    for child in imd:
        if len(child) and not child.tag.endswith("List"):
            for leaf in child:
                if not len(leaf) and leaf.text is not None:
                    flat[f"{child.tag}.{leaf.tag}"] = leaf.text.strip()
        elif not len(child) and child.text is not None:
            flat[child.tag] = child.text.strip()
    return flat


def _normalised(flat) -> Dict[str, str]:
    """Keys in lower case, group IMAGE as IMAGE_1 (GDAL's names for the XML delivery)."""
    out = {}
    for key, value in flat.items():
        key = str(key).lower()
        key = "image_1." + key[len("image."):] if key.startswith("image.") else key
        out[key] = str(value).strip().strip('"')
    return out


def read_imd_dict(flat: Dict[str, str], source: str, lat_deg=None, lon_deg=None) -> SceneMetadata:
    """SceneMetadata from flattened IMD keys (a parsed .IMD file, a Maxar XML, or GDAL's IMD domain,
    which keeps the quotes around text values)."""
    flat = _normalised(flat)
    image = next((k.split(".")[0] for k in sorted(flat) if k.startswith("image_") and "." in k), None)
    if image is None:
        raise InputError(QT_TR_NOOP("{source}: no IMAGE_1 group: not a Maxar IMD, or an incomplete one."),
                         source=source)

    def get(key):
        return flat.get(f"{image}.{key.lower()}")

    warnings = []
    lat = lon = None
    band = next((k.split(".")[0] for k in sorted(flat) if k.startswith("band_") and k.endswith(".ullat")), None)
    if band:
        corners = ("UL", "UR", "LR", "LL")
        lats = [number(source, f"{band}.{c}Lat", flat.get(f"{band}.{c.lower()}lat"), -90, 90) for c in corners]
        lons = [number(source, f"{band}.{c}Lon", flat.get(f"{band}.{c.lower()}lon"), -180, 180) for c in corners]
        lat, lon = sum(lats) / 4, sum(lons) / 4
    has_sun = get("meanSunEl") is not None or get("meanSunAz") is not None  # one alone is a broken file
    if not has_sun and lat is None and lat_deg is None:
        raise InputError(QT_TR_NOOP("{source}: no sun angles (meanSunEl, meanSunAz) and no corner coordinates to "
                                    "compute them from: a stripped or incomplete IMD. Use the full delivery's .IMD "
                                    "or .XML, or enter the acquisition time when asked."), source=source)
    sat_el = number(source, "meanSatEl", get("meanSatEl"), 0, 90, required=False)
    meta = SceneMetadata(
        scene_id=get("CatId") or flat.get("productcatalogid") or flat.get("productorderid") or "",
        sensor=sensor_code(get("satId") or "Maxar"),
        acquired_utc=utc_time(source, f"{image}.firstLineTime", get("firstLineTime"), warnings),
        sun_elevation_deg=number(source, "meanSunEl", get("meanSunEl"), -90, 90, required=has_sun),
        sun_azimuth_deg=azimuth(source, "meanSunAz", get("meanSunAz"), required=has_sun),
        off_nadir_deg=number(source, "meanOffNadirViewAngle", get("meanOffNadirViewAngle"), 0, 90,
                             required=False),
        incidence_deg=None if sat_el is None else 90.0 - sat_el,
        view_azimuth_deg=azimuth(source, "meanSatAz", get("meanSatAz"), required=False),
        gsd_m=number(source, "meanCollectedGSD", get("meanCollectedGSD") or get("meanProductGSD"), 0.0,
                     GSD_MAX_M, required=False),
        source=source, center_lat_deg=lat, center_lon_deg=lon)
    return finish(meta, warnings, lat_deg, lon_deg)
