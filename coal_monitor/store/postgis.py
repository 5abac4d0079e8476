"""A team's port log in PostgreSQL + PostGIS: the same object as ``PortFile``, one schema per port.

Everything a port log does is ``PortLogBase``'s; this module supplies the connection (psycopg2,
imported only when a team log is opened), one transaction per heap, row locks and row versions
(``update_heap(..., expected_version=N)`` refuses a change made from a stale copy, naming who changed
the heap and when), read-only roles, and errors that name the server and database, never the password.

Typical use::

    with PostgisPortLog.open({"host": "db", "dbname": "ports", "user": "ana"}, "rason") as log:
        uid = log.add_heap(polygon, "EPSG:4326", {"observed_utc": "2024-04-02T02:31Z", "height_m": 8})
"""
from contextlib import contextmanager
from typing import Dict, List, Optional

from ..core.messages import QT_TR_NOOP, Message
from ..core.ports import Port
from . import schema
from .connection import LOCK_TIMEOUT_S
from .errors import StoreError
from .footprint import FootprintConverter
from .port_log_base import PortLogBase
from .postgis_schema import CHANGES_TABLE, check_schema_name, create_statements, style_rows
from .sql import ident, statement

CONNECT_TIMEOUT_S = 10
APPLICATION_NAME = "Coal Monitor"
_SECRET_KEYS = ("password", "passfile")


def location_text(connect_kwargs: Dict, schema_name: str) -> str:
    """``postgresql://user@host:port/db?schema=name`` (or ``service=...``): never the password."""
    user = connect_kwargs.get("user")
    host = connect_kwargs.get("host") or ""
    port = connect_kwargs.get("port")
    where = f"{user}@{host}" if user else host
    if port:
        where += f":{port}"
    dbname = connect_kwargs.get("dbname") or ""
    text = f"postgresql://{where}/{dbname}?schema={schema_name}"
    if connect_kwargs.get("service"):
        text += f"&service={connect_kwargs['service']}"
    return text


class LogExistsError(StoreError):
    """``create`` found the port's schema already there (nothing was changed)."""


class LogLocation(str):
    """Where a team log lives, as text for messages; ``name`` is the schema (what ``path.name`` is for a file)."""

    def __new__(cls, text: str, schema_name: str):
        value = super().__new__(cls, text)
        value.name = schema_name
        return value


class _Connection:
    """psycopg2 behind the sqlite3-like calls the shared code makes: ``?`` markers, rows by name and index."""

    def __init__(self, raw):
        self.raw = raw
        self._sql = {}

    def _translated(self, sql: str) -> str:
        text = self._sql.get(sql)
        if text is None:
            text = self._sql[sql] = sql.replace("%", "%%").replace("?", "%s")
        return text

    def execute(self, sql: str, params=()):
        from psycopg2.extras import DictCursor

        cursor = self.raw.cursor(cursor_factory=DictCursor)
        cursor.execute(self._translated(sql), tuple(params))
        return cursor

    def executemany(self, sql: str, rows):
        with self.raw.cursor() as cursor:
            cursor.executemany(self._translated(sql), [tuple(r) for r in rows])


def _connect(connect_kwargs: Dict, schema_name: str, lock_timeout_s: float):
    """A psycopg2 connection in autocommit (the store begins its own transactions), or StoreError."""
    try:
        import psycopg2
    except ImportError:
        raise StoreError(QT_TR_NOOP("Team port logs need psycopg2 (Debian package python3-psycopg2, which QGIS "
                                    "depends on); install it and restart QGIS.")) from None
    location = location_text(connect_kwargs, schema_name)
    kwargs = dict(connect_kwargs)
    kwargs.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
    kwargs.setdefault("application_name", APPLICATION_NAME)
    try:
        raw = psycopg2.connect(**kwargs)
    except psycopg2.Error as exc:
        raise _connect_error(exc, connect_kwargs, location) from None
    raw.autocommit = True
    try:
        with raw.cursor() as cursor:
            cursor.execute("SELECT extversion FROM pg_extension WHERE extname = 'postgis'")
            if cursor.fetchone() is None:
                raise StoreError(QT_TR_NOOP("Database {dbname!r} on {host} has no PostGIS; ask its administrator to "
                                            "run CREATE EXTENSION postgis; in it (package postgis on the server), "
                                            "then open {location} again."),
                                 dbname=connect_kwargs.get("dbname"), host=_host(connect_kwargs), location=location)
            cursor.execute("SET lock_timeout = %s", (f"{int(lock_timeout_s * 1000)}ms",))
            cursor.execute("SET search_path TO " + ident(schema_name) + ", public")
    except BaseException:
        raw.close()
        raise
    return raw


