"""JSON item metadata: Planet Data API items (PSScene, SkySat) and STAC items (view extension).

Planet item properties:
- acquired: UTC time; sun_elevation, sun_azimuth: as domain.md (towards the sun).
- satellite_azimuth: "angle from true north to the satellite vector", taken as ground towards the
  satellite (stactools copies it unchanged into STAC view:azimuth): used as it is.
- view_angle: across-track off-nadir, signed (+ east, - west): its absolute value is the off-nadir.
- gsd: collected GSD (m), else pixel_resolution.
STAC item properties (view extension v1.0):
- datetime (RFC 3339); view:sun_elevation, view:sun_azimuth: as domain.md.
- view:azimuth: the extension's diagram and its sentence "elevation angles are measured up from the
  target plane to the body (satellite, sun, or moon)" define it from the scene centre towards the
  satellite, like view:sun_azimuth; the field table's wording reads the other way (look direction)
  and was reported as wrong upstream (stac-extensions/view issues 14, 18). Used as it is.
- view:off_nadir, view:incidence_angle; gsd. Maxar's Open Data items give the satellite elevation
  as view:incidence_angle (58.9 beside an off-nadir of 27.5 deg): an incidence that disagrees with the
  off-nadir angle and the orbit while 90 minus it agrees is read as that elevation, with a note.
- pl:satellite_azimuth (Planet's own field, kept by stactools) beside a view:azimuth that disagrees
  with it: the view azimuth is unknown and left out, with a note.
Scene centre for both: mean of the GeoJSON geometry's outer ring, else the bbox centre.
"""
from dataclasses import replace

from ..errors import InputError
from ..messages import QT_TR_NOOP, Message
from .model import GSD_MAX_M, VIEW_CHECK_TOLERANCE_DEG, SceneMetadata, azimuth, finish, incidence_from_off_nadir, \
    number, utc_time
from .sensors import orbit_height_km, sensor_code

AZIMUTH_AGREEMENT_DEG = 10.0


def _center(item, source):
    geometry = item.get("geometry")
    try:
        if isinstance(geometry, dict) and geometry.get("type") in ("Polygon", "MultiPolygon"):
            ring = geometry["coordinates"][0]
            if geometry["type"] == "MultiPolygon":
                ring = ring[0]
            ring = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring
            lons = [number(source, "geometry longitude", p[0], -180, 180) for p in ring]
            lats = [number(source, "geometry latitude", p[1], -90, 90) for p in ring]
            return sum(lats) / len(lats), sum(lons) / len(lons)
        bbox = item.get("bbox")
        if isinstance(bbox, list) and len(bbox) in (4, 6):
            half = len(bbox) // 2
            return ((number(source, "bbox", bbox[1], -90, 90) + number(source, "bbox", bbox[half + 1], -90, 90)) / 2,
                    (number(source, "bbox", bbox[0], -180, 180) + number(source, "bbox", bbox[half], -180, 180)) / 2)
    except (KeyError, IndexError, TypeError, ZeroDivisionError):
        raise InputError(QT_TR_NOOP("{source}: the item's geometry is not a valid GeoJSON polygon."),
                         source=source) from None
    return None, None


def _properties(item, source):
    if not isinstance(item, dict) or not isinstance(item.get("properties"), dict):
        raise InputError(QT_TR_NOOP("{source}: no 'properties' object: not a Planet or STAC item."),
                         source=source)
    return item["properties"]


def read_planet_item(item, source: str, lat_deg=None, lon_deg=None) -> SceneMetadata:
    """SceneMetadata from a Planet item (Data API JSON or an order's *_metadata.json)."""
    props = _properties(item, source)
    warnings = []
    view_angle = number(source, "view_angle", props.get("view_angle"), -90, 90, required=False)
    lat, lon = _center(item, source)
    kinds = [str(k) for k in (props.get("instrument"), props.get("item_type") or props.get("provider")) if k]
    kind = next((k for k in kinds if orbit_height_km(k) is not None), kinds[-1] if kinds else "Planet")
    sensor = " ".join(str(p) for p in (kind, props.get("satellite_id") or "") if p)
    gsd = props.get("gsd") if props.get("gsd") is not None else props.get("pixel_resolution")
    meta = SceneMetadata(
        scene_id=str(item.get("id") or ""),
        sensor=sensor,
        acquired_utc=utc_time(source, "acquired", props.get("acquired"), warnings),
        sun_elevation_deg=number(source, "sun_elevation", props.get("sun_elevation"), -90, 90),
        sun_azimuth_deg=azimuth(source, "sun_azimuth", props.get("sun_azimuth")),
        off_nadir_deg=None if view_angle is None else abs(view_angle),
        incidence_deg=None,
        view_azimuth_deg=azimuth(source, "satellite_azimuth", props.get("satellite_azimuth"), required=False),
        gsd_m=number(source, "gsd", gsd, 0.0, GSD_MAX_M, required=False),
        source=source, center_lat_deg=lat, center_lon_deg=lon)
    return finish(meta, warnings, lat_deg, lon_deg)


