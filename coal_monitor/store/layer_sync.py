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
"""
from qgis.core import QgsProviderRegistry
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QDateTime

from ..core.errors import InputError
from ..core.heap_numbers import with_port_defaults
from ..signals import Connections
from . import derive, schema
from .errors import StoreError
from .footprint import FootprintConverter
from .values import plain

RECOMPUTE_COMMAND_TEXT = "Coal Monitor: heap numbers recomputed"
_RECOMPUTE_ON = frozenset(schema.VOLUME_INPUTS) | frozenset(schema.DERIVED_FIELDS)
# Relative tolerance under which a stored number counts as unchanged (absorbs float text round-trips).
UNCHANGED_REL_TOL = 1e-12


def port_of_layer(layer):
    """The Port described in the ``port`` table of the GeoPackage the layer reads."""
    from .portfile import PortFile

    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path")
    if not path:
        raise StoreError(f"Layer {layer.name()!r} is not read from a port GeoPackage ({layer.source()}).")
    with PortFile.open(path) as port_file:
        return port_file.port


def derived_numbers(port, converter, geometry, crs, inputs):
    """The engine's numbers for one heap edited in a layer, exactly as the store derives them.

    The layer's inputs are checked against the schema first (the same messages as the store's).
    Raises InputError (or StoreError for an unreadable footprint) with the analyst's message.
    """
    values = with_port_defaults(port, inputs)
    if values.get("height_m") is None:
        raise InputError("'height_m' is empty; enter the heap's height in metres.")
    for name in schema.VOLUME_INPUTS:
        problem = schema.field(schema.HEAPS, name).check(values.get(name))
        if problem:
            raise InputError(f"{problem}.")
    return derive.derived_numbers(port, converter.to_port(geometry, crs), values)


class HeapLayerSync:
    """Recomputes a heap's derived fields whenever its footprint or a volume input changes.

    ``layer``: a loaded ``heaps`` layer of a port GeoPackage. ``port``: its Port (read from the file
    when omitted). ``on_problem(fid, message)``: told when a heap's inputs describe no measurable heap;
    its numbers are then cleared and ``volume_note`` holds the message, never a stale number.
    Call ``disconnect()`` when the plugin unloads or the layer goes away.
    """

    def __init__(self, layer, port=None, on_problem=None):
        self.layer = layer
        self.port = port if port is not None else port_of_layer(layer)
        self.on_problem = on_problem
        self._converter = FootprintConverter(self.port.crs_epsg)
        self._stack = layer.undoStack()
        self._pending = set()
        self._busy = False
        self._index, self._known = 0, set()
        self._remember_stack()
        self._connections = Connections()
        for signal, slot in ((layer.geometryChanged, self._on_geometry_changed),
                             (layer.attributeValueChanged, self._on_attribute_changed),
                             (layer.featureAdded, self._on_feature_added),
                             (self._stack.indexChanged, self._on_index_changed)):
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
            numbers["volume_note"] = f"Not computed: {exc}"
            if self.on_problem is not None:
                self.on_problem(fid, str(exc))
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

    # ---- signals ----------------------------------------------------------------------------------------

    def _on_geometry_changed(self, fid, _geometry):
        self._changed(fid)

    def _on_feature_added(self, fid):
        self._changed(fid)

    def _on_attribute_changed(self, fid, index, _value):
        # a typed number in a derived field (the attribute table lets it through) is put back at once:
        # the layer must never show a tonnage its footprint and inputs do not give
        if self.layer.fields().at(index).name() in _RECOMPUTE_ON:
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


def _address(command):
    return None if command is None else sip.unwrapinstance(command)


def _same(current, new):
    current, new = plain(current), plain(new)
    if current is None or new is None:
        return current is None and new is None
    if isinstance(new, float) and isinstance(current, (int, float)):
        return abs(current - new) <= UNCHANGED_REL_TOL * max(abs(current), abs(new), 1.0)
    return current == new
