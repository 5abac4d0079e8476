"""Creating a port GeoPackage: GDAL lays out the GeoPackage, the schema declares the tables.

GDAL (OGR) writes the GeoPackage core tables, the R-tree spatial index and its triggers exactly as its
validator expects; we then add what makes the file ours: the `port` row, the default styles in
`layer_styles`, and the triggers that flag heaps edited by other programs. The file is built under a
temporary name and linked into place only when complete, so a crash never leaves a half-made port file
and an existing file is never overwritten.
"""
import json
import os
import sqlite3
from pathlib import Path

from ..core.messages import QT_TR_NOOP
from . import schema
from .errors import StoreError
from .sql import placeholders, statement
from .sqltime import utc_now_text

OGR_TYPES = {"TEXT": "OFTString", "REAL": "OFTReal", "INTEGER": "OFTInteger", "BOOLEAN": "OFTInteger",
             "DATETIME": "OFTDateTime"}

STALE_TABLE = "cm_heap_stale"
WATCHED_COLUMNS = (schema.GEOMETRY_COLUMN,) + schema.VOLUME_INPUTS + schema.DERIVED_FIELDS

# Any insert, or any change of a footprint, an input or a number, flags the heap; the store clears the
# flag in the same transaction as its own verified write. Flags left by other programs (plain QGIS,
# ogr2ogr, the sqlite3 shell) are checked against the engine when the port is next opened.
STORE_SQL = tuple(statement(template, heaps=schema.HEAPS, stale=STALE_TABLE, watched=WATCHED_COLUMNS) for template in (
    "CREATE TABLE IF NOT EXISTS {stale} (fid INTEGER PRIMARY KEY, flagged_utc TEXT NOT NULL "
    "DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))",
    "CREATE TRIGGER IF NOT EXISTS cm_heaps_inserted AFTER INSERT ON {heaps} BEGIN "
    "INSERT OR REPLACE INTO {stale}(fid) VALUES (NEW.fid); END",
    "CREATE TRIGGER IF NOT EXISTS cm_heaps_changed AFTER UPDATE OF {watched} ON {heaps} BEGIN "
    "INSERT OR REPLACE INTO {stale}(fid) VALUES (NEW.fid); END",
    "CREATE TRIGGER IF NOT EXISTS cm_heaps_deleted AFTER DELETE ON {heaps} BEGIN "
    "DELETE FROM {stale} WHERE fid = OLD.fid; END",
    "CREATE INDEX IF NOT EXISTS cm_heaps_observed_utc ON {heaps}(observed_utc)",
    "CREATE INDEX IF NOT EXISTS cm_heaps_scene_id ON {heaps}(scene_id)",
))


# A layer's srs_id in gpkg_contents is its geometry column's (GDAL leaves 0 on a geometry column added
# to an existing table).
LAYER_SRS_SQL = ("UPDATE gpkg_contents SET srs_id = (SELECT g.srs_id FROM gpkg_geometry_columns g "
                 "WHERE g.table_name = gpkg_contents.table_name) WHERE data_type = 'features'")


def _gdal():
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    ogr.UseExceptions()
    osr.UseExceptions()
    return gdal, ogr, osr


def _domain(ogr, table, declared):
    """The field's value list or range as an OGR field domain (GeoPackage schema extension), or None.

    Tools that never heard of Coal Monitor (GDAL, ArcGIS) read these from gpkg_data_column_constraints.
    """
    name = f"{table}_{declared.name}"
    description = f"{declared.alias}: {declared.constraint_text()}"
    if declared.values:
        return ogr.CreateCodedFieldDomain(name, description, ogr.OFTString, ogr.OFSTNone,
                                          {value: value for value in declared.values})
    if declared.min is not None and declared.type in ("REAL", "INTEGER"):
        return ogr.CreateRangeFieldDomain(name, description, getattr(ogr, OGR_TYPES[declared.type]), ogr.OFSTNone,
                                          declared.min, not declared.min_exclusive, declared.max, True)
    return None


