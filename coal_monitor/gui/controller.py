"""The dock's link to the port log: which port file, which scene, which layer shows the heaps.

No widgets here. ``HeapLog`` opens the current port's GeoPackage when it exists and creates it on the
first heap (asking for a data folder when the project has none), finds or creates the scene record
of an image, writes heaps through the store, and keeps the port's heaps layer in the project (added
once, in a group named after the port, found again by its custom properties, never by its name).
"""
import os
from datetime import datetime, timezone
from pathlib import Path

from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsVectorLayer,
)

from ..core.errors import InputError
from ..core.metadata import find_sidecar, read_gdal_domains, read_metadata
from ..core.ports import PortRegistry
from ..store import datafolder, schema
from ..store.errors import StoreError
from ..store.layer_sync import HeapLayerSync
from ..store.portfile import LOCK_TIMEOUT_S, PortFile
from ..store.sqltime import format_utc
from . import imagery

ROLE_PROPERTY = "coal_monitor/role"
PORT_PROPERTY = "coal_monitor/port_slug"
HEAPS_ROLE = "heaps"


def default_registry():
    """The analyst's port registry in the QGIS profile (shared with Processing's import algorithm)."""
    return PortRegistry(datafolder.profile_registry_path())


class HeapLog:
    """Port file, scene and heaps layer of the dock's current port."""

    def __init__(self, project):
        self.project = project
        self.port = None  # the registry's Port
        self.file = None  # open PortFile, or None until the port has one
        self.scene = None  # the current image's scene row (dict), or None
        self.notices = []  # messages for the analyst from opening the file (recomputed heaps, read-only)
        self._scene_cache = {}  # raster path -> (scene row prepared from its metadata, SceneMetadata or None)
        self._syncs = {}  # heaps layer id -> HeapLayerSync
        self._identity = None  # (device, inode) of the open port file
        self.lock_timeout_s = LOCK_TIMEOUT_S  # how long a write waits for another program's lock
        self.on_layer_problem = None  # (fid, message) -> None: a heap edited in the layer cannot be computed

    # --- port file -------------------------------------------------------------------------------
    def set_port(self, port):
        self.forget_file()
        self.port = port
        self.scene = None
        self.open_existing()

    def path(self):
        return datafolder.port_file_for(self.port.slug, self.project)

    def open_existing(self):
        """Open the port's file when it exists; collects notices (recomputed heaps, read-only)."""
        self.notices = []
        path = self.path()
        if path is None or not Path(path).exists():
            return False
        self.file = PortFile.open(path, lock_timeout_s=self.lock_timeout_s)
        self._remember_identity()
        if self.file.read_only:
            self.notices.append(f"{self.port.name}: the port file is read-only ({self.file.read_only_reason}); "
                                "heaps can be viewed, not logged.")
        else:
            self.notices.extend(self.file.recompute_stale())
        if self.file.backup_path is not None:
            self.notices.append(f"{self.port.name}: the port file was upgraded; the old copy is kept as "
                                f"{self.file.backup_path.name}.")
        return True

    def ensure_file(self, prompts):
        """Make sure an open port file is in place, creating it on first use.

        Raises StoreError (nothing written) when the analyst declines to choose a data folder or to
        replace a port file that vanished.
        """
        if self.file is not None:
            if self.file_is_in_place():
                return
            missing = Path(self.file.path)
            if not prompts.confirm(
                    "Port file missing",
                    f"The port file {missing} was deleted or moved while QGIS had it open.\n\n"
                    "Create a new, empty port file there and log the heap in it?"):
                raise StoreError(f"Nothing was logged: the port file {missing} was deleted or moved outside "
                                 "QGIS. Put it back (from a backup or snapshot) and choose the port again.")
            self.forget_file()
            _set_aside_leftovers(missing)
        if datafolder.data_folder(self.project) is None:
            folder = prompts.ask_folder("Folder for the Coal Monitor port files", "")
            if not folder:
                raise StoreError("Nothing was logged: Coal Monitor needs a data folder for the port files "
                                 "(or save the project first; the folder is then kept beside it).")
            datafolder.set_data_folder(folder, self.project)
        folder = datafolder.ensure_data_folder(self.project)
        if not self.open_existing():
            self.file = PortFile.create(Path(folder) / f"{self.port.slug}.gpkg", self.port,
                                        lock_timeout_s=self.lock_timeout_s)
            self._remember_identity()

    def file_is_in_place(self):
        """True while the open port file is still the file at its path (not deleted, moved or replaced).

        SQLite keeps writing into a deleted file's inode without complaint; the analyst would lose
        every heap logged after the deletion, so this is checked before each write.
        """
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
        self.scene = None

    def _remember_identity(self):
        stat = os.stat(self.file.path)
        self._identity = (stat.st_dev, stat.st_ino)

    def file_port(self):
        """The port as its file records it (the store computes with these defaults), else the registry's."""
        return self.file.port if self.file is not None else self.port

    def engine_inputs(self, form_inputs):
        """Keyword arguments for ``Footprint.estimate``, exactly as the store derives a heap's numbers."""
        port = self.file_port()
        density = form_inputs["density_t_m3"]
        scale = density / port.density_t_m3  # the port's band, scaled to this heap's density (as the store)
        return {
            "height_m": form_inputs["height_m"],
            "height_sigma_m": form_inputs["height_sigma_m"] or 0.0,
            "model": form_inputs["model"],
            "repose_deg": form_inputs["repose_deg"],
            "repose_tol_deg": port.repose_tol_deg,
            "density_t_m3": density,
            "density_lo_t_m3": port.density_lo_t_m3 * scale,
            "density_hi_t_m3": port.density_hi_t_m3 * scale,
        }

    # --- scenes ----------------------------------------------------------------------------------
    def scene_draft(self, layer):
        """The scene row this image would get (metadata read once per image); never asks anything.

        ``acquired_utc`` is None when neither GDAL's domains nor a sidecar file give it.
        """
        return dict(self._scene_entry(layer)[0])

    def scene_metadata(self, layer):
        """The SceneMetadata read for this image (sun and view angles), or None when it has none."""
        return self._scene_entry(layer)[1]

    def _scene_entry(self, layer):
        key = imagery.raster_path(layer) or layer.id()
        if key not in self._scene_cache:
            self._scene_cache[key] = _scene_from_raster(layer)
        return self._scene_cache[key]

    def use_metadata_file(self, layer, path):
        """Date the image (and give the shadow tool its angles) from a metadata file the analyst chose.

        Only before the image's scene is logged: heaps already logged are dated by the scene record,
        which is never rewritten behind them. Raises InputError (unreadable file) or StoreError.
        """
        draft = self.scene_draft(layer)
        if self.file is not None and self.file.scene(draft["scene_id"]) is not None:
            raise StoreError(f"The scene {draft['scene_id']} is already logged (acquired {draft.get('acquired_utc')} "
                             "UTC) and its heaps are dated by it; a metadata file can only be chosen for an "
                             "image before its first heap is logged.")
        lat, lon = _centre_lat_lon(layer)
        meta = read_metadata(path, lat, lon)
        row = _row_from_metadata(dict(draft, scene_id=imagery.scene_id_for(layer)), meta)
        key = imagery.raster_path(layer) or layer.id()
        self._scene_cache[key] = (row, meta)
        return row, meta

    def find_scene(self, layer):
        """The logged scene of this image, or None (the current scene is remembered)."""
        self.scene = None
        if self.file is None:
            return None
        self.scene = self.file.scene(self.scene_draft(layer)["scene_id"])
        return self.scene

    def scene_summary(self, layer, scene):
        draft = scene or self.scene_draft(layer)
        parts = [f"Scene {draft['scene_id']}"]
        if draft.get("acquired_utc"):
            parts.append(f"acquired {_minutes(draft['acquired_utc'])} UTC")
        else:
            parts.append("acquisition time unknown (asked when the first heap is logged)")
        if draft.get("gsd_m"):
            parts.append(f"GSD {draft['gsd_m']:.2f} m")
        if draft.get("sensor"):
            parts.append(draft["sensor"])
        return " · ".join(parts)

    def ensure_scene(self, layer, prompts):
        """The image's scene row, logged on first use; None when its acquisition time stays unknown."""
        scene = self.find_scene(layer)
        if scene is not None:
            return scene
        draft = self.scene_draft(layer)
        if not draft.get("acquired_utc"):
            when = prompts.ask_datetime(
                "Acquisition date and time",
                f"The image {draft['scene_id']} carries no acquisition time that Coal Monitor can read. "
                "Enter it in UTC (from the provider's order or catalogue page); every heap measured on "
                "this image will be dated with it.")
            if when is None:
                return None
            draft["acquired_utc"] = format_utc(when)
            draft["source"] = "; ".join(p for p in (draft.get("source"), "acquisition time entered by the analyst") if p)
            key = imagery.raster_path(layer) or layer.id()
            self._scene_cache[key] = (dict(draft), self._scene_cache[key][1])
        self.file.add_scene(draft)
        self.scene = self.file.scene(draft["scene_id"])
        return self.scene

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
        uid = self.file.add_heap(geometry, f"EPSG:{self.file.port.crs_epsg}", attrs)
        self.reload_heaps_layer()
        return uid

    def update_heap(self, heap_uid, geometry, attributes):
        self._refuse_unsaved_layer_edits()
        self.file.update_heap(heap_uid, geometry, f"EPSG:{self.file.port.crs_epsg}", **attributes)
        self.reload_heaps_layer()

    def delete_heap(self, heap_uid):
        if self.file is None or not self.file_is_in_place():
            raise StoreError(f"The port file of {self.port.name} is missing (deleted or moved outside QGIS); "
                             "nothing was deleted.")
        self._refuse_unsaved_layer_edits()
        self.file.delete_heap(heap_uid)
        self.reload_heaps_layer()

    def _refuse_unsaved_layer_edits(self):
        layer = self.heaps_layer()
        if layer is not None and layer.isEditable() and layer.isModified():
            raise StoreError(f"The layer '{layer.name()}' has unsaved edits; save or discard them "
                             "(Toggle Editing) before logging heaps from the dock.")

    # --- heaps layer in the project --------------------------------------------------------------
    def heaps_layer(self):
        """The project's layer showing this port's heaps (found by its custom properties), or None."""
        if self.port is None:
            return None
        for layer in self.project.mapLayers().values():
            if layer.customProperty(ROLE_PROPERTY) == HEAPS_ROLE and \
                    layer.customProperty(PORT_PROPERTY) == self.port.slug:
                return layer
        return None

    def show_heaps_layer(self):
        """Add the port's heaps layer to the project once (group named after the port); returns it."""
        layer = self.heaps_layer()
        if layer is None:
            layer = QgsVectorLayer(f"{self.file.path}|layername={schema.HEAPS}", f"{self.port.name} heaps", "ogr")
            if not layer.isValid():
                raise StoreError(f"QGIS cannot open the heaps of {self.file.path} as a layer; the heap was "
                                 "logged, add the file to the map by hand (Layer > Add Layer).")
            _apply_time_settings(layer)
            layer.setCustomProperty(ROLE_PROPERTY, HEAPS_ROLE)
            layer.setCustomProperty(PORT_PROPERTY, self.port.slug)
            root = self.project.layerTreeRoot()
            group = root.findGroup(self.port.name) or root.insertGroup(0, self.port.name)
            self.project.addMapLayer(layer, False)
            group.insertLayer(0, layer)
        return layer

    def reload_heaps_layer(self):
        layer = self.heaps_layer()
        if layer is not None:
            layer.dataProvider().reloadData()
            layer.triggerRepaint()

    def watch_heaps_layer(self):
        """Keep the numbers of the port's loaded heaps layer derived while it is edited with QGIS's tools.

        Returns the layer when it is newly watched (so the dock can refresh its list after commits),
        else None.
        """
        layer = self.heaps_layer()
        if layer is None or layer.id() in self._syncs:
            return None
        self._sync(layer)
        return layer

    def _sync(self, layer):
        if layer.id() not in self._syncs:
            port = self.file.port if self.file is not None else None  # else read from the layer's file
            self._syncs[layer.id()] = HeapLayerSync(layer, port, on_problem=self.on_layer_problem)

    def layers_removed(self, layer_ids):
        for layer_id in layer_ids:
            sync = self._syncs.pop(layer_id, None)
            if sync is not None:
                sync.disconnect()

    def close(self):
        self.layers_removed(list(self._syncs))
        self.forget_file()


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


