"""A port log in PostgreSQL + PostGIS: one schema per port, its tables generated from ``schema.TABLES``.

The tables, fields and names are the GeoPackage's (the README's contract), in the port's metric CRS
with a GiST index on each geometry column. What the database adds for a team:

* ``row_version`` and ``modified_by`` on heaps and vessels, kept by a trigger on every UPDATE (edits
  from QGIS's attribute table count too): the store refuses a change made from a stale copy;
* ``cm_heap_stale``: heaps inserted or changed by anything but the store (plain QGIS, psql), as in the
  GeoPackage, so their numbers are checked against the engine;
* ``cm_changes``: one counter every committed change of a layer bumps (``others_changed``);
* the default styles in ``public.layer_styles``, QGIS's own table and layout, so the layers open
  styled in plain QGIS.

Schema names come from a port slug only (``schema_name_for``) and are checked (``check_schema_name``)
before any statement is built.
"""
import re

from ..core.messages import QT_TR_NOOP
from . import schema
from .creation import STALE_TABLE, WATCHED_COLUMNS
from .errors import StoreError
from .sql import ident, idents, statement

CHANGES_TABLE = "cm_changes"
VERSIONED_TABLES = (schema.HEAPS, schema.VESSELS)
ROW_VERSION = "row_version"
MODIFIED_BY = "modified_by"
SCHEMA_NAME_MAX_LEN = 63  # PostgreSQL's identifier limit (NAMEDATALEN - 1)
_SCHEMA_NAME = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*\Z")
PG_TYPES = {"TEXT": "text", "REAL": "double precision", "INTEGER": "integer",
            # Stored as the GeoPackage stores them, so the same SQL sorts and groups them the same way:
            # booleans 0/1, date-times ISO 8601 UTC text.
            "BOOLEAN": "integer", "DATETIME": "text"}
# QGIS's own layer_styles layout (QgsPostgresProvider creates it the same way when it saves a style).
LAYER_STYLES_SQL = (
    "CREATE TABLE IF NOT EXISTS public.layer_styles (id SERIAL PRIMARY KEY, f_table_catalog varchar, "
    "f_table_schema varchar, f_table_name varchar, f_geometry_column varchar, stylename text, styleqml xml, "
    "stylesld xml, useasdefault boolean, description text, owner varchar(63) DEFAULT CURRENT_USER, ui xml, "
    "update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)")
_NOW_TEXT = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"


def schema_name_for(slug: str) -> str:
    """The schema of a port's log: its slug with '_' for '-' (a plain SQL identifier)."""
    return check_schema_name(str(slug).replace("-", "_"))


def check_schema_name(name) -> str:
    """``name`` when it can name a port's schema (lower-case letters, digits, single '_'; from the slug)."""
    if (not isinstance(name, str) or not _SCHEMA_NAME.match(name) or len(name) > SCHEMA_NAME_MAX_LEN
            or name.startswith("pg_") or name in ("public", "information_schema")):
        raise StoreError(QT_TR_NOOP("{name!r} cannot name a port's schema: use the port's slug with '_' for '-' "
                                    "(lower-case letters and digits, single '_', starting with a letter, at most "
                                    "{limit} characters), e.g. 'nampho_nampo'. Nothing was created."),
                         name=name, limit=SCHEMA_NAME_MAX_LEN)
    return name


def _column(declared) -> str:
    text = f"{ident(declared.name)} {PG_TYPES[declared.type]}"
    if declared.required:
        text += " NOT NULL"
    if declared.unique:
        text += " UNIQUE"
    return text


