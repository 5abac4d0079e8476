"""Keep a loaded heaps layer's numbers derived while analysts edit it with QGIS's own tools.

The vertex tool, the attribute table and the field calculator change a heap's footprint or inputs
through the layer's edit buffer. ``HeapLayerSync`` listens to those changes and writes the engine's
numbers (and ``modified_utc``) into the same edit buffer, so the canvas, the attribute table and the
undo stack stay in step, and a commit writes a heap whose numbers match its inputs.

Undo: QGIS tools wrap each edit in an edit command; our writes join that command, so one Undo reverts
the edit and its numbers together. An edit made outside any command (a script calling
``changeGeometry``) gets its numbers in a command of its own right after it, which is glued to it:
undoing or redoing one also undoes or redoes the other. During undo and redo nothing is recomputed,
since the stack restores the numbers that belonged to the restored inputs.

A layer of a GeoPackage (ogr) and a layer of a team port log's heaps table (postgres) are synced alike; the
port and the scenes are read through the store (``store.port_log``), never by SQL written here for PostGIS.
"""
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from qgis.core import QgsProviderRegistry
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QDateTime, Qt

from ..core.errors import InputError
from ..core.heap_numbers import with_port_defaults
from ..core.messages import QT_TR_NOOP, Message, as_message
from ..signals import Connections
from . import derive, schema
from .connection import LOCK_TIMEOUT_S, connect
from .errors import StoreError
from .footprint import FootprintConverter
from .sql import statement
from .sqltime import format_utc, to_utc_text
from .values import plain

RECOMPUTE_COMMAND_TEXT = "Coal Monitor: heap numbers recomputed"
_RECOMPUTE_ON = frozenset(schema.VOLUME_INPUTS) | frozenset(schema.DERIVED_FIELDS) | {"observed_utc"}
# A heap edited to within this of a logged image's acquisition time is that image's heap.
SAME_SCENE_S = 60.0
# Relative tolerance under which a stored number counts as unchanged (absorbs float text round-trips).
UNCHANGED_REL_TOL = 1e-12


def layer_source(layer):
    """The port log a heaps layer reads: a GeoPackage's path, a team log's PortLogLocation, or None."""
    if layer.providerType() == "postgres":
        from .pg_qgis import location_of_layer

        return location_of_layer(layer)
    return QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or None


def port_of_layer(layer, source=None):
    """The Port described in the ``port`` table of the port log the layer reads."""
    from .port_log import open_port_log
    from .portfile import PortFile

    source = layer_source(layer) if source is None else source
    if source is not None and not isinstance(source, (str, Path)):
        with open_port_log(source) as port_log:
            return port_log.port
    path = source
    if not path:
        raise StoreError(QT_TR_NOOP("Layer {layer!r} is not read from a port GeoPackage ({source})."),
                         layer=layer.name(), source=layer.source())
    with PortFile.open(path) as port_file:
        return port_file.port


def derived_numbers(port, converter, geometry, crs, inputs):
    """The engine's numbers for one heap edited in a layer, exactly as the store derives them.

    The layer's inputs are checked against the schema first (the same messages as the store's).
    Raises InputError (or StoreError for an unreadable footprint) with the analyst's message.
    """
    values = with_port_defaults(port, inputs)
    if values.get("height_m") is None:
        raise InputError(QT_TR_NOOP("'height_m' is empty; enter the heap's height in metres."))
    for name in schema.VOLUME_INPUTS:
        problem = schema.field(schema.HEAPS, name).check(values.get(name))
        if problem:
            raise InputError(QT_TR_NOOP("{problem}."), problem=problem)
    return derive.derived_numbers(port, converter.to_port(geometry, crs), values)


