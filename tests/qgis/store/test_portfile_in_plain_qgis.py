"""A port file opened in QGIS with no plugin code: styled, with forms, constraints and dates.

Only qgis.core is used to read the file here, as a colleague's QGIS without Coal Monitor would.
"""
import pytest
from shapely.geometry import box

from coal_monitor.core import limits
from coal_monitor.store import schema
from coal_monitor.store.portfile import PortFile


def plain_layer(path, table):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
    assert layer.isValid(), f"QGIS cannot load {table} from {path}"
    return layer


@pytest.fixture()
def logged_path(port_file):
    port_file.add_heap(box(606_000, 4_675_000, 606_100, 4_675_030), 32652,
                       {"observed_utc": "2024-04-02T02:31:00Z", "height_m": 8.0, "label": "north"})
    port_file.add_heap(box(606_200, 4_675_000, 606_260, 4_675_030), 32652,
                       {"observed_utc": "2024-05-10T01:00:00Z", "height_m": 5.0, "label": "south"})
    port_file.close()
    return port_file.path


def test_heaps_open_shaded_and_labelled_with_tonnage(logged_path):
    layer = plain_layer(logged_path, "heaps")
    assert layer.featureCount() == 2
    assert layer.renderer().type() == "singleSymbol"
    assert layer.renderer().symbol().color().alpha() < 255  # shaded: the image shows through
    assert layer.labelsEnabled()
    settings = layer.labeling().settings()
    assert settings.isExpression and "tonnage_t" in settings.fieldName


@pytest.mark.parametrize("table", ["heaps", "scenes"])
def test_layers_carry_the_schemas_aliases_widgets_ranges_and_read_only_numbers(logged_path, table):
    from qgis.core import QgsFieldConstraints

    layer = plain_layer(logged_path, table)
    fields = layer.fields()
    form = layer.editFormConfig()
    for declared in schema.TABLES[table]:
        index = fields.indexOf(declared.name)
        assert index >= 0, declared.name
        assert layer.attributeAlias(index) == declared.alias
        setup = layer.editorWidgetSetup(index)
        assert setup.type() == declared.widget, declared.name
        if declared.values:
            listed = [value for entry in setup.config()["map"] for value in entry.values()]
            assert listed == list(declared.values)
        if declared.widget == "Range":
            assert (setup.config()["Min"], setup.config()["Max"]) == (declared.min, declared.max)
        assert form.readOnly(index) == declared.derived, declared.name
        constraints = fields.at(index).constraints()
        assert constraints.constraintExpression() == declared.constraint_expression(), declared.name
        not_null = bool(constraints.constraints() & QgsFieldConstraints.ConstraintNotNull)
        assert not_null == declared.required, declared.name


def test_height_constraint_in_the_file_is_the_engine_limit(logged_path):
    layer = plain_layer(logged_path, "heaps")
    fields = layer.fields()
    height = fields.at(fields.indexOf("height_m")).constraints().constraintExpression()
    assert f"<= {limits.HEIGHT_MAX_M:g}" in height


def test_constraints_judge_values_as_the_engine_limits_do(logged_path):
    from qgis.core import QgsVectorLayerUtils

    layer = plain_layer(logged_path, "heaps")
    feature = next(layer.getFeatures())
    index = layer.fields().indexOf("height_m")
    for height, acceptable in ((8.0, True), (limits.HEIGHT_MAX_M, True), (limits.HEIGHT_MAX_M + 1, False),
                               (0.0, False)):
        feature["height_m"] = height
        ok, _errors = QgsVectorLayerUtils.validateAttribute(layer, feature, index)
        assert ok == acceptable, height


def test_heaps_step_through_dates_in_the_temporal_controller(logged_path):
    from qgis.core import QgsDateTimeRange, QgsVectorLayerTemporalProperties
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime, Qt

    layer = plain_layer(logged_path, "heaps")
    # QgsVectorLayer's constructor resets temporal settings to the provider's after reading the default
    # style; QGIS desktop then applies the default style again when it adds a layer (checked with
    # iface.addVectorLayer under Xvfb on 3.22: temporal active on observed_utc). Do as the desktop does.
    message, loaded = layer.loadDefaultStyle()
    assert loaded, message
    temporal = layer.temporalProperties()
    assert temporal.isActive()
    assert temporal.mode() == QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField
    assert temporal.startField() == "observed_utc"
    day = QgsDateTimeRange(QDateTime(QDate(2024, 4, 2), QTime(0, 0), Qt.UTC),
                           QDateTime(QDate(2024, 4, 3), QTime(0, 0), Qt.UTC))
    assert temporal.isVisibleInTemporalRange(day)
    from qgis.core import QgsFeatureRequest, QgsVectorLayerTemporalContext

    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    expression = temporal.createFilterString(context, day)

    labels = [f["label"] for f in layer.getFeatures(QgsFeatureRequest().setFilterExpression(expression))]
    assert labels == ["north"]


