"""Build the default QML styles of the port layers from the schema, with QGIS itself.

Run ``/usr/bin/python3 -m coal_monitor.store.style_builder`` after changing the schema: it rewrites
resources/styles/<table>.qml for each styled layer, which every new port file carries in its `layer_styles`
table. QGIS writes the QML, so any QGIS (3.22 and later) reads it back without the plugin: aliases,
value maps, ranges, read-only derived fields, constraints, the tonnage labels and the temporal setting.
"""
import sys
from pathlib import Path

from . import schema

QGIS_TYPES = {"TEXT": "String", "REAL": "Double", "INTEGER": "Int", "BOOLEAN": "Bool", "DATETIME": "DateTime"}
COAL_FILL = {"color": "45,45,45,150", "outline_color": "255,160,0,255", "outline_width": "0.6",
             "outline_width_unit": "MM"}
VESSEL_FILL = {"color": "0,120,220,60", "outline_color": "0,170,255,255", "outline_width": "0.6",
               "outline_width_unit": "MM"}
COVERAGE_FILL = {"color": "0,0,0,0", "outline_color": "120,220,120,255", "outline_width": "0.4",
                 "outline_width_unit": "MM", "outline_style": "dash"}
TONNAGE_LABEL = "format_number(\"tonnage_t\", 0) || ' t'"
VESSEL_LABEL = ("coalesce(\"vessel_class\", 'no class') || ' ' || format_number(\"loa_m\", 0) || ' m'"
                " || if(\"state\" = 'loading', ' loading', '')")
STYLED_TABLES = (schema.HEAPS, schema.SCENES, schema.VESSELS)


def memory_layer(table, crs_epsg=4326):
    """A memory layer with ``table``'s fields (and polygons in EPSG:``crs_epsg`` for a layer table)."""
    from qgis.core import QgsVectorLayer

    geometry = f"Polygon?crs=EPSG:{int(crs_epsg)}" if table in schema.GEOMETRY_COLUMNS else "None"
    fields = "&".join(f"field={f.name}:{QGIS_TYPES[f.type].lower()}" for f in schema.TABLES[table])
    return QgsVectorLayer(f"{geometry}&{fields}" if geometry != "None" else f"None?{fields}", table, "memory")


def _widget(declared):
    from qgis.core import QgsEditorWidgetSetup

    if declared.widget == "ValueMap":
        return QgsEditorWidgetSetup("ValueMap", {"map": [{value: value} for value in declared.values]})
    if declared.widget == "Range":
        step = 1.0 if declared.max - declared.min > 10 else 0.05
        return QgsEditorWidgetSetup("Range", {"Min": declared.min, "Max": declared.max, "Step": step,
                                              "Precision": 2, "Style": "SpinBox", "AllowNull": True})
    if declared.widget == "CheckBox":
        return QgsEditorWidgetSetup("CheckBox", {"CheckedState": "", "UncheckedState": "", "TextDisplayMethod": 0})
    if declared.widget == "DateTime":
        return QgsEditorWidgetSetup("DateTime", {"field_format": "yyyy-MM-ddTHH:mm:ss.zzzZ",
                                                 "display_format": "yyyy-MM-dd HH:mm:ss",
                                                 "calendar_popup": True, "allow_null": not declared.required})
    return QgsEditorWidgetSetup("TextEdit", {"IsMultiline": declared.name == "notes", "UseHtml": False})


def _configure_fields(layer, table):
    from qgis.core import QgsDefaultValue, QgsFieldConstraints

    form = layer.editFormConfig()
    for declared in schema.TABLES[table]:
        index = layer.fields().indexOf(declared.name)
        layer.setFieldAlias(index, declared.alias)
        layer.setEditorWidgetSetup(index, _widget(declared))
        form.setReadOnly(index, declared.derived)
        if declared.required:
            layer.setFieldConstraint(index, QgsFieldConstraints.Constraint.ConstraintNotNull,
                                     QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard)
        if declared.unique:
            layer.setFieldConstraint(index, QgsFieldConstraints.Constraint.ConstraintUnique,
                                     QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard)
        expression = declared.constraint_expression()
        if expression:
            layer.setConstraintExpression(index, expression, f"{declared.alias}: {declared.constraint_text()}")
        if declared.default_expression:
            layer.setDefaultValueDefinition(index, QgsDefaultValue(declared.default_expression))
    layer.setEditFormConfig(form)


