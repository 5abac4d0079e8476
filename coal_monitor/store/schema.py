"""The port GeoPackage schema, declared once as data.

File creation, migrations, the forms and styles stored in each file, the CSV export and the README's
schema table all read these declarations; a field is renamed or added here and nowhere else. Field
names are a contract with analysts' files that live for years: never rename one, only add.
"""
from dataclasses import dataclass
from typing import Optional, Tuple

from ..core import limits
from ..core.messages import QT_TR_NOOP, Message

# Version 1: the first released layout. Version 2 (the port's story): scenes.examined, examined_note and
# the coverage polygon, heaps.pile_uid, the port's pier depths and the `vessels` layer. A file whose
# `port.schema_version` is higher was written by a newer Coal Monitor and is refused; a lower one is
# migrated (missing layers, geometry columns and columns added; see migration.py) after a backup.
SCHEMA_VERSION = 2

HEAPS = "heaps"
SCENES = "scenes"
VESSELS = "vessels"
PORT = "port"
GEOMETRY_COLUMN = "geom"
COVERAGE_COLUMN = "coverage"
FID_COLUMN = "fid"

# The tables that are layers: their geometry column (polygons in the port's metric CRS). A scene's
# geometry is optional: the part of the port the image shows clearly.
GEOMETRY_COLUMNS = {HEAPS: GEOMETRY_COLUMN, SCENES: COVERAGE_COLUMN, VESSELS: GEOMETRY_COLUMN}
# Tables that gained their geometry column in a later version: it comes after their columns in every file.
GEOMETRY_APPENDED = (SCENES,)

IDENTIFICATIONS = ("confirmed", "probable", "possible")
CONFIDENCES = ("high", "moderate", "low")
HEIGHT_METHODS = ("manual", "shadow", "dem", "imported")
VESSEL_STATES = ("loading", "moored", "at_anchor", "underway", "unknown")


@dataclass(frozen=True)
class Field:
    """One column: its GeoPackage type, what the analyst sees and what values it may hold.

    ``values``: the allowed values (a value-map widget and a constraint). ``min``/``max``: an inclusive
    range (``min_exclusive`` for "strictly above"). ``derived``: computed by the engine, read-only in
    forms. ``required``: NOT NULL in the file and in the form.
    """

    name: str
    type: str  # TEXT, REAL, INTEGER, BOOLEAN, DATETIME (GeoPackage column types)
    alias: str
    comment: str
    required: bool = False
    unique: bool = False
    values: Tuple[str, ...] = ()
    min: Optional[float] = None
    max: Optional[float] = None
    min_exclusive: bool = False
    derived: bool = False
    default_expression: str = ""

    @property
    def widget(self) -> str:
        """The QGIS edit widget type this field gets in forms."""
        if self.values:
            return "ValueMap"
        if self.type == "DATETIME":
            return "DateTime"
        if self.type == "BOOLEAN":
            return "CheckBox"
        if self.type in ("REAL", "INTEGER") and self.min is not None and not self.derived:
            return "Range"
        return "TextEdit"

    def constraint_expression(self) -> str:
        """A QGIS expression true for acceptable values (empty when anything goes)."""
        ref = f'"{self.name}"'
        if self.values:
            listed = ", ".join(f"'{v}'" for v in self.values)
            test = f"{ref} IN ({listed})"
        elif self.min is not None:
            low = ">" if self.min_exclusive else ">="
            test = f"{ref} {low} {self.min:g} AND {ref} <= {self.max:g}"
        else:
            return ""
        return test if self.required else f"{ref} IS NULL OR ({test})"

    def constraint_text(self) -> str:
        """The constraint in words, for forms and the README."""
        if self.values:
            return "one of " + ", ".join(self.values)
        if self.min is not None:
            low = "above" if self.min_exclusive else "from"
            return f"{low} {self.min:g} to {self.max:g}"
        return ""

    def check(self, value) -> Optional[Message]:
        """Why ``value`` does not fit this field (a Message: English text, translatable), or None when it fits
        (None values: see ``required``)."""
        if value is None:
            return Message(QT_TR_NOOP("'{name}' is required"), name=self.name) if self.required else None
        if self.type == "BOOLEAN" and value not in (0, 1, True, False):
            return Message(QT_TR_NOOP("'{name}' is {value!r}; use true or false"), name=self.name, value=value)
        if self.values and value not in self.values:
            return Message(QT_TR_NOOP("'{name}' is {value!r}; use one of {values}"),
                           name=self.name, value=value, values=', '.join(self.values))
        if self.min is not None:
            try:
                number = float(value)
            except (TypeError, ValueError):
                return Message(QT_TR_NOOP("'{name}' is {value!r}, not a number"), name=self.name, value=value)
            too_low = number <= self.min if self.min_exclusive else number < self.min
            if too_low or number > self.max or number != number:
                return Message(QT_TR_NOOP("'{name}' is {value!r}; use a value above {low:g} to {high:g}")
                               if self.min_exclusive else
                               QT_TR_NOOP("'{name}' is {value!r}; use a value from {low:g} to {high:g}"),
                               name=self.name, value=value, low=self.min, high=self.max)
        return None