def _scene_from_raster(layer):
    """(scene row, SceneMetadata or None) from the raster: GDAL's IMAGERY/IMD domains, else a sidecar
    file, else the acquisition time stays unknown (the analyst is asked when logging)."""
    path = imagery.raster_path(layer)
    scene_id = imagery.scene_id_for(layer)
    row = {"scene_id": scene_id, "gsd_m": imagery.ground_resolution_m(layer), "raster_path": path or None,
           "acquired_utc": None, "source": ""}
    lat, lon = _centre_lat_lon(layer)
    meta, problem = _metadata(path, lat, lon) if path else (None, "")
    if problem:
        row["notes"] = f"Metadata not used: {problem}"
    return _row_from_metadata(row, meta) if meta is not None else row, meta


def _row_from_metadata(row, meta):
    """The scene row ``row`` completed from a SceneMetadata (the file's scene id wins)."""
    row.update({
        "scene_id": meta.scene_id or row["scene_id"],
        "sensor": meta.sensor or None,
        "acquired_utc": format_utc(meta.acquired_utc),
        "sun_elevation_deg": meta.sun_elevation_deg,
        "sun_azimuth_deg": meta.sun_azimuth_deg,
        "off_nadir_deg": meta.off_nadir_deg,
        "incidence_deg": meta.incidence_deg,
        "view_azimuth_deg": meta.view_azimuth_deg,
        "source": meta.source,
        "notes": " ".join(meta.warnings) or None,
    })
    return row


