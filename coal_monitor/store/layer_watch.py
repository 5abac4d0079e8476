"""Every heaps layer of a port file in the project stays derived, however it got there.

The dock adds its own heaps layer, but analysts also add one by hand (Layer > Add Layer, drag and drop
from the Browser, a colleague's project). Each such layer gets a ``HeapLayerSync`` (numbers recomputed
inside the edit command that changed a footprint or an input), with the port defaults read from the
layer's own file, so a height edited in any heaps layer recomputes at once. A ``postgres`` layer of a
team port log's ``heaps`` table is synced the same way (its port read from the schema's port table).
"""
from qgis.core import QgsDataSourceUri, QgsProviderRegistry, QgsVectorLayer

from ..core.messages import QT_TR_NOOP, Message
from ..signals import Connections
from . import schema
from .errors import StoreError
from .layer_sync import HeapLayerSync
from .portfile import logged_port


def port_log_of_heaps_layer(layer):
    """The port log whose heaps table ``layer`` shows: a GeoPackage's path, a team database's
    PortLogLocation, or None for any other layer."""
    if isinstance(layer, QgsVectorLayer) and layer.providerType() == "postgres":
        return team_log_of_heaps_layer(layer)
    return port_file_of_heaps_layer(layer)


def team_log_of_heaps_layer(layer):
    """The PortLogLocation of a postgres layer showing a team port log's heaps table, else None."""
    from .pg_qgis import location_of_layer
    from .port_log import port_log_exists

    location = location_of_layer(layer)
    if location is None or QgsDataSourceUri(layer.source()).table() != schema.HEAPS:
        return None
    try:
        return location if port_log_exists(location) else None
    except StoreError:  # the server is unreachable: the layer is not synced (QGIS shows its own error)
        return None


def port_file_of_heaps_layer(layer):
    """The port GeoPackage whose heaps table ``layer`` shows, or None for any other layer."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, table = parts.get("path") or "", parts.get("layerName") or ""
    if table != schema.HEAPS or not path.lower().endswith(".gpkg"):
        return None
    return path if logged_port(path) is not None else None


class HeapLayersWatcher:
    """Watches the project: heaps layers are synced when added and released when removed.

    ``on_problem(fid, message)``: a heap edited in a layer cannot be computed. ``on_watched(layer,
    source)``: a heaps layer has just been synced (the session relists its heaps after commits); ``source``
    is the port file's path, or the team log's PortLogLocation.
    """

    def __init__(self, project, on_problem=None, on_watched=None, port_for=None):
        self.project = project
        self.on_problem = on_problem
        self.on_watched = on_watched
        self.port_for = port_for  # source -> Port of a log already open (else the sync reads the log)
        self._syncs = {}  # layer id -> HeapLayerSync
        self._connections = Connections()
        self._connections.connect(project.layersAdded, self._added)
        self._connections.connect(project.layersWillBeRemoved, self.release)
        self._added(list(project.mapLayers().values()))

    def is_watched(self, layer) -> bool:
        return layer is not None and layer.id() in self._syncs

    def watch(self, layer) -> bool:
        """Sync ``layer`` if it shows a port's heaps; True when newly synced."""
        if self.is_watched(layer):
            return False
        path = port_log_of_heaps_layer(layer)
        if path is None:
            return False
        port = self.port_for(path) if self.port_for is not None else None
        try:
            self._syncs[layer.id()] = HeapLayerSync(layer, port, on_problem=self.on_problem, source=path)
        except StoreError as exc:  # a port file QGIS reads but the store refuses (newer schema...)
            if self.on_problem is not None:
                self.on_problem(None, Message(QT_TR_NOOP("{layer}: {exc}"), layer=layer.name(), exc=exc))
            return False
        if self.on_watched is not None:
            self.on_watched(layer, path)
        return True

    def _added(self, layers):
        for layer in layers:
            self.watch(layer)

    def release(self, layer_ids):
        for layer_id in layer_ids:
            sync = self._syncs.pop(layer_id, None)
            if sync is not None:
                sync.disconnect()

    def close(self):
        self._connections.disconnect_all()
        self.release(list(self._syncs))