def _host(connect_kwargs: Dict) -> str:
    host = connect_kwargs.get("host") or connect_kwargs.get("service") or "localhost"
    return f"{host}:{connect_kwargs['port']}" if connect_kwargs.get("port") else str(host)


def _scrub(text: str, connect_kwargs: Dict) -> str:
    for key in _SECRET_KEYS:
        secret = connect_kwargs.get(key)
        if secret:
            text = text.replace(str(secret), "***")
    return text.strip()


def _connect_error(exc, connect_kwargs: Dict, location: str) -> StoreError:
    detail = _scrub(str(exc), connect_kwargs)
    values = dict(host=_host(connect_kwargs), dbname=connect_kwargs.get("dbname"), user=connect_kwargs.get("user"),
                  detail=detail.splitlines()[-1] if detail else "", location=location)
    lowered = detail.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return StoreError(QT_TR_NOOP("The database server {host} refused user {user!r}: wrong or missing password "
                                     "({detail}). Check the user and password of the connection."), **values)
    if "does not exist" in lowered and "database" in lowered:
        return StoreError(QT_TR_NOOP("The database server {host} has no database {dbname!r}. Check the database "
                                     "name, or ask the administrator to create it (with PostGIS)."), **values)
    if "role" in lowered and "does not exist" in lowered:
        return StoreError(QT_TR_NOOP("The database server {host} has no user {user!r}. Check the user name, or ask "
                                     "the administrator for an account."), **values)
    if "refused" in lowered or "could not connect" in lowered or "timeout" in lowered or "translate host" in lowered:
        return StoreError(QT_TR_NOOP("Cannot reach the database server {host} ({detail}). Check the host and port, "
                                     "that the server is running and that the network allows the connection."),
                          **values)
    return StoreError(QT_TR_NOOP("Cannot connect to {location}: {detail}."), **values)