def read_stac_item(item, source: str, lat_deg=None, lon_deg=None) -> SceneMetadata:
    """SceneMetadata from a STAC item using the view extension."""
    props = _properties(item, source)
    warnings = []
    time_text = props.get("datetime") or props.get("start_datetime")
    lat, lon = _center(item, source)
    instruments = props.get("instruments") or ([props["pl:instrument"]] if props.get("pl:instrument") else None)
    sensor = sensor_code(props.get("platform") or props.get("pl:satellite_id") or props.get("constellation") or "")
    if isinstance(instruments, list) and instruments:
        sensor = f"{sensor} {'/'.join(str(i) for i in instruments)}".strip()
    meta = SceneMetadata(
        scene_id=str(item.get("id") or ""),
        sensor=sensor or "STAC",
        acquired_utc=utc_time(source, "datetime", time_text, warnings),
        sun_elevation_deg=number(source, "view:sun_elevation", props.get("view:sun_elevation"), -90, 90),
        sun_azimuth_deg=azimuth(source, "view:sun_azimuth", props.get("view:sun_azimuth")),
        off_nadir_deg=number(source, "view:off_nadir", props.get("view:off_nadir"), 0, 90, required=False),
        incidence_deg=number(source, "view:incidence_angle", props.get("view:incidence_angle"), 0, 90,
                             required=False),
        view_azimuth_deg=azimuth(source, "view:azimuth", props.get("view:azimuth"), required=False),
        gsd_m=number(source, "gsd", props.get("gsd"), 0.0, GSD_MAX_M, required=False),
        source=source, center_lat_deg=lat, center_lon_deg=lon)
    meta = _elevation_as_incidence(meta, warnings)
    meta = _planet_azimuth_check(meta, props, source, warnings)
    return finish(meta, warnings, lat_deg, lon_deg)


def _elevation_as_incidence(meta, warnings):
    """An incidence that is really the satellite elevation, proved by the off-nadir angle and the orbit."""
    height = orbit_height_km(meta.sensor)
    if meta.incidence_deg is None or meta.off_nadir_deg is None or height is None:
        return meta
    expected = incidence_from_off_nadir(meta.off_nadir_deg, height)
    as_elevation = 90.0 - meta.incidence_deg
    if abs(meta.incidence_deg - expected) > VIEW_CHECK_TOLERANCE_DEG >= abs(as_elevation - expected):
        warnings.append(Message(QT_TR_NOOP("view:incidence_angle {incidence_deg:.2f} deg is the satellite elevation, "
                                           "not the incidence: off-nadir {off_nadir_deg:.2f} deg from the {sensor} "
                                           "orbit gives an incidence of {expected:.2f} deg; corrected to "
                                           "{as_elevation:.2f} deg (90 - value)."),
                                incidence_deg=meta.incidence_deg, off_nadir_deg=meta.off_nadir_deg,
                                sensor=meta.sensor, expected=expected, as_elevation=as_elevation))
        return replace(meta, incidence_deg=as_elevation)
    return meta


def _planet_azimuth_check(meta, props, source, warnings):
    planet = azimuth(source, "pl:satellite_azimuth", props.get("pl:satellite_azimuth"), required=False)
    if planet is None or meta.view_azimuth_deg is None:
        return meta
    diff = abs((planet - meta.view_azimuth_deg + 180.0) % 360.0 - 180.0)
    if diff <= AZIMUTH_AGREEMENT_DEG:
        return meta
    warnings.append(Message(QT_TR_NOOP("view:azimuth {view_azimuth_deg:.1f} deg and pl:satellite_azimuth "
                                       "{planet:.1f} deg disagree: the satellite azimuth is unknown (a shadow height "
                                       "then needs a near-nadir view)."),
                            view_azimuth_deg=meta.view_azimuth_deg, planet=planet))
    return replace(meta, view_azimuth_deg=None)
