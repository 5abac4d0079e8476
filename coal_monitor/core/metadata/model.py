"""The scene record every reader fills, the checks on its values, and the sun cross-check.

Conventions (the same for every vendor; each reader converts into them and says how):
- azimuths clockwise from true north, in [0, 360);
- ``sun_azimuth_deg`` points from the ground towards the sun;
- ``view_azimuth_deg`` points from the ground (scene centre) towards the satellite, so that a tall
  object leans away from it on an orthorectified image (shadow.py uses it as phi_sat);
- ``off_nadir_deg`` is measured at the satellite, ``incidence_deg`` at the ground
  (satellite elevation = 90 - incidence).
"""
import math
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Optional, Tuple

from ..errors import InputError
from ..messages import QT_TR_NOOP, Message
from ..sun import sun_position
from .sensors import orbit_height_km

SUN_CHECK_TOLERANCE_DEG = 0.5
VIEW_CHECK_TOLERANCE_DEG = 1.0
EARTH_RADIUS_KM = 6371.0
GSD_MAX_M = 1000.0
PLACE_GIVEN = QT_TR_NOOP("The place given")  # the source named when the caller's latitude/longitude are checked


@dataclass(frozen=True)
class SceneMetadata:
    """What a scene's metadata says about its geometry; None where the file says nothing."""

    scene_id: str
    sensor: str
    acquired_utc: datetime
    sun_elevation_deg: Optional[float]
    sun_azimuth_deg: Optional[float]
    off_nadir_deg: Optional[float]
    incidence_deg: Optional[float]
    view_azimuth_deg: Optional[float]
    gsd_m: Optional[float]
    source: str
    center_lat_deg: Optional[float] = None
    center_lon_deg: Optional[float] = None
    sun_check_deg: Optional[float] = None  # angle between the file's sun and the computed sun
    warnings: Tuple[str, ...] = field(default_factory=tuple)

    @property
    def sat_elevation_deg(self) -> Optional[float]:
        """Satellite elevation seen from the ground (90 - incidence), for shadow.py."""
        return None if self.incidence_deg is None else 90.0 - self.incidence_deg


def number(source: str, name: str, text, low: float, high: float, required: bool = True) -> Optional[float]:
    """A finite float within [low, high] from a file field, or a message naming the file and field.

    ``source``: the file's name, or PLACE_GIVEN (translated where shown) for the caller's own place."""
    if text is None or (isinstance(text, str) and not text.strip()):
        if required:
            raise InputError(QT_TR_NOOP("{source}: the field {name} is missing; this file cannot describe the scene."),
                             source=Message(source), name=name)
        return None
    if isinstance(text, bool):
        raise InputError(QT_TR_NOOP("{source}: {name} is {text!r}, not a number."),
                         source=Message(source), name=name, text=text)
    try:
        value = float(text.strip().strip('"') if isinstance(text, str) else text)
    except (TypeError, ValueError):
        raise InputError(QT_TR_NOOP("{source}: {name} is {text!r}, not a number."),
                         source=Message(source), name=name, text=str(text)[:40]) from None
    if not math.isfinite(value) or not low <= value <= high:
        raise InputError(QT_TR_NOOP("{source}: {name} = {value:g} is outside {low:g}..{high:g}; the file is damaged "
                                    "or uses another unit."),
                         source=Message(source), name=name, value=value, low=low, high=high)
    return value


def azimuth(source: str, name: str, text, required: bool = True) -> Optional[float]:
    """An azimuth in -360..360 normalised to [0, 360)."""
    value = number(source, name, text, -360.0, 360.0, required)
    return None if value is None else value % 360.0


def utc_time(source: str, name: str, text, warnings: list) -> datetime:
    """ISO 8601 time as aware UTC. A time without zone is read as UTC (every supported format
    defines its times as UTC) and the reader says so."""
    if not isinstance(text, str) or not text.strip():
        raise InputError(QT_TR_NOOP("{source}: the acquisition time ({name}) is missing."),
                         source=source, name=name)
    raw = text.strip().strip('"')
    iso = raw[:-1] + "+00:00" if raw.endswith(("Z", "z")) else raw
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        raise InputError(QT_TR_NOOP("{source}: acquisition time {name} = {text!r} is not an ISO 8601 time "
                                    "(expected e.g. 2024-01-15T02:12:34.5Z)."),
                         source=source, name=name, text=raw[:40]) from None
    if when.tzinfo is None:
        warnings.append(Message(QT_TR_NOOP("{name} = {raw} has no time zone; read as UTC, as the format defines it."),
                                name=name, raw=raw))
        return when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc)


