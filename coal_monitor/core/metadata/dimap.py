"""Pleiades, Pleiades Neo and SPOT 6/7 product metadata: DIMAP v2 (DIM_*.XML).

Values are taken from Geometric_Data/Use_Area/Located_Geometric_Values with LOCATION_TYPE "Center"
(domain.md section 7), time included. Fields and conventions:
- Solar_Incidences/SUN_ELEVATION, SUN_AZIMUTH: sun seen from the ground, azimuth from north
  towards the sun: used as they are.
- Acquisition_Angles/AZIMUTH_ANGLE: read as the azimuth of the satellite seen from the target
  (ground towards the satellite), as the ASP / asp_plot tools read it in place of Maxar's meanSatAz.
  Not confirmed from a vendor document here, so the file is made to prove it: when it carries
  Refined_Model/Ephemeris, the satellite's direction seen from the scene centre at the centre TIME is
  computed; a value 180 deg off is converted (look direction), any other disagreement is reported and
  the ephemeris direction used.
- Acquisition_Angles/VIEWING_ANGLE: off-nadir angle at the satellite; INCIDENCE_ANGLE: at the ground.
- Ground_Sample_Distance/GSD_ACROSS_TRACK, GSD_ALONG_TRACK: collected GSD at the centre; the mean.
- Scene centre: Dataset_Content/Dataset_Extent/Center (LON, LAT), else the mean of the Vertex points.
"""
import math
from dataclasses import replace
from typing import Optional

from ..errors import InputError
from ..messages import QT_TR_NOOP, Message
from .model import GSD_MAX_M, SceneMetadata, azimuth, finish, number, utc_time
from .sensors import sensor_code
from .unsupported import DIMAP_V1_ADVICE, RPC_ADVICE, refuse

WGS84_A_M = 6378137.0
WGS84_E2 = 6.69437999014e-3
AZIMUTH_CHECK_TOLERANCE_DEG = 10.0
AZIMUTH_CHECK_MIN_INCIDENCE_DEG = 2.0  # nearer nadir the azimuth means little


def _text(node, path) -> Optional[str]:
    found = node.find(path) if node is not None else None
    return None if found is None or found.text is None else found.text.strip()


def _center_values(root, source, warnings):
    located = root.findall("./Geometric_Data/Use_Area/Located_Geometric_Values")
    if not located:
        raise InputError(QT_TR_NOOP("{source}: no Geometric_Data/Use_Area/Located_Geometric_Values: this DIMAP file "
                                    "has no acquisition geometry."), source=source)
    for node in located:
        if (_text(node, "LOCATION_TYPE") or "").lower() == "center":
            return node
    warnings.append(Message(QT_TR_NOOP("No Located_Geometric_Values with LOCATION_TYPE Center; the first one "
                                       "({location_type}) is used."),
                            location_type=_text(located[0], 'LOCATION_TYPE') or 'unnamed'))
    return located[0]


def _center_location(root, source):
    extent = root.find("./Dataset_Content/Dataset_Extent")
    if extent is None:
        return None, None
    if extent.find("Center") is not None:
        center = extent.find("Center")
        return (number(source, "Dataset_Extent/Center/LAT", _text(center, "LAT"), -90, 90),
                number(source, "Dataset_Extent/Center/LON", _text(center, "LON"), -180, 180))
    lats, lons = [], []
    for v in extent.findall("Vertex"):
        lats.append(number(source, "Dataset_Extent/Vertex/LAT", _text(v, "LAT"), -90, 90))
        lons.append(number(source, "Dataset_Extent/Vertex/LON", _text(v, "LON"), -180, 180))
    if not lats:
        return None, None
    return sum(lats) / len(lats), sum(lons) / len(lons)


def _ecef(lat_deg, lon_deg):
    lat, lon = math.radians(lat_deg), math.radians(lon_deg)
    n = WGS84_A_M / math.sqrt(1 - WGS84_E2 * math.sin(lat) ** 2)
    return (n * math.cos(lat) * math.cos(lon), n * math.cos(lat) * math.sin(lon),
            n * (1 - WGS84_E2) * math.sin(lat))