def _style_layer(layer, fill, label_expression, display_expression, time_field):
    """Fill, a white buffered label, the display name and the layer's time (one day per image)."""
    from qgis.core import (QgsFillSymbol, QgsPalLayerSettings, QgsSingleSymbolRenderer, QgsTextBufferSettings,
                           QgsTextFormat, QgsUnitTypes, QgsVectorLayerSimpleLabeling, Qgis)
    from qgis.PyQt.QtGui import QColor

    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(fill)))
    layer.setDisplayExpression(display_expression)
    temporal = layer.temporalProperties()
    temporal.setIsActive(True)
    temporal.setMode(Qgis.VectorTemporalMode.FeatureDateTimeInstantFromField)
    temporal.setStartField(time_field)
    temporal.setDurationUnits(QgsUnitTypes.TemporalUnit.TemporalDays)
    temporal.setFixedDuration(1.0)
    if not label_expression:
        return
    label = QgsPalLayerSettings()
    label.fieldName = label_expression
    label.isExpression = True
    text = QgsTextFormat()
    text.setSize(9)
    text.setColor(QColor(255, 255, 255))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setColor(QColor(20, 20, 20))
    buffer.setSize(0.8)
    text.setBuffer(buffer)
    label.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(label))
    layer.setLabelsEnabled(True)


# Per styled table: fill, label expression, display expression, time field.
LAYER_LOOKS = {
    schema.HEAPS: (COAL_FILL, TONNAGE_LABEL, "coalesce(\"label\", \"heap_uid\")", "observed_utc"),
    schema.SCENES: (COVERAGE_FILL, "", '"scene_id"', "acquired_utc"),
    schema.VESSELS: (VESSEL_FILL, VESSEL_LABEL, "coalesce(\"name\", \"vessel_class\", \"vessel_uid\")",
                     "observed_utc"),
}


def build_qml(table: str) -> str:
    """The QML text of the default style of ``table`` (one of STYLED_TABLES); needs a running QgsApplication."""
    from qgis.core import QgsMapLayer, QgsReadWriteContext
    from qgis.PyQt.QtXml import QDomDocument

    layer = memory_layer(table)
    if not layer.isValid():
        raise RuntimeError(f"QGIS could not build a memory layer for '{table}'")
    _configure_fields(layer, table)
    _style_layer(layer, *LAYER_LOOKS[table])
    document = QDomDocument("qgis")
    error = layer.exportNamedStyle(document, QgsReadWriteContext(), QgsMapLayer.StyleCategory.AllStyleCategories)
    if error:
        raise RuntimeError(f"QGIS could not export the style of '{table}': {error}")
    _use_the_readers_font(document)
    return document.toString(1)


def _use_the_readers_font(document):
    """Drop the label font family QGIS wrote (the builder machine's default, e.g. "DejaVu LGC Sans").

    Without it, QGIS labels with the application font of whoever opens the file, instead of warning
    that a font is missing on a colleague's machine (QGIS 3.40 does) and substituting one.
    """
    styles = document.elementsByTagName("text-style")
    for index in range(styles.count()):
        element = styles.item(index).toElement()
        element.removeAttribute("fontFamily")
        element.removeAttribute("namedStyle")


def main(argv=None):
    from qgis.core import QgsApplication

    from ..resources import resources_dir

    app = QgsApplication([], False)
    app.initQgis()
    out_dir = Path(argv[0]) if argv else resources_dir() / "styles"
    for table in STYLED_TABLES:
        target = out_dir / f"{table}.qml"
        target.write_text(build_qml(table), encoding="utf-8")
        print(f"wrote {target}")
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv[1:])