def incidence_from_off_nadir(off_nadir_deg: float, height_km: float) -> float:
    """sin(incidence) = (R + h) / R sin(off-nadir) on a spherical Earth (domain.md section 6)."""
    s = (EARTH_RADIUS_KM + height_km) / EARTH_RADIUS_KM * math.sin(math.radians(off_nadir_deg))
    if s >= 1.0:
        raise InputError(QT_TR_NOOP("Off-nadir angle {off_nadir_deg:g} deg looks past the Earth's limb from "
                                    "{height_km:g} km: the value is wrong."),
                         off_nadir_deg=off_nadir_deg, height_km=height_km)
    return math.degrees(math.asin(s))


def _separation_deg(el1, az1, el2, az2) -> float:
    e1, e2, d = math.radians(el1), math.radians(el2), math.radians(az1 - az2)
    c = math.sin(e1) * math.sin(e2) + math.cos(e1) * math.cos(e2) * math.cos(d)
    return math.degrees(math.acos(max(-1.0, min(1.0, c))))


RECORDING_OFFSETS_MIN = 90   # a datatake or strip start can precede the scene by minutes
DATE_OFFSETS_DAYS = 60       # a year later the sun repeats: larger offsets prove nothing


def _sun_matches(meta, lat, lon, when=None, el=None, az=None) -> bool:
    computed = sun_position(when or meta.acquired_utc, lat, lon)
    el = meta.sun_elevation_deg if el is None else el
    az = meta.sun_azimuth_deg if az is None else az
    return _separation_deg(el, az, *computed) < SUN_CHECK_TOLERANCE_DEG


def _best_shift(meta, lat, lon, shifts):
    """The shift of the file's time under which its sun agrees best with the computed sun, if it agrees."""
    scored = [(_separation_deg(meta.sun_elevation_deg, meta.sun_azimuth_deg,
                               *sun_position(meta.acquired_utc + shift, lat, lon)), shift) for shift in shifts]
    best = min(scored, key=lambda pair: pair[0])
    return best[1] if best[0] < SUN_CHECK_TOLERANCE_DEG else None


def _likely_cause(meta: SceneMetadata, lat: float, lon: float):
    """The first explanation under which the file's sun and the computed sun agree, each tested by
    recomputing the sun as that explanation says."""
    el, az, when = meta.sun_elevation_deg, meta.sun_azimuth_deg, meta.acquired_utc
    if _sun_matches(meta, lat, lon, az=(az + 180.0) % 360.0):
        return QT_TR_NOOP("the file's sun azimuth is 180 deg off: it uses the opposite azimuth convention")
    if _sun_matches(meta, lat, lon, el=90.0 - el):
        return QT_TR_NOOP("the file gives the sun zenith angle where the elevation belongs")
    for half_hours in range(-24, 29):  # zones from UTC-12 to UTC+14; Pyongyang used UTC+8:30 in 2015-18
        shifted = when - timedelta(minutes=30 * half_hours)
        if half_hours and _sun_matches(meta, lat, lon, shifted):
            zone = f"{abs(half_hours) // 2}" + (":30" if half_hours % 2 else "")
            return Message(QT_TR_NOOP("the time looks like local time UTC{sign}{zone}, not UTC (the sun matches at "
                                      "{shifted} UTC)"),
                           sign="+" if half_hours > 0 else "-", zone=zone, shifted=f"{shifted:%Y-%m-%d %H:%M}")
    minutes = _best_shift(meta, lat, lon, [timedelta(minutes=m) for m in
                                           range(-RECORDING_OFFSETS_MIN, RECORDING_OFFSETS_MIN + 1) if m])
    if minutes is not None:
        shifted, m = when + minutes, round(minutes.total_seconds() / 60)
        return Message(QT_TR_NOOP("the time is not the scene's: it looks like the start of a longer recording "
                                  "(datatake or strip); the sun matches {minutes} min later, at {shifted} UTC")
                       if m > 0 else
                       QT_TR_NOOP("the time is not the scene's: it looks like the end of a longer recording "
                                  "(datatake or strip); the sun matches {minutes} min earlier, at {shifted} UTC"),
                       minutes=abs(m), shifted=f"{shifted:%Y-%m-%d %H:%M}")
    days = _best_shift(meta, lat, lon, [timedelta(days=d) for d in
                                        range(-DATE_OFFSETS_DAYS, DATE_OFFSETS_DAYS + 1) if d])
    if days is not None:
        shifted, d = when + days, days.days
        return Message(QT_TR_NOOP("the file's date is off by {days} days: its sun matches {shifted} at the same "
                                  "time of day (or its sun angles were computed for that date); check the "
                                  "acquisition date against the vendor's catalogue") if abs(d) > 1 else
                       QT_TR_NOOP("the file's date is off by {days} day: its sun matches {shifted} at the same "
                                  "time of day (or its sun angles were computed for that date); check the "
                                  "acquisition date against the vendor's catalogue"),
                       days=abs(d), shifted=f"{shifted:%Y-%m-%d}")
    return QT_TR_NOOP("check the acquisition time and its time zone, the scene location and the angle conventions")


