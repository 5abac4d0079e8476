"""Sun position for a UTC time and a place: NREL's Solar Position Algorithm, in plain Python.

Why SPA and not the shorter NOAA/Meeus formulas: near the zenith a tiny position error becomes a large
azimuth error, and the shadow tool needs azimuth to a few hundredths of a degree. SPA (Reda & Andreas
2008) is accurate to 0.0003 deg; its periodic terms live in spa_terms.py.

Conventions (domain.md section 6):
- ``elevation_deg``: topocentric elevation of the sun's centre WITHOUT atmospheric refraction (the
  geometric angle; the "elevation" column of pvlib, not "apparent_elevation"). Shadows follow the
  refracted ray, higher by ``refraction_deg``: about 0.03 deg at 30 deg elevation, 0.1 deg at
  10 deg; below the 0.1 deg sun sigma of the shadow tool at winter noon elevations and far inside
  the metadata check's 0.5 deg, whichever of the two a vendor publishes.
- ``azimuth_deg``: clockwise from north, towards the sun, in [0, 360).
- Delta T (TT - UT) from the Espenak & Meeus polynomials, as pvlib's calculate_deltat
  (spa_python with delta_t=None).
"""
import math
from datetime import datetime, timezone
from typing import NamedTuple

from .errors import InputError
from .messages import QT_TR_NOOP, Message
from .spa_terms import B_TERMS, L_TERMS, NUTATION_ABCD, NUTATION_Y, R_TERMS

YEAR_MIN = 1900
YEAR_MAX = 2149
_UNIX_EPOCH_JD = 2440587.5
_J2000 = 2451545.0


class SunPosition(NamedTuple):
    """Sun seen from a ground point: geometric elevation and azimuth clockwise from north, degrees."""

    elevation_deg: float
    azimuth_deg: float


def delta_t_s(year: int, month: int) -> float:
    """TT - UT in seconds (Espenak & Meeus polynomials, NASA eclipse site), for 1900-2149."""
    y = year + (month - 0.5) / 12.0
    if year < 1920:
        t = y - 1900
        return -2.79 + 1.494119 * t - 0.0598939 * t**2 + 0.0061966 * t**3 - 0.000197 * t**4
    if year < 1941:
        t = y - 1920
        return 21.20 + 0.84493 * t - 0.076100 * t**2 + 0.0020936 * t**3
    if year < 1961:
        t = y - 1950
        return 29.07 + 0.407 * t - t**2 / 233 + t**3 / 2547
    if year < 1986:
        t = y - 1975
        return 45.45 + 1.067 * t - t**2 / 260 - t**3 / 718
    if year < 2005:
        t = y - 2000
        return 63.86 + 0.3345 * t - 0.060374 * t**2 + 0.0017275 * t**3 + 0.000651814 * t**4 \
            + 0.00002373599 * t**5
    if year < 2050:
        t = y - 2000
        return 62.92 + 0.32217 * t + 0.005589 * t**2
    return -20 + 32 * ((y - 1820) / 100) ** 2 - 0.5628 * (2150 - y)


def _series(tables, jme: float) -> float:
    """Sum of A cos(B + C jme) per table, combined as a polynomial in jme, in radians / 1e8."""
    total = 0.0
    for power, table in enumerate(tables):
        total += sum(a * math.cos(b + c * jme) for a, b, c in table) * jme**power
    return total / 1e8


def _nutation(jce: float):
    """Nutation in longitude and obliquity, degrees."""
    x = (
        297.85036 + 445267.111480 * jce - 0.0019142 * jce**2 + jce**3 / 189474,
        357.52772 + 35999.050340 * jce - 0.0001603 * jce**2 - jce**3 / 300000,
        134.96298 + 477198.867398 * jce + 0.0086972 * jce**2 + jce**3 / 56250,
        93.27191 + 483202.017538 * jce - 0.0036825 * jce**2 + jce**3 / 327270,
        125.04452 - 1934.136261 * jce + 0.0020708 * jce**2 + jce**3 / 450000,
    )
    d_psi = d_eps = 0.0
    for ys, (a, b, c, d) in zip(NUTATION_Y, NUTATION_ABCD):
        arg = math.radians(sum(yi * xi for yi, xi in zip(ys, x)))
        d_psi += (a + b * jce) * math.sin(arg)
        d_eps += (c + d * jce) * math.cos(arg)
    return d_psi / 36e6, d_eps / 36e6


