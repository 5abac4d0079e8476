"""The session's link to a port's log: its GeoPackage or team schema, its scenes, the layer of its heaps.

No widgets here. The project says where its port logs live (``port_logs_choice``): GeoPackages in the
data folder (the default) or a team's PostGIS database, named by one of QGIS's saved PostgreSQL
connections (only the connection's name is kept in the project). ``PortLog`` opens the current port's
log through the store's seam (``store.port_log``) when it exists and creates it on the first heap
(asking for a data folder when the project has none), logs an image's scene record, writes heaps through
the store, and keeps the port's heaps layer in the project (added once, in a group named after the port,
found again by its custom properties, never by its name).
"""
import os
from datetime import datetime, timezone
from pathlib import Path

from qgis.core import QgsVectorLayer

from ..core.ports import PortRegistry
from ..definitions import (
    ENTRY_PORT_LOGS, ENTRY_TEAM_CONNECTION, LAYER_PORT_SLUG, LAYER_ROLE, LAYER_ROLES, PORT_LOGS_CHOICES,
    PORT_LOGS_DATA_FOLDER, PORT_LOGS_TEAM_DATABASE, PROJECT_SCOPE,
)
from ..store import datafolder, schema
from ..store.errors import StoreError
from ..store.port_log import create_port_log, geopackage_location, open_port_log, port_log_exists, port_schema
from ..store.portfile import LOCK_TIMEOUT_S, PortFile
from ..store.sqltime import format_utc
from ..translation import QT_TR_NOOP, message_text, note_text, tr


_TEAM = "team database"  # the identity of an open log that is no file
DATA_FOLDER_TITLE = QT_TR_NOOP("Folder for the Coal Monitor port files")
# The layer names the analyst sees in the Layers panel, per table.
LAYER_NAMES = {schema.HEAPS: QT_TR_NOOP("{port} heaps"), schema.VESSELS: QT_TR_NOOP("{port} ships")}


def port_logs_choice(project):
    """(choice, connection name): where the project's port logs live (PORT_LOGS_CHOICES) and, for the team
    database, the name of the QGIS saved PostgreSQL connection ('' when none is chosen)."""
    choice, _ok = project.readEntry(PROJECT_SCOPE, ENTRY_PORT_LOGS, PORT_LOGS_DATA_FOLDER)
    name, _ok = project.readEntry(PROJECT_SCOPE, ENTRY_TEAM_CONNECTION, "")
    return (choice if choice in PORT_LOGS_CHOICES else PORT_LOGS_DATA_FOLDER), name


def set_port_logs_choice(project, choice, connection_name=""):
    """Keep the choice and the connection's NAME in the project (only real changes mark it modified)."""
    if choice not in PORT_LOGS_CHOICES:
        raise StoreError(QT_TR_NOOP("Port logs cannot live in {choice!r}; choose the data folder or a team "
                                    "database."), choice=choice)
    if choice == PORT_LOGS_TEAM_DATABASE and not connection_name:
        raise StoreError(QT_TR_NOOP("Choose one of QGIS's saved PostgreSQL connections for the team database "
                                    "(add one in the Browser panel: PostgreSQL > New Connection…)."))
    for key, value in ((ENTRY_PORT_LOGS, choice), (ENTRY_TEAM_CONNECTION, connection_name or "")):
        if project.readEntry(PROJECT_SCOPE, key, "")[0] != value:
            project.writeEntry(PROJECT_SCOPE, key, value)


def default_registry():
    """The analyst's port registry in the QGIS profile (shared with Processing's import algorithm)."""
    return PortRegistry(datafolder.profile_registry_path())