def test_a_heap_edited_in_plain_qgis_is_detected_and_recomputed(logged_path):
    layer = plain_layer(logged_path, "heaps")
    feature = [f for f in layer.getFeatures() if f["label"] == "north"][0]
    uid = feature["heap_uid"]
    assert layer.dataProvider().changeAttributeValues({feature.id(): {layer.fields().indexOf("height_m"): 3.0}})
    del layer
    with PortFile.open(logged_path) as port_file:
        old_volume = port_file.heap(uid)["volume_m3"]
        stale = port_file.stale_heaps()
        assert [entry["heap_uid"] for entry in stale] == [uid]
        assert "volume_m3" in stale[0]["reason"]
        messages = port_file.recompute_stale()
        assert len(messages) == 1 and uid in messages[0]
        assert port_file.heap(uid)["volume_m3"] < old_volume
        assert port_file.stale_heaps() == []


def test_a_heap_added_in_plain_qgis_gets_its_numbers_when_the_port_is_opened(logged_path):
    from qgis.core import QgsFeature, QgsGeometry
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime, Qt

    layer = plain_layer(logged_path, "heaps")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(box(606_400, 4_675_000, 606_450, 4_675_020).wkt))
    feature["heap_uid"] = "added-in-qgis"
    feature["observed_utc"] = QDateTime(QDate(2024, 6, 1), QTime(2, 0), Qt.UTC)
    feature["height_m"] = 4.0
    feature["model"] = "repose"
    feature["repose_deg"] = 35.0
    feature["density_t_m3"] = 0.85
    assert layer.dataProvider().addFeatures([feature])[0]
    del layer
    with PortFile.open(logged_path) as port_file:
        assert port_file.heap("added-in-qgis")["volume_m3"] is None
        assert len(port_file.recompute_stale()) == 1
        assert port_file.heap("added-in-qgis")["volume_m3"] > 0
        assert port_file.heap("added-in-qgis")["observed_utc"].startswith("2024-06-01T02:00:00")


def test_other_geopackage_tools_see_value_lists_ranges_and_titles(logged_path):
    """GDAL (and through it ArcGIS, FME...) reads the GeoPackage schema extension, not QGIS styles."""
    import sqlite3

    from osgeo import gdal, ogr

    dataset = gdal.OpenEx(str(logged_path), gdal.OF_VECTOR)
    for table, fields in schema.TABLES.items():
        definition = dataset.GetLayerByName(table).GetLayerDefn()
        for declared in fields:
            field_defn = definition.GetFieldDefn(definition.GetFieldIndex(declared.name))
            domain_name = field_defn.GetDomainName()
            if declared.values:
                domain = dataset.GetFieldDomain(domain_name)
                assert domain.GetDomainType() == ogr.OFDT_CODED
                assert sorted(domain.GetEnumeration()) == sorted(declared.values)
            elif declared.min is not None and declared.type in ("REAL", "INTEGER"):
                domain = dataset.GetFieldDomain(domain_name)
                assert domain.GetDomainType() == ogr.OFDT_RANGE
                assert (domain.GetMinAsDouble(), domain.GetMaxAsDouble()) == (declared.min, declared.max)
                assert domain.IsMinInclusive() == (not declared.min_exclusive)
            else:
                assert not domain_name, declared.name
            assert bool(field_defn.IsNullable()) == (not declared.required), declared.name
    dataset = None
    connection = sqlite3.connect(logged_path)
    titles = {(t, c): (title, description) for t, c, title, description in connection.execute(
        "SELECT table_name, column_name, title, description FROM gpkg_data_columns")}
    connection.close()
    for table, fields in schema.TABLES.items():
        for declared in fields:
            assert titles[(table, declared.name)] == (declared.alias, declared.comment)
