"""coal_monitor:copyportlog: publish a port's GeoPackage to the team database, or snapshot a team port log.

Both ends are port log locations (a .gpkg path, ``postgresql://USER@HOST:PORT/DBNAME?schema=SLUG`` or
``service=NAME schema=SLUG``); the target is created for the source's port when it does not exist. The copy
goes through the store's own writes (``store/transfer.copy_log``): heap, scene and ship ids kept, every
number derived again by the engine, nothing copied twice. No message shows a password.
"""
from qgis.core import (
    QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QLocale

from ..store.errors import StoreError
from ..translation import QT_TR_NOOP, tr
from .base import PORT_LOGS_GROUP, CoalMonitorAlgorithm
from .port_input import safe_text

LOCATION_FORMS = QT_TR_NOOP("a port's .gpkg path, postgresql://USER@HOST:PORT/DBNAME?schema=SLUG or "
                            "service=NAME schema=SLUG")
# Output name -> (the copy report's table, its counter), declared once for outputs and feedback.
COUNTS = {"SCENES_COPIED": ("scenes", "copied"), "HEAPS_COPIED": ("heaps", "copied"),
          "VESSELS_COPIED": ("vessels", "copied"), "HEAPS_ALREADY": ("heaps", "already")}
COUNT_DESCRIPTIONS = {"SCENES_COPIED": QT_TR_NOOP("Scenes copied"), "HEAPS_COPIED": QT_TR_NOOP("Heaps copied"),
                      "VESSELS_COPIED": QT_TR_NOOP("Ships copied"),
                      "HEAPS_ALREADY": QT_TR_NOOP("Heaps already in the target")}


class CopyPortLogAlgorithm(CoalMonitorAlgorithm):
    NAME = "copyportlog"
    DISPLAY_NAME = QT_TR_NOOP("Copy port log (publish or snapshot)")
    GROUP = PORT_LOGS_GROUP
    HELP = QT_TR_NOOP(
        "Copies one port log into another of the same port: publish a port's GeoPackage to the team database "
        "(TARGET postgresql://USER@HOST:PORT/DBNAME?schema=SLUG or service=NAME schema=SLUG), or take a "
        "snapshot of a team port log as a GeoPackage to send or archive (TARGET a .gpkg path). The target is "
        "created when missing. Heap, scene and ship ids are kept and every number is derived again by the "
        "engine; what the target already holds is counted, not copied twice, so running it again is safe."
    )

    SOURCE = "SOURCE"
    TARGET = "TARGET"
    REFUSED = "REFUSED"
    TARGET_OUTPUT = "TARGET_LOG"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(self.SOURCE, self.tr("Port log to copy ({forms})").format(
            forms=self.tr(LOCATION_FORMS))))
        self.addParameter(QgsProcessingParameterString(self.TARGET, self.tr("Copy into ({forms})").format(
            forms=self.tr(LOCATION_FORMS))))
        for name, description in COUNT_DESCRIPTIONS.items():
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(description)))
        self.addOutput(QgsProcessingOutputNumber(self.REFUSED, self.tr("Heaps and ships refused")))
        self.addOutput(QgsProcessingOutputString(self.TARGET_OUTPUT, self.tr("Target port log")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..store.port_log import create_port_log, masked, open_port_log, parse_location, port_log_exists
        from ..store.transfer import copy_log

        try:
            source_location = parse_location(self.parameterAsString(parameters, self.SOURCE, context).strip())
            target_location = parse_location(self.parameterAsString(parameters, self.TARGET, context).strip())
            if source_location.display == target_location.display:
                raise QgsProcessingException(tr("SOURCE and TARGET both name {log}; choose another target.").format(
                    log=source_location.display))
            with open_port_log(source_location) as source:
                created = not port_log_exists(target_location)
                target = (create_port_log(target_location, source.port) if created
                          else open_port_log(target_location))
                with target:
                    report = copy_log(source, target)
        except StoreError as exc:
            raise QgsProcessingException(safe_text(exc)) from None
        results = {name: report[table][counter] for name, (table, counter) in COUNTS.items()}
        results[self.REFUSED] = len(report["refused"])
        results[self.TARGET_OUTPUT] = target_location.display
        if created:
            feedback.pushInfo(tr("Created the port log {log}.").format(log=target_location.display))
        feedback.pushInfo(tr("Copied {scenes} scenes, {heaps} heaps and {ships} ships from {source} to {target}; "
                             "{already} heaps were there already.").format(
            scenes=results["SCENES_COPIED"], heaps=results["HEAPS_COPIED"], ships=results["VESSELS_COPIED"],
            already=results["HEAPS_ALREADY"], source=source_location.display, target=target_location.display))
        for entry in report["refused"]:
            uid = entry.get("heap_uid") or entry.get("vessel_uid")
            feedback.reportError(tr("Not copied: {uid}: {reason}").format(uid=uid, reason=masked(entry["reason"])))
        for entry in report["differ"]:
            feedback.pushWarning(tr("Heap {uid}: {source_t} t in the source, {target_t} t as the engine derives it "
                                    "in the target.").format(uid=entry["heap_uid"], source_t=_tonnes(entry["source_t"]),
                                                             target_t=_tonnes(entry["target_t"])))
        return results


def _tonnes(value) -> str:
    """A tonnage in the analyst's locale (German 1.234,5)."""
    return "-" if value is None else QLocale().toString(float(value), "f", 1)


ALGORITHM = CopyPortLogAlgorithm
