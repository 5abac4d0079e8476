"""coal_monitor:porttimeseries: a port's heaps summed per observation date, in total or per pier.

The same series as the dock's trend chart and its CSV (``report.data.series``), as a table that models,
``qgis_process`` and spreadsheets can take.
"""
from qgis.core import (
    QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsFields, QgsProcessing,
    QgsProcessingException, QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink, QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate

from ..store.errors import StoreError
from ..field_types import new_field
from ..translation import QT_TR_NOOP, tr
from .base import PORT_LOGS_GROUP, CoalMonitorAlgorithm
from .port_input import INPUT, open_port_file, port_file_parameter, port_log_parameter, safe_text

_KINDS = {"observed_date": "date", "pier": "string", "heaps": "int", "scene_ids": "string", "note": "string",
          "examined": "int", "partial_coverage": "int", "vessels": "int"}


# GDAL's CSV writer puts dates as 2024/04/09 and quotes whatever it takes for text: a CSV gets the ISO
# date as text and quotes only where a value needs them.
_CSV_LAYER_OPTIONS = ["STRING_QUOTING=IF_NEEDED"]


def output_fields(for_csv: bool = False) -> QgsFields:
    """The table's fields: ``timeseries.COLUMNS`` then the scenes summed and the note on scenes set aside;
    the date as a date (ISO text in a CSV), counts as integers, sums as reals."""
    from ..core import timeseries
    fields = QgsFields()
    for name in timeseries.COLUMNS + timeseries.SOURCE_COLUMNS:
        kind = _KINDS.get(name, "double")
        fields.append(new_field(name, "string" if for_csv and kind == "date" else kind))
    return fields


def _writes_csv(destination) -> bool:
    sink = getattr(destination, "sink", None)
    text = sink.staticValue() if sink is not None else destination
    return isinstance(text, str) and text.lower().split("|")[0].endswith(".csv")


class PortTimeSeriesAlgorithm(CoalMonitorAlgorithm):
    NAME = "porttimeseries"
    DISPLAY_NAME = QT_TR_NOOP("Port time series (tonnage per date)")
    GROUP = PORT_LOGS_GROUP
    HELP = QT_TR_NOOP(
        "Sums the heaps logged in a port's GeoPackage per observation date (UTC), in total or per pier: "
        "number of heaps, footprint area, volume and tonnage with their low and high ends. The low and "
        "high ends are sums of the heaps' ranges. A date counts when it holds heaps or when an image of it was "
        "marked examined: an examined image without heaps is a row of 0 heaps and 0 t; a date nobody examined is "
        "no row (a gap, not a zero). A pile seen on several images of one day (one pile identity, or outlines "
        "that overlap) counts once: the finer ground resolution, else the later acquisition; the columns "
        "scene_ids and note say which. examined: every image of the date marked examined (1/0); "
        "partial_coverage: an image of the date shows only part of the port (1/0); vessels: ships seen that "
        "date. The same numbers as the Coal Monitor dock's trend chart."
    )

    INPUT = INPUT
    BY_PIER = "BY_PIER"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):
        self.addParameter(port_file_parameter())
        self.addParameter(port_log_parameter())
        self.addParameter(QgsProcessingParameterBoolean(self.BY_PIER, self.tr("One row per pier"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Time series"),
                                                            QgsProcessing.SourceType.TypeVector))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core import timeseries  # these and the store: only when the algorithm runs
        from ..report import data

        by_pier = self.parameterAsBoolean(parameters, self.BY_PIER, context)
        with open_port_file(self, parameters, context) as port_file:
            try:
                points = data.series(port_file, by_pier)
            except StoreError as exc:
                raise QgsProcessingException(safe_text(exc)) from None
            port_name = port_file.port.name
        for_csv = _writes_csv(parameters.get(self.OUTPUT))
        fields = output_fields(for_csv)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             QgsWkbTypes.Type.NoGeometry, QgsCoordinateReferenceSystem(),
                                             layerOptions=_CSV_LAYER_OPTIONS if for_csv else [])
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for index, point in enumerate(points):
            if feedback.isCanceled():
                break
            feature = QgsFeature(fields)
            values = list(point.row() + point.source_row())
            if not for_csv:
                values[0] = QDate.fromString(point.observed_date, "yyyy-MM-dd")
            feature.setAttributes(values)
            if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
            feedback.setProgress(100.0 * (index + 1) / len(points))
        unmeasured = sum(p.unmeasured for p in points)
        feedback.pushInfo(tr("{port}: {dates} observation dates, {heaps} heaps, {rows} rows.").format(
            port=port_name, dates=len(timeseries.dates(points)), heaps=sum(p.heaps for p in points), rows=len(points)))
        if unmeasured:
            feedback.reportError(tr("{unmeasured} heap(s) have no volume (the engine refused their inputs) and add "
                                    "nothing to the sums; run 'Recompute heap volumes' or fix them.").format(
                unmeasured=unmeasured), False)
        return {self.OUTPUT: dest_id}


ALGORITHM = PortTimeSeriesAlgorithm
