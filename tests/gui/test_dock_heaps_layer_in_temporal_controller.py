"""The heaps layer the dock adds to the project steps through dates in QGIS's Temporal Controller.

QgsVectorLayer's constructor drops the temporal settings of the GeoPackage's default style, so a layer
made the naive way is not time-aware at all. Here heaps are logged with real clicks, and the layer the
dock put in the project (and the same layer after the project is saved and read again) must filter
heaps by the day of their image: shown on that day, absent a year earlier.
"""
from qgis.core import (
    QgsDateTimeRange, QgsFeatureRequest, QgsProject, QgsVectorLayerTemporalContext,
    QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QPoint, Qt, QTime

from coal_monitor.definitions import LAYER_ROLE as ROLE_PROPERTY, ROLE_HEAPS as HEAPS_ROLE
from tests.helpers.dock_bench import ACQUIRED

HEAPS = (
    [QPoint(500, 300), QPoint(700, 280), QPoint(760, 420), QPoint(640, 520)],
    [QPoint(300, 600), QPoint(420, 600), QPoint(420, 700), QPoint(300, 700)],
)


def _day(year, month, day):
    """One UTC day, as the Temporal Controller's one-day step gives it."""
    start = QDateTime(QDate(year, month, day), QTime(0, 0), Qt.UTC)
    return QgsDateTimeRange(start, start.addDays(1), True, False)


def _image_day(years_earlier=0):
    year, month, day = (int(part) for part in ACQUIRED[:10].split("-"))  # the bench image's metadata
    return _day(year - years_earlier, month, day)


def _uids_in(layer, day_range):
    """The heaps QGIS draws for this time range: the filter the Temporal Controller applies."""
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    expression = layer.temporalProperties().createFilterString(context, day_range)
    assert expression, "the layer adds no time filter"
    return sorted(f["heap_uid"] for f in layer.getFeatures(QgsFeatureRequest().setFilterExpression(expression)))


def _assert_steps_by_observed_utc(layer, uids):
    temporal = layer.temporalProperties()
    assert temporal.isActive()
    assert temporal.mode() == QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField
    assert temporal.startField() == "observed_utc"
    assert temporal.isVisibleInTemporalRange(_image_day())
    assert _uids_in(layer, _image_day()) == sorted(uids)
    assert _uids_in(layer, _image_day(years_earlier=1)) == []


def _log(bench, pixels, height_m):
    bench.draw(pixels)
    bench.type_height(height_m)
    bench.log_heap()


def test_layer_added_by_the_dock_is_time_aware_and_stays_so(bench):
    _log(bench, HEAPS[0], 6.0)
    layer = bench.dock.log.heaps_layer()
    assert layer is not None and QgsProject.instance().mapLayer(layer.id()) is layer
    _assert_steps_by_observed_utc(layer, [row["heap_uid"] for row in bench.rows()])
    _log(bench, HEAPS[1], 4.0)  # the layer is reloaded, not re-created: its time settings must survive
    assert bench.dock.log.heaps_layer() is layer
    uids = [row["heap_uid"] for row in bench.rows()]
    assert len(uids) == 2
    _assert_steps_by_observed_utc(layer, uids)


def test_saved_and_reopened_project_keeps_the_time_settings(bench, tmp_path):
    _log(bench, HEAPS[0], 6.0)
    project_file = tmp_path / "with_heaps.qgz"
    assert QgsProject.instance().write(str(project_file))
    reopened = QgsProject()
    assert reopened.read(str(project_file))
    (layer,) = [layer for layer in reopened.mapLayers().values()
                if layer.customProperty(ROLE_PROPERTY) == HEAPS_ROLE]
    assert layer.isValid()
    _assert_steps_by_observed_utc(layer, [row["heap_uid"] for row in bench.rows()])
    reopened.clear()
