"""The default styles every port file carries, so plain QGIS shows heaps styled, with forms and dates.

The QML comes from resources/styles/ (generated from the schema by ``style_builder``); here it is only
written into the file's `layer_styles` table, in the row layout QGIS itself uses, marked as default.
"""
from ..resources import resource_path
from . import schema

STYLE_NAME = "Coal Monitor"
GEOMETRY_COLUMNS = dict(schema.GEOMETRY_COLUMNS)


def qml_text(table: str) -> str:
    with open(resource_path(f"styles/{table}.qml"), encoding="utf-8") as handle:
        return handle.read()


def write_default_styles(connection) -> None:
    """(Re)write our default style rows inside the caller's transaction; other styles are kept."""
    for table, geometry_column in GEOMETRY_COLUMNS.items():
        connection.execute("UPDATE layer_styles SET useAsDefault = 0 WHERE f_table_name = ?", (table,))
        connection.execute(
            "DELETE FROM layer_styles WHERE f_table_name = ? AND styleName = ?", (table, STYLE_NAME)
        )
        connection.execute(
            "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
            "styleName, styleQML, styleSLD, useAsDefault, description, owner) "
            "VALUES ('', '', ?, ?, ?, ?, '', 1, ?, '')",
            (table, geometry_column, STYLE_NAME, qml_text(table),
             f"Coal Monitor default style of {table} (schema {schema.SCHEMA_VERSION})"),
        )