class HeapLayerSync:
    """Recomputes a heap's derived fields whenever its footprint or a volume input changes.

    ``layer``: a loaded ``heaps`` layer of a port GeoPackage. ``port``: its Port (read from the file
    when omitted). ``on_problem(fid, message)``: told (a core.messages.Message) when a heap's inputs describe
    no measurable heap; its numbers are then cleared and ``volume_note`` holds the message, never a stale number.
    Call ``disconnect()`` when the plugin unloads or the layer goes away.
    """

    def __init__(self, layer, port=None, on_problem=None, source=None):
        self.layer = layer
        self._source = layer_source(layer) if source is None else source  # a path, or a team PortLogLocation
        self.port = port if port is not None else port_of_layer(layer, self._source)
        self.on_problem = on_problem
        self._converter = FootprintConverter(self.port.crs_epsg)
        self._path = self._source if isinstance(self._source, (str, Path)) else None
        self._stack = layer.undoStack()
        self._pending = set()
        self._dated = set()  # heaps whose observed_utc was just edited
        self._busy = False
        self._index, self._known = 0, set()
        self._remember_stack()
        self._connections = Connections()
        for signal, slot in ((layer.geometryChanged, self._on_geometry_changed),
                             (layer.attributeValueChanged, self._on_attribute_changed),
                             (layer.featureAdded, self._on_feature_added),
                             (self._stack.indexChanged, self._on_index_changed),
                             (layer.afterCommitChanges, self._times_in_utc_text)):
            self._connections.connect(signal, slot)

    def disconnect(self):
        """Stop listening (idempotent)."""
        self._connections.disconnect_all()

    def recompute(self, fid) -> bool:
        """Recompute one heap now, in the current edit command; True when a field changed."""
        feature = self.layer.getFeature(fid)
        if not feature.isValid():
            return False
        fields = self.layer.fields()
        inputs = {name: plain(feature[name]) for name in schema.VOLUME_INPUTS
                  if fields.indexOf(name) >= 0}
        try:
            numbers = derived_numbers(self.port, self._converter, feature.geometry(), self.layer.crs(), inputs)
        except (InputError, StoreError) as exc:
            numbers = dict.fromkeys(schema.DERIVED_FIELDS)
            numbers["volume_note"] = str(Message(QT_TR_NOOP("Not computed: {problem}"), problem=as_message(exc)))
            if self.on_problem is not None:
                self.on_problem(fid, as_message(exc))
        if fid in self._dated:  # only a time the analyst changed moves a heap between images
            self._dated.discard(fid)
            numbers.update(self._scene_of(fid, feature))
        new, old = {}, {}
        for name, value in numbers.items():
            index = fields.indexOf(name)
            if index >= 0 and not _same(feature[name], value):
                new[index], old[index] = value, feature[name]
        if not new:
            return False
        stamp = fields.indexOf("modified_utc")
        if stamp >= 0:
            new[stamp], old[stamp] = QDateTime.currentDateTimeUtc(), feature["modified_utc"]
        self._busy = True
        try:
            self.layer.changeAttributeValues(fid, new, old)
        finally:
            self._busy = False
        return True

    def _scene_of(self, fid, feature):
        """{observed_utc, scene_id} a heap's time and image must have (empty when they already agree).

        A time typed by hand is UTC as the field says (a value without a zone is read as UTC, and
        stored with its "Z"); the heap then belongs to the logged image acquired within SAME_SCENE_S of
        it, or to no image (it is then no longer listed under the old one, and the analyst is told).
        """
        fields = self.layer.fields()
        if fields.indexOf("observed_utc") < 0 or fields.indexOf("scene_id") < 0:
            return {}
        typed = plain(feature["observed_utc"])
        if typed is None:
            return {}
        try:
            when = _utc_datetime(typed)
        except ValueError as exc:
            if self.on_problem is not None:
                self.on_problem(fid, as_message(exc))
            return {}
        scenes = _scene_times(self._path) if self._path else _logged_scene_times(self._source)
        current = plain(feature["scene_id"])
        if current in scenes and abs((scenes[current] - when).total_seconds()) <= SAME_SCENE_S:
            scene_id = current
        else:
            near = sorted((abs((acquired - when).total_seconds()), sid) for sid, acquired in scenes.items())
            scene_id = near[0][1] if near and near[0][0] <= SAME_SCENE_S else None
            if scene_id != current and self.on_problem is not None:
                where = (Message(QT_TR_NOOP("it now belongs to image {scene_id}"), scene_id=scene_id) if scene_id else
                         Message(QT_TR_NOOP("no logged image was acquired then, so it is no longer listed under any "
                                            "image")))
                self.on_problem(fid, Message(QT_TR_NOOP("observed_utc was set to {when}: {where}. To re-date an image "
                                                        "with all its heaps, correct the scene (Edit scene) instead."),
                                             when=format_utc(when), where=where))
        return {"observed_utc": QDateTime.fromMSecsSinceEpoch(int(when.timestamp() * 1000), Qt.TimeSpec.UTC),
                "scene_id": scene_id}

    def _times_in_utc_text(self):
        """QGIS writes a hand-edited time without its zone ("...T03:00:20.000"); the field is UTC, so the
        committed text gets its "Z" back (the store's own form), in one statement."""
        if not self._path:
            return
        try:
            connection = connect(str(self._path), LOCK_TIMEOUT_S)  # GeoPackage functions for its triggers
            try:
                connection.execute(_UTC_SUFFIX_SQL)  # autocommit: one statement, whole or nothing
            finally:
                connection.close()
        except sqlite3.Error as exc:
            if self.on_problem is not None:
                self.on_problem(None, Message(QT_TR_NOOP("{path}: the times edited in the layer keep no 'Z' ({exc}); "
                                                         "they are still read as UTC."), path=self._path, exc=exc))

    # ---- signals ----------------------------------------------------------------------------------------

    def _on_geometry_changed(self, fid, _geometry):
        self._changed(fid)

    def _on_feature_added(self, fid):
        self._changed(fid)

    def _on_attribute_changed(self, fid, index, _value):
        # a typed number in a derived field (the attribute table lets it through) is put back at once:
        # the layer must never show a tonnage its footprint and inputs do not give
        name = self.layer.fields().at(index).name()
        if name == "observed_utc" and not self._busy:
            self._dated.add(fid)
        if name in _RECOMPUTE_ON:
            self._changed(fid)

    def _changed(self, fid):
        if self._busy:
            return
        if self.layer.isEditCommandActive():
            # A QGIS tool's edit command is open: our writes join it (one undo step).
            self.recompute(fid)
        else:
            # A bare edit, an undo or a redo: which one is known once the stack's index moves.
            self._pending.add(fid)

    def _on_index_changed(self, index):
        if self._busy:
            self._remember_stack()
            return
        previous, known = self._index, self._known
        pending, self._pending = self._pending, set()
        self._remember_stack()
        if index < previous:  # undo (one step, or a jump in the undo view)
            if index > 0 and self._is_ours(index):
                self._stack.undo()  # the edit our numbers were glued to
            return
        if index > previous and _address(self._stack.command(index - 1)) in known:  # redo
            if index < self._stack.count() and self._is_ours(index):
                self._stack.redo()  # our numbers glued to the edit just redone
            return
        if pending:  # a bare edit was just pushed (or merged into the last command)
            self._write_glued(pending)

    # ---- helpers ----------------------------------------------------------------------------------------

    def _write_glued(self, fids):
        self.layer.beginEditCommand(RECOMPUTE_COMMAND_TEXT)
        changed = False
        try:
            for fid in sorted(fids):
                changed = self.recompute(fid) or changed
        finally:
            if changed:
                self.layer.endEditCommand()
            else:
                self.layer.destroyEditCommand()

    def _is_ours(self, index):
        command = self._stack.command(index)
        return command is not None and command.text() == RECOMPUTE_COMMAND_TEXT

    def _remember_stack(self):
        self._index = self._stack.index()
        self._known = {_address(self._stack.command(i)) for i in range(self._stack.count())}


