"""Stepping the Temporal Controller through dates shows each date's heaps, and only those.

The store writes temporal settings (observed_utc as each heap's instant) into the default style of the
heaps layer. Here a store-written file is loaded, given a one-day time range for two dates, and both the
feature filter QGIS applies and a real map render are checked against the heaps each date has.
"""
import sqlite3

import pytest
from qgis.core import (
    QgsDateTimeRange, QgsFeatureRequest, QgsMapRendererSequentialJob, QgsMapSettings, QgsProject,
    QgsVectorLayer, QgsVectorLayerTemporalContext, QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, Qt, QTime
from qgis.PyQt.QtGui import QColor

from tests.helpers.trend_ports import HEAPS, ORIGIN_X, ORIGIN_Y, SCENES, make_port_file

IMAGE_PX = 400


@pytest.fixture()
def port_path(tmp_path):
    return make_port_file(tmp_path, with_raster=False)


def _heaps_layer(path):
    """The heaps layer with the default style stored in the file (QGIS's "Load default style")."""
    layer = QgsVectorLayer(f"{path}|layername=heaps", "heaps", "ogr")
    assert layer.isValid()
    _message, loaded = layer.loadDefaultStyle()
    assert loaded
    return layer


def _day_range(day: str) -> QgsDateTimeRange:
    """One UTC day, as the Temporal Controller's one-day step gives it."""
    start = QDateTime(QDate.fromString(day, "yyyy-MM-dd"), QTime(0, 0), Qt.UTC)
    return QgsDateTimeRange(start, start.addDays(1), True, False)


def _heap_uids_on(path, day):
    connection = sqlite3.connect(str(path))
    try:
        return sorted(r[0] for r in connection.execute(
            "SELECT heap_uid FROM heaps WHERE substr(observed_utc, 1, 10) = ?", (day,)))
    finally:
        connection.close()


def _filtered_uids(layer, day):
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    expression = layer.temporalProperties().createFilterString(context, _day_range(day))
    request = QgsFeatureRequest().setFilterExpression(expression)
    return sorted(f["heap_uid"] for f in layer.getFeatures(request))


def test_file_default_style_makes_heaps_time_aware_by_observed_utc(port_path):
    layer = _heaps_layer(port_path)
    properties = layer.temporalProperties()
    assert properties.isActive()
    assert properties.mode() == QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField
    assert properties.startField() == "observed_utc"


@pytest.mark.parametrize("scene", [SCENES[0], SCENES[2]], ids=lambda s: s["acquired_utc"][:10])
def test_each_dates_range_selects_that_dates_heaps_only(port_path, scene):
    layer = _heaps_layer(port_path)
    day = scene["acquired_utc"][:10]
    expected = _heap_uids_on(port_path, day)
    assert len(expected) == sum(1 for h in HEAPS if SCENES[h[0]] is scene)
    assert _filtered_uids(layer, day) == expected
    assert layer.temporalProperties().isVisibleInTemporalRange(_day_range(day))


def _render(layer, day):
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(IMAGE_PX, IMAGE_PX))
    settings.setBackgroundColor(QColor("white"))
    settings.setIsTemporal(True)
    settings.setTemporalRange(_day_range(day))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage(), settings


def _pixel_at(image, settings, x_m, y_m):
    point = settings.mapToPixel().transform(ORIGIN_X + x_m, ORIGIN_Y + y_m)
    return QColor(image.pixel(int(point.x()), int(point.y())))


def _is_white(colour):
    return colour.red() > 245 and colour.green() > 245 and colour.blue() > 245


def test_rendering_a_date_draws_its_heaps_and_not_the_others(port_path):
    layer = _heaps_layer(port_path)
    layer.setLabelsEnabled(False)  # tonnage labels sit on the heaps' centres; look at the fill only
    QgsProject.instance().addMapLayer(layer, False)
    # A heap seen only on the first date (x 220, y 260, 30 x 30 m) and one seen only on the last (140, 160).
    first_only = (220 + 8, 260 + 8)
    last_only = (140 + 10, 160 + 10)
    try:
        image, settings = _render(layer, SCENES[0]["acquired_utc"][:10])
        assert not _is_white(_pixel_at(image, settings, *first_only))
        assert _is_white(_pixel_at(image, settings, *last_only))
        image, settings = _render(layer, SCENES[2]["acquired_utc"][:10])
        assert _is_white(_pixel_at(image, settings, *first_only))
        assert not _is_white(_pixel_at(image, settings, *last_only))
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_a_project_saved_with_the_layer_keeps_the_time_settings(port_path, tmp_path, clean_project):
    """The demo project's path: the layer's temporal settings travel in the .qgz and filter on reload."""
    clean_project.addMapLayer(_heaps_layer(port_path))
    project_file = str(tmp_path / "demo.qgz")
    assert clean_project.write(project_file)
    reloaded = QgsProject()
    assert reloaded.read(project_file)
    (layer,) = reloaded.mapLayersByName("heaps")
    assert layer.temporalProperties().isActive()
    day = SCENES[1]["acquired_utc"][:10]
    assert _filtered_uids(layer, day) == _heap_uids_on(port_path, day)
