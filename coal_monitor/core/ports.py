"""Ports: where coal is watched, with each port's metric CRS and coal defaults.

The built-in registry is data (resources/ports.json); analysts' own ports and edited defaults are
layered on top of it by ``PortRegistry`` and saved as a small JSON file wherever the caller keeps
settings (the GUI uses the QGIS profile or project). Coal defaults that a port does not state come
from ``limits``, so each number lives in one place.
"""
import dataclasses
import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from . import limits
from .errors import InputError
from .messages import QT_TR_NOOP, Message
from .slug import SlugError, slugify, validate_slug

REGISTRY_FORMAT = "coal_monitor.ports"
REGISTRY_FORMAT_VERSION = 1

# UTM is defined from 80 S to 84 N; beyond it the polar stereographic (UPS) grids take over.
UTM_NORTH_LIMIT_DEG = 84.0
UTM_SOUTH_LIMIT_DEG = -80.0
UPS_NORTH_EPSG = 32661
UPS_SOUTH_EPSG = 32761
# A port's CRS may distort areas at the port by at most this fraction (UTM: under 0.1 %; Web Mercator
# at Rason: 83 %).
AREA_SCALE_TOLERANCE = 0.01

# Fields an analyst may change on an existing port. Name, slug, location and CRS are fixed because
# the port's GeoPackage is named by the slug and stored in that CRS; add a new port instead.
EDITABLE_FIELDS = (
    "repose_deg", "repose_tol_deg", "density_t_m3", "density_lo_t_m3", "density_hi_t_m3",
    "default_model", "piers", "pier_depths_m", "notes", "aoi_lonlat", "checks",
)


class PortError(InputError):
    """A port that cannot be created, found or saved; the message names the value and the fix."""


@dataclass(frozen=True)
class Port:
    name: str
    slug: str
    lat_deg: float
    lon_deg: float
    crs_epsg: int
    repose_deg: float = limits.REPOSE_DEFAULT_DEG
    repose_tol_deg: float = limits.REPOSE_TOLERANCE_DEG
    density_t_m3: float = limits.DENSITY_DEFAULT_T_M3
    density_lo_t_m3: float = limits.DENSITY_LOW_T_M3
    density_hi_t_m3: float = limits.DENSITY_HIGH_T_M3
    default_model: str = limits.DEFAULT_MODEL
    piers: tuple = field(default_factory=tuple)
    # ((pier, shallowest_m, deepest_m), ...): water depth alongside, which caps a ship's cargo there
    # (JSON: {pier: [shallowest, deepest]}). A tuple, so that a Port stays hashable.
    pier_depths_m: tuple = field(default_factory=tuple)
    notes: str = ""
    # [lon_min, lat_min, lon_max, lat_max] in WGS84 degrees, or None when not known.
    aoi_lonlat: tuple = None
    # Facts still to verify on imagery ("reference point is approximate"); shown to the analyst.
    checks: tuple = field(default_factory=tuple)

    def to_dict(self) -> dict:
        """Plain JSON-ready dict (tuples become lists)."""
        data = dataclasses.asdict(self)
        for key in ("piers", "checks", "aoi_lonlat"):
            if data[key] is not None:
                data[key] = list(data[key])
        data["pier_depths_m"] = {pier: [low, high] for pier, low, high in self.pier_depths_m}
        return data

    def berth_depth_m(self, pier) -> Optional[tuple]:
        """(shallowest_m, deepest_m) alongside ``pier``, or None when the port does not know it."""
        for name, low, high in self.pier_depths_m:
            if name == pier:
                return (low, high)
        return None


PORT_FIELDS = tuple(f.name for f in dataclasses.fields(Port))


