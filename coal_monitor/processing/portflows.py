"""coal_monitor:portflows: a port's stock change between observation dates against the ships seen loading.

One row per interval between consecutive observation dates of the port's series (``report.data.flows``,
``core.flows``): the same numbers as the dock's flows table and the port report.
"""
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsFields, QgsProcessing,
                       QgsProcessingException, QgsProcessingParameterFeatureSink, QgsWkbTypes)
from qgis.PyQt.QtCore import QDate

from ..field_types import new_field
from ..store.errors import StoreError
from ..translation import QT_TR_NOOP, tr
from .base import PORT_LOGS_GROUP, CoalMonitorAlgorithm
from .port_input import open_port_file, port_file_parameter, port_log_parameter, safe_text

# The table's columns, in order, and their kinds: the contract of this algorithm.
COLUMNS = (
    ("start_date", "date"), ("end_date", "date"),
    ("stock_change_t", "double"), ("stock_change_lo_t", "double"), ("stock_change_hi_t", "double"),
    ("ships_loading", "int"), ("ships_unsized", "int"), ("shipped_lo_t", "double"), ("shipped_hi_t", "double"),
    ("verdict", "string"), ("comparison", "string"), ("partial_coverage", "int"), ("verdict_text", "string"),
    ("vessel_uids", "string"), ("vessel_classes", "string"),
)


def flow_values(flow) -> list:
    """A ``core.flows.Flow`` as the table's values (dates as ISO text; lists joined by ';')."""
    return [flow.start_date, flow.end_date, flow.stock_change_t, flow.stock_change_lo_t, flow.stock_change_hi_t,
            flow.ships_loading, flow.ships_unsized, flow.shipped_lo_t, flow.shipped_hi_t, flow.verdict,
            flow.comparison, int(flow.partial), flow.verdict_text, ";".join(flow.vessel_uids),
            ";".join(c or "" for c in flow.vessel_classes)]


class PortFlowsAlgorithm(CoalMonitorAlgorithm):
    NAME = "portflows"
    DISPLAY_NAME = QT_TR_NOOP("Port flows (stock change against ships loading)")
    GROUP = PORT_LOGS_GROUP
    HELP = QT_TR_NOOP(
        "For each interval between consecutive observation dates of a port (dates with heaps, or with an image "
        "marked examined), the change of the port's coal stock (t, with its range: the end date's low minus the "
        "start date's high, and the end's high minus the start's low) against the cargo the ships seen loading "
        "in between can carry (a ship in state loading, or moored with cargo visible, on a date after the start "
        "and up to the end). verdict: consistent, fell_more_than_ships (loadings not seen: imagery is not "
        "daily), ships_more_than_fell (coal delivered in between), grew (deliveries by rail or truck), steady, "
        "or partial when an image of either date covers only part of the port (comparison then keeps what the "
        "numbers alone say). shipped_hi_t is empty when a ship of no known class loaded."
    )

    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):
        self.addParameter(port_file_parameter())
        self.addParameter(port_log_parameter())
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Flows"),
                                                            QgsProcessing.SourceType.TypeVector))

    def processAlgorithm(self, parameters, context, feedback):
        from ..report import data

        with open_port_file(self, parameters, context) as port_file:
            try:
                flows = data.flows(port_file)
            except StoreError as exc:
                raise QgsProcessingException(safe_text(exc)) from None
            port_name = port_file.port.name
        fields = QgsFields()
        for name, kind in COLUMNS:
            fields.append(new_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for flow in flows:
            feature = QgsFeature(fields)
            values = flow_values(flow)
            values[0], values[1] = (QDate.fromString(day, "yyyy-MM-dd") for day in values[:2])
            feature.setAttributes(values)
            if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
        feedback.pushInfo(tr("{port}: {intervals} intervals, {loadings} loadings seen.").format(
            port=port_name, intervals=len(flows), loadings=sum(f.ships_loading for f in flows)))
        return {self.OUTPUT: dest_id}


ALGORITHM = PortFlowsAlgorithm
