"""One analyst's measuring session: port, image, the outline being measured, its numbers, the log.

A heap's way from the click to the row:

1. the drawing tool reports corners: ``preview_outline`` shows area and tonnage while they are clicked;
2. the finished outline: ``set_footprint`` converts it into the port's CRS once (``MeasuredFootprint``:
   the engine prepares it there, a single time);
3. the form's values: ``set_inputs`` re-estimates on that prepared footprint (microseconds);
4. ``log_heap``: the port file (created on the first heap), the image's scene (asked for its date when
   its metadata has none) and the heap row; the store derives the numbers from the same prepared
   footprint by the same rule (``core.heap_numbers``), so the engine does not run again.

No widget here: the dock (and tests) drive it through its methods and listen to its signals; every
question goes through ``prompts`` (the real dialogs, or a test's scripted answers).
"""
from pathlib import Path

from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry
from qgis.PyQt.QtCore import QFileSystemWatcher, QObject, QTimer, pyqtSignal

from ..core.errors import InputError
from ..core.ports import PortError, PortRegistry
from ..definitions import ENTRY_IMAGERY_LAYER, ENTRY_PORT, ENTRY_SCENE, PROJECT_SCOPE
from ..gui import imagery
from ..gui.capture_tool import outline_problem, polygon_from_points
from ..signals import Connections
from ..store import datafolder
from ..translation import message_text, tr
from ..store.footprint import measure_footprint
from ..store.layer_watch import HeapLayersWatcher
from ..store.errors import StoreError
from .guard import guarded
from .port_log import DATA_FOLDER_TITLE, PortLog, default_registry, set_port_logs_choice
from .scenes import SceneReader

Info, Success, Warning = Qgis.MessageLevel.Info, Qgis.MessageLevel.Success, Qgis.MessageLevel.Warning
PORT_FILE_SETTLE_MS = 300  # a write by another program is read again once its file has been quiet this long
TEAM_LOG_POLL_MS = 5000  # a team database has no file to watch: how often a colleague's writes are looked for


