"""One port's GeoPackage: the analyst's log of heaps, read and written through one object.

Writes go through Python's sqlite3 (GDAL's R-tree triggers get their ST_* functions from
``gpkg_geometry``): one short IMMEDIATE transaction per heap, so a killed process leaves every committed
heap whole and nothing else, and a second writer (another QGIS) waits its turn for up to
``lock_timeout_s`` instead of losing rows or freezing. Volumes and tonnages are never taken from the
caller: every write derives them through the engine from the stored footprint and inputs.

Typical use::

    with PortFile.open(path) as port_file:
        uid = port_file.add_heap(polygon, "EPSG:4326", {"observed_utc": "2024-04-02T02:31Z", "height_m": 8})
"""
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, List, Optional
from urllib.parse import quote

from ..core.messages import QT_TR_NOOP, Message
from ..core.ports import Port
from . import gpkg_geometry, schema
from .connection import (LOCK_TIMEOUT_S, begin_immediate, check_is_geopackage, check_is_sqlite, connect,
                         read_only_reason, set_journal_mode, sqlite_errors)
from .creation import create_port_file
from .errors import StoreError
from .footprint import FootprintConverter
from .migration import check_and_migrate
from .port_log_base import PortLogBase
from .sql import statement


class PortFile(PortLogBase):
    """An open port GeoPackage. Use ``PortFile.create`` or ``PortFile.open``; close it (or use ``with``)."""

    def __init__(self, path: Path, connection: sqlite3.Connection, read_only: bool, read_only_reason: str,
                 lock_timeout_s: float):
        self.path = path
        self._connection = connection
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.lock_timeout_s = lock_timeout_s
        self.migrated_from: Optional[int] = None
        self.backup_path: Optional[Path] = None
        self.port = self._read_port()
        self._srs_id = self._heaps_srs_id()
        self._footprints = FootprintConverter(self.port.crs_epsg)
        self._changed_tables: Dict[str, str] = {}
        self._data_version = self._change_token()

    # ---- opening --------------------------------------------------------------------------------------

    @classmethod
    def create(cls, path, port: Port, lock_timeout_s: float = LOCK_TIMEOUT_S) -> "PortFile":
        """Create a new port file for ``port`` at ``path`` and open it; never replaces an existing file."""
        create_port_file(path, port)
        return cls.open(path, lock_timeout_s=lock_timeout_s)

    @classmethod
    def open(cls, path, lock_timeout_s: float = LOCK_TIMEOUT_S) -> "PortFile":
        """Open an existing port file, checking it is a Coal Monitor port file of a version we can read.

        Foreign, corrupted and newer-schema files are refused with a StoreError; an older schema is
        migrated after a backup copy beside the file (``backup_path``). A file we may not write opens
        read-only (``read_only``, ``read_only_reason``): reads work, writes raise StoreError.
        """
        path = Path(path)
        check_is_sqlite(path)
        reason = read_only_reason(path)
        if reason:
            connection = connect(f"file:{quote(str(path.resolve()))}?mode=ro", lock_timeout_s, uri=True)
        else:
            connection = connect(str(path), lock_timeout_s)
        try:
            with sqlite_errors(path, lock_timeout_s, QT_TR_NOOP("open")):
                check_is_geopackage(path, connection)
                migrated_from, backup = check_and_migrate(path, connection, read_only=bool(reason))
            port_file = cls(path, connection, bool(reason), reason, lock_timeout_s)
            if not reason:
                set_journal_mode(connection, "wal")
        except BaseException:
            connection.close()
            raise
        port_file.migrated_from, port_file.backup_path = migrated_from, backup
        if not reason:
            port_file.verify_vessels()  # ships reshaped by another program get their numbers back
        return port_file

    def close(self) -> None:
        """Close the file; the last program to close it returns it to a single self-contained file."""
        if self._connection is not None:
            try:
                self._write_last_change()
            except StoreError:
                pass  # only metadata; the heaps themselves were committed one by one
            if not self.read_only:
                set_journal_mode(self._connection, "delete")
            self._connection.close()
            self._connection = None

    def snapshot(self, dest) -> Path:
        """A consistent copy of this port file at ``dest`` (SQLite online backup), safe while others write."""
        dest = Path(dest)
        if dest.exists():
            raise StoreError(QT_TR_NOOP("Snapshot target {dest} already exists; choose a new file name."),
                             dest=dest)
        partial = dest.with_name(f".{dest.name}.partial-{os.getpid()}")
        self._write_last_change()
        try:
            target = sqlite3.connect(str(partial))
            try:
                with sqlite_errors(self.path, self.lock_timeout_s, QT_TR_NOOP("snapshot")):
                    self._connection.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")
            finally:
                target.close()
            os.link(partial, dest)
        except FileExistsError:
            raise StoreError(QT_TR_NOOP("Snapshot target {dest} appeared meanwhile; it was left untouched."),
                             dest=dest) from None
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(QT_TR_NOOP("Cannot write snapshot {dest}: {exc}. Check the folder is writable."),
                             dest=dest, exc=exc) from exc
        finally:
            if partial.exists():
                partial.unlink()
        return dest

    # ---- internals ------------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self, action: str):
        if self._connection is None:
            raise StoreError(QT_TR_NOOP("Port file {path} is closed; open it again to {action}."),
                             path=self.path, action=Message(action))
        if self.read_only:
            raise StoreError(QT_TR_NOOP("Cannot {action}: port file {path} is open read-only ({reason}). "
                                        "Copy it to a writable folder or fix its permissions, then open it again."),
                             action=Message(action), path=self.path, reason=self.read_only_reason)
        with sqlite_errors(self.path, self.lock_timeout_s, action):
            begin_immediate(self._connection, self.lock_timeout_s)
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def _select(self, sql: str, params=()) -> List[Dict]:
        if self._connection is None:
            raise StoreError(QT_TR_NOOP("Port file {path} is closed; open it again."), path=self.path)
        with sqlite_errors(self.path, self.lock_timeout_s, QT_TR_NOOP("read")):
            return [dict(r) for r in self._connection.execute(sql, params).fetchall()]

    def _heaps_srs_id(self) -> int:
        return self._select("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                            (schema.HEAPS,))[0]["srs_id"]

    def _write_last_change(self) -> None:
        if not self._changed_tables or self.read_only:
            return
        with self._transaction(QT_TR_NOOP("record the time of the last change")) as connection:
            connection.executemany("UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?",
                                   [(when, table) for table, when in self._changed_tables.items()])
        self._changed_tables.clear()

    def _encode_geom(self, polygon, wkb: Optional[bytes] = None) -> bytes:
        return gpkg_geometry.encode(polygon, self._srs_id, wkb)

    def _decode_geom(self, blob):
        return gpkg_geometry.decode(blob)

    def _change_token(self):
        return self._select("PRAGMA data_version")[0]["data_version"]

    def _relative_raster_path(self, raster_path: str) -> str:
        """Relative to the port file when the raster sits in the project folder tree, else as given."""
        candidate = Path(raster_path)
        if not candidate.is_absolute():
            return raster_path
        project_folder = self.path.resolve().parent.parent
        try:
            candidate.resolve().relative_to(project_folder)
        except ValueError:
            return raster_path
        return os.path.relpath(candidate.resolve(), self.path.resolve().parent)


def logged_port(path) -> Optional[tuple]:
    """(name, slug) of the port a GeoPackage logs, read without writing; None if it cannot be read.

    For a check before the store opens a file for writing (another port's file stays byte for byte as
    it was); files that cannot be read this way get the store's own message from ``PortFile.open``.
    """
    try:
        connection = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True)
        try:
            return connection.execute(_PORT_NAME_SQL).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None


_PORT_NAME_SQL = statement("SELECT name, slug FROM {t}", t=schema.PORT)