def _add_field(ogr, datasource, layer, table, declared):
    definition = ogr.FieldDefn(declared.name, getattr(ogr, OGR_TYPES[declared.type]))
    if declared.type == "BOOLEAN":
        definition.SetSubType(ogr.OFSTBoolean)
    definition.SetNullable(not declared.required)
    if declared.unique:
        definition.SetUnique(True)
    domain = _domain(ogr, table, declared)
    if domain is not None:
        if datasource.GetFieldDomain(domain.GetName()) is None:
            datasource.AddFieldDomain(domain)
        definition.SetDomainName(domain.GetName())
    layer.CreateField(definition)


def _layer_creation_options(table, port_name, spatial):
    options = [f"FID={schema.FID_COLUMN}"]
    if spatial:
        options += [f"GEOMETRY_NAME={schema.GEOMETRY_COLUMNS[table]}", "SPATIAL_INDEX=YES"]
    if table == schema.HEAPS:
        options.append(f"DESCRIPTION=Coal heaps of {port_name}")
    return options


def add_missing_layers(datasource, crs_epsg: int, port_name: str) -> list:
    """Create every declared table, geometry column and column the open GeoPackage lacks; returns what.

    New files and migrations share this: a table is created as the schema declares it (a layer when it
    has a geometry column); an existing table without its geometry column gets it (GDAL registers it;
    the GeoPackage's srs_id in gpkg_contents and the spatial index are set here); missing columns are
    added with their domains. Nothing is removed or changed.
    """
    gdal, ogr, osr = _gdal()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(int(crs_epsg))
    added = []
    for table, fields in schema.TABLES.items():
        layer = datasource.GetLayerByName(table)
        geometry_column = schema.GEOMETRY_COLUMNS.get(table)
        if layer is None:
            # A table whose geometry came in a later version gets it after its columns, as a migrated file.
            spatial = bool(geometry_column) and table not in schema.GEOMETRY_APPENDED
            layer = datasource.CreateLayer(table, srs if spatial else None, ogr.wkbPolygon if spatial else ogr.wkbNone,
                                           _layer_creation_options(table, port_name, spatial))
            added.append(table)
        definition = layer.GetLayerDefn()
        present = {definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())}
        for declared in fields:
            if declared.name not in present:
                _add_field(ogr, datasource, layer, table, declared)
                if table not in added:
                    added.append(f"{table}.{declared.name}")
        if geometry_column and not layer.GetGeometryColumn():
            layer.SyncToDisk()  # GDAL defers creating a new table; the geometry must come after its columns
            column = ogr.GeomFieldDefn(geometry_column, ogr.wkbPolygon)
            column.SetSpatialRef(srs)
            layer.CreateGeomField(column)
            # GDAL 3.6 leaves gpkg_contents.srs_id at 0 here: LAYER_SRS_SQL sets it afterwards.
            datasource.ExecuteSQL(f"SELECT CreateSpatialIndex({_sqlite_text(table)}, "
                                  f"{_sqlite_text(geometry_column)})")
            added.append(f"{table}.{geometry_column}")
    return added


def _sqlite_text(value: str) -> str:
    """A schema name as an SQL string literal (names come from schema.py only, checked here)."""
    if not value.replace("_", "").isalnum():
        raise ValueError(f"not a schema name: {value!r}")
    return f"'{value}'"


def _add_layer_styles_table(ogr, datasource):
    """The table QGIS reads default styles from, laid out exactly as QGIS itself creates it."""
    layer = datasource.CreateLayer("layer_styles", None, ogr.wkbNone, ["FID=id"])
    for name, width in (("f_table_catalog", 256), ("f_table_schema", 256), ("f_table_name", 256),
                        ("f_geometry_column", 256), ("styleName", 30), ("styleQML", 0), ("styleSLD", 0)):
        definition = ogr.FieldDefn(name, ogr.OFTString)
        definition.SetWidth(width)
        layer.CreateField(definition)
    flag = ogr.FieldDefn("useAsDefault", ogr.OFTInteger)
    flag.SetSubType(ogr.OFSTBoolean)
    layer.CreateField(flag)
    for name, width in (("description", 0), ("owner", 30), ("ui", 30)):
        definition = ogr.FieldDefn(name, ogr.OFTString)
        definition.SetWidth(width)
        layer.CreateField(definition)
    stamp = ogr.FieldDefn("update_time", ogr.OFTDateTime)
    stamp.SetDefault("CURRENT_TIMESTAMP")
    layer.CreateField(stamp)


