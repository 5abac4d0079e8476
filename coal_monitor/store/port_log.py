"""The backend seam: where a port's log lives (a GeoPackage, or a schema of a team's PostGIS database).

``parse_location`` reads the three ways an analyst or a model names a port log:

- a GeoPackage path: ``/data/rason.gpkg``;
- a PostgreSQL URI: ``postgresql://USER[:PASSWORD]@HOST:PORT/DBNAME?schema=SLUG`` (``postgres://`` too;
  percent-encoded parts are decoded; other libpq options such as ``sslmode=require`` pass through);
- libpq ``key=value`` pairs: ``service=NAME schema=SLUG`` (a pg_service.conf entry), or ``host=... dbname=...``.

The schema is a port's (its slug with '_' for '-': ``rason``, ``nampho_nampo``; the slug as typed is taken
for it), checked here (and again by the store) so no SQL is ever built from a name the analyst typed. A
location's ``display`` never holds the password; neither does any message here.
``open_port_log`` and ``create_port_log`` give the store object of either backend (the same public API).
Pure Python: the store backends (and QGIS) load only when a log is opened.
"""
import re
from dataclasses import dataclass, field
from typing import Dict, Optional
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from ..core.messages import QT_TR_NOOP, Message
from ..core.slug import SLUG_PATTERN
from .errors import StoreError

GEOPACKAGE = "geopackage"
POSTGIS = "postgis"
KINDS = (GEOPACKAGE, POSTGIS)
SCHEMA_KEY = "schema"
URI_SCHEMES = ("postgresql", "postgres")
MASK = "***"
# libpq connection keywords a location may carry (passed to psycopg2 as keywords). Others, such as
# ``options`` (server settings, search_path) are refused: a location names a database, nothing more.
LIBPQ_KEYS = frozenset({
    "host", "hostaddr", "port", "dbname", "user", "password", "service", "passfile", "connect_timeout",
    "application_name", "sslmode", "sslcert", "sslkey", "sslrootcert", "sslcrl", "sslcompression",
    "requiressl", "gssencmode", "krbsrvname", "target_session_attrs", "keepalives", "keepalives_idle",
    "keepalives_interval", "keepalives_count", "channel_binding",
})
# URI query names libpq also accepts for a keyword.
_URI_ALIASES = {"ssl": "sslmode"}
ACCEPTED_FORMS = QT_TR_NOOP(
    "a port GeoPackage path (…/rason.gpkg), postgresql://USER[:PASSWORD]@HOST:PORT/DBNAME?schema=SLUG, or "
    "service=NAME schema=SLUG (a pg_service.conf entry; other libpq key=value pairs may follow)")

_KEY_VALUE = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*")


@dataclass(frozen=True)
class PortLogLocation:
    """Where a port log lives. ``kind``: "geopackage" (``path``) or "postgis" (``connect_kwargs``: psycopg2
    keywords, ``schema_name``: the port's slug). ``display``: for messages and the dock, without password."""

    kind: str
    path: Optional[str] = None
    connect_kwargs: Dict[str, str] = field(default_factory=dict, hash=False, repr=False)
    schema_name: Optional[str] = None

    @property
    def display(self) -> str:
        if self.kind == GEOPACKAGE:
            return str(self.path)
        return postgis_display(self.connect_kwargs, self.schema_name)

    @property
    def is_postgis(self) -> bool:
        return self.kind == POSTGIS

    def __repr__(self):
        return f"PortLogLocation({self.kind!r}, {self.display!r})"

    __str__ = __repr__


def geopackage_location(path) -> PortLogLocation:
    return PortLogLocation(GEOPACKAGE, path=str(path))


def postgis_location(connect_kwargs, schema_name) -> PortLogLocation:
    """A PostGIS location from psycopg2 keywords (empty values dropped) and a port slug (checked)."""
    kwargs = {str(k): str(v) for k, v in dict(connect_kwargs).items() if v is not None and str(v) != ""}
    unknown = sorted(set(kwargs) - LIBPQ_KEYS)
    if unknown:
        raise StoreError(QT_TR_NOOP("The PostgreSQL connection option(s) {unknown} are not accepted in a port log "
                                    "location; use only libpq connection keywords such as host, port, dbname, "
                                    "user, service, sslmode."), unknown=", ".join(unknown))
    return PortLogLocation(POSTGIS, connect_kwargs=kwargs, schema_name=checked_schema(schema_name, kwargs))


def checked_schema(schema_name, kwargs=None) -> str:
    """The schema ``schema_name`` names: a port's schema (its slug with '_' for '-'; a slug as typed, with
    its hyphens, is taken for its schema), else StoreError naming it (nothing is created from it)."""
    from .postgis_schema import check_schema_name

    if schema_name is None or schema_name == "":
        raise StoreError(QT_TR_NOOP("The PostgreSQL port log {where} names no schema; add schema=SLUG, the slug "
                                    "of the port (e.g. schema=rason)."),
                         where=postgis_display(kwargs or {}, None))
    text = str(schema_name)
    if SLUG_PATTERN.match(text):
        text = text.replace("-", "_")
    try:
        return check_schema_name(text)
    except StoreError as exc:
        raise StoreError(QT_TR_NOOP("Schema {schema!r} cannot hold a team port log: {problem}"),
                         schema=schema_name, problem=exc.message) from None