def _metadata(path, lat, lon):
    """(SceneMetadata or None, why the metadata found could not be used or "").

    Richest source first: GDAL's IMD domain (the vendor file with angles), then a sidecar file beside
    the image (DIMAP, IMD, Planet or STAC), then GDAL's IMAGERY domain (time only; the sun is computed
    from the time and place). When none gives a time the analyst is asked; the reasons go to the notes.
    """
    problems = []
    dataset = gdal.Open(path) if os.path.exists(path) else None
    domains = {name: (dataset.GetMetadata(name) or {}) if dataset is not None else {} for name in ("IMAGERY", "IMD")}
    readers = []
    if domains["IMD"]:
        readers.append(lambda: read_gdal_domains(domains["IMAGERY"], domains["IMD"], os.path.basename(path),
                                                 lat, lon))
    sidecar = find_sidecar(path)
    if sidecar is not None:
        readers.append(lambda: read_metadata(sidecar, lat, lon))
    if domains["IMAGERY"].get("ACQUISITIONDATETIME"):
        readers.append(lambda: read_gdal_domains(domains["IMAGERY"], None, os.path.basename(path), lat, lon))
    for read in readers:
        try:
            return read(), ""
        except InputError as exc:
            problems.append(str(exc))
    return None, " ".join(problems)


def _centre_lat_lon(layer):
    to_wgs84 = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                      QgsProject.instance())
    centre = to_wgs84.transform(layer.extent().center())
    return centre.y(), centre.x()


def _minutes(utc_text):
    return str(utc_text).replace("T", " ")[:16]
