"""A metric frame centred on the heap, whatever CRS the footprint arrives in.

Areas and the distances of the pile models are never taken in the input's planar units (degrees,
Web-Mercator metres): the footprint is projected to a Lambert azimuthal equal-area frame centred on the
heap, where area is exact on the ellipsoid and distances are true within 1e-7 over a few kilometres.
Frame centres snap to a grid of ``FRAME_CENTRE_STEP_DEG`` so that a live preview, which re-estimates on
every mouse move, reuses the same cached transformers.
"""
from functools import lru_cache

import numpy as np
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from .errors import InputError
from .messages import QT_TR_NOOP

# 0.05 deg is at most 5.6 km: the LAEA scale error that far from the centre is below 2e-7.
FRAME_CENTRE_STEP_DEG = 0.05
LONLAT = "EPSG:4326"


def parse_crs(crs) -> CRS:
    """The pyproj CRS of ``crs`` (anything ``CRS.from_user_input`` takes, or an EPSG int), checked."""
    if isinstance(crs, CRS):
        return _checked_crs(crs.srs) if crs.srs else _check_metric_meaning(crs, repr(crs.name))
    if isinstance(crs, bool) or crs is None or (isinstance(crs, str) and not crs.strip()):
        raise InputError(QT_TR_NOOP("CRS {crs!r} is missing: give the layer a CRS (e.g. EPSG:4326 or its UTM zone)"),
                         crs=crs)
    try:
        return _checked_crs(crs)
    except TypeError as exc:  # unhashable user input
        raise InputError(QT_TR_NOOP("CRS {crs!r} is not understood ({exc}): give an EPSG code or WKT"),
                         crs=crs, exc=exc) from None


@lru_cache(maxsize=64)
def _checked_crs(user_input) -> CRS:
    try:
        crs = CRS.from_user_input(user_input)
    except CRSError as exc:
        shown = str(user_input)
        shown = shown if len(shown) < 80 else shown[:77] + "..."
        raise InputError(QT_TR_NOOP("CRS {shown!r} is not understood by PROJ ({exc}); give an EPSG code or WKT"),
                         shown=shown, exc=exc) from None
    return _check_metric_meaning(crs, repr(crs.name))


def _check_metric_meaning(crs: CRS, shown: str) -> CRS:
    """Refuse CRSs that do not tie coordinates to the Earth (engineering, local, unknown)."""
    horizontal = crs.sub_crs_list[0] if crs.is_compound and crs.sub_crs_list else crs
    if horizontal.is_bound:
        horizontal = horizontal.source_crs
    if horizontal.geodetic_crs is None or not (horizontal.is_geographic or horizontal.is_projected):
        raise InputError(
            QT_TR_NOOP("CRS {shown} has no place on the Earth (an engineering or unknown CRS), so metres and areas "
                       "cannot be measured in it: set the layer's real CRS (e.g. EPSG:4326 or the port's UTM zone)"),
            shown=shown
        )
    return horizontal


@lru_cache(maxsize=64)
def _to_lonlat(crs: CRS):
    """Transformer from ``crs`` to WGS84 lon/lat, or None when ``crs`` already is that."""
    if crs.equals(CRS.from_user_input(LONLAT), ignore_axis_order=True):
        return None
    return Transformer.from_crs(crs, LONLAT, always_xy=True)


@lru_cache(maxsize=256)
def _laea(lat0_deg: float, lon0_deg: float) -> Transformer:
    proj = f"+proj=laea +lat_0={lat0_deg} +lon_0={lon0_deg} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
    return Transformer.from_crs(LONLAT, CRS.from_proj4(proj), always_xy=True)


def _centre(lon: np.ndarray, lat: np.ndarray):
    """Mean direction of the points on the sphere: safe across the antimeridian and near the poles."""
    lam, phi = np.radians(lon), np.radians(lat)
    x, y, z = (np.mean(np.cos(phi) * np.cos(lam)), np.mean(np.cos(phi) * np.sin(lam)), np.mean(np.sin(phi)))
    lat0 = float(np.degrees(np.arctan2(z, np.hypot(x, y))))
    lon0 = float(np.degrees(np.arctan2(y, x)))
    step = FRAME_CENTRE_STEP_DEG
    return round(round(lat0 / step) * step, 6), round(round(lon0 / step) * step, 6)


class MetricFrame:
    """Projects coordinates of one CRS into metres in an equal-area frame centred on a heap."""

    def __init__(self, crs: CRS, xs: np.ndarray, ys: np.ndarray):
        self.crs = crs
        self._lonlat = _to_lonlat(crs)
        self._points = self._geographic(xs, ys)  # kept for ``points_in_metres``
        self.lat0_deg, self.lon0_deg = _centre(*self._points)
        self._laea = _laea(self.lat0_deg, self.lon0_deg)

    def points_in_metres(self):
        """The points the frame was made for, in metres (projected once, no second transformation)."""
        x, y = self._laea.transform(*self._points)
        return np.asarray(x, dtype=float), np.asarray(y, dtype=float)

    def _geographic(self, xs, ys):
        lon, lat = (xs, ys) if self._lonlat is None else self._lonlat.transform(xs, ys)
        lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
        bad = ~(np.isfinite(lon) & np.isfinite(lat)) | (np.abs(lat) > 90.0)
        if bad.any():
            i = int(np.argmax(bad))
            raise InputError(
                QT_TR_NOOP("coordinate ({x:.6g}, {y:.6g}) lies outside the Earth in CRS {crs_name!r}: "
                           "check that the layer's CRS is the one its coordinates were drawn in"),
                x=xs[i], y=ys[i], crs_name=self.crs.name
            )
        return lon, lat

    def to_metres(self, xs, ys):
        """Arrays of x, y in metres (east, north) from the frame centre."""
        lon, lat = self._geographic(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float))
        x, y = self._laea.transform(lon, lat)
        return np.asarray(x, dtype=float), np.asarray(y, dtype=float)

    def from_metres(self, x, y):
        """Arrays of coordinates in the input CRS (for naming a place in a message)."""
        lon, lat = self._laea.transform(x, y, direction="INVERSE")
        if self._lonlat is None:
            return lon, lat
        return self._lonlat.transform(lon, lat, direction="INVERSE")


def metric_frame(crs, xs, ys) -> MetricFrame:
    """The frame for points ``xs, ys`` given in ``crs`` (any CRS input; see ``parse_crs``)."""
    return MetricFrame(parse_crs(crs), np.asarray(xs, dtype=float), np.asarray(ys, dtype=float))