def port_schema(port) -> str:
    """The schema of ``port``'s team log."""
    from .postgis_schema import schema_name_for

    return schema_name_for(port.slug)


def postgis_display(connect_kwargs, schema_name) -> str:
    """``service=NAME schema=SLUG`` or ``postgresql://USER@HOST:PORT/DBNAME?schema=SLUG&...``, no password."""
    kwargs = {k: v for k, v in dict(connect_kwargs).items() if k != "password"}
    if "service" in kwargs and not kwargs.get("host"):
        pairs = [f"{key}={_conninfo_value(value)}" for key, value in kwargs.items()]
        if schema_name:
            pairs.append(f"{SCHEMA_KEY}={schema_name}")
        return " ".join(pairs)
    user = kwargs.pop("user", "")
    host = kwargs.pop("host", "")
    port = kwargs.pop("port", "")
    dbname = kwargs.pop("dbname", "")
    netloc = (quote(user, safe="") + "@" if user else "") + (f"[{host}]" if ":" in host else quote(host, safe="/"))
    if port:
        netloc += f":{port}"
    query = ([(SCHEMA_KEY, schema_name)] if schema_name else []) + list(kwargs.items())
    text = f"postgresql://{netloc}/{quote(dbname, safe='')}"
    return text + ("?" + "&".join(f"{k}={quote(str(v), safe='')}" for k, v in query) if query else "")


def masked(text) -> str:
    """``text`` with any password in it (URI user info, ``password=``) replaced by ***."""
    text = str(text)
    # up to the last "@": a password typed without percent-encoding may hold "/", ":" or "@" itself
    text = re.sub(r"(://[^:@/?#\s]*:)\S*@", rf"\1{MASK}@", text)
    text = re.sub(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]*)", rf"\1{MASK}", text, flags=re.IGNORECASE)
    return text


def parse_location(text) -> PortLogLocation:
    """The location ``text`` names (see the module's forms); StoreError naming it (masked) otherwise."""
    if isinstance(text, PortLogLocation):
        return text
    raw = "" if text is None else str(text).strip()
    if not raw:
        raise _bad(text, QT_TR_NOOP("it is empty"))
    scheme = raw.split("://", 1)[0].lower() if "://" in raw else ""
    if scheme in URI_SCHEMES:
        return _from_uri(raw)
    if scheme:
        raise _bad(raw, QT_TR_NOOP("only postgresql:// and postgres:// addresses name a team port log"))
    if _KEY_VALUE.match(raw) and not raw.lower().endswith(".gpkg"):
        return _from_conninfo(raw)
    if raw.lower().endswith(".gpkg"):
        return geopackage_location(raw)
    raise _bad(raw, QT_TR_NOOP("it is neither a .gpkg path nor a PostgreSQL connection"))


def _bad(text, reason):
    return StoreError(QT_TR_NOOP("Port log {value!r} cannot be used: {reason}. Give {forms}."),
                      value=masked(text), reason=Message(reason), forms=Message(ACCEPTED_FORMS))


def _from_uri(raw) -> PortLogLocation:
    try:
        parts = urlsplit(raw)
        port = parts.port
        query = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    except ValueError:  # urllib's own text may quote the password: not shown
        raise _bad(raw, QT_TR_NOOP("the address is malformed (the port is not a number up to 65535, or a '/', ':' or "
                                   "'@' in the user name or password is not percent-encoded as %2F, %3A, %40)")) \
            from None
    if parts.fragment:
        raise _bad(raw, QT_TR_NOOP("a PostgreSQL address has no #fragment"))
    kwargs = {}
    if parts.hostname:
        kwargs["host"] = unquote(parts.hostname)
    if port is not None:
        kwargs["port"] = str(port)
    if parts.username:
        kwargs["user"] = unquote(parts.username)
    if parts.password:
        kwargs["password"] = unquote(parts.password)
    dbname = unquote(parts.path[1:]) if parts.path.startswith("/") else ""
    if "/" in dbname:
        raise _bad(raw, QT_TR_NOOP("the database name has a '/' in it (the schema goes in ?schema=SLUG)"))
    if dbname:
        kwargs["dbname"] = dbname
    schema_name = None
    for key, value in query:
        key = _URI_ALIASES.get(key, key)
        if key == SCHEMA_KEY:
            if schema_name is not None:
                raise _bad(raw, QT_TR_NOOP("schema is given twice"))
            schema_name = value
        elif key in kwargs:
            raise _bad(raw, QT_TR_NOOP("an option is given twice"))
        else:
            kwargs[key] = value
    if not kwargs.get("dbname") and not kwargs.get("service"):
        raise _bad(raw, QT_TR_NOOP("it names no database (…/DBNAME?schema=SLUG)"))
    return postgis_location(kwargs, schema_name)