def satellite_direction(root, source, when, lat_deg, lon_deg):
    """(azimuth, elevation) of the satellite seen from the ground point at ``when``, from the DIMAP
    ephemeris (ECEF positions, linear between the two points around ``when``), or None."""
    points = []
    for point in root.findall("./Geometric_Data/Refined_Model/Ephemeris/Point_List/Point"):
        xyz = (_text(point, "LOCATION_XYZ") or "").split()
        if len(xyz) != 3:
            raise InputError(QT_TR_NOOP("{source}: an ephemeris LOCATION_XYZ is not three numbers."),
                             source=source)
        t = utc_time(source, "Ephemeris/Point/TIME", _text(point, "TIME"), [])
        points.append(((t - when).total_seconds(), [number(source, "LOCATION_XYZ", v, -1e8, 1e8) for v in xyz]))
    before = [p for p in points if p[0] <= 0]
    after = [p for p in points if p[0] >= 0]
    if not before or not after:
        return None
    (t0, p0), (t1, p1) = max(before, key=lambda p: p[0]), min(after, key=lambda p: p[0])
    w = 0.0 if t1 == t0 else -t0 / (t1 - t0)
    sat = [a + w * (b - a) for a, b in zip(p0, p1)]
    ground = _ecef(lat_deg, lon_deg)
    d = [s - g for s, g in zip(sat, ground)]
    lat, lon = math.radians(lat_deg), math.radians(lon_deg)
    east = -math.sin(lon) * d[0] + math.cos(lon) * d[1]
    north = (-math.sin(lat) * math.cos(lon) * d[0] - math.sin(lat) * math.sin(lon) * d[1]
             + math.cos(lat) * d[2])
    up = math.cos(lat) * math.cos(lon) * d[0] + math.cos(lat) * math.sin(lon) * d[1] + math.sin(lat) * d[2]
    return (math.degrees(math.atan2(east, north)) % 360.0,
            math.degrees(math.atan2(up, math.hypot(east, north))))


def _check_view_azimuth(meta, root, source, warnings):
    """Make the file prove its AZIMUTH_ANGLE convention against its own ephemeris."""
    if meta.view_azimuth_deg is None or meta.center_lat_deg is None or \
            (meta.incidence_deg or 0.0) < AZIMUTH_CHECK_MIN_INCIDENCE_DEG:
        return meta
    direction = satellite_direction(root, source, meta.acquired_utc, meta.center_lat_deg, meta.center_lon_deg)
    if direction is None:
        return meta
    sat_az = direction[0]
    diff = abs((meta.view_azimuth_deg - sat_az + 180.0) % 360.0 - 180.0)
    if diff <= AZIMUTH_CHECK_TOLERANCE_DEG:
        return meta
    if diff >= 180.0 - AZIMUTH_CHECK_TOLERANCE_DEG:
        warnings.append(Message(QT_TR_NOOP("AZIMUTH_ANGLE {view_azimuth_deg:.2f} deg is the look direction (the "
                                           "ephemeris puts the satellite at azimuth {sat_az:.2f} deg from the "
                                           "scene): converted to {converted_deg:.2f} deg, ground towards satellite."),
                                view_azimuth_deg=meta.view_azimuth_deg, sat_az=sat_az,
                                converted_deg=(meta.view_azimuth_deg + 180.0) % 360.0))
        return replace(meta, view_azimuth_deg=(meta.view_azimuth_deg + 180.0) % 360.0)
    warnings.append(Message(QT_TR_NOOP("AZIMUTH_ANGLE {view_azimuth_deg:.2f} deg disagrees by {diff:.1f} deg with "
                                       "the satellite direction from the ephemeris ({sat_az:.2f} deg); the ephemeris "
                                       "value is used."),
                            view_azimuth_deg=meta.view_azimuth_deg, diff=diff, sat_az=sat_az))
    return replace(meta, view_azimuth_deg=sat_az)


