"""Recognising our port files and bringing older ones up to the current schema.

A file is ours when it is a GeoPackage with the `port`, `heaps` and `scenes` tables and a schema version
in its `port` row. Newer versions are refused (an old plugin must not rewrite a file it does not fully
understand); older ones get what the schema has gained, after a byte-identical backup beside them:

1. GDAL adds the missing layers (version 2: `vessels`), geometry columns (`scenes.coverage`) and columns
   with their domains (``creation.add_missing_layers``), exactly as a new file has them;
2. one SQLite transaction then adds the store's triggers, the default styles and column descriptions,
   gives every heap of version 1 its own pile (``pile_uid``), fills the pier depths a built-in port
   knows, and writes the new version. Until that commits the file keeps its old version, so an
   interrupted migration is simply done again on the next open; no heap or number is touched.
"""
import json
import shutil
import sqlite3
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional, Tuple

from ..core.messages import QT_TR_NOOP
from . import schema
from .creation import LAYER_SRS_SQL, STORE_SQL, add_missing_layers, describe_columns
from .errors import StoreError
from .sql import statement
from .styles import write_default_styles


def _tables(connection):
    return {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _columns(connection, table):
    return {r[1] for r in connection.execute(f"PRAGMA table_info({table})")}


def _missing_columns(connection):
    """{table: [names]} the file lacks: columns, geometry columns, or the whole table."""
    tables = _tables(connection)
    missing = {}
    for table, fields in schema.TABLES.items():
        present = _columns(connection, table) if table in tables else set()
        geometry = [schema.GEOMETRY_COLUMNS[table]] if table in schema.GEOMETRY_COLUMNS else []
        names = [f.name for f in fields] + geometry
        missing[table] = [name for name in names if name not in present]
    return missing


def _add_layers_with_gdal(path: Path, connection) -> None:
    from osgeo import gdal

    epsg = connection.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                              (schema.HEAPS,)).fetchone()[0]
    name = connection.execute(statement("SELECT name FROM {t}", t=schema.PORT)).fetchone()[0]
    try:
        datasource = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
        add_missing_layers(datasource, epsg, name)
        datasource = None  # closes and flushes
    except RuntimeError as exc:
        raise StoreError(QT_TR_NOOP("Cannot upgrade {path} to schema version {SCHEMA_VERSION}: {exc}. The file keeps "
                                    "its old version and all its heaps; check the folder is writable and has space, "
                                    "then open it again."),
                         path=path, SCHEMA_VERSION=schema.SCHEMA_VERSION, exc=exc) from exc


def _give_each_heap_its_pile(connection) -> int:
    """Version 1 heaps have no pile identity: each becomes its own pile (the analyst links them later)."""
    rows = connection.execute(statement("SELECT fid FROM {t} WHERE pile_uid IS NULL", t=schema.HEAPS)).fetchall()
    connection.executemany(statement("UPDATE {t} SET pile_uid = ? WHERE fid = ?", t=schema.HEAPS),
                           [(str(uuid.uuid4()), row[0]) for row in rows])
    return len(rows)


def _fill_known_pier_depths(connection) -> None:
    from ..core.ports import builtin_ports

    slug, depths = connection.execute(statement("SELECT slug, pier_depths_m FROM {t}", t=schema.PORT)).fetchone()
    if depths:
        return
    for port in builtin_ports():
        if port.slug == slug and port.pier_depths_m:
            connection.execute(statement("UPDATE {t} SET pier_depths_m = ?", t=schema.PORT),
                               (json.dumps(port.to_dict()["pier_depths_m"]),))


def _backup(path: Path, connection, version: int) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    backup_path = path.with_name(f"{path.stem}.schema-v{version}-backup-{stamp}.gpkg")
    if backup_path.exists():
        raise StoreError(QT_TR_NOOP("Cannot back up {path} before migrating it: {backup_path} already exists. Retry "
                                    "in a second."), path=path, backup_path=backup_path)
    # A byte-for-byte copy while holding a read lock (no writer can change the file meanwhile); a file
    # in WAL mode keeps recent pages outside itself, so it is copied through SQLite's backup instead.
    connection.execute("BEGIN")
    try:
        connection.execute(statement("SELECT count(*) FROM {t}", t=schema.PORT)).fetchone()
        if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
            target = sqlite3.connect(str(backup_path))
            try:
                connection.backup(target)
            finally:
                target.close()
        else:
            shutil.copyfile(path, backup_path)
    finally:
        connection.execute("COMMIT")
    return backup_path


def check_and_migrate(path: Path, connection, read_only: bool) -> Tuple[Optional[int], Optional[Path]]:
    """Refuse what is not ours or too new; migrate older files. Returns (old version, backup) if migrated."""
    tables = _tables(connection)
    absent = [t for t in (schema.PORT, schema.HEAPS, schema.SCENES) if t not in tables]
    if absent:
        raise StoreError(QT_TR_NOOP("{path} is a GeoPackage but not a Coal Monitor port file (no table {absent}). "
                                    "Load it as an ordinary layer, or create the port's own file."),
                         path=path, absent=', '.join(absent))
    rows = connection.execute(statement("SELECT schema_version FROM {t}", t=schema.PORT)).fetchall()
    if len(rows) != 1 or not isinstance(rows[0][0], int):
        raise StoreError(QT_TR_NOOP("{path}: its 'port' table must hold exactly one row with a schema_version; it "
                                    "has {rows} rows. The file was altered outside Coal Monitor; restore it from a "
                                    "backup."), path=path, rows=len(rows))
    version = rows[0][0]
    if version > schema.SCHEMA_VERSION:
        raise StoreError(QT_TR_NOOP("{path} was written by a newer Coal Monitor (schema version {version}; this "
                                    "plugin reads up to {supported}). Update the Coal Monitor plugin to open "
                                    "it."), path=path, version=version, supported=schema.SCHEMA_VERSION)
    missing = _missing_columns(connection)
    if version == schema.SCHEMA_VERSION:
        lacking = [f"{t}.{name}" for t, names in missing.items() for name in names]
        if lacking:
            raise StoreError(QT_TR_NOOP("{path} lacks the columns {lacking} of schema version {version}; it was "
                                        "altered outside Coal Monitor. Restore it from a backup or snapshot."),
                             path=path, lacking=', '.join(lacking), version=version)
        return None, None
    if read_only:
        raise StoreError(QT_TR_NOOP("{path} uses the older schema version {version} and must be upgraded, but it is "
                                    "read-only. Copy it to a writable folder and open it again."),
                         path=path, version=version)
    backup_path = _backup(path, connection, version)
    _add_layers_with_gdal(path, connection)
    connection.execute("BEGIN IMMEDIATE")
    try:
        for sql in STORE_SQL:
            connection.execute(sql)
        connection.execute(LAYER_SRS_SQL)
        _give_each_heap_its_pile(connection)
        _fill_known_pier_depths(connection)
        if "layer_styles" in tables:
            write_default_styles(connection)
        if "gpkg_data_columns" in tables:
            describe_columns(connection)
        connection.execute(statement("UPDATE {t} SET schema_version = ?", t=schema.PORT), (schema.SCHEMA_VERSION,))
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return version, backup_path