def _derived(name, alias, comment, type_="REAL"):
    return Field(name, type_, alias, comment, derived=True)


def _seen_on_an_image(uid, what):
    """The first fields of a thing measured on one image: its UUID, the image and when it was seen."""
    return (
        Field(uid, "TEXT", f"{what.capitalize()} UID", f"UUID of the {what}, kept when it is copied to another file",
              required=True, unique=True, default_expression="uuid('WithoutBraces')"),
        Field("scene_id", "TEXT", "Scene", f"scene_id of the image the {what} was measured on (table scenes)"),
        Field("observed_utc", "DATETIME", "Observed (UTC)", f"when the {what} was seen: the image's acquisition time",
              required=True),
    )


HEAP_FIELDS = _seen_on_an_image("heap_uid", "heap") + (
    Field("pier", "TEXT", "Pier", "pier or yard of the port"),
    Field("label", "TEXT", "Label", "analyst's short name for the heap"),
    Field("identification", "TEXT", "Identification", "how sure it is coal", values=IDENTIFICATIONS),
    Field("confidence", "TEXT", "Confidence", "confidence in the measurement", values=CONFIDENCES),
    Field("height_m", "REAL", "Height (m)", "heap height above its base",
          required=True, min=0.0, max=limits.HEIGHT_MAX_M, min_exclusive=True),
    Field("height_sigma_m", "REAL", "Height +- (m)", "one-sigma uncertainty of the height",
          min=0.0, max=limits.HEIGHT_MAX_M),
    Field("height_method", "TEXT", "Height method", "how the height was obtained", values=HEIGHT_METHODS),
    Field("model", "TEXT", "Pile model", "volume model: repose-capped pile, prism (walls) or cone",
          required=True, values=tuple(limits.MODELS)),
    Field("repose_deg", "REAL", "Angle of repose (deg)", "angle of repose used by the model",
          required=True, min=limits.REPOSE_MIN_DEG, max=limits.REPOSE_MAX_DEG),
    Field("density_t_m3", "REAL", "Bulk density (t/m3)", "bulk density used for the tonnage",
          required=True, min=limits.DENSITY_MIN_T_M3, max=limits.DENSITY_MAX_T_M3),
    _derived("area_m2", "Area (m2)", "footprint area on the ellipsoid"),
    _derived("height_max_m", "Tallest pile (m)", "tallest repose pile the footprint can hold"),
    _derived("volume_m3", "Volume (m3)", "volume estimate"),
    _derived("volume_lo_m3", "Volume low (m3)", "low end of the volume range"),
    _derived("volume_hi_m3", "Volume high (m3)", "high end of the volume range"),
    _derived("tonnage_t", "Tonnage (t)", "tonnage estimate: volume x density"),
    _derived("tonnage_lo_t", "Tonnage low (t)", "low end of the tonnage range"),
    _derived("tonnage_hi_t", "Tonnage high (t)", "high end of the tonnage range"),
    _derived("volume_note", "Volume note", "engine's warning; empty when all is well", "TEXT"),
    Field("analyst", "TEXT", "Analyst", "who measured the heap"),
    Field("created_utc", "DATETIME", "Created (UTC)", "when the heap was logged"),
    Field("modified_utc", "DATETIME", "Modified (UTC)", "when the heap was last changed"),
    Field("notes", "TEXT", "Notes", "free text"),
    # Version 2: appended, so that new and migrated files have the same layout.
    Field("pile_uid", "TEXT", "Pile UID", "UUID of the physical pile: its heaps on several images share it; "
          "unique on one image", default_expression="uuid('WithoutBraces')"),
)

