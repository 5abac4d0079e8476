"""coal_monitor:recomputevolumes: new coal defaults for a port, and every heap recomputed, all or nothing.

The work is the store's (``store.recompute.recompute_all``: one transaction for the port row and every
heap); this module is its Processing face.
"""
from qgis.core import (
    QgsProcessingException, QgsProcessingOutputFile, QgsProcessingOutputNumber,
    QgsProcessingParameterNumber,
)

from ..core import limits
from ..core.messages import Message
from ..store.errors import StoreError
from ..translation import QT_TR_NOOP, message_text, note_text, tr
from .base import PORT_LOGS_GROUP, CoalMonitorAlgorithm
from .port_input import INPUT, open_port_file, location_text, port_file_parameter, port_log_parameter, safe_text


class RecomputeVolumesAlgorithm(CoalMonitorAlgorithm):
    NAME = "recomputevolumes"
    DISPLAY_NAME = QT_TR_NOOP("Recompute heap volumes")
    GROUP = PORT_LOGS_GROUP
    HELP = QT_TR_NOOP(
        "Recomputes the volume and tonnage of every heap in a port's GeoPackage, optionally with a new "
        "angle of repose and density for the whole port (written into every heap and recorded as the "
        "port's defaults). All or nothing: if any heap cannot be computed, or you cancel, the file is "
        "left exactly as it was."
    )

    INPUT = INPUT
    OUTPUT = "OUTPUT"
    HEAPS = "HEAPS"

    def initAlgorithm(self, config=None):
        self.addParameter(port_file_parameter())
        self.addParameter(port_log_parameter())
        ranges = {
            "REPOSE_ANGLE": ("New angle of repose (deg)", limits.REPOSE_MIN_DEG, limits.REPOSE_MAX_DEG),
            "DENSITY": ("New bulk density (t/m3)", limits.DENSITY_MIN_T_M3, limits.DENSITY_MAX_T_M3),
            "DENSITY_LOW": ("New density band: low (t/m3)", limits.DENSITY_MIN_T_M3, limits.DENSITY_MAX_T_M3),
            "DENSITY_HIGH": ("New density band: high (t/m3)", limits.DENSITY_MIN_T_M3, limits.DENSITY_MAX_T_M3),
        }
        for name, (description, low, high) in ranges.items():
            self.addParameter(QgsProcessingParameterNumber(
                name, description, QgsProcessingParameterNumber.Type.Double, None, True, low, high))
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT, self.tr("Port GeoPackage")))
        self.addOutput(QgsProcessingOutputNumber(self.HEAPS, self.tr("Heaps recomputed")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..store.recompute import PORT_CHANGES, recompute_all  # the store and the engine: when it runs

        changes = {}
        for parameter, field_name in PORT_CHANGES.items():
            if parameters.get(parameter) is not None:
                changes[field_name] = self.parameterAsDouble(parameters, parameter, context)
        with open_port_file(self, parameters, context) as port_file:
            try:
                results = recompute_all(port_file, changes, progress=lambda f: feedback.setProgress(100.0 * f),
                                        is_canceled=feedback.isCanceled)
            except StoreError as exc:
                raise QgsProcessingException(safe_text(exc)) from None
            port = port_file.port
            path = location_text(port_file)
        feedback.pushInfo(message_text(Message(QT_TR_NOOP(
            "{port}: {count} heaps recomputed with repose {repose_deg:g} deg, density {density:g} t/m3 "
            "(band {low:g}-{high:g})."), port=port.name, count=len(results), repose_deg=float(port.repose_deg),
            density=float(port.density_t_m3), low=float(port.density_lo_t_m3), high=float(port.density_hi_t_m3))))
        for label, day, note in results:
            if note:
                text = tr("Heap {label!r} ({day}): {note}")
                feedback.pushWarning(text.format(label=label, day=day, note=note_text(note)))
        return {self.OUTPUT: path, self.HEAPS: len(results)}


ALGORITHM = RecomputeVolumesAlgorithm