def utm_epsg_for(lat_deg, lon_deg) -> int:
    """The EPSG code of the WGS84 metric grid for a place: UTM zone, or UPS near the poles.

    Northern hemisphere (lat >= 0) gives 326zz, southern 327zz. The Norway (zone 32V) and Svalbard
    (zones 31X-37X) exceptions of the UTM grid are applied, as GIS software and maps there use them.
    North of 84 N the result is UPS North (EPSG:32661), south of 80 S UPS South (EPSG:32761).
    """
    lat, lon = _check_lat_lon(lat_deg, lon_deg)
    if lat > UTM_NORTH_LIMIT_DEG:
        return UPS_NORTH_EPSG
    if lat < UTM_SOUTH_LIMIT_DEG:
        return UPS_SOUTH_EPSG
    zone = min(int((lon + 180.0) // 6.0) + 1, 60)
    if 56.0 <= lat < 64.0 and 3.0 <= lon < 12.0:
        zone = 32
    elif 72.0 <= lat <= UTM_NORTH_LIMIT_DEG and 0.0 <= lon < 42.0:
        zone = 31 if lon < 9.0 else 33 if lon < 21.0 else 35 if lon < 33.0 else 37
    return (32600 if lat >= 0.0 else 32700) + zone


def _check_lat_lon(lat_deg, lon_deg):
    lat = _number("lat_deg", lat_deg)
    lon = _number("lon_deg", lon_deg)
    if not -90.0 <= lat <= 90.0:
        raise PortError(QT_TR_NOOP("Latitude {lat_deg!r} is outside -90..90 degrees; give WGS84 degrees north."),
                        lat_deg=lat_deg)
    if not -180.0 <= lon <= 180.0:
        raise PortError(QT_TR_NOOP("Longitude {lon_deg!r} is outside -180..180 degrees; give WGS84 degrees east."),
                        lon_deg=lon_deg)
    return lat, lon


def _number(name, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            value = float(str(value).strip().replace(",", "."))
        except (TypeError, ValueError):
            raise PortError(QT_TR_NOOP("{name} = {value!r} is not a number."), name=name, value=value) from None
    value = float(value)
    if not math.isfinite(value):
        raise PortError(QT_TR_NOOP("{name} = {value!r} is not a finite number."), name=name, value=value)
    return value


def _in_range(name, value, low, high, hint):
    number = _number(name, value)
    if not low <= number <= high:
        raise PortError(QT_TR_NOOP("{name} = {value!r} is outside {low:g}..{high:g} {hint}."),
                        name=name, value=value, low=low, high=high, hint=Message(hint))
    return number


def _check_metric_crs(epsg, lat, lon):
    """A port's CRS must be projected in metres and keep areas true at the port (within 1 %)."""
    if isinstance(epsg, bool) or not isinstance(epsg, int):
        try:
            epsg = int(str(epsg).upper().replace("EPSG:", "").strip())
        except ValueError:
            raise PortError(QT_TR_NOOP("crs_epsg = {epsg!r} is not an EPSG code such as 32651."), epsg=epsg) from None
    try:
        import pyproj

        crs = pyproj.CRS.from_epsg(epsg)
    except Exception:  # pyproj raises CRSError, or an ImportError where it is missing
        raise PortError(QT_TR_NOOP("crs_epsg = {epsg!r} is not a known EPSG code."), epsg=epsg) from None
    unit = crs.axis_info[0].unit_name if crs.axis_info else ""
    if not crs.is_projected or unit not in ("metre", "meter"):
        raise PortError(
            QT_TR_NOOP("EPSG:{epsg} ({crs_name}) is not a projected CRS in metres; areas in it would be wrong. "
                       "Leave crs_epsg out to get the UTM zone of the port."), epsg=epsg, crs_name=crs.name
        )
    try:
        areal_scale = pyproj.Proj(crs).get_factors(lon, lat).areal_scale
    except Exception:  # outside the projection's domain
        areal_scale = float("nan")
    if not abs(areal_scale - 1.0) <= AREA_SCALE_TOLERANCE:
        raise PortError(
            QT_TR_NOOP("EPSG:{epsg} ({crs_name}) scales areas by {areal_scale:.3g} at {lat:g}, {lon:g}, more "
                       "than {tolerance:.0%} off; heap areas would be wrong. Leave crs_epsg out to "
                       "get the UTM zone of the port."),
            epsg=epsg, crs_name=crs.name, areal_scale=areal_scale, lat=lat, lon=lon,
            tolerance=AREA_SCALE_TOLERANCE
        )
    return epsg


def _text_tuple(name, value):
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    items = tuple(str(v).strip() for v in value)
    if any(not v for v in items):
        raise PortError(QT_TR_NOOP("{name} = {values!r} holds an empty entry; remove it."),
                        name=name, values=list(value))
    return items


def _aoi(value):
    if value is None:
        return None
    try:
        lon_min, lat_min, lon_max, lat_max = (_number("aoi_lonlat", v) for v in value)
    except (TypeError, ValueError):
        raise PortError(
            QT_TR_NOOP("aoi_lonlat = {value!r} must be [lon_min, lat_min, lon_max, lat_max] in degrees."),
            value=value
        ) from None
    _check_lat_lon(lat_min, lon_min)
    _check_lat_lon(lat_max, lon_max)
    if not (lon_min < lon_max and lat_min < lat_max):
        raise PortError(QT_TR_NOOP("aoi_lonlat = {values!r} is empty: minimums must be below maximums."),
                        values=list(value))
    return (lon_min, lat_min, lon_max, lat_max)


def make_port(name, lat_deg, lon_deg, **defaults) -> Port:
    """A validated Port; the slug comes from the name and the CRS from the location unless given.

    Every value is checked against the engine's limits (coal_monitor/core/limits.py); the first bad one
    raises PortError naming it. Unknown keywords are refused so a typo never passes silently.
    """
    unknown = set(defaults) - set(PORT_FIELDS)
    if unknown:
        raise PortError(
            QT_TR_NOOP("Unknown port field(s) {unknown}; known fields are {known}."),
            unknown=sorted(unknown), known=', '.join(PORT_FIELDS[5:])
        )
    if not isinstance(name, str) or not name.strip():
        raise PortError(QT_TR_NOOP("Port name {name!r} is empty; give the port a name such as 'Nampho'."),
                        name=name)
    name = " ".join(name.split())
    lat, lon = _check_lat_lon(lat_deg, lon_deg)
    try:
        slug = validate_slug(defaults.pop("slug")) if "slug" in defaults else slugify(name)
    except SlugError as exc:
        raise PortError(exc) from None
    crs = defaults.pop("crs_epsg", None)
    crs = utm_epsg_for(lat, lon) if crs is None else _check_metric_crs(crs, lat, lon)
    values = _validated_defaults(name, {**_coal_defaults(), **defaults})
    return Port(name=name, slug=slug, lat_deg=lat, lon_deg=lon, crs_epsg=crs, **values)


def _coal_defaults():
    return {
        f.name: f.default if f.default is not dataclasses.MISSING else f.default_factory()
        for f in dataclasses.fields(Port)
        if f.name in EDITABLE_FIELDS
    }


def _validated_defaults(name, values) -> dict:
    out = dict(values)
    out["repose_deg"] = _in_range(
        "repose_deg", values["repose_deg"], limits.REPOSE_MIN_DEG, limits.REPOSE_MAX_DEG,
        QT_TR_NOOP("degrees (coal piles stand at about 35)"))
    out["repose_tol_deg"] = _in_range(
        "repose_tol_deg", values["repose_tol_deg"], 0.0,
        min(out["repose_deg"] - limits.REPOSE_MIN_DEG, limits.REPOSE_MAX_DEG - out["repose_deg"]),
        QT_TR_NOOP("degrees (the repose band must stay within the repose limits)"))
    for key in ("density_t_m3", "density_lo_t_m3", "density_hi_t_m3"):
        out[key] = _in_range(key, values[key], limits.DENSITY_MIN_T_M3, limits.DENSITY_MAX_T_M3,
                             QT_TR_NOOP("t/m3 (stockpiled coal is about 0.85)"))
    if not out["density_lo_t_m3"] <= out["density_t_m3"] <= out["density_hi_t_m3"]:
        raise PortError(
            QT_TR_NOOP("Port {name!r}: density {density:g} t/m3 must lie within its band "
                       "{low:g}..{high:g} t/m3; widen the band or change it."),
            name=name, density=out['density_t_m3'], low=out['density_lo_t_m3'], high=out['density_hi_t_m3']
        )
    if values["default_model"] not in limits.MODELS:
        raise PortError(
            QT_TR_NOOP("default_model = {model!r} is not one of {models}."),
            model=values['default_model'], models=', '.join(limits.MODELS)
        )
    out["piers"] = _text_tuple("piers", values["piers"])
    if len({p.casefold() for p in out["piers"]}) != len(out["piers"]):
        raise PortError(QT_TR_NOOP("Port {name!r}: piers {piers!r} list a pier twice."),
                        name=name, piers=list(out['piers']))
    out["pier_depths_m"] = _pier_depths(name, values["pier_depths_m"], out["piers"])
    out["checks"] = _text_tuple("checks", values["checks"])
    out["notes"] = "" if values["notes"] is None else str(values["notes"])
    out["aoi_lonlat"] = _aoi(values["aoi_lonlat"])
    return out


def _pier_depths(name, depths, piers) -> tuple:
    """{pier: [shallowest_m, deepest_m]} (or the Port's tuple form) checked: known piers,
    0 < shallowest <= deepest <= the limit. Returns ((pier, shallowest_m, deepest_m), ...)."""
    if not depths:
        return ()
    if isinstance(depths, (tuple, list)) and all(isinstance(e, (tuple, list)) and len(e) == 3 for e in depths):
        depths = {e[0]: e[1:] for e in depths}
    if not isinstance(depths, dict):
        raise PortError(QT_TR_NOOP("Port {name!r}: pier_depths_m = {depths!r} must map pier names to [shallowest, "
                                   "deepest] depths in metres, e.g. {{\"coal terminal\": [7, 9]}}."),
                        name=name, depths=depths)
    out = {}
    for pier, band in depths.items():
        if pier not in piers:
            raise PortError(QT_TR_NOOP("Port {name!r}: pier_depths_m names the pier {pier!r}, which is not one of "
                                       "its piers {piers!r}; add the pier first or correct the name."),
                            name=name, pier=pier, piers=list(piers))
        try:
            low, high = (float(v) for v in band)
        except (TypeError, ValueError):
            raise PortError(QT_TR_NOOP("Port {name!r}: the depth of pier {pier!r} is {band!r}; give [shallowest, "
                                       "deepest] in metres, e.g. [7, 9]."), name=name, pier=pier, band=band) from None
        if not 0 < low <= high <= limits.BERTH_DEPTH_MAX_M:
            raise PortError(QT_TR_NOOP("Port {name!r}: the depth of pier {pier!r} is {low:g}..{high:g} m; it must "
                                       "satisfy 0 < shallowest <= deepest <= {BERTH_DEPTH_MAX_M:g} m."),
                            name=name, pier=pier, low=low, high=high,
                            BERTH_DEPTH_MAX_M=limits.BERTH_DEPTH_MAX_M)
        out[pier] = (low, high)
    return tuple((pier, low, high) for pier, (low, high) in out.items())


def port_from_dict(data) -> Port:
    """A validated Port from a JSON object (as written by ``Port.to_dict`` or resources/ports.json)."""
    if not isinstance(data, dict):
        raise PortError(QT_TR_NOOP("Port entry {data!r} is not a JSON object."), data=data)
    missing = [k for k in ("name", "lat_deg", "lon_deg") if k not in data]
    if missing:
        raise PortError(QT_TR_NOOP("Port entry {entry!r} lacks {missing}."),
                        entry=data.get('name', data), missing=', '.join(missing))
    rest = {k: v for k, v in data.items() if k not in ("name", "lat_deg", "lon_deg")}
    return make_port(data["name"], data["lat_deg"], data["lon_deg"], **rest)


def builtin_ports() -> list:
    """The ports shipped with the plugin (resources/ports.json), validated, in file order."""
    from ..resources import resource_path

    path = resource_path("ports.json")
    document = _read_json(path)
    if document.get("format") != REGISTRY_FORMAT or not isinstance(document.get("ports"), list):
        raise PortError(QT_TR_NOOP("{path} is not a Coal Monitor ports file; reinstall the plugin."),
                        path=path)
    ports = [port_from_dict(entry) for entry in document["ports"]]
    _refuse_duplicates(ports, path)
    return ports


def port_names(path=None) -> list:
    """The registry's port names (built-ins, then the analyst's own in ``path``), read without building
    or checking the ports: cheap enough for a Processing dialog's list at QGIS's start (no pyproj).
    ``PortRegistry`` checks them when a port is used."""
    from ..resources import resource_path

    names = [entry.get("name") for entry in _read_json(resource_path("ports.json")).get("ports") or []]
    if path is not None and Path(path).exists():
        names += [entry.get("name") for entry in _read_json(path).get("user_ports") or []]
    return [name for name in names if isinstance(name, str) and name.strip()]


def _read_json(path):
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as exc:
        raise PortError(QT_TR_NOOP("Cannot read the ports file {path}: {reason}."),
                        path=path, reason=exc.strerror or exc) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise PortError(
            QT_TR_NOOP("The ports file {path} is not valid JSON ({exc}); it was left untouched. "
                       "Fix or remove it."), path=path, exc=exc
        ) from None
    if not isinstance(document, dict):
        raise PortError(QT_TR_NOOP("The ports file {path} does not hold a JSON object; it was left untouched."),
                        path=path)
    return document


def _refuse_duplicates(ports, where):
    names, slugs = set(), set()
    for port in ports:
        if port.name.casefold() in names or port.slug in slugs:
            raise PortError(QT_TR_NOOP("{where}: port {name!r} (slug {slug!r}) is listed twice."),
                            where=where, name=port.name, slug=port.slug)
        names.add(port.name.casefold())
        slugs.add(port.slug)


class PortRegistry:
    """The ports an analyst works with: built-ins, edited defaults layered over them, and own ports.

    ``path`` is the JSON file holding the analyst's layer (None keeps everything in memory). Every
    change is saved at once, atomically (temporary file + rename), so a crash never leaves half a file.
    A file that cannot be read raises PortError and is never overwritten.
    """

    def __init__(self, path=None):
        self.path = Path(path) if path is not None else None
        self._builtins = {p.name: p for p in builtin_ports()}
        self._edits = {}  # built-in name -> {field: value}
        self._user = {}  # name -> Port
        if self.path is not None and self.path.exists():
            self._load()

    # -- queries --------------------------------------------------------------------------------------

    def ports(self) -> list:
        """All ports, built-ins first (in shipped order, with edits applied), then the analyst's own."""
        return [self._effective(name) for name in self._builtins] + list(self._user.values())

    def names(self) -> list:
        return [p.name for p in self.ports()]

    def get(self, name) -> Port:
        """The port called ``name`` (case and surrounding spaces ignored); PortError if unknown."""
        key = self._find(name)
        if key is None:
            raise PortError(
                QT_TR_NOOP("No port called {name!r}; known ports: {known}. "
                           "Add it first (name and reference point)."),
                name=name, known=', '.join(self.names())
            )
        return self._effective(key)

    def get_by_slug(self, slug) -> Port:
        for port in self.ports():
            if port.slug == slug:
                return port
        raise PortError(QT_TR_NOOP("No port has the slug {slug!r}."), slug=slug)

    def is_builtin(self, name) -> bool:
        return self._find(name) in self._builtins

    def __contains__(self, name):
        return self._find(name) is not None

    # -- changes --------------------------------------------------------------------------------------

    def add(self, name, lat_deg, lon_deg, **defaults) -> Port:
        """Add an analyst's port (validated by ``make_port``); duplicate names or slugs are refused."""
        port = make_port(name, lat_deg, lon_deg, **defaults)
        self._refuse_clash(port)
        self._commit(self._edits, {**self._user, port.name: port})
        return port

    def edit(self, name, **changes) -> Port:
        """Change a port's defaults (repose, density band, model, piers, notes, aoi, checks)."""
        fixed = set(changes) - set(EDITABLE_FIELDS)
        if fixed:
            raise PortError(
                QT_TR_NOOP("Port {name!r}: {fixed} cannot be edited (the port file is named "
                           "and projected by them); remove the port and add it again, or edit only "
                           "{editable}."),
                name=name, fixed=', '.join(sorted(fixed)), editable=', '.join(EDITABLE_FIELDS)
            )
        current = self.get(name)
        updated = port_from_dict({**current.to_dict(), **changes})
        edits, user = dict(self._edits), dict(self._user)
        if current.name in self._builtins:
            base = self._builtins[current.name].to_dict()
            new = updated.to_dict()
            edits[current.name] = {k: new[k] for k in EDITABLE_FIELDS if new[k] != base[k]}
            if not edits[current.name]:
                del edits[current.name]
        else:
            user[current.name] = updated
        self._commit(edits, user)
        return updated

    def reset(self, name) -> Port:
        """Drop the analyst's edits of a built-in port, back to the shipped defaults."""
        key = self._find(name)
        if key not in self._builtins:
            raise PortError(QT_TR_NOOP("Port {name!r} is not a built-in port; there are no shipped defaults."),
                            name=name)
        self._commit({k: v for k, v in self._edits.items() if k != key}, self._user)
        return self._builtins[key]

    def remove(self, name) -> None:
        """Remove an analyst's port (its GeoPackage, if any, is left on disk untouched)."""
        key = self._find(name)
        if key is None:
            raise PortError(QT_TR_NOOP("No port called {name!r} to remove."), name=name)
        if key in self._builtins:
            raise PortError(
                QT_TR_NOOP("Port {key!r} is built in and cannot be removed; use reset to restore its defaults."),
                key=key
            )
        self._commit(self._edits, {k: v for k, v in self._user.items() if k != key})

    # -- internals ------------------------------------------------------------------------------------

    def _find(self, name):
        if not isinstance(name, str):
            return None
        wanted = " ".join(name.split()).casefold()
        for key in list(self._builtins) + list(self._user):
            if key.casefold() == wanted:
                return key
        return None

    def _effective(self, key):
        if key in self._builtins:
            edits = self._edits.get(key)
            base = self._builtins[key]
            return port_from_dict({**base.to_dict(), **edits}) if edits else base
        return self._user[key]

    def _refuse_clash(self, port):
        for other in self.ports():
            if other.name.casefold() == port.name.casefold():
                raise PortError(QT_TR_NOOP("A port called {other!r} already exists; choose another name."),
                                other=other.name)
            if other.slug == port.slug:
                raise PortError(
                    QT_TR_NOOP("Port name {name!r} gives the file name '{slug}.gpkg', already used by "
                               "port {other!r}; choose a more distinct name."),
                    name=port.name, slug=port.slug, other=other.name
                )

    def _load(self):
        document = _read_json(self.path)
        if document.get("format") != REGISTRY_FORMAT:
            raise PortError(QT_TR_NOOP("{path} is not a Coal Monitor ports file; it was left untouched."),
                            path=self.path)
        version = document.get("format_version")
        if not isinstance(version, int) or version > REGISTRY_FORMAT_VERSION:
            raise PortError(
                QT_TR_NOOP("{path} has format version {version!r}, newer than this plugin reads "
                           "({supported}); update Coal Monitor. The file was left untouched."),
                path=self.path, version=version, supported=REGISTRY_FORMAT_VERSION
            )
        try:
            for name, edits in (document.get("edited_builtins") or {}).items():
                if name not in self._builtins:
                    raise PortError(QT_TR_NOOP("edited port {name!r} is not a built-in port"), name=name)
                unknown = set(edits) - set(EDITABLE_FIELDS)
                if unknown:
                    raise PortError(QT_TR_NOOP("edits of {name!r} touch fixed fields {unknown}"),
                                    name=name, unknown=sorted(unknown))
                port_from_dict({**self._builtins[name].to_dict(), **edits})
                self._edits[name] = dict(edits)
            for entry in document.get("user_ports") or []:
                port = port_from_dict(entry)
                self._refuse_clash(port)
                self._user[port.name] = port
        except PortError as exc:
            raise PortError(QT_TR_NOOP("{path}: {exc} The file was left untouched."),
                            path=self.path, exc=exc) from None

    def _commit(self, edits, user):
        """Save the new state first and adopt it only once it is on disk."""
        if self.path is not None:
            self._write(edits, user)
        self._edits, self._user = edits, user

    def _write(self, edits, user):
        document = {
            "format": REGISTRY_FORMAT,
            "format_version": REGISTRY_FORMAT_VERSION,
            "edited_builtins": edits,
            "user_ports": [p.to_dict() for p in user.values()],
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=".ports-", suffix=".json", dir=str(self.path.parent))
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(document, out, indent=2, ensure_ascii=False)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
