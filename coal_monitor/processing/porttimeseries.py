"""coal_monitor:porttimeseries: a port's heaps summed per observation date, in total or per pier.

The same series as the dock's trend chart and its CSV (``report.data.series``), as a table that models,
``qgis_process`` and spreadsheets can take.
"""
from qgis.core import (
    QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsProcessing,
    QgsProcessingException, QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink, QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QVariant

from ..store.errors import StoreError
from .base import PORT_LOGS_GROUP, CoalMonitorAlgorithm
from .port_input import INPUT, open_port_file, port_file_parameter

_TYPES = {"observed_date": QVariant.Date, "pier": QVariant.String, "heaps": QVariant.Int}


def output_fields() -> QgsFields:
    """The table's fields: ``timeseries.COLUMNS``, the date as a date, counts as integers, sums as reals."""
    from ..core import timeseries

    fields = QgsFields()
    for name in timeseries.COLUMNS:
        fields.append(QgsField(name, _TYPES.get(name, QVariant.Double)))
    return fields


class PortTimeSeriesAlgorithm(CoalMonitorAlgorithm):
    NAME = "porttimeseries"
    DISPLAY_NAME = "Port time series (tonnage per date)"
    GROUP = PORT_LOGS_GROUP
    HELP = (
        "Sums the heaps logged in a port's GeoPackage per observation date (UTC), in total or per pier: "
        "number of heaps, footprint area, volume and tonnage with their low and high ends. The low and "
        "high ends are sums of the heaps' ranges. The same numbers as the Coal Monitor dock's trend chart."
    )

    INPUT = INPUT
    BY_PIER = "BY_PIER"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):
        self.addParameter(port_file_parameter())
        self.addParameter(QgsProcessingParameterBoolean(self.BY_PIER, "One row per pier", defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, "Time series", QgsProcessing.TypeVector))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core import timeseries  # these and the store: only when the algorithm runs
        from ..report import data

        by_pier = self.parameterAsBoolean(parameters, self.BY_PIER, context)
        with open_port_file(self, parameters, context) as port_file:
            try:
                points = data.series(port_file, by_pier)
            except StoreError as exc:
                raise QgsProcessingException(str(exc)) from None
            port_name = port_file.port.name
        fields = output_fields()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for index, point in enumerate(points):
            if feedback.isCanceled():
                break
            feature = QgsFeature(fields)
            values = list(point.row())
            values[0] = QDate.fromString(point.observed_date, "yyyy-MM-dd")
            feature.setAttributes(values)
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
            feedback.setProgress(100.0 * (index + 1) / len(points))
        unmeasured = sum(p.unmeasured for p in points)
        feedback.pushInfo(f"{port_name}: {len(timeseries.dates(points))} observation dates, "
                          f"{sum(p.heaps for p in points)} heaps, {len(points)} rows.")
        if unmeasured:
            feedback.reportError(f"{unmeasured} heap(s) have no volume (the engine refused their inputs) and add "
                                 "nothing to the sums; run 'Recompute heap volumes' or fix them.", False)
        return {self.OUTPUT: dest_id}


ALGORITHM = PortTimeSeriesAlgorithm