def _utc_datetime(value):
    """A typed observation time as an aware UTC datetime; a value without a zone is UTC (the field's)."""
    if hasattr(value, "toMSecsSinceEpoch"):  # QDateTime: its wall clock, in UTC unless it says otherwise
        if not value.isValid():
            raise InputError(QT_TR_NOOP("'observed_utc' is an invalid date-time; enter the image's time (UTC)"))
        if value.timeSpec() == Qt.TimeSpec.LocalTime:
            value = QDateTime(value.date(), value.time(), Qt.TimeSpec.UTC)
        return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000.0, tz=timezone.utc)
    return datetime.fromisoformat(to_utc_text(value, "observed_utc").replace("Z", "+00:00"))


def _logged_scene_times(location):
    """{scene_id: acquired} of a team port log's scenes, read through the store ({} when unreachable)."""
    from .port_log import open_port_log

    if location is None:
        return {}
    try:
        with open_port_log(location) as port_log:
            rows = [(row.get("scene_id"), row.get("acquired_utc")) for row in port_log.scenes()]
    except StoreError:
        return {}
    return {sid: datetime.fromisoformat(to_utc_text(acquired, "acquired_utc").replace("Z", "+00:00"))
            for sid, acquired in rows if sid and acquired}


def _scene_times(path):
    """{scene_id: acquired (aware UTC datetime)} of the port file's logged scenes (read-only)."""
    if not path:
        return {}
    try:
        connection = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True)
        try:
            rows = connection.execute(_SCENE_TIMES_SQL).fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return {}
    return {sid: datetime.fromisoformat(to_utc_text(acquired, "acquired_utc").replace("Z", "+00:00"))
            for sid, acquired in rows if sid and acquired}


_SCENE_TIMES_SQL = statement("SELECT scene_id, acquired_utc FROM {t}", t=schema.SCENES)
# Only ISO texts without a zone (the form QGIS's GeoPackage writer gives a time edited in a layer).
_UTC_SUFFIX_SQL = statement("UPDATE {t} SET observed_utc = observed_utc || 'Z' WHERE observed_utc GLOB "
                            "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*' "
                            "AND observed_utc NOT LIKE '%Z' AND observed_utc NOT LIKE '%+%'", t=schema.HEAPS)


def _address(command):
    return None if command is None else sip.unwrapinstance(command)


def _same(current, new):
    current, new = plain(current), plain(new)
    if current is None or new is None:
        return current is None and new is None
    if isinstance(new, float) and isinstance(current, (int, float)):
        return abs(current - new) <= UNCHANGED_REL_TOL * max(abs(current), abs(new), 1.0)
    return current == new