class MeasuringSession(QObject):
    """Signals (what changed):

    ``port_changed(Port)``; ``scene_changed(summary text, is_problem)``; ``heaps_changed(list of rows)``
    (the current image's heaps); ``footprint_changed(QgsGeometry in the port CRS or None)``;
    ``drawing_changed(area_m2, HeapEstimate or None, problem)`` while corners are clicked;
    ``estimate_changed(HeapEstimate or None, problem)`` for the finished outline and the inputs;
    ``heap_selected(row or None)``; ``message(text, Qgis.MessageLevel)`` for the analyst.
    """

    port_changed = pyqtSignal(object)
    scene_changed = pyqtSignal(str, bool)
    heaps_changed = pyqtSignal(list)
    footprint_changed = pyqtSignal(object)
    drawing_changed = pyqtSignal(float, object, str)
    estimate_changed = pyqtSignal(object, str)
    heap_selected = pyqtSignal(object)
    message = pyqtSignal(str, object)

    def __init__(self, project, prompts, registry=None, parent=None):
        super().__init__(parent)
        self.project = project
        self.prompts = prompts
        self.registry_problem = ""
        if registry is None:
            try:
                registry = default_registry()
            except PortError as exc:  # an unreadable ports file must not keep the session from opening
                registry = PortRegistry()
                self.registry_problem = tr("{problem} Only the built-in ports are listed.").format(
                    problem=message_text(exc))
        self.registry = registry
        self.log = PortLog(project)
        self._watched = Connections()  # the heaps layers' commits
        self.layers = HeapLayersWatcher(project, on_problem=self._layer_problem, on_watched=self._layer_watched,
                                        port_for=self._open_port_for)
        self.scenes = SceneReader()
        self.image = None  # the raster layer being measured
        self.footprint = None  # MeasuredFootprint (port CRS) of the outline being measured
        self.pile_uid = None  # the pile the outline being measured is logged as (None: a new pile)
        self.outline_in_progress = False  # corners are being clicked (preview_outline)
        self.footprint_geometry = None  # the same outline as a QgsGeometry in the port CRS
        self.inputs = {}  # the form's values: the heap's fields the analyst sets
        self.current_estimate = None
        self.editing_heap_uid = None  # the logged heap being edited, None for a new heap
        self.heap_rows = {}  # heap_uid -> row of the current image's heaps
        self.restoring = False  # while True, choices are not written to the project (nothing to save)
        # heaps written by another program (coal_monitor:importheaps, a colleague's QGIS) show up here too
        self._files = QFileSystemWatcher(self)
        self._files.directoryChanged.connect(self._port_file_touched)
        self._files.fileChanged.connect(self._port_file_touched)
        self._reread = QTimer(self)
        self._reread.setSingleShot(True)
        self._reread.setInterval(PORT_FILE_SETTLE_MS)
        self._reread.timeout.connect(self.reread_port_file)
        self._team_poll = QTimer(self)
        self._team_poll.setInterval(TEAM_LOG_POLL_MS)
        self._team_poll.timeout.connect(self.reread_port_file)
        self._project_signals = Connections()
        self._project_signals.connect(project.layersWillBeRemoved, self.layers_removed)

    # --- messages --------------------------------------------------------------------------------
    def warn(self, text):
        self.message.emit(text, Warning)

    def _layer_problem(self, fid, text):
        text = message_text(text)
        self.warn(tr("Heap {fid} of the heaps layer: {text}").format(fid=fid, text=text) if fid is not None else text)

    def _layer_watched(self, layer, _path):
        self._watched.connect(layer.afterCommitChanges, self.refresh_heaps)  # edits in QGIS relist the heaps

    def _open_port_for(self, source):
        """The Port of the open log when ``source`` (a heaps layer's file, or team PortLogLocation) is it."""
        file = self.log.file
        if file is None:
            return None
        if self.log.is_team_log():
            return file.port if self.log.is_location(source) else None
        if not isinstance(source, (str, Path)):
            return None
        return file.port if Path(file.path).resolve() == Path(source).resolve() else None

    # --- port ------------------------------------------------------------------------------------
    @property
    def port(self):
        return self.log.port

    @guarded
    def set_port(self, name):
        """Make the registry's port ``name`` current (an unknown name is a message)."""
        port = self.registry.get(name)
        self.clear_footprint()
        self._remember(ENTRY_PORT, port.name)
        try:
            for notice in self.log.set_port(port) or ():
                self.message.emit(notice, Info)
        finally:
            self._watch_port_file()
            self.port_changed.emit(port)
            self.refresh_scene()

    @guarded
    def add_port(self, name, lat_deg, lon_deg, **defaults):
        """Add a port to the registry (refused with a message when a value is wrong); returns it."""
        port = self.registry.add(name, lat_deg, lon_deg, **defaults)
        added = tr("Port {port} added (heaps stored in EPSG:{epsg}).")
        self.message.emit(added.format(port=port.name, epsg=port.crs_epsg), Success)
        return port

    @guarded
    def choose_data_folder(self, folder=None):
        """Keep the port logs in another folder (asked when None); a folder that cannot be written is
        refused at once with the reason. Returns the folder, or None when nothing changed."""
        if folder is None:
            current = datafolder.data_folder(self.project)
            folder = self.prompts.ask_folder(tr(DATA_FOLDER_TITLE), str(current or ""))
            if not folder:
                return None
        folder = datafolder.check_writable(folder)
        datafolder.set_data_folder(folder, self.project)
        self.message.emit(tr("Port logs are kept in {folder}.").format(folder=folder), Success)
        if self.port is not None:
            self.set_port(self.port.name)  # the port's log in the new folder (or none yet)
        return folder

    @guarded
    def choose_port_logs(self, choice, connection_name=""):
        """Keep the project's port logs in the data folder or in the team database of a saved PostgreSQL
        connection (only its name is kept); the current port's log there is opened. True when taken."""
        set_port_logs_choice(self.project, choice, connection_name)
        where = self.log.team_connection()
        self.message.emit(tr("Port logs are kept in the team database of the connection {name}.").format(name=where)
                          if where is not None else tr("Port logs are kept in the data folder."), Success)
        if self.port is not None:
            self.set_port(self.port.name)  # the port's log there (or none yet)
        return True

    def _watch_port_file(self):
        """Follow the port's file and its folder on disk (it may not exist yet); a team log is polled."""
        self._unwatch_port_file()
        if self.log.is_team_log():
            self._team_poll.start()
        path = self.log.path() if self.port is not None else None
        if path is None:
            return
        if path.exists():
            self._files.addPath(str(path))
        folder = next((p for p in (path.parent, path.parent.parent) if p.exists()), None)
        if folder is not None:  # the data folder, or the project folder where it will be created
            self._files.addPath(str(folder))

    def _unwatch_port_file(self):
        self._team_poll.stop()
        watched = self._files.files() + self._files.directories()
        if watched:
            self._files.removePaths(watched)

    def _port_file_touched(self, _path):
        self._reread.start()  # several notices per write: read once they settle

    @guarded
    def reread_port_file(self):
        """Show heaps another program wrote into the port's file (an import, a colleague's QGIS).

        The file is opened when it has appeared, the image's heaps are relisted (the trends follow) and
        the heaps layer is added once the log holds heaps.
        """
        if self.port is None:
            return
        opened = self.log.file is None
        if opened:
            for notice in self.log.open_existing() or ():
                self.message.emit(notice, Info)
        self._watch_port_file()
        if self.log.file is None or not self.log.file_is_in_place():
            return
        if not self.log.file.others_changed() and not opened:
            return  # our own write, already shown
        if self.log.file.heap_count() and self.log.heaps_layer() is None:
            self.log.show_heaps_layer()
        else:
            self.log.reload_heaps_layer()
        self.refresh_scene()

    def port_crs(self):
        return QgsCoordinateReferenceSystem(f"EPSG:{self.port.crs_epsg}")

    # --- image and scene -------------------------------------------------------------------------
    @guarded
    def set_image(self, layer):
        self.image = layer
        self._remember(ENTRY_IMAGERY_LAYER, layer.id() if layer is not None else "")
        self.refresh_scene()

    def image_problem(self):
        """Why no heap can be measured on the current image, or ''."""
        return imagery.georeferencing_problem(self.image)

    def scene_metadata(self):
        """SceneMetadata (sun and view angles) of the current image, or None."""
        return self.scenes.metadata(self.image) if not self.image_problem() else None

    def scene_gsd_m(self):
        return self.scenes.draft(self.image).get("gsd_m") if not self.image_problem() else None

    def refresh_scene(self):
        """Find the current image's scene in the log and list its heaps."""
        problem = self.image_problem()
        if problem or self.port is None:
            self.log.scene = None
            self.scene_changed.emit(problem, bool(problem))
        else:
            draft = self.scenes.draft(self.image)
            scene = self.log.find_scene(draft["scene_id"], draft.get("raster_path"))
            self.scene_changed.emit(_scene_summary(scene or draft), False)
            if scene is not None:
                self._remember(ENTRY_SCENE, scene["scene_id"])
        self.refresh_heaps()

    @guarded
    def use_metadata_file(self, path=None):
        """Date the current image from a metadata file the analyst picks; returns the scene row or None.

        Only before the image's first heap is logged: logged heaps are dated by their scene record.
        """
        problem = self.image_problem()
        if problem:
            self.warn(problem)
            return None
        draft = self.scenes.draft(self.image)
        if self.log.file is not None and self.log.file.scene(draft["scene_id"]) is not None:
            raise StoreError(tr("The scene {scene} is already logged (acquired {when} UTC) and its heaps are dated by "
                                "it; a metadata file can only be chosen for an image before its first heap is "
                                "logged; correct the scene with Edit scene instead.").format(
                                    scene=draft["scene_id"], when=draft.get("acquired_utc")))
        if path is None:
            path = self.prompts.ask_open_path(
                "Metadata of the image", "Imagery metadata (*.xml *.XML *.IMD *.imd *.json);;All files (*)",
                str(Path(imagery.raster_path(self.image) or ".").parent))
            if not path:
                return None
        row, meta = self.scenes.use_metadata_file(self.image, path)
        self.refresh_scene()
        self.message.emit(tr("Image {scene} dated {when} UTC from {file}").format(
            scene=row["scene_id"], when=row["acquired_utc"], file=Path(path).name)
            + (f" ({' '.join(map(message_text, meta.warnings))})" if meta.warnings else "") + ".", Success)
        return row

    @guarded
    def edit_scene(self, changes=None):
        """Correct the current image's logged scene (asked when ``changes`` is None): a new time re-dates
        all its heaps in one transaction and the trends follow. Returns the new scene row or None."""
        scene = self.log.scene
        if scene is None or self.log.file is None:
            self.warn(tr("This image has no logged scene yet: its record is made with its first heap; correct "
                         "it after that."))
            return None
        if changes is None:
            changes = self.prompts.edit_scene(dict(scene))
            if not changes:
                return None
        corrected = self.log.file.update_scene(scene["scene_id"], changes)
        self.log.reload_heaps_layer()
        self.refresh_scene()
        self.message.emit(tr("Scene {scene} corrected ({fields}); its heaps follow.").format(
            scene=scene["scene_id"], fields=", ".join(sorted(changes))), Success)
        return corrected

    def _ensure_scene(self):
        """The image's logged scene, logged now if needed; None when its acquisition time stays unknown."""
        draft = self.scenes.draft(self.image)
        scene = self.log.find_scene(draft["scene_id"], draft.get("raster_path"))
        if scene is not None:
            return scene
        if draft.get("web"):
            return self._ensure_web_scene(draft)
        if not draft.get("acquired_utc"):
            when = self.prompts.ask_datetime(
                "Acquisition date and time",
                f"The image {draft['scene_id']} carries no acquisition time that Coal Monitor can read. "
                "Enter it in UTC (from the provider's order or catalogue page); every heap measured on "
                "this image will be dated with it.")
            if when is None:
                return None
            draft = self.scenes.date_given(self.image, when)
        return self.log.log_scene(_without_draft_keys(draft))

    def _ensure_web_scene(self, draft):
        """A web basemap's scene for this measuring session: the analyst gives its capture date (the
        previous one logged for this basemap is offered), credit and, if known, GSD."""
        label = self.scenes.web_label(self.image)
        previous = self.log.file.latest_scene_with_prefix(f"{label} @ ")
        answer = self.prompts.ask_web_capture(label, draft.get("source") or "",
                                              previous["acquired_utc"] if previous else None)
        if not answer:
            return None
        draft = self.scenes.date_given(self.image, answer["acquired_utc"], source=answer.get("source"),
                                       gsd_m=answer.get("gsd_m"))
        self.scene_changed.emit(_scene_summary(draft), False)
        return self.log.find_scene(draft["scene_id"]) or self.log.log_scene(_without_draft_keys(draft))

    # --- the outline -----------------------------------------------------------------------------
    def preview_outline(self, points, crs):
        """Area and numbers of an outline while its corners are clicked (``points`` in ``crs``), or of a
        whole outline proposed on the map (a trace: a QgsGeometry in ``crs``)."""
        if isinstance(points, QgsGeometry):
            return self.preview_footprint(points, crs)
        self.outline_in_progress = bool(points)
        if len(points) < 3 or self.port is None:
            self.drawing_changed.emit(0.0, None, "")
            return
        to_port = QgsCoordinateTransform(crs, self.port_crs(), self.project)
        port_points = [to_port.transform(p) for p in points]
        geometry = polygon_from_points(port_points)
        problem = outline_problem(port_points)
        if problem:
            self.drawing_changed.emit(abs(geometry.area()), None, problem)
            return
        try:
            measured = measure_footprint(geometry, self.port.crs_epsg, self.port.crs_epsg)
            estimate = measured.estimate(self.log.file_port(), self.inputs)
        except InputError as exc:
            self.drawing_changed.emit(geometry.area(), None, message_text(exc))
            return
        self.drawing_changed.emit(estimate.area_m2, estimate, "")

    def preview_footprint(self, geometry, crs):
        """Area and numbers of a whole outline proposed on the map (a trace: QgsGeometry in ``crs``)."""
        try:
            measured = measure_footprint(geometry, crs, self.port.crs_epsg)
            estimate = measured.estimate(self.log.file_port(), self.inputs)
        except InputError as exc:
            self.drawing_changed.emit(0.0, None, message_text(exc))
            return
        self.drawing_changed.emit(estimate.area_m2, estimate, "")

    @guarded
    def set_footprint(self, geometry, crs):
        """Measure this outline (QgsGeometry in ``crs``) as a new heap."""
        outline = QgsGeometry(geometry)
        outline.transform(QgsCoordinateTransform(crs, self.port_crs(), self.project))
        self._measure(outline, None)

    def _measure(self, outline_port_crs, heap_uid):
        """Make this outline (port CRS) the one measured: a new heap, or the logged heap ``heap_uid``."""
        self.clear_footprint()
        # the engine prepares the outline here, once: every estimate and the log reuse it
        self.footprint = measure_footprint(outline_port_crs, self.port.crs_epsg, self.port.crs_epsg)
        self.footprint_geometry = outline_port_crs
        self.editing_heap_uid = heap_uid
        self.footprint_changed.emit(outline_port_crs)
        self._estimate()

    def clear_footprint(self):
        self.footprint = self.footprint_geometry = self.current_estimate = self.editing_heap_uid = None
        self.pile_uid, self.outline_in_progress = None, False
        self.footprint_changed.emit(None)

    # --- inputs and estimate ---------------------------------------------------------------------
    @guarded
    def set_inputs(self, inputs):
        """The form's values (heap fields: height_m, height_sigma_m, model, repose_deg, density_t_m3,
        pier, label, ...); the outline's numbers follow."""
        self.inputs = dict(inputs)
        if self.footprint is not None:
            self._estimate()

    def _estimate(self):
        self.current_estimate = None
        try:
            self.current_estimate = self.footprint.estimate(self.log.file_port(), self.inputs)
        except InputError as exc:
            self.estimate_changed.emit(None, message_text(exc))
            return
        self.estimate_changed.emit(self.current_estimate, "")

    # --- logging ---------------------------------------------------------------------------------
    @guarded
    def log_heap(self):
        """Log the measured heap (or save the edits of the selected one); returns its heap_uid or None."""
        if self.footprint is None:
            self.warn(tr("There is no heap outline to log: press “Draw heap on the map” and click its corners."))
            return None
        if self.current_estimate is None:
            self._estimate()
            if self.current_estimate is None:
                return None
        problem = self.image_problem()
        if problem and self.editing_heap_uid is None:
            self.warn(problem)
            return None
        self.log.ensure_file(self.prompts)
        self._watch_port_file()
        if self.editing_heap_uid is None:
            scene = self._ensure_scene()
            if scene is None:
                self.warn(tr("The heap was not logged: it needs the image's acquisition date and time (UTC)."))
                return None
            # the port shown when the dock opened was never "chosen": remember it with the first heap
            self._remember(ENTRY_PORT, self.port.name)
            self._remember(ENTRY_SCENE, scene["scene_id"])
            attributes = dict(self.inputs, pile_uid=self.pile_uid) if self.pile_uid else self.inputs
            uid, done = self.log.add_heap(self.footprint, scene, attributes), tr("Logged heap at {port}: {tonnes}.")
        else:
            uid, done = self.editing_heap_uid, tr("Saved changes to heap at {port}: {tonnes}.")
            if not self._save_edit(uid):
                return None
        stored = self.log.file.heap(uid)  # confirm what the port file holds, not what was computed here
        self.log.show_heaps_layer()
        self.message.emit(done.format(port=self.port.name, tonnes=_tonnes(stored)), Success)
        self.refresh_scene()
        self.clear_footprint()
        return uid

    def _save_edit(self, uid):
        """Save the selected heap's edit, as of the row version it was loaded at (a team database refuses it
        when someone saved the heap since: the analyst is told who and when, and may reload it)."""
        expected = (self.heap_rows.get(uid) or {}).get("row_version")
        try:
            self.log.update_heap(uid, self.footprint, self.inputs, expected_version=expected)
        except StoreError as exc:
            if expected is None or not self.log.changed_since(uid, expected):
                raise
            problem = message_text(exc)
            if self.prompts.confirm(tr("Heap changed by someone else"),
                                    tr("{problem}\n\nReload the heap as it is saved now? Your changes to it are "
                                       "dropped.").format(problem=problem)):
                self.clear_footprint()
                self.refresh_heaps()
                if uid in self.heap_rows:
                    self.select_heap(uid)
                self.message.emit(tr("Reloaded the heap as saved in the port log; make your changes again."), Info)
            else:
                self.warn(problem)
            return False
        return True

    # --- the image's heaps -----------------------------------------------------------------------
    def refresh_heaps(self, *_args):
        self.heap_rows = {row["heap_uid"]: row for row in self.log.heaps_of_current_scene()}
        self.heaps_changed.emit(list(self.heap_rows.values()))

    @guarded
    def select_heap(self, heap_uid):
        """Make a listed heap the one measured (its outline and inputs), or select none."""
        row = self.heap_rows.get(heap_uid)
        if row is None:
            self.clear_footprint()
            self.heap_selected.emit(None)
            return
        geometry = QgsGeometry()
        geometry.fromWkb(row["wkb"])
        self.inputs = {name: row.get(name) for name in _FORM_FIELDS}
        self._measure(geometry, heap_uid)
        self.heap_selected.emit(row)

    @guarded
    def delete_heap(self, heap_uid):
        """Delete a listed heap after the analyst confirms; True when it was deleted."""
        row = self.heap_rows[heap_uid]
        if not self.prompts.confirm("Delete heap", f"Delete this heap from the {self.port.name} log?\n\n"
                                                   f"{heap_line(row)}\n\nThis cannot be undone here."):
            return False
        self.log.delete_heap(heap_uid)
        self.clear_footprint()
        self.refresh_heaps()
        self.message.emit(tr("Deleted heap {heap}.").format(heap=heap_line(row)), Success)
        return True

    def trends_source(self):
        """The port file the trends show (None before the port has one, or once it was moved away)."""
        file = self.log.file
        if file is None or not self.log.file_is_in_place():
            return None
        return file if self.log.is_team_log() else file.path  # an open team log stays the session's to close

    @guarded
    def write_port_report(self, pdf_path=None):
        """Write the port's one-page PDF report (asks where when ``pdf_path`` is None); the path or None."""
        from ..report.layout import write_report  # a print layout: loaded when a report is made

        if self.trends_source() is None:
            name = self.port.name if self.port is not None else "This port"
            self.warn(tr("{port} has no port file yet (or it was moved away): log a heap on an image of the port "
                         "first, then make its report.").format(port=name))
            return None
        if pdf_path is None:
            folder = Path(self.project.absolutePath() or Path.home()) if self.log.is_team_log() else \
                Path(self.log.file.path).parent
            suggested = folder / f"{self.port.slug}_report.pdf"
            pdf_path = self.prompts.ask_save_path("pdf", str(suggested))
            if not pdf_path:
                return None
        pdf_path = Path(pdf_path)
        if pdf_path.suffix.lower() != ".pdf":
            pdf_path = pdf_path.with_name(pdf_path.name + ".pdf")
        written = write_report(self.log.file, pdf_path)
        self.message.emit(tr("Report of {port} saved to {path}").format(port=self.port.name, path=written), Success)
        return str(written)

    # --- heaps layer, project --------------------------------------------------------------------
    def _remember(self, key, value):
        """Keep the analyst's choice in the project (only real changes mark it as modified)."""
        if not self.restoring and self.project.readEntry(PROJECT_SCOPE, key, "")[0] != value:
            self.project.writeEntry(PROJECT_SCOPE, key, value)

    def remembered(self):
        """(port name or None, imagery layer or None) the project remembers."""
        port_name, has_port = self.project.readEntry(PROJECT_SCOPE, ENTRY_PORT, "")
        layer_id, has_layer = self.project.readEntry(PROJECT_SCOPE, ENTRY_IMAGERY_LAYER, "")
        port = port_name if has_port and port_name in self.registry else None
        return port, (self.project.mapLayer(layer_id) if has_layer and layer_id else None)

    def forget_file(self):
        """The project changed (opened, cleared): close the port file, drop the outline."""
        self.log.forget_file()
        self.clear_footprint()
        self.refresh_heaps()

    def layers_removed(self, layer_ids):
        if self.image is not None and self.image.id() in layer_ids:
            self.image = None

    def close(self):
        self._reread.stop()
        self._unwatch_port_file()
        self._project_signals.disconnect_all()
        self._watched.disconnect_all()
        self.layers.close()
        self.log.close()


