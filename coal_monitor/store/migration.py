"""Recognising our port files and bringing older ones up to the current schema.

A file is ours when it is a GeoPackage with the `port`, `heaps` and `scenes` tables and a schema version
in its `port` row. Newer versions are refused (an old plugin must not rewrite a file it does not fully
understand); older ones get the columns the schema has gained, after a full backup copy beside them.
"""
import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional, Tuple

from ..core.messages import QT_TR_NOOP
from . import schema
from .creation import STORE_SQL, describe_columns
from .errors import StoreError
from .sql import statement
from .styles import write_default_styles


def _tables(connection):
    return {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _columns(connection, table):
    return {r[1] for r in connection.execute(f"PRAGMA table_info({table})")}


def _missing_columns(connection):
    return {table: [f for f in fields if f.name not in _columns(connection, table)]
            for table, fields in schema.TABLES.items()}


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
        lacking = [f"{t}.{f.name}" for t, fields in missing.items() for f in fields]
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
    connection.execute("BEGIN IMMEDIATE")
    try:
        for table, fields in missing.items():
            for declared in fields:
                connection.execute(statement("ALTER TABLE {t} ADD COLUMN {c} ", t=table, c=declared.name)
                                   + declared.type)
        for sql in STORE_SQL:
            connection.execute(sql)
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