class PostgisPortLog(PortLogBase):
    """An open team port log (a PostGIS schema). Use ``create`` or ``open``; close it (or use ``with``)."""

    ROW_LOCK = " FOR UPDATE"

    def __init__(self, raw, connect_kwargs: Dict, schema_name: str, lock_timeout_s: float):
        self._raw = raw
        self._connection = _Connection(raw)
        self.schema_name = schema_name
        self.dbname = connect_kwargs.get("dbname") or raw.info.dbname
        self.location = location_text(dict(connect_kwargs, dbname=self.dbname), schema_name)
        self.path = LogLocation(self.location, schema_name)
        self.lock_timeout_s = lock_timeout_s
        self.migrated_from: Optional[int] = None
        self.backup_path = None
        self._changed_tables: Dict[str, str] = {}
        self._data_version = None
        self.read_only, self.read_only_reason = False, ""
        self._check_is_port_log()
        self.read_only_reason = self._read_only_reason()
        self.read_only = bool(self.read_only_reason)
        self.port = self._read_port()
        self._srs_id = self.port.crs_epsg
        self._footprints = FootprintConverter(self.port.crs_epsg)
        self._data_version = self._change_token()

    def __repr__(self):
        return f"<PostgisPortLog {self.location}{' read-only' if self.read_only else ''}>"

    # ---- opening --------------------------------------------------------------------------------------

    @classmethod
    def open(cls, connect_kwargs: Dict, schema_name: str, lock_timeout_s: float = LOCK_TIMEOUT_S) -> "PostgisPortLog":
        """Open the port log in schema ``schema_name``; a role that may only read opens it read-only."""
        check_schema_name(schema_name)
        raw = _connect(connect_kwargs, schema_name, lock_timeout_s)
        try:
            log = cls(raw, connect_kwargs, schema_name, lock_timeout_s)
        except BaseException:
            raw.close()
            raise
        if not log.read_only:
            log.verify_vessels()  # ships reshaped in QGIS get their numbers back
        return log

    @classmethod
    def create(cls, connect_kwargs: Dict, schema_name: str, port: Port,
               lock_timeout_s: float = LOCK_TIMEOUT_S) -> "PostgisPortLog":
        """Create the schema ``schema_name`` for ``port`` (all or nothing) and open it; never replaces one."""
        from .creation import port_row
        from .sqltime import utc_now_text

        check_schema_name(schema_name)
        for declared in schema.PORT_FIELDS:
            if hasattr(port, declared.name):
                problem = declared.check(getattr(port, declared.name))
                if problem:
                    raise StoreError(QT_TR_NOOP("Cannot create port log {location}: port {name!r}: {problem}."),
                                     location=location_text(connect_kwargs, schema_name), name=port.name,
                                     problem=problem)
        raw = _connect(connect_kwargs, schema_name, lock_timeout_s)
        location = location_text(dict(connect_kwargs, dbname=raw.info.dbname), schema_name)
        import psycopg2

        try:
            with raw.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema_name,))
                if cursor.fetchone():
                    raise LogExistsError(QT_TR_NOOP("Port log {location} already exists; Coal Monitor never "
                                                    "replaces a port log. Open it instead."), location=location)
                cursor.execute("BEGIN")
                try:
                    for sql in create_statements(schema_name, port.crs_epsg):
                        cursor.execute(sql)
                    row = port_row(port, utc_now_text())
                    cursor.execute(statement("INSERT INTO {t} ({columns}) VALUES (", t=schema.PORT, columns=row)
                                   + ", ".join(["%s"] * len(row)) + ")", tuple(row.values()))
                    for sql, params in style_rows(raw.info.dbname, schema_name):
                        cursor.execute(sql, params)
                    cursor.execute("COMMIT")
                except BaseException:
                    cursor.execute("ROLLBACK")
                    raise
        except psycopg2.Error as exc:
            raw.close()
            raise StoreError(QT_TR_NOOP("Cannot create port log {location}: {exc} Ask the administrator for the right "
                                        "to create schemas in the database (GRANT CREATE ON DATABASE); nothing was "
                                        "created."),
                             location=location, exc=_scrub(str(exc), connect_kwargs)) from None
        except BaseException:
            raw.close()
            raise
        raw.close()
        return cls.open(connect_kwargs, schema_name, lock_timeout_s)

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None

    def snapshot(self, dest):
        """A GeoPackage copy of this log at ``dest`` (``transfer.take_snapshot``); never overwrites."""
        from .portfile import PortFile
        from .transfer import copy_log

        with PortFile.create(dest, self.port) as target:
            copy_log(self, target)
        return target.path

    # ---- internals ------------------------------------------------------------------------------------

    def _check_is_port_log(self) -> None:
        rows = self._select("SELECT to_regclass(?) AS port, to_regclass(?) AS heaps",
                            (f"{ident(self.schema_name)}.{ident(schema.PORT)}",
                             f"{ident(self.schema_name)}.{ident(schema.HEAPS)}"))
        if rows[0]["port"] is None or rows[0]["heaps"] is None:
            raise StoreError(QT_TR_NOOP("There is no port log {location} (no schema {schema!r} with a port and "
                                        "heaps tables, or this user may not see it). Publish the port's GeoPackage "
                                        "there first, or check the schema name and the user's rights."),
                             location=self.location, schema=self.schema_name)
        version = self._select(statement("SELECT schema_version FROM {t}", t=schema.PORT))
        if version and version[0]["schema_version"] and version[0]["schema_version"] > schema.SCHEMA_VERSION:
            raise StoreError(QT_TR_NOOP("Port log {location} has schema version {version}, newer than this Coal "
                                        "Monitor reads ({supported}); update the plugin."),
                             location=self.location, version=version[0]["schema_version"],
                             supported=schema.SCHEMA_VERSION)

    def _read_only_reason(self) -> str:
        heaps = f"{ident(self.schema_name)}.{ident(schema.HEAPS)}"
        row = self._select("SELECT current_user AS who, pg_is_in_recovery() AS standby, "
                           "has_table_privilege(?, 'INSERT') AND has_table_privilege(?, 'UPDATE') "
                           "AND has_table_privilege(?, 'DELETE') AS writable, "
                           "current_setting('default_transaction_read_only') AS ro", (heaps, heaps, heaps))[0]
        if row["standby"] or row["ro"] == "on":
            return "the database server only reads (a standby or read-only setting)"
        if not row["writable"]:
            return f"user {row['who']} may only read schema {self.schema_name}"
        return ""

    @contextmanager
    def _transaction(self, action: str):
        if self._raw is None:
            raise StoreError(QT_TR_NOOP("Port log {path} is closed; open it again to {action}."),
                             path=self.path, action=Message(action))
        if self.read_only:
            raise StoreError(QT_TR_NOOP("Cannot {action}: port log {path} is open read-only ({reason}). Ask the "
                                        "database administrator for write rights, then open it again."),
                             action=Message(action), path=self.path, reason=self.read_only_reason)
        import psycopg2

        try:
            # The change counter as this transaction starts and ends: when nobody else had changed the log
            # since we last looked, our own changes do not count as others' (``others_changed``).
            before = self._connection.execute(_BEGIN_SQL).fetchone()[0]
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            after = self._connection.execute(_COUNTER_SQL).fetchone()[0]
            self._connection.execute("COMMIT")
            if before == self._data_version:
                self._data_version = after
        except psycopg2.Error as exc:
            if not self._raw.closed:
                self._raw.rollback()
            raise self._error(exc, action) from None

    def _error(self, exc, action: str) -> StoreError:
        import psycopg2.errors

        if isinstance(exc, (psycopg2.errors.LockNotAvailable, psycopg2.errors.DeadlockDetected)):
            return StoreError(QT_TR_NOOP("Cannot {action} in {path}: another user is changing the same rows and did "
                                         "not finish within {timeout:g} s; nothing was written. Try again."),
                              action=Message(action), path=self.path, timeout=self.lock_timeout_s)
        if isinstance(exc, psycopg2.errors.InsufficientPrivilege):
            return StoreError(QT_TR_NOOP("Cannot {action} in {path}: the database refused it ({exc}); nothing was "
                                         "written. Ask the administrator for write rights."),
                              action=Message(action), path=self.path, exc=str(exc).strip())
        return StoreError(QT_TR_NOOP("Cannot {action} in {path}: {exc}. Nothing was written."),
                          action=Message(action), path=self.path, exc=str(exc).strip())

    def _select(self, sql: str, params=()) -> List[Dict]:
        if self._raw is None:
            raise StoreError(QT_TR_NOOP("Port log {path} is closed; open it again."), path=self.path)
        import psycopg2

        try:
            cursor = self._connection.execute(sql, params)
            try:
                return [dict(r) for r in cursor.fetchall()]
            finally:
                cursor.close()
        except psycopg2.Error as exc:
            raise self._error(exc, QT_TR_NOOP("read")) from None

    def _encode_geom(self, polygon, wkb=None) -> str:
        from shapely import wkb as shapely_wkb

        return shapely_wkb.dumps(polygon, hex=True, srid=self.port.crs_epsg)

    def _decode_geom(self, value):
        if value is None:
            return None
        from shapely import wkb as shapely_wkb

        return shapely_wkb.loads(value, hex=True)

    def _change_token(self):
        return self._select(_COUNTER_SQL)[0]["counter"]


_COUNTER_SQL = statement("SELECT counter FROM {t}", t=CHANGES_TABLE)
_BEGIN_SQL = "BEGIN; " + _COUNTER_SQL
