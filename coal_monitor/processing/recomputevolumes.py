"""coal_monitor:recomputevolumes: new coal defaults for a port, and every heap recomputed, all or nothing.

An analyst who revises a port's angle of repose or density (new evidence on the coal type) wants the
whole log to follow, never a log half in old numbers and half in new. Everything happens in one SQLite
transaction: the port row and every heap commit together, or, on any refused heap or a cancel, roll back
together and the file is as before.

The store offers one transaction per heap only, so ``recompute_all`` runs the store's own per-heap steps
(its input checks, ``store.derive.derived_numbers``, its verified write) inside one transaction of the
store's connection; the numbers are therefore exactly those ``PortFile.add_heap``/``update_heap`` store.
The store and the engine are imported when a heap is recomputed, not when QGIS builds the algorithm.
"""
import dataclasses

from qgis.core import (
    QgsProcessingException, QgsProcessingOutputFile, QgsProcessingOutputNumber,
    QgsProcessingParameterNumber,
)

from ..core import limits
from ..core.errors import InputError
from ..store.errors import StoreError
from .base import PORT_LOGS_GROUP, CoalMonitorAlgorithm
from .port_input import INPUT, open_port_file, port_file_parameter

# Parameter -> port field it sets; the first two are also written into every heap.
PORT_CHANGES = {
    "REPOSE_ANGLE": "repose_deg",
    "DENSITY": "density_t_m3",
    "DENSITY_LOW": "density_lo_t_m3",
    "DENSITY_HIGH": "density_hi_t_m3",
}
HEAP_CHANGES = ("repose_deg", "density_t_m3")


class RecomputeCancelled(StoreError):
    """The analyst cancelled; the transaction was rolled back and the file is unchanged."""


def new_port_defaults(port, changes: dict):
    """The port with ``changes`` (port field -> value) applied, checked against the schema's limits."""
    from ..store import schema

    changes = {k: float(v) for k, v in changes.items() if v is not None}
    updated = dataclasses.replace(port, **changes)
    for name in PORT_CHANGES.values():
        problem = schema.field("port", name).check(getattr(updated, name))
        if problem:
            raise StoreError(f"Cannot recompute {port.name}: {problem}.")
    if not updated.density_lo_t_m3 <= updated.density_t_m3 <= updated.density_hi_t_m3:
        raise StoreError(
            f"Cannot recompute {port.name}: the density {updated.density_t_m3:g} t/m3 must lie within its band "
            f"{updated.density_lo_t_m3:g}-{updated.density_hi_t_m3:g} t/m3; give DENSITY_LOW and DENSITY_HIGH "
            "that contain it."
        )
    return updated


def _label(row) -> str:
    return row["label"] or row["heap_uid"]


def _recomputed(port_file, port, row, heap_values: dict) -> dict:
    """The heap's checked inputs (with ``heap_values`` applied) and its numbers under ``port``."""
    from ..store import gpkg_geometry, schema
    from ..store.derive import derived_numbers
    from ..store.portfile import HEAP_INPUT_FIELDS

    inputs = {k: row[k] for k in HEAP_INPUT_FIELDS}
    inputs.update(heap_values)
    try:
        inputs = port_file._heap_inputs(inputs, creating=False)
        inputs.update(derived_numbers(port, gpkg_geometry.decode(row[schema.GEOMETRY_COLUMN]), inputs))
    except (StoreError, InputError) as exc:
        raise StoreError(f"Heap {_label(row)!r} ({row['observed_utc'][:10]}) cannot be recomputed: {exc} "
                         "Nothing was changed.") from None
    return inputs