def _check_inputs(when_utc, lat_deg, lon_deg) -> None:
    if not isinstance(when_utc, datetime):
        raise InputError(QT_TR_NOOP("Time {when_utc!r} is not a datetime: give a timezone-aware UTC datetime."),
                         when_utc=when_utc)
    if when_utc.tzinfo is None or when_utc.utcoffset() is None:
        raise InputError(
            QT_TR_NOOP("Time {time} has no time zone: the sun position needs UTC. "
                       "Attach tzinfo=timezone.utc if the time is UTC (scene metadata times usually are)."),
            time=when_utc.isoformat())
    if not YEAR_MIN <= when_utc.astimezone(timezone.utc).year <= YEAR_MAX:
        raise InputError(QT_TR_NOOP("Year {year} is outside {YEAR_MIN}-{YEAR_MAX}, where Delta T is known."),
                         year=when_utc.year, YEAR_MIN=YEAR_MIN, YEAR_MAX=YEAR_MAX)
    for name, value, limit in ((QT_TR_NOOP("Latitude"), lat_deg, 90.0), (QT_TR_NOOP("Longitude"), lon_deg, 180.0)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or abs(value) > limit:
            raise InputError(QT_TR_NOOP("{name} {value!r} is not a number within +-{limit:g} degrees."),
                             name=Message(name), value=value, limit=limit)


def sun_position(when_utc: datetime, lat_deg: float, lon_deg: float,
                 elevation_m: float = 0.0) -> SunPosition:
    """Sun elevation (geometric, no refraction) and azimuth (from north, clockwise) at a place.

    ``when_utc`` must be timezone-aware; a naive time is refused because guessing its zone is
    exactly the hour-sized error the metadata cross-check exists to catch.
    """
    _check_inputs(when_utc, lat_deg, lon_deg)
    t = when_utc.astimezone(timezone.utc)
    jd = t.timestamp() / 86400.0 + _UNIX_EPOCH_JD
    jde = jd + delta_t_s(t.year, t.month) / 86400.0
    jc = (jd - _J2000) / 36525.0
    jce = (jde - _J2000) / 36525.0
    jme = jce / 10.0

    helio_lon = math.degrees(_series(L_TERMS, jme)) % 360.0
    helio_lat = math.degrees(_series(B_TERMS, jme))
    radius_au = _series(R_TERMS, jme)
    geo_lon = (helio_lon + 180.0) % 360.0
    geo_lat = -helio_lat

    d_psi, d_eps = _nutation(jce)
    u = jme / 10.0
    eps0 = (84381.448 - 4680.93 * u - 1.55 * u**2 + 1999.25 * u**3 - 51.38 * u**4 - 249.67 * u**5
            - 39.05 * u**6 + 7.12 * u**7 + 27.87 * u**8 + 5.79 * u**9 + 2.45 * u**10)
    eps = math.radians(eps0 / 3600.0 + d_eps)
    aberration = -20.4898 / (3600.0 * radius_au)
    lam = math.radians(geo_lon + d_psi + aberration)
    beta = math.radians(geo_lat)

    nu0 = (280.46061837 + 360.98564736629 * (jd - _J2000) + 0.000387933 * jc**2 - jc**3 / 38710000)
    nu = nu0 % 360.0 + d_psi * math.cos(eps)
    alpha = math.degrees(math.atan2(
        math.sin(lam) * math.cos(eps) - math.tan(beta) * math.sin(eps), math.cos(lam))) % 360.0
    delta = math.asin(math.sin(beta) * math.cos(eps) + math.cos(beta) * math.sin(eps) * math.sin(lam))
    hour_angle = math.radians((nu + lon_deg - alpha) % 360.0)

    # Topocentric parallax (the observer is on the surface, not at the Earth's centre).
    xi = math.radians(8.794 / (3600.0 * radius_au))
    phi = math.radians(lat_deg)
    uu = math.atan(0.99664719 * math.tan(phi))
    x = math.cos(uu) + elevation_m / 6378140.0 * math.cos(phi)
    y = 0.99664719 * math.sin(uu) + elevation_m / 6378140.0 * math.sin(phi)
    d_alpha = math.atan2(-x * math.sin(xi) * math.sin(hour_angle),
                         math.cos(delta) - x * math.sin(xi) * math.cos(hour_angle))
    delta_topo = math.atan2((math.sin(delta) - y * math.sin(xi)) * math.cos(d_alpha),
                            math.cos(delta) - x * math.sin(xi) * math.cos(hour_angle))
    h_topo = hour_angle - d_alpha

    elevation = math.degrees(math.asin(
        math.sin(phi) * math.sin(delta_topo) + math.cos(phi) * math.cos(delta_topo) * math.cos(h_topo)))
    astro_az = math.degrees(math.atan2(
        math.sin(h_topo), math.cos(h_topo) * math.sin(phi) - math.tan(delta_topo) * math.cos(phi)))
    return SunPosition(elevation, (astro_az + 180.0) % 360.0)


def refraction_deg(elevation_deg: float, pressure_hpa: float = 1010.0, temp_c: float = 10.0) -> float:
    """Atmospheric refraction to add to a geometric elevation for the apparent one (SPA eq. 42)."""
    if elevation_deg < -0.8333:
        return 0.0
    return (pressure_hpa / 1010.0) * (283.0 / (273.0 + temp_c)) * 1.02 / (
        60.0 * math.tan(math.radians(elevation_deg + 10.3 / (elevation_deg + 5.11))))