# The heap fields the form sets (loaded into it when a logged heap is selected).
_FORM_FIELDS = ("height_m", "height_sigma_m", "model", "repose_deg", "density_t_m3", "pier", "label",
                "identification", "confidence", "notes", "height_method")


def _without_draft_keys(draft):
    return {name: value for name, value in draft.items() if name != "web"}


def _scene_summary(scene):
    if scene.get("web") and not scene.get("scene_id"):
        return tr("Web basemap ({credit}): its capture date is asked when the first heap is logged; ground "
                  "resolution unknown").format(credit=scene.get("source") or tr("no credit given"))
    from ..number_text import number

    parts = [tr("Scene {scene}").format(scene=scene["scene_id"])]
    if scene.get("acquired_utc"):
        parts.append(tr("acquired {when} UTC").format(when=str(scene["acquired_utc"]).replace("T", " ")[:16]))
    else:
        parts.append(tr("acquisition time unknown (asked when the first heap is logged)"))
    if scene.get("gsd_m"):
        parts.append(tr("GSD {gsd} m").format(gsd=number(scene["gsd_m"], 2)))
    if scene.get("sensor"):
        parts.append(scene["sensor"])
    return " · ".join(parts)


def _tonnes(row):
    from ..number_text import quantity, value_range

    return f"{quantity(row['tonnage_t'])} t ({value_range(row['tonnage_lo_t'], row['tonnage_hi_t'], 't')})"


def heap_line(row):
    """One line of the heap list: tonnage and its range first (what is compared), then height and name."""
    from ..number_text import number, quantity

    name = row.get("label") or row.get("pier") or tr("heap")
    spread = f"{quantity(row.get('tonnage_lo_t'))}–{quantity(row.get('tonnage_hi_t'))}"
    return f"{quantity(row.get('tonnage_t'))} t ({spread}) · {number(row.get('height_m') or 0, 1)} m · {name}"
