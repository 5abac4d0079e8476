"""The SQLite side of a port file: connecting, locking, journal mode and errors in the analyst's words.

Kept apart from ``PortFile`` so the rules for sharing a file with other programs (another QGIS, GDAL,
a snapshot) live in one place.
"""
import os
import random
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path

from ..core.messages import QT_TR_NOOP, Message
from . import gpkg_geometry
from .errors import HeapInputError, StoreError

LOCK_TIMEOUT_S = 5.0
GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
SQLITE_MAGIC = b"SQLite format 3\x00"


def connect(target: str, lock_timeout_s: float, uri: bool = False) -> sqlite3.Connection:
    connection = sqlite3.connect(target, timeout=lock_timeout_s, isolation_level=None, uri=uri,
                                 check_same_thread=False)
    connection.row_factory = sqlite3.Row
    gpkg_geometry.register_functions(connection)
    return connection


def set_journal_mode(connection, mode: str) -> None:
    """Switch between WAL (while open) and rollback journal (when closed), as QGIS does for GeoPackages.

    In WAL mode readers (QGIS drawing the layer, a snapshot) never wait for a writer, so a long import
    freezes nobody; back in rollback mode the closed file is one self-contained .gpkg to copy or send.
    Leaving WAL needs every other connection closed: when others still have the file open, it stays in
    WAL and the last one to close switches it back. Never waits for a lock.
    """
    timeout_ms = connection.execute("PRAGMA busy_timeout").fetchone()[0]
    connection.execute("PRAGMA busy_timeout = 0")
    try:
        connection.execute(f"PRAGMA journal_mode = {mode}").fetchone()
    except sqlite3.OperationalError:
        pass  # another connection is busy with the file: keep the current mode, it is safe either way
    finally:
        connection.execute(f"PRAGMA busy_timeout = {timeout_ms}")


def begin_immediate(connection, lock_timeout_s: float) -> None:
    """Take the write lock, polling every millisecond or so until ``lock_timeout_s``.

    SQLite's own busy handler backs off up to 100 ms between tries, so a writer logging heaps back to
    back (a long import in another QGIS) would starve this one until its timeout; short randomised
    polls get the lock in the gap between two of the other writer's transactions.
    """
    deadline = time.monotonic() + lock_timeout_s
    connection.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                contended = "locked" in str(exc) or "busy" in str(exc)
                if not contended or time.monotonic() > deadline:
                    raise
            time.sleep(random.uniform(0.0002, 0.002))
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(lock_timeout_s * 1000)}")


def check_is_sqlite(path: Path) -> None:
    if not path.exists():
        raise StoreError(QT_TR_NOOP("Port file {path} does not exist. Check the project's data folder, or create the "
                                    "port's file from the port list."), path=path)
    if not path.is_file():
        raise StoreError(QT_TR_NOOP("Port file {path} is not a file (a folder?); choose the .gpkg file itself."),
                         path=path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(QT_TR_NOOP("Cannot read port file {path}: {strerror}. Check its permissions."),
                         path=path, strerror=exc.strerror) from None
    if head != SQLITE_MAGIC:
        raise StoreError(QT_TR_NOOP("{path} is not a GeoPackage (no SQLite header): it is damaged or another kind of "
                                    "file. Restore it from a snapshot or backup; Coal Monitor will not modify it."),
                         path=path)


def read_only_reason(path: Path) -> str:
    # Mode bits count even for an administrator, whom os.access always lets write: a file someone marked
    # read-only (an archived port log) is opened read-only.
    if not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK):
        return Message(QT_TR_NOOP("the file is marked read-only"))
    if not os.access(path.parent, os.W_OK):
        return Message(QT_TR_NOOP("its folder {folder} is not writable"), folder=path.parent)
    return ""


def check_is_geopackage(path: Path, connection) -> None:
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    if application_id != GPKG_APPLICATION_ID:
        raise StoreError(QT_TR_NOOP("{path} is an SQLite database but not a GeoPackage; it is not a Coal Monitor "
                                    "port file."), path=path)


@contextmanager
def sqlite_errors(path: Path, lock_timeout_s: float, action: str):
    """Turn SQLite's errors into messages that name the file, the problem and the fix.

    ``action``: what was being done, marked with QT_TR_NOOP where it is named ('log heap')."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        text = str(exc)
        if "locked" in text or "busy" in text:
            raise StoreError(
                QT_TR_NOOP("Cannot {action}: port file {path} has been locked by another program for more than "
                           "{lock_timeout_s:g} s (another QGIS saving edits?). Finish or cancel the edits there, "
                           "then retry."), action=Message(action), path=path, lock_timeout_s=lock_timeout_s
            ) from None
        if "readonly" in text or "read-only" in text:
            raise StoreError(QT_TR_NOOP("Cannot {action}: port file {path} is read-only ({text}). "
                                        "Copy it to a writable folder or fix its permissions."),
                             action=Message(action), path=path, text=text) from None
        raise StoreError(QT_TR_NOOP("Cannot {action} port file {path}: {text}. It may be damaged; run a snapshot "
                                    "restore or check the disk."),
                         action=Message(action), path=path, text=text) from None
    except sqlite3.IntegrityError as exc:
        raise HeapInputError(QT_TR_NOOP("Cannot {action} in {path}: {exc}."),
                             action=Message(action), path=path, exc=exc) from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(QT_TR_NOOP("Cannot {action}: port file {path} is damaged ({exc}). Coal Monitor will not "
                                    "modify it; restore it from a snapshot or backup."),
                         action=Message(action), path=path, exc=exc) from None
