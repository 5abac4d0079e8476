"""Scene metadata from GDAL's metadata domains, passed in as plain dicts (no osgeo import here).

The GUI hands over ``dataset.GetMetadata("IMAGERY")`` and ``dataset.GetMetadata("IMD")``:
- IMAGERY (GDAL's own summary): SATELLITEID, ACQUISITIONDATETIME (UTC, "YYYY-MM-DD HH:MM:SS"),
  CLOUDCOVER. No angles: the sun is computed from the time and a location the caller passes.
- IMD: the vendor file flattened by GDAL. Maxar keys "IMAGE_1.meanSunAz" (or "IMAGE.MEANSUNAZ" from
  the XML delivery) go to imd.read_imd_dict;
  DIMAP keys ending in "Solar_Incidences.SUN_ELEVATION" etc. are read from the Located_Geometric_Values
  group whose LOCATION_TYPE is Center, with the conventions of dimap.py.
"""
from typing import Mapping, Optional

from ..errors import InputError
from ..messages import QT_TR_NOOP
from .imd import read_imd_dict
from .model import GSD_MAX_M, SceneMetadata, azimuth, finish, number, utc_time


def _dimap_prefix(imd: Mapping[str, str]) -> Optional[str]:
    prefixes = [k[: -len("Solar_Incidences.SUN_ELEVATION")] for k in imd
                if k.endswith("Solar_Incidences.SUN_ELEVATION")]
    for prefix in sorted(prefixes):
        if str(imd.get(prefix + "LOCATION_TYPE", "")).lower() == "center":
            return prefix
    return sorted(prefixes)[0] if prefixes else None


def _flat_center(imd, source):
    """Scene centre from Dataset_Extent.Center, else the mean of Dataset_Extent.Vertex_N."""
    for key, value in imd.items():
        if key.endswith("Dataset_Extent.Center.LAT"):
            return (number(source, "Center.LAT", value, -90, 90),
                    number(source, "Center.LON", imd.get(key[:-3] + "LON"), -180, 180))
    lats = [number(source, "Vertex LAT", v, -90, 90) for k, v in sorted(imd.items())
            if ".Dataset_Extent.Vertex" in k and k.endswith(".LAT")]
    lons = [number(source, "Vertex LON", v, -180, 180) for k, v in sorted(imd.items())
            if ".Dataset_Extent.Vertex" in k and k.endswith(".LON")]
    if not lats or len(lats) != len(lons):
        return None, None
    return sum(lats) / len(lats), sum(lons) / len(lons)


def _read_dimap_flat(imd, prefix, imagery, source, lat_deg, lon_deg):
    warnings = []
    if str(imd.get(prefix + "LOCATION_TYPE", "")).lower() != "center":
        warnings.append(QT_TR_NOOP("No Located_Geometric_Values with LOCATION_TYPE Center; another one is used."))
    time_text = imd.get(prefix + "TIME") or imagery.get("ACQUISITIONDATETIME")
    gsd = [number(source, k, imd.get(prefix + "Ground_Sample_Distance." + k), 0.0, GSD_MAX_M, required=False)
           for k in ("GSD_ACROSS_TRACK", "GSD_ALONG_TRACK")]
    gsd = [g for g in gsd if g]
    lat, lon = _flat_center(imd, source)
    mission = next((v for k, v in imd.items() if k.endswith("Strip_Source.MISSION")), "")
    index = next((v for k, v in imd.items() if k.endswith("Strip_Source.MISSION_INDEX")), "")
    meta = SceneMetadata(
        scene_id=next((v for k, v in imd.items() if k.endswith("Dataset_Identification.DATASET_NAME")), ""),
        sensor=f"{mission}{index}" or imagery.get("SATELLITEID") or "DIMAP",
        acquired_utc=utc_time(source, "TIME", time_text, warnings),
        sun_elevation_deg=number(source, "SUN_ELEVATION", imd.get(prefix + "Solar_Incidences.SUN_ELEVATION"),
                                 -90, 90),
        sun_azimuth_deg=azimuth(source, "SUN_AZIMUTH", imd.get(prefix + "Solar_Incidences.SUN_AZIMUTH")),
        off_nadir_deg=number(source, "VIEWING_ANGLE", imd.get(prefix + "Acquisition_Angles.VIEWING_ANGLE"),
                             0, 90, required=False),
        incidence_deg=number(source, "INCIDENCE_ANGLE", imd.get(prefix + "Acquisition_Angles.INCIDENCE_ANGLE"),
                             0, 90, required=False),
        view_azimuth_deg=azimuth(source, "AZIMUTH_ANGLE", imd.get(prefix + "Acquisition_Angles.AZIMUTH_ANGLE"),
                                 required=False),
        gsd_m=sum(gsd) / len(gsd) if gsd else None, source=source, center_lat_deg=lat, center_lon_deg=lon)
    return finish(meta, warnings, lat_deg, lon_deg)


def read_gdal_domains(imagery: Optional[Mapping[str, str]] = None, imd: Optional[Mapping[str, str]] = None,
                      source: str = "GDAL metadata", lat_deg: Optional[float] = None,
                      lon_deg: Optional[float] = None) -> SceneMetadata:
    """SceneMetadata from GDAL's IMAGERY and/or IMD domains (dicts of str -> str)."""
    imagery = dict(imagery or {})
    imd = dict(imd or {})
    for name, domain in (("IMAGERY", imagery), ("IMD", imd)):
        if not all(isinstance(k, str) and isinstance(v, (str, int, float)) for k, v in domain.items()):
            raise InputError(QT_TR_NOOP("{source}: the {name} domain must map names to text values."),
                             source=source, name=name)
    if any(k.upper().startswith(("IMAGE_", "IMAGE.")) for k in imd):  # IMAGE.* for Maxar's XML delivery
        return read_imd_dict(imd, f"{source} (IMD domain)", lat_deg, lon_deg)
    prefix = _dimap_prefix(imd)
    if prefix is not None:
        return _read_dimap_flat(imd, prefix, imagery, f"{source} (IMD domain)", lat_deg, lon_deg)
    if not imagery.get("ACQUISITIONDATETIME"):
        raise InputError(QT_TR_NOOP("{source}: neither an IMD domain with angles nor an IMAGERY domain with "
                                    "ACQUISITIONDATETIME: choose the scene's metadata file instead."),
                         source=source)
    warnings = [QT_TR_NOOP("The IMAGERY domain has no angles: the viewing geometry is unknown (nadir assumed only "
                           "if you confirm it).")]
    meta = SceneMetadata(
        scene_id="", sensor=str(imagery.get("SATELLITEID") or "unknown"),
        acquired_utc=utc_time(source, "ACQUISITIONDATETIME", str(imagery["ACQUISITIONDATETIME"]), warnings),
        sun_elevation_deg=None, sun_azimuth_deg=None, off_nadir_deg=None, incidence_deg=None,
        view_azimuth_deg=None, gsd_m=None, source=f"{source} (IMAGERY domain)")
    if lat_deg is None or lon_deg is None:
        warnings.append(QT_TR_NOOP("No location given: pass the scene's latitude and longitude to compute the sun."))
    return finish(meta, warnings, lat_deg, lon_deg)
