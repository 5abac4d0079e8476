"""Every heap of a port recomputed under new coal defaults, in one transaction: all or nothing.

An analyst who revises a port's angle of repose or density (new evidence on the coal type) wants the
whole log to follow, never a log half in old numbers and half in new. The port row and every heap
commit together, or, on any refused heap or a cancel, roll back together and the file is as before.

The store offers one transaction per heap; ``recompute_all`` runs the store's own per-heap steps (its
input checks, ``derive.derived_numbers``, its verified write) inside one transaction of the store's
connection, so the numbers are exactly those ``PortFile.add_heap``/``update_heap`` store.
"""
import dataclasses

from ..core.errors import InputError
from ..core.messages import QT_TR_NOOP
from . import schema
from .derive import derived_numbers
from .errors import StoreError
from .port_log_base import HEAP_INPUT_FIELDS
from .sql import ident, statement
from .sqltime import utc_now_text

# Parameter -> port field it sets; the first two are also written into every heap.
PORT_CHANGES = {
    "REPOSE_ANGLE": "repose_deg",
    "DENSITY": "density_t_m3",
    "DENSITY_LOW": "density_lo_t_m3",
    "DENSITY_HIGH": "density_hi_t_m3",
}
HEAP_CHANGES = ("repose_deg", "density_t_m3")
_ALL_HEAPS_SQL = statement("SELECT * FROM {t} ORDER BY fid", t=schema.HEAPS)
_PORT_UPDATE_SQL = (statement("UPDATE {t} SET ", t=schema.PORT)
                    + ", ".join(ident(name) + " = ?" for name in PORT_CHANGES.values()))


class RecomputeCancelled(StoreError):
    """The analyst cancelled; the transaction was rolled back and the file is unchanged."""


def new_port_defaults(port, changes: dict):
    """The port with ``changes`` (port field -> value) applied, checked against the schema's limits."""
    changes = {k: float(v) for k, v in changes.items() if v is not None}
    updated = dataclasses.replace(port, **changes)
    for name in PORT_CHANGES.values():
        problem = schema.field("port", name).check(getattr(updated, name))
        if problem:
            raise StoreError(QT_TR_NOOP("Cannot recompute {name}: {problem}."),
                             name=port.name, problem=problem)
    if not updated.density_lo_t_m3 <= updated.density_t_m3 <= updated.density_hi_t_m3:
        raise StoreError(
            QT_TR_NOOP("Cannot recompute {name}: the density {density:g} t/m3 must lie within its band "
                       "{low:g}-{high:g} t/m3; give DENSITY_LOW and DENSITY_HIGH "
                       "that contain it."),
            name=port.name, density=updated.density_t_m3, low=updated.density_lo_t_m3,
            high=updated.density_hi_t_m3
        )
    return updated


def _label(row) -> str:
    return row["label"] or row["heap_uid"]


def _recomputed(port_file, port, row, heap_values: dict) -> dict:
    """The heap's checked inputs (with ``heap_values`` applied) and its numbers under ``port``."""
    inputs = {k: row[k] for k in HEAP_INPUT_FIELDS}
    inputs.update(heap_values)
    try:
        inputs = port_file._heap_inputs(inputs, creating=False)
        inputs.update(derived_numbers(port, port_file._decode_geom(row[schema.GEOMETRY_COLUMN]), inputs))
    except (StoreError, InputError) as exc:
        raise StoreError(QT_TR_NOOP("Heap {label!r} ({date}) cannot be recomputed: {exc} "
                                    "Nothing was changed."),
                         label=_label(row), date=row['observed_utc'][:10], exc=exc) from None
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
    changes = changes or {}
    port = new_port_defaults(port_file.port, changes)
    heap_values = {k: getattr(port, k) for k in HEAP_CHANGES if changes.get(k) is not None}
    now = utc_now_text()
    results = []
    # The store notes changed tables for gpkg_contents.last_change outside the transaction (written on
    # close); on a rollback that note must go too, or the file would claim a change that never happened.
    noted = dict(port_file._changed_tables)
    try:
        with port_file._transaction(QT_TR_NOOP("recompute every heap")) as connection:
            rows = connection.execute(_ALL_HEAPS_SQL).fetchall()
            for index, row in enumerate(rows):
                if is_canceled is not None and is_canceled():
                    raise RecomputeCancelled(QT_TR_NOOP("Recompute of {path} cancelled; nothing was changed."),
                                             path=port_file.path)
                values = _recomputed(port_file, port, row, heap_values)
                values["modified_utc"] = now
                port_file._write_heap(connection, row["fid"], values)
                results.append((_label(row), row["observed_utc"][:10], values.get("volume_note") or ""))
                if progress is not None:
                    progress((index + 1) / len(rows))
            connection.execute(_PORT_UPDATE_SQL, tuple(getattr(port, name) for name in PORT_CHANGES.values()))
    except BaseException:
        port_file._changed_tables.clear()
        port_file._changed_tables.update(noted)
        raise
    port_file.port = port  # committed: the open file now reads with the new defaults
    return results