SCENE_FIELDS = (
    Field("scene_id", "TEXT", "Scene", "the provider's identifier of the image", required=True, unique=True),
    Field("sensor", "TEXT", "Sensor", "satellite or sensor name"),
    Field("acquired_utc", "DATETIME", "Acquired (UTC)", "acquisition time, to the minute or better"),
    Field("gsd_m", "REAL", "GSD (m)", "ground sample distance", min=0.0, max=100.0, min_exclusive=True),
    Field("sun_elevation_deg", "REAL", "Sun elevation (deg)", "sun elevation at acquisition",
          min=-90.0, max=90.0),
    Field("sun_azimuth_deg", "REAL", "Sun azimuth (deg)", "sun azimuth, clockwise from north",
          min=0.0, max=360.0),
    Field("off_nadir_deg", "REAL", "Off-nadir (deg)", "off-nadir view angle", min=0.0, max=90.0),
    Field("incidence_deg", "REAL", "Incidence (deg)", "incidence angle on the ground", min=0.0, max=90.0),
    Field("view_azimuth_deg", "REAL", "View azimuth (deg)", "azimuth of the satellite seen from the ground",
          min=0.0, max=360.0),
    Field("source", "TEXT", "Source", "provider, licence and attribution"),
    Field("raster_path", "TEXT", "Raster path", "image file, relative to the port file where possible"),
    Field("notes", "TEXT", "Notes", "free text"),
    # Version 2:
    Field("examined", "BOOLEAN", "Examined", "every heap seen on the image is logged (none: the image shows "
          "no coal); only examined images or images with heaps are observations"),
    Field("examined_note", "TEXT", "Examined note", "what the analyst saw, e.g. \"examined: no coal\""),
)

# One row per ship seen on one image. LOA and beam come from the hull's outline (its oriented minimum
# bounding box); class, deadweight and cargo ranges from the ship class table (resources/ship_classes.json).
VESSEL_FIELDS = _seen_on_an_image("vessel_uid", "vessel") + (
    Field("pier", "TEXT", "Pier", "pier the ship lies at (empty at anchor)"),
    _derived("loa_m", "LOA (m)", "length overall: the hull outline's long side"),
    _derived("beam_m", "Beam (m)", "beam: the hull outline's short side"),
    _derived("vessel_class", "Class", "class from LOA and beam (ship class table); empty when none fits", "TEXT"),
    _derived("dwt_lo_t", "Deadweight low (t)", "low end of the class's deadweight"),
    _derived("dwt_hi_t", "Deadweight high (t)", "high end of the class's deadweight"),
    _derived("cargo_lo_t", "Cargo low (t)", "low end of a full coal cargo, capped by the berth's depth"),
    _derived("cargo_hi_t", "Cargo high (t)", "high end of a full coal cargo, capped by the berth's depth"),
    Field("state", "TEXT", "State", "what the ship is doing", required=True, values=VESSEL_STATES),
    Field("hatches_open", "BOOLEAN", "Hatches open", "open hatches seen"),
    Field("cargo_visible", "BOOLEAN", "Cargo visible", "dark cargo seen in the holds"),
    Field("name", "TEXT", "Name", "ship's name, when identified"),
    Field("imo", "TEXT", "IMO", "IMO number, when identified"),
    Field("identification", "TEXT", "Identification", "how sure the ship's identity is", values=IDENTIFICATIONS),
    Field("confidence", "TEXT", "Confidence", "confidence in the measurement", values=CONFIDENCES),
    Field("analyst", "TEXT", "Analyst", "who measured the ship"),
    Field("notes", "TEXT", "Notes", "free text"),
    Field("created_utc", "DATETIME", "Created (UTC)", "when the ship was logged"),
    Field("modified_utc", "DATETIME", "Modified (UTC)", "when the ship was last changed"),
)