def finish(meta: SceneMetadata, warnings: list, lat_deg: Optional[float] = None,
           lon_deg: Optional[float] = None) -> SceneMetadata:
    """Derive incidence from off-nadir when needed and compare the file's sun with the computed one.

    ``lat_deg``/``lon_deg`` (e.g. the heap being measured) take precedence over the file's centre.
    """
    if meta.incidence_deg is None and meta.off_nadir_deg is not None:
        height = orbit_height_km(meta.sensor)
        if height is None:
            warnings.append(Message(QT_TR_NOOP("No incidence angle and unknown orbit height for sensor {sensor!r}: "
                                               "incidence taken equal to the off-nadir angle {off_nadir_deg:.2f} deg "
                                               "(too small by about 10 %)."),
                                    sensor=meta.sensor, off_nadir_deg=meta.off_nadir_deg))
            meta = replace(meta, incidence_deg=meta.off_nadir_deg)
        else:
            inc = incidence_from_off_nadir(meta.off_nadir_deg, height)
            warnings.append(Message(QT_TR_NOOP("Incidence {inc:.2f} deg derived from off-nadir {off_nadir_deg:.2f} "
                                               "deg at an orbit height of {height:g} km."),
                                    inc=inc, off_nadir_deg=meta.off_nadir_deg, height=height))
            meta = replace(meta, incidence_deg=inc)
    elif meta.incidence_deg is not None and meta.off_nadir_deg is not None \
            and orbit_height_km(meta.sensor) is not None:
        expected = incidence_from_off_nadir(meta.off_nadir_deg, orbit_height_km(meta.sensor))
        if abs(expected - meta.incidence_deg) > VIEW_CHECK_TOLERANCE_DEG:
            warnings.append(Message(QT_TR_NOOP("Incidence {incidence_deg:.2f} deg does not match off-nadir "
                                               "{off_nadir_deg:.2f} deg for {sensor} (expected {expected:.2f} deg): "
                                               "one of the viewing angles is wrong; the incidence is used."),
                                    incidence_deg=meta.incidence_deg, off_nadir_deg=meta.off_nadir_deg,
                                    sensor=meta.sensor, expected=expected))
    lat = lat_deg if lat_deg is not None else meta.center_lat_deg
    lon = lon_deg if lon_deg is not None else meta.center_lon_deg
    if (lat_deg is None) != (lon_deg is None):
        raise InputError(QT_TR_NOOP("Give both latitude and longitude for the sun check, not only one "
                                    "(got {lat_deg!r}, {lon_deg!r})."), lat_deg=lat_deg, lon_deg=lon_deg)
    if lat_deg is not None:
        number(PLACE_GIVEN, "latitude", lat_deg, -90.0, 90.0)
        number(PLACE_GIVEN, "longitude", lon_deg, -180.0, 180.0)
    if lat is None or lon is None:
        if meta.sun_elevation_deg is not None:
            warnings.append(QT_TR_NOOP("No scene location: the file's sun angles could not be checked against the "
                                       "computed sun position."))
    else:
        computed = sun_position(meta.acquired_utc, lat, lon)
        if meta.sun_elevation_deg is None or meta.sun_azimuth_deg is None:
            warnings.append(Message(QT_TR_NOOP("Sun angles computed from the time and place: elevation "
                                               "{elevation_deg:.2f} deg, azimuth {azimuth_deg:.2f} deg."),
                                    elevation_deg=computed.elevation_deg, azimuth_deg=computed.azimuth_deg))
            meta = replace(meta, sun_elevation_deg=computed.elevation_deg, sun_azimuth_deg=computed.azimuth_deg,
                           sun_check_deg=0.0)
        else:
            sep = _separation_deg(meta.sun_elevation_deg, meta.sun_azimuth_deg, *computed)
            meta = replace(meta, sun_check_deg=sep)
            if sep > SUN_CHECK_TOLERANCE_DEG:
                warnings.append(
                    Message(QT_TR_NOOP("The file's sun (elevation {sun_elevation_deg:.2f} deg, azimuth "
                                       "{sun_azimuth_deg:.2f} deg) differs by {sep:.2f} deg from the sun computed "
                                       "for {acquired_utc} UTC at {lat:.4f}, {lon:.4f} (elevation "
                                       "{elevation_deg:.2f} deg, azimuth {azimuth_deg:.2f} deg): likely cause: "
                                       "{cause}."),
                            sun_elevation_deg=meta.sun_elevation_deg, sun_azimuth_deg=meta.sun_azimuth_deg, sep=sep,
                            acquired_utc=f"{meta.acquired_utc:%Y-%m-%d %H:%M:%S}", lat=lat, lon=lon,
                            elevation_deg=computed.elevation_deg, azimuth_deg=computed.azimuth_deg,
                            cause=Message(_likely_cause(meta, lat, lon))))
    return replace(meta, warnings=tuple(warnings))