class PortLog:
    """Port file, current scene and heaps layer of the session's current port."""

    def __init__(self, project):
        self.project = project
        self.port = None  # the registry's Port
        self.file = None  # open PortFile, or None until the port has one
        self.scene = None  # the current image's scene row (dict), or None
        self._identity = None  # (device, inode) of the open port file (_TEAM: a team database's log)
        self.opened_location = None  # the PortLogLocation of the open log
        self.lock_timeout_s = LOCK_TIMEOUT_S  # how long a write waits for another program's lock

    # --- port file -------------------------------------------------------------------------------
    def set_port(self, port):
        """Make ``port`` current and open its file if it has one; returns the analyst's notices."""
        self.forget_file()
        self.port = port
        return self.open_existing()

    def team_connection(self):
        """The saved PostgreSQL connection's name when the project keeps its port logs in a team database."""
        choice, name = port_logs_choice(self.project)
        return name if choice == PORT_LOGS_TEAM_DATABASE else None

    def path(self):
        """The port's GeoPackage in the data folder (None in a team database, or while the folder is unknown)."""
        if self.team_connection() is not None:
            return None
        return datafolder.port_file_for(self.port.slug, self.project)

    def location(self):
        """Where the port's log lives (a PortLogLocation), or None while the data folder is unknown."""
        connection = self.team_connection()
        if connection is not None:
            from ..store.pg_qgis import location_from_qgis_connection

            return location_from_qgis_connection(connection, port_schema(self.port))
        path = self.path()
        return None if path is None else geopackage_location(path)

    def is_team_log(self):
        return self.file is not None and self._identity == _TEAM

    def open_existing(self):
        """Open the port's log when it exists; returns the analyst's notices (recomputed heaps,
        read-only, upgraded), or None when the port has no log yet."""
        location = self.location()
        if location is None or not port_log_exists(location):
            return None
        self.file = open_port_log(location, lock_timeout_s=self.lock_timeout_s)
        self.opened_location = location
        self._remember_identity()
        notices = []
        if self.file.read_only:
            notices.append(tr("{port}: the port log is read-only ({reason}); heaps can be viewed, not logged.").format(
                port=self.port.name, reason=note_text(self.file.read_only_reason)))
        else:
            notices.extend(message_text(notice) for notice in self.file.recompute_stale())
        if getattr(self.file, "backup_path", None) is not None:
            notices.append(tr("{port}: the port file was upgraded; the old copy is kept as {backup}.").format(
                port=self.port.name, backup=self.file.backup_path.name))
        return notices

    def ensure_file(self, prompts):
        """Make sure an open port log is in place, creating it on first use.

        Raises StoreError (nothing written) when the analyst declines to choose a data folder or to
        replace a port file that vanished.
        """
        if self.team_connection() is not None:
            if self.file is None and self.open_existing() is None:
                self.opened_location = self.location()
                self.file = create_port_log(self.opened_location, self.port, lock_timeout_s=self.lock_timeout_s)
                self._remember_identity()
            return
        if self.file is not None:
            if self.file_is_in_place():
                return
            missing = Path(self.file.path)
            if not prompts.confirm(
                    tr("Port file missing"),
                    tr("The port file {path} was deleted or moved while QGIS had it open.\n\n"
                       "Create a new, empty port file there and log the heap in it?").format(path=missing)):
                raise StoreError(QT_TR_NOOP("Nothing was logged: the port file {missing} was deleted or moved "
                                            "outside QGIS. Put it back (from a backup or snapshot) and choose the "
                                            "port again."), missing=missing)
            self.forget_file()
            _set_aside_leftovers(missing)
        if datafolder.data_folder(self.project) is None:
            folder = prompts.ask_folder(tr(DATA_FOLDER_TITLE), "")
            if not folder:
                raise StoreError(QT_TR_NOOP("Nothing was logged: Coal Monitor needs a data folder for the port files "
                                            "(or save the project first; the folder is then kept beside it)."))
            datafolder.set_data_folder(datafolder.check_writable(folder), self.project)
        folder = datafolder.ensure_data_folder(self.project)
        if self.open_existing() is None:
            self.file = create_port_log(geopackage_location(Path(folder) / f"{self.port.slug}.gpkg"), self.port,
                                        lock_timeout_s=self.lock_timeout_s)
            self._remember_identity()

    def file_is_in_place(self):
        """True while the open port file is still the file at its path (not deleted, moved or replaced).

        SQLite keeps writing into a deleted file's inode without complaint; the analyst would lose
        every heap logged after the deletion, so this is checked before each write. A team database's
        log has no file: it is in place while it is open.
        """
        if self._identity == _TEAM:
            return self.file is not None
        try:
            now = os.stat(self.file.path)
        except OSError:
            return False
        return (now.st_dev, now.st_ino) == self._identity

    def forget_file(self):
        """Close the port file (project changed, port changed, unload); layers stay in the project."""
        if self.file is not None:
            self.file.close()
        self.file = None
        self.opened_location = None
        self.scene = None

    def _remember_identity(self):
        if not isinstance(self.file, PortFile):  # a team database's log (no file)
            self._identity = _TEAM
            return
        stat = os.stat(self.file.path)
        self._identity = (stat.st_dev, stat.st_ino)

    def file_port(self):
        """The port as its file records it (the store computes with these defaults), else the registry's."""
        return self.file.port if self.file is not None else self.port

    # --- scenes ----------------------------------------------------------------------------------
    def find_scene(self, scene_id, raster_path=None):
        """The logged scene ``scene_id``, or None (it becomes the current scene).

        A port file written before scenes were identified by content named a local image's scene by
        its file name alone; that scene is still this image's when its raster_path is this very file.
        """
        self.scene = self.file.scene(scene_id) if self.file is not None and scene_id else None
        if self.scene is None and self.file is not None and raster_path and not self.is_team_log():
            legacy = self.file.scene(Path(raster_path).stem)
            if legacy is not None and _same_file(self.file.path, legacy.get("raster_path"), raster_path):
                self.scene = legacy
        return self.scene

    def log_scene(self, draft):
        """Log an image's scene row (its acquisition time known) and make it current; returns it."""
        self.file.add_scene(draft)
        return self.find_scene(draft["scene_id"])

    # --- heaps -----------------------------------------------------------------------------------
    def heaps_of_current_scene(self):
        """The current scene's heaps (rows with ``wkb``: the footprint in the port CRS, exactly)."""
        if self.file is None or self.scene is None or not self.file_is_in_place():
            return []
        rows = self.file.heaps(self.scene["scene_id"])
        for row in rows:
            geometry = row.pop("geometry")
            row["wkb"] = geometry.wkb if geometry is not None else b""
        return rows

    def add_heap(self, geometry, scene, attributes):
        self._refuse_unsaved_layer_edits()
        attrs = dict(attributes, scene_id=scene["scene_id"], observed_utc=scene["acquired_utc"])
        uid = self.file.add_heap(geometry, None, attrs)
        self.reload_heaps_layer()
        return uid

    def update_heap(self, heap_uid, geometry, attributes, expected_version=None):
        """Save a heap's edit; with ``expected_version`` (its row_version when loaded) a team database refuses
        it (StoreError naming who changed it and when) if the heap was saved since."""
        self._refuse_unsaved_layer_edits()
        if expected_version is None:
            self.file.update_heap(heap_uid, geometry, None, **attributes)
        else:
            self.file.update_heap(heap_uid, geometry, None, expected_version=expected_version, **attributes)
        self.reload_heaps_layer()

    def changed_since(self, heap_uid, version):
        """True when the logged heap's row_version is no longer ``version`` (or it was deleted)."""
        row = self.file.heap(heap_uid) if self.file is not None else None
        return row is None or row.get("row_version") != version

    def display(self):
        """The open log's location for messages: its file, or its team database without password."""
        if self.file is None:
            return ""
        return str(getattr(self.file, "location", "")) if self.is_team_log() else str(self.file.path)

    def is_location(self, location):
        """Whether a PortLogLocation (a heaps layer's) is the open team log's: same server, database, schema."""
        mine = self.opened_location if self.is_team_log() else None
        if mine is None or getattr(location, "schema_name", None) != mine.schema_name:
            return False
        keys = ("service", "host", "port", "dbname")
        return all(mine.connect_kwargs.get(key) == location.connect_kwargs.get(key) for key in keys)

    def delete_heap(self, heap_uid):
        if self.file is None or not self.file_is_in_place():
            raise StoreError(QT_TR_NOOP("The port file of {name} is missing (deleted or moved outside QGIS); "
                                        "nothing was deleted."), name=self.port.name)
        self._refuse_unsaved_layer_edits()
        self.file.delete_heap(heap_uid)
        self.reload_heaps_layer()

    def _refuse_unsaved_layer_edits(self):
        layer = self.heaps_layer()
        if layer is not None and layer.isEditable() and layer.isModified():
            raise StoreError(QT_TR_NOOP("The layer '{layer}' has unsaved edits; save or discard them "
                                        "(Toggle Editing) before logging heaps from the dock."),
                             layer=layer.name())

    # --- the port's layers in the project --------------------------------------------------------
    def heaps_layer(self):
        """The project's layer showing this port's heaps (found by its custom properties), or None."""
        return self.layer(schema.HEAPS)

    def layer(self, table):
        """The project's layer showing this port's ``table`` (heaps, vessels), or None."""
        if self.port is None:
            return None
        for layer in self.project.mapLayers().values():
            if layer.customProperty(LAYER_ROLE) == LAYER_ROLES[table] and \
                    layer.customProperty(LAYER_PORT_SLUG) == self.port.slug:
                return layer
        return None

    def show_heaps_layer(self):
        return self.show_layer(schema.HEAPS)

    def show_layer(self, table):
        """Add the port's ``table`` layer to the project once (group named after the port); returns it."""
        layer = self.layer(table)
        if layer is None:
            layer = self._new_layer(table)
            _apply_time_settings(layer)
            layer.setCustomProperty(LAYER_ROLE, LAYER_ROLES[table])
            layer.setCustomProperty(LAYER_PORT_SLUG, self.port.slug)
            root = self.project.layerTreeRoot()
            group = root.findGroup(self.port.name) or root.insertGroup(0, self.port.name)
            self.project.addMapLayer(layer, False)
            group.insertLayer(0, layer)
            if table == schema.VESSELS:  # a hull reshaped with QGIS's tools: its numbers follow at once
                layer.afterCommitChanges.connect(self._vessels_committed)
        return layer

    def _new_layer(self, table):
        """A layer of the port log's ``table``: the GeoPackage's (ogr), or the team schema's (postgres) through
        the saved connection, its source naming the authentication configuration, never a password."""
        name = tr(LAYER_NAMES[table]).format(port=self.port.name)
        if self.is_team_log():
            from ..store.pg_qgis import layer_source

            connection = self.team_connection()
            layer = QgsVectorLayer(layer_source(connection, self.opened_location.schema_name, table,
                                                schema.GEOMETRY_COLUMNS[table],
                                                schema.FID_COLUMN), name, "postgres")
            if not layer.isValid():
                raise StoreError(QT_TR_NOOP("QGIS cannot open the {table} of the team port log {where} as a layer "
                                            "through the connection {connection!r}; the row was logged, add the "
                                            "table from the Browser panel by hand."),
                                 table=table, where=self.display(), connection=connection)
            return layer
        layer = QgsVectorLayer(f"{self.file.path}|layername={table}", name, "ogr")
        if not layer.isValid():
            raise StoreError(QT_TR_NOOP("QGIS cannot open the {table} of {path} as a layer; the row was "
                                        "logged, add the file to the map by hand (Layer > Add Layer)."),
                             table=table, path=self.file.path)
        return layer

    def _vessels_committed(self):
        if self.file is not None and self.file_is_in_place() and self.file.verify_vessels():
            self.reload_layer(schema.VESSELS)

    def reload_heaps_layer(self):
        self.reload_layer(schema.HEAPS)

    def reload_layer(self, table):
        layer = self.layer(table)
        if layer is not None:
            layer.dataProvider().reloadData()
            layer.triggerRepaint()

    def close(self):
        self.forget_file()


