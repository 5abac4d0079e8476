"""coal_monitor:portreport: a port's one-page PDF report (map, trend chart, table, method, attribution)."""
from qgis.core import (
    QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterFileDestination,
)

from ..store.errors import StoreError
from ..translation import QT_TR_NOOP, tr
from .base import PORT_LOGS_GROUP, CoalMonitorAlgorithm
from .port_input import INPUT, open_port_file, port_file_parameter, port_log_parameter, safe_text


class PortReportAlgorithm(CoalMonitorAlgorithm):
    NAME = "portreport"
    DISPLAY_NAME = QT_TR_NOOP("Port report (PDF)")
    GROUP = PORT_LOGS_GROUP
    HELP = QT_TR_NOOP(
        "Writes a one-page PDF about a port: the latest image with its heaps and a scale bar, the "
        "tonnage per observation date with its range, a table of dates, the method and defaults used, "
        "and the imagery attribution recorded with the scenes."
    )

    INPUT = INPUT
    OUTPUT = "OUTPUT"

    def flags(self):
        # Print layouts draw fonts and pictures, which QGIS only allows on the main thread.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):
        self.addParameter(port_file_parameter())
        self.addParameter(port_log_parameter())
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Report"), "PDF files (*.pdf)"))

    def processAlgorithm(self, parameters, context, feedback):
        from ..report.content import gather  # the store and the chart: only when the algorithm runs
        from ..report.layout import export_pdf

        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        with open_port_file(self, parameters, context) as port_file:
            feedback.setProgress(10)
            try:
                content = gather(port_file)
            except StoreError as exc:
                raise QgsProcessingException(safe_text(exc)) from None
        if feedback.isCanceled():
            return {}
        feedback.setProgress(40)
        try:
            export_pdf(content, pdf_path, notice=feedback.pushWarning)
        except StoreError as exc:
            raise QgsProcessingException(safe_text(exc)) from None
        feedback.setProgress(100)
        feedback.pushInfo(tr("Report of {port} written to {path}.").format(port=content.port_name, path=pdf_path))
        return {self.OUTPUT: pdf_path}


ALGORITHM = PortReportAlgorithm