def create_statements(schema_name: str, crs_epsg: int):
    """Every statement that lays out a port's schema (run in one transaction, after ``check_schema_name``)."""
    qs = ident(check_schema_name(schema_name))
    epsg = int(crs_epsg)
    out = [f"CREATE SCHEMA {qs}"]
    for table, fields in schema.TABLES.items():
        columns = [f"{ident(schema.FID_COLUMN)} serial PRIMARY KEY"] + [_column(f) for f in fields]
        geometry_column = schema.GEOMETRY_COLUMNS.get(table)
        if geometry_column:
            columns.append(f"{ident(geometry_column)} geometry(Polygon, {epsg})")
        if table in VERSIONED_TABLES:
            columns += [f"{ident(ROW_VERSION)} integer NOT NULL DEFAULT 1",
                        f"{ident(MODIFIED_BY)} text DEFAULT current_user"]
        out.append(f"CREATE TABLE {qs}.{ident(table)} ({', '.join(columns)})")
        if geometry_column:
            out.append(f"CREATE INDEX {ident(table + '_' + geometry_column + '_gist')} ON {qs}.{ident(table)} "
                       f"USING gist ({ident(geometry_column)})")
    heaps = f"{qs}.{ident(schema.HEAPS)}"
    stale = f"{qs}.{ident(STALE_TABLE)}"
    changes = f"{qs}.{ident(CHANGES_TABLE)}"
    out += [
        f"CREATE INDEX cm_heaps_observed_utc ON {heaps} (observed_utc)",
        f"CREATE INDEX cm_heaps_scene_id ON {heaps} (scene_id)",
        f"CREATE TABLE {stale} (fid integer PRIMARY KEY REFERENCES {heaps} (fid) ON DELETE CASCADE, "
        f"flagged_utc text NOT NULL DEFAULT {_NOW_TEXT})",
        f"CREATE TABLE {changes} (id integer PRIMARY KEY CHECK (id = 1), counter bigint NOT NULL)",
        statement("INSERT INTO {s}.{t} VALUES (1, 0)", s=schema_name, t=CHANGES_TABLE),
        # Any insert, or any change of a footprint, an input or a number, flags the heap; the store
        # clears the flag in the same transaction as its own verified write.
        statement("CREATE FUNCTION {s}.cm_flag_heap() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                  "INSERT INTO {s}.{t} (fid) VALUES (NEW.fid) ON CONFLICT DO NOTHING; RETURN NULL; END $$",
                  s=schema_name, t=STALE_TABLE),
        f"CREATE TRIGGER cm_heaps_inserted AFTER INSERT ON {heaps} FOR EACH ROW EXECUTE FUNCTION {qs}.cm_flag_heap()",
        f"CREATE TRIGGER cm_heaps_changed AFTER UPDATE OF {idents(WATCHED_COLUMNS)} ON {heaps} FOR EACH ROW "
        f"EXECUTE FUNCTION {qs}.cm_flag_heap()",
        # Row versions: whoever updates a row (the store, QGIS, psql) bumps it and signs it.
        f"CREATE FUNCTION {qs}.cm_row_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"NEW.{ident(ROW_VERSION)} := OLD.{ident(ROW_VERSION)} + 1; NEW.{ident(MODIFIED_BY)} := current_user; "
        f"IF NEW.modified_utc IS NOT DISTINCT FROM OLD.modified_utc THEN NEW.modified_utc := {_NOW_TEXT}; END IF; "
        "RETURN NEW; END $$",
        statement("CREATE FUNCTION {s}.cm_count_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                  "UPDATE {s}.{t} SET counter = counter + 1 WHERE id = 1; RETURN NULL; END $$",
                  s=schema_name, t=CHANGES_TABLE),
    ]
    for table in VERSIONED_TABLES:
        out.append(f"CREATE TRIGGER cm_{table}_row_version BEFORE UPDATE ON {qs}.{ident(table)} FOR EACH ROW "
                   f"EXECUTE FUNCTION {qs}.cm_row_version()")
    for table in schema.GEOMETRY_COLUMNS:
        out.append(f"CREATE TRIGGER cm_{table}_counted AFTER INSERT OR UPDATE OR DELETE ON {qs}.{ident(table)} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION {qs}.cm_count_change()")
    for table in schema.TABLES:
        out.append(f"COMMENT ON TABLE {qs}.{ident(table)} IS '{schema.TABLE_COMMENTS[table].replace(chr(39), '')}'")
    out.append(LAYER_STYLES_SQL)
    return out


def style_rows(dbname: str, schema_name: str):
    """(sql, params) inserting our default style of each layer of the schema (others' styles kept).

    ``type`` stays NULL: QGIS matches a style to a layer by type or NULL, and a layer added from a URI
    without a geometry type would miss a 'Polygon' style.
    """
    from .styles import GEOMETRY_COLUMNS, STYLE_NAME, qml_text

    rows = []
    for table, geometry_column in GEOMETRY_COLUMNS.items():
        where = (dbname, schema_name, table)
        rows.append(("UPDATE public.layer_styles SET useasdefault = false WHERE f_table_catalog = %s "
                     "AND f_table_schema = %s AND f_table_name = %s", where))
        rows.append(("DELETE FROM public.layer_styles WHERE f_table_catalog = %s AND f_table_schema = %s "
                     "AND f_table_name = %s AND stylename = %s", where + (STYLE_NAME,)))
        rows.append(("INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, "
                     "f_geometry_column, stylename, styleqml, stylesld, useasdefault, description, type) "
                     "VALUES (%s, %s, %s, %s, %s, XMLPARSE(DOCUMENT %s), NULL, true, %s, NULL)",
                     where + (geometry_column, STYLE_NAME, qml_text(table),
                              f"Coal Monitor default style of {table} (schema {schema.SCHEMA_VERSION})")))
    return rows