def _same_file(port_path, stored, raster_path):
    """Whether a scene's stored raster_path (relative to the port file where it could be) is ``raster_path``."""
    if not stored:
        return False
    candidate = Path(stored) if Path(stored).is_absolute() else Path(port_path).parent / stored
    try:
        return candidate.resolve() == Path(raster_path).resolve()
    except OSError:
        return False


def _apply_time_settings(layer):
    """Make the Temporal Controller step the heaps by ``observed_utc``, as the file's default style says.

    QgsVectorLayer's constructor applies the GeoPackage's default style but then resets the temporal
    settings to the provider's (inactive); QGIS's "Add Layer" applies the default style once more, so do
    the same. A file without a stored style (not written by this store) keeps the provider's settings.
    """
    layer.loadDefaultStyle()


def _set_aside_leftovers(path):
    """Clear the way for a new port file where one vanished, without destroying anything of value.

    A reader of the vanished file (QGIS's OGR provider) may leave an empty placeholder (no data: it is
    removed) and SQLite side files. A leftover write-ahead log or journal would be replayed into the
    new file, mixing the old database's pages into it, so they are renamed aside, never deleted.
    """
    if path.exists() and path.stat().st_size == 0:
        path.unlink()
    stamp = format_utc(datetime.now(timezone.utc)).replace(":", "").replace(".", "")
    for suffix in ("-wal", "-journal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(side.with_name(f"{side.name}.orphaned-{stamp}"))