def _build_with_ogr(path: Path, port) -> None:
    gdal, ogr, osr = _gdal()
    datasource = gdal.GetDriverByName("GPKG").Create(str(path), 0, 0, 0, gdal.GDT_Unknown)
    add_missing_layers(datasource, port.crs_epsg, port.name)
    _add_layer_styles_table(ogr, datasource)
    datasource = None  # closes and flushes the file


def port_row(port, created_utc: str) -> dict:
    row = {name: getattr(port, name) for name in schema.field_names(schema.PORT) if hasattr(port, name)}
    row["piers"] = json.dumps(list(port.piers or ()))
    row["pier_depths_m"] = json.dumps(port.to_dict()["pier_depths_m"])
    row["schema_version"] = schema.SCHEMA_VERSION
    row["created_utc"] = created_utc
    return row


def _finish_with_sqlite(path: Path, port) -> None:
    from .styles import write_default_styles

    connection = sqlite3.connect(str(path), isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        for sql in STORE_SQL:
            connection.execute(sql)
        connection.execute(LAYER_SRS_SQL)
        row = port_row(port, utc_now_text())
        connection.execute(statement("INSERT INTO {t} ({columns}) VALUES (", t=schema.PORT, columns=row)
                           + placeholders(len(row)) + ")", tuple(row.values()))
        write_default_styles(connection)
        describe_columns(connection)
        # GDAL leaves the counts unknown (NULL) after creating; known counts are kept up to date by its
        # triggers from here on, and let QGIS show a 100,000-heap layer's count without a full scan.
        connection.execute("UPDATE gpkg_ogr_contents SET feature_count = 0")
        for table in (schema.PORT, "layer_styles"):
            connection.execute(statement("UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM {t}) "
                                         "WHERE table_name = ?", t=table), (table,))
        connection.execute("COMMIT")
    finally:
        connection.close()


def describe_columns(connection) -> None:
    """Every column's alias and meaning in gpkg_data_columns (title, description), for any GeoPackage tool.

    GDAL created the table and rows for columns with a domain; ``name`` stays empty because the
    GeoPackage makes it unique across the whole file, and "Notes" is a column of two tables.
    """
    for table, fields in schema.TABLES.items():
        for declared in fields:
            connection.execute(
                "INSERT INTO gpkg_data_columns (table_name, column_name, title, description) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (table_name, column_name) DO UPDATE SET title = excluded.title, "
                "description = excluded.description",
                (table, declared.name, declared.alias, declared.comment),
            )


def create_port_file(path, port) -> Path:
    """Create the port file at ``path``; refuses to replace anything that exists there."""
    path = Path(path)
    if path.exists():
        raise StoreError(
            QT_TR_NOOP("Port file {path} already exists; Coal Monitor never overwrites a port file. "
                       "Open it instead, or move it away first."), path=path
        )
    if not path.parent.is_dir():
        raise StoreError(QT_TR_NOOP("Cannot create port file {path}: the folder {folder} does not exist; create it "
                                    "first."), path=path, folder=path.parent)
    for declared in schema.PORT_FIELDS:
        if hasattr(port, declared.name):
            problem = declared.check(getattr(port, declared.name))
            if problem:
                raise StoreError(QT_TR_NOOP("Cannot create port file {path}: port {name!r}: {problem}."),
                                 path=path, name=port.name, problem=problem)
    building = path.with_name(f".{path.stem}.creating-{os.getpid()}.gpkg")
    try:
        _build_with_ogr(building, port)
        _finish_with_sqlite(building, port)
        os.link(building, path)  # fails if the path appeared meanwhile: never overwrites
    except FileExistsError:
        raise StoreError(QT_TR_NOOP("Port file {path} appeared while it was being created; it was left untouched."),
                         path=path) from None
    except (OSError, RuntimeError, sqlite3.Error) as exc:
        raise StoreError(QT_TR_NOOP("Cannot create port file {path}: {exc}. Check the folder is writable and has "
                                    "space."), path=path, exc=exc) from exc
    finally:
        for leftover in (building, Path(str(building) + "-journal")):
            if leftover.exists():
                leftover.unlink()
    return path