def recompute_all(port_file, changes: dict = None, progress=None, is_canceled=None) -> list:
    """Apply ``changes`` (port field -> value) to the port and recompute every heap in one transaction.

    ``progress(fraction)`` is called after each heap; ``is_canceled()`` is polled before each heap and a
    True aborts with ``RecomputeCancelled``. A heap whose stored inputs are refused (e.g. a height set
    to 75 m in another program) aborts with a StoreError naming it. In both cases nothing is written.
    Returns one ``(label, observed date, engine note)`` per heap, in file order; the note is empty
    when the engine had no warning (a note such as "taller than a pile of this angle can reach" does
    not stop the recompute: the heap is stored with it, as when it was logged).
    """
    from ..store import schema
    from ..store.sqltime import utc_now_text

    changes = changes or {}
    port = new_port_defaults(port_file.port, changes)
    heap_values = {k: getattr(port, k) for k in HEAP_CHANGES if changes.get(k) is not None}
    now = utc_now_text()
    results = []
    # The store notes changed tables for gpkg_contents.last_change outside the transaction (written on
    # close); on a rollback that note must go too, or the file would claim a change that never happened.
    noted = dict(port_file._changed_tables)
    try:
        with port_file._transaction("recompute every heap") as connection:
            rows = connection.execute(f"SELECT * FROM {schema.HEAPS} ORDER BY fid").fetchall()
            for index, row in enumerate(rows):
                if is_canceled is not None and is_canceled():
                    raise RecomputeCancelled(f"Recompute of {port_file.path} cancelled; nothing was changed.")
                values = _recomputed(port_file, port, row, heap_values)
                values["modified_utc"] = now
                port_file._write_heap(connection, row["fid"], values)
                results.append((_label(row), row["observed_utc"][:10], values.get("volume_note") or ""))
                if progress is not None:
                    progress((index + 1) / len(rows))
            assignments = ", ".join(f"{name} = ?" for name in PORT_CHANGES.values())
            connection.execute(f"UPDATE {schema.PORT} SET {assignments}",
                               tuple(getattr(port, name) for name in PORT_CHANGES.values()))
    except BaseException:
        port_file._changed_tables.clear()
        port_file._changed_tables.update(noted)
        raise
    port_file.port = port  # committed: the open file now reads with the new defaults
    return results


class RecomputeVolumesAlgorithm(CoalMonitorAlgorithm):
    NAME = "recomputevolumes"
    DISPLAY_NAME = "Recompute heap volumes"
    GROUP = PORT_LOGS_GROUP
    HELP = (
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
        ranges = {
            "REPOSE_ANGLE": ("New angle of repose (deg)", limits.REPOSE_MIN_DEG, limits.REPOSE_MAX_DEG),
            "DENSITY": ("New bulk density (t/m3)", limits.DENSITY_MIN_T_M3, limits.DENSITY_MAX_T_M3),
            "DENSITY_LOW": ("New density band: low (t/m3)", limits.DENSITY_MIN_T_M3, limits.DENSITY_MAX_T_M3),
            "DENSITY_HIGH": ("New density band: high (t/m3)", limits.DENSITY_MIN_T_M3, limits.DENSITY_MAX_T_M3),
        }
        for name, (description, low, high) in ranges.items():
            self.addParameter(QgsProcessingParameterNumber(
                name, description, QgsProcessingParameterNumber.Double, None, True, low, high))
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT, "Port GeoPackage"))
        self.addOutput(QgsProcessingOutputNumber(self.HEAPS, "Heaps recomputed"))

    def processAlgorithm(self, parameters, context, feedback):
        changes = {}
        for parameter, field_name in PORT_CHANGES.items():
            if parameters.get(parameter) is not None:
                changes[field_name] = self.parameterAsDouble(parameters, parameter, context)
        with open_port_file(self, parameters, context) as port_file:
            try:
                results = recompute_all(port_file, changes, progress=lambda f: feedback.setProgress(100.0 * f),
                                        is_canceled=feedback.isCanceled)
            except StoreError as exc:
                raise QgsProcessingException(str(exc)) from None
            port = port_file.port
            path = str(port_file.path)
        feedback.pushInfo(
            f"{port.name}: {len(results)} heaps recomputed with repose {port.repose_deg:g} deg, density "
            f"{port.density_t_m3:g} t/m3 (band {port.density_lo_t_m3:g}-{port.density_hi_t_m3:g})."
        )
        for label, day, note in results:
            if note:
                feedback.pushWarning(f"Heap {label!r} ({day}): {note}")
        return {self.OUTPUT: path, self.HEAPS: len(results)}


ALGORITHM = RecomputeVolumesAlgorithm