def read_dimap(root, source: str, lat_deg=None, lon_deg=None) -> SceneMetadata:
    """SceneMetadata from a parsed DIMAP v2 document (root element Dimap_Document)."""
    if root.tag != "Dimap_Document":
        raise InputError(QT_TR_NOOP("{source}: root element is {tag!r}, not Dimap_Document."),
                         source=source, tag=root.tag)
    if root.find("./Metadata_Id/METADATA_FORMAT") is not None:  # v1 names it Metadata_Id
        version = root.find("./Metadata_Id/METADATA_FORMAT").get("version", "1")
        refuse(source, Message(QT_TR_NOOP("a DIMAP v1 file (version {version})"), version=version), DIMAP_V1_ADVICE)
    if (_text(root, "./Metadata_Identification/METADATA_SUBPROFILE") or "").upper() == "RPC" \
            or root.find("Rational_Function_Model") is not None:
        refuse(source, QT_TR_NOOP("a DIMAP RPC model file (RPC_*.XML)"), RPC_ADVICE)
    version = (root.find("./Metadata_Identification/METADATA_FORMAT").get("version", "")
               if root.find("./Metadata_Identification/METADATA_FORMAT") is not None else "")
    if version.startswith("1"):
        refuse(source, Message(QT_TR_NOOP("a DIMAP v1 file (version {version})"), version=version), DIMAP_V1_ADVICE)
    if version and not version.startswith("2"):
        raise InputError(QT_TR_NOOP("{source}: DIMAP version {version}; only DIMAP v2 (Pleiades, Pleiades Neo, "
                                    "SPOT 6/7) is read."), source=source, version=version)
    warnings = []
    center = _center_values(root, source, warnings)
    strip = root.find("./Dataset_Sources/Source_Identification/Strip_Source")
    mission = _text(strip, "MISSION") or ""
    index = _text(strip, "MISSION_INDEX") or ""
    sensor = sensor_code(f"{mission}{index}") or _text(root, "./Metadata_Identification/METADATA_PROFILE") or "DIMAP"
    time_text = _text(center, "TIME")
    if time_text is None and strip is not None and _text(strip, "IMAGING_DATE"):
        time_text = f"{_text(strip, 'IMAGING_DATE')}T{_text(strip, 'IMAGING_TIME') or ''}"
        warnings.append(QT_TR_NOOP("No TIME at the scene centre; Strip_Source IMAGING_DATE/IMAGING_TIME used."))
    acquired = utc_time(source, "Located_Geometric_Values/TIME", time_text, warnings)
    angles = center.find("Acquisition_Angles")
    sun = center.find("Solar_Incidences")
    if sun is None:
        raise InputError(QT_TR_NOOP("{source}: the centre's Located_Geometric_Values has no Solar_Incidences."),
                         source=source)
    gsd_values = [number(source, f"Ground_Sample_Distance/{k}",
                         _text(center, f"Ground_Sample_Distance/{k}"), 0.0, GSD_MAX_M, required=False)
                  for k in ("GSD_ACROSS_TRACK", "GSD_ALONG_TRACK")]
    gsd_values = [g for g in gsd_values if g]
    lat, lon = _center_location(root, source)
    meta = SceneMetadata(
        scene_id=(_text(root, "./Dataset_Identification/DATASET_NAME")
                  or _text(root, "./Dataset_Sources/Source_Identification/SOURCE_ID") or ""),
        sensor=sensor,
        acquired_utc=acquired,
        sun_elevation_deg=number(source, "SUN_ELEVATION", _text(sun, "SUN_ELEVATION"), -90, 90),
        sun_azimuth_deg=azimuth(source, "SUN_AZIMUTH", _text(sun, "SUN_AZIMUTH")),
        off_nadir_deg=number(source, "VIEWING_ANGLE", _text(angles, "VIEWING_ANGLE"), 0, 90, required=False),
        incidence_deg=number(source, "INCIDENCE_ANGLE", _text(angles, "INCIDENCE_ANGLE"), 0, 90,
                             required=False),
        view_azimuth_deg=azimuth(source, "AZIMUTH_ANGLE", _text(angles, "AZIMUTH_ANGLE"), required=False),
        gsd_m=sum(gsd_values) / len(gsd_values) if gsd_values else None,
        source=source, center_lat_deg=lat, center_lon_deg=lon)
    meta = _check_view_azimuth(meta, root, source, warnings)
    if meta.off_nadir_deg is None and meta.incidence_deg is None:
        warnings.append(QT_TR_NOOP("No viewing angles (Acquisition_Angles): treat the scene as nadir only if you "
                                   "know it is."))
    return finish(meta, warnings, lat_deg, lon_deg)