PORT_FIELDS = (
    Field("name", "TEXT", "Port", "port name", required=True),
    Field("slug", "TEXT", "Slug", "file name of the port's GeoPackage without .gpkg", required=True),
    Field("lat_deg", "REAL", "Latitude (deg)", "reference point, WGS84", required=True, min=-90.0, max=90.0),
    Field("lon_deg", "REAL", "Longitude (deg)", "reference point, WGS84", required=True, min=-180.0, max=180.0),
    Field("crs_epsg", "INTEGER", "CRS (EPSG)", "the port's metric CRS; heaps are stored in it", required=True),
    Field("repose_deg", "REAL", "Angle of repose (deg)", "default angle of repose",
          required=True, min=limits.REPOSE_MIN_DEG, max=limits.REPOSE_MAX_DEG),
    Field("repose_tol_deg", "REAL", "Repose +- (deg)", "tolerance of the angle of repose", required=True,
          min=0.0, max=limits.REPOSE_TOLERANCE_MAX_DEG),
    Field("density_t_m3", "REAL", "Bulk density (t/m3)", "default bulk density", required=True,
          min=limits.DENSITY_MIN_T_M3, max=limits.DENSITY_MAX_T_M3),
    Field("density_lo_t_m3", "REAL", "Density low (t/m3)", "low end of the density band", required=True,
          min=limits.DENSITY_MIN_T_M3, max=limits.DENSITY_MAX_T_M3),
    Field("density_hi_t_m3", "REAL", "Density high (t/m3)", "high end of the density band", required=True,
          min=limits.DENSITY_MIN_T_M3, max=limits.DENSITY_MAX_T_M3),
    Field("default_model", "TEXT", "Default model", "pile model for new heaps", required=True,
          values=tuple(limits.MODELS)),
    Field("piers", "TEXT", "Piers", "JSON list of the port's pier names"),
    Field("notes", "TEXT", "Notes", "free text"),
    Field("schema_version", "INTEGER", "Schema version", "layout version of this file", required=True),
    Field("created_utc", "DATETIME", "Created (UTC)", "when the file was created", required=True),
    # Version 2:
    Field("pier_depths_m", "TEXT", "Pier depths (m)", "JSON object: pier name -> [shallowest, deepest] water "
          "depth alongside, in metres; caps ships' cargo"),
)

TABLES = {HEAPS: HEAP_FIELDS, SCENES: SCENE_FIELDS, VESSELS: VESSEL_FIELDS, PORT: PORT_FIELDS}
TABLE_COMMENTS = {
    HEAPS: "layer (polygons in the port's metric CRS): one row per heap seen on one image",
    SCENES: "layer (optional coverage polygon in the port's metric CRS: the part of the port the image shows "
            "clearly): one row per image",
    VESSELS: "layer (hull polygons in the port's metric CRS): one row per ship seen on one image",
    PORT: "table: exactly one row describing the port",
}

# What the engine derives; never accepted from a caller.
DERIVED_FIELDS = tuple(f.name for f in HEAP_FIELDS if f.derived)
# Inputs whose change requires the heap's numbers to be recomputed (besides the footprint).
VOLUME_INPUTS = limits.VOLUME_INPUTS
# Set by the store itself.
STORE_MANAGED = ("created_utc", "modified_utc")


def field(table: str, name: str) -> Field:
    """The declaration of ``table.name``; KeyError names the table when there is none."""
    for candidate in TABLES[table]:
        if candidate.name == name:
            return candidate
    raise KeyError(f"table '{table}' has no field '{name}'")


def field_names(table: str) -> Tuple[str, ...]:
    return tuple(f.name for f in TABLES[table])


def markdown_table(table: str) -> str:
    """The schema of ``table`` as a Markdown table (the README's contract section is this text)."""
    lines = [
        f"`{table}`: {TABLE_COMMENTS[table]}",
        "",
        "| Field | Type | Alias | Allowed values | Meaning |",
        "|---|---|---|---|---|",
    ]
    for f in TABLES[table]:
        notes = [f.comment]
        if f.required:
            notes.append("required")
        if f.unique:
            notes.append("unique")
        if f.derived:
            notes.append("derived by the engine")
        lines.append(f"| `{f.name}` | {f.type} | {f.alias} | {f.constraint_text()} | {'; '.join(notes)} |")
    return "\n".join(lines)


def markdown() -> str:
    """All tables, in file order, with the schema version: the README's schema section."""
    parts = [f"Schema version {SCHEMA_VERSION}."]
    parts.extend(markdown_table(t) for t in TABLES)
    return "\n\n".join(parts) + "\n"


if __name__ == "__main__":
    # `python -m coal_monitor.store.schema` prints the README's schema section.
    print(markdown(), end="")