def _from_conninfo(raw) -> PortLogLocation:
    """libpq's ``key=value`` form: values bare or in single quotes (backslash escapes a quote)."""
    kwargs, schema_name, rest = {}, None, raw
    while rest.strip():
        match = _KEY_VALUE.match(rest)
        if match is None:
            raise _bad(raw, QT_TR_NOOP("expected key=value pairs separated by spaces"))
        key, rest = match.group(1), rest[match.end():]
        value, rest = _conninfo_token(raw, rest)
        if key == SCHEMA_KEY:
            if schema_name is not None:
                raise _bad(raw, QT_TR_NOOP("schema is given twice"))
            schema_name = value
            continue
        if key in kwargs:
            raise _bad(raw, QT_TR_NOOP("an option is given twice"))
        kwargs[key] = value
    if not (kwargs.get("service") or kwargs.get("dbname") or kwargs.get("host")):
        raise _bad(raw, QT_TR_NOOP("it names no service=, dbname= or host="))
    return postgis_location(kwargs, schema_name)


def _conninfo_token(raw, rest):
    if rest.startswith("'"):
        value, index = [], 1
        while index < len(rest):
            char = rest[index]
            if char == "\\" and index + 1 < len(rest):
                value.append(rest[index + 1])
                index += 2
                continue
            if char == "'":
                return "".join(value), rest[index + 1:]
            value.append(char)
            index += 1
        raise _bad(raw, QT_TR_NOOP("a quoted value is not closed"))
    match = re.match(r"\S*", rest)
    return match.group(0), rest[match.end():]


def _conninfo_value(value) -> str:
    value = str(value)
    if value and not re.search(r"[\s'\\]", value):
        return value
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


# ---- opening and creating -----------------------------------------------------------------------------

def open_port_log(location_or_text, lock_timeout_s=None):
    """The open port log (``PortFile`` or ``PostgisPortLog``) at a location or location text."""
    location = parse_location(location_or_text)
    if location.kind == GEOPACKAGE:
        from .portfile import LOCK_TIMEOUT_S, PortFile

        return PortFile.open(location.path, lock_timeout_s=LOCK_TIMEOUT_S if lock_timeout_s is None else lock_timeout_s)
    backend = _postgis_backend()
    if lock_timeout_s is None:
        return backend.open(dict(location.connect_kwargs), location.schema_name)
    return backend.open(dict(location.connect_kwargs), location.schema_name, lock_timeout_s=lock_timeout_s)


def create_port_log(location_or_text, port, lock_timeout_s=None):
    """A new port log for ``port`` at a location (a PostGIS schema must be the port's slug)."""
    location = parse_location(location_or_text)
    if location.kind == GEOPACKAGE:
        from .portfile import LOCK_TIMEOUT_S, PortFile

        return PortFile.create(location.path, port,
                               lock_timeout_s=LOCK_TIMEOUT_S if lock_timeout_s is None else lock_timeout_s)
    if location.schema_name != port_schema(port):
        raise StoreError(QT_TR_NOOP("Schema {schema!r} is not the schema of port {port}; a team port log is named "
                                    "by its port: use schema={slug}."),
                         schema=location.schema_name, port=port.name, slug=port_schema(port))
    return _postgis_backend().create(dict(location.connect_kwargs), location.schema_name, port)


def _postgis_backend():
    try:
        from .postgis import PostgisPortLog
    except ImportError as exc:
        raise StoreError(QT_TR_NOOP("Team port logs (PostgreSQL) need the Python module psycopg2 ({problem}); "
                                    "install python3-psycopg2 (Debian, Ubuntu) or psycopg2 into QGIS's Python."),
                         problem=exc) from None
    return PostgisPortLog


def port_log_exists(location_or_text) -> bool:
    """Whether the location holds a port log already (a file; a schema with its port table)."""
    location = parse_location(location_or_text)
    if location.kind == GEOPACKAGE:
        from pathlib import Path

        return Path(location.path).exists()
    backend = _postgis_backend()
    exists = getattr(backend, "exists", None)
    if exists is not None:
        return bool(exists(dict(location.connect_kwargs), location.schema_name))
    return _postgis_schema_has_port_table(location)


def _postgis_schema_has_port_table(location) -> bool:
    """The catalogue's answer (the schema name travels as a value, never into the statement)."""
    import psycopg2

    from . import schema

    try:
        connection = psycopg2.connect(**location.connect_kwargs)
    except psycopg2.Error as exc:
        raise StoreError(QT_TR_NOOP("Cannot connect to the team database {where}: {problem}"),
                         where=location.display, problem=masked(str(exc).strip())) from None
    try:
        with connection.cursor() as cursor:
            cursor.execute(_PORT_TABLE_EXISTS_SQL, (location.schema_name, schema.PORT))
            return bool(cursor.fetchone()[0])
    finally:
        connection.close()


_PORT_TABLE_EXISTS_SQL = ("SELECT EXISTS (SELECT 1 FROM information_schema.tables "
                          "WHERE table_schema = %s AND table_name = %s)")
