"""The Coal Monitor dock panel: pick port and image, trace a heap, type its height, log it.

The dock only translates between the analyst and the core: the engine computes, the store writes
(through ``HeapLog``), and every modal question goes through ``self.prompts`` so that tests can answer
it. Every slot that reaches the engine or the disk is wrapped by ``_guarded``: a problem becomes a
message in the dock and the message bar, never a traceback dialog.
"""
import functools
import os
import traceback
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsMessageLog,
    QgsPointXY,
    QgsProject,
    QgsWkbTypes,
)
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QListWidgetItem
from shapely import wkb as shapely_wkb

from ..core.errors import InputError
from ..core.estimate import prepare_footprint
from ..core.ports import PortError, PortRegistry
from ..core.shadow import shadow_feasible
from ..report.layout import write_report
from ..store import datafolder
from ..store.errors import StoreError
from . import dock_layout, imagery, result_text
from .capture_tool import PolygonCaptureTool, outline_problem, polygon_from_points
from .controller import HeapLog, default_registry
from .location_tool import LocationPickTool
from .prompts import Prompts
from .shadow_controller import ShadowController

PROJECT_SCOPE = "coal_monitor"
LOG_TAG = "Coal Monitor"
MESSAGE_SECONDS = 8
_HIGHLIGHT = QColor(0, 120, 255)

EXPECTED_ERRORS = (InputError, StoreError, PortError, OSError)


def _guarded(slot):
    """Run a slot; turn any failure into a message instead of a traceback dialog."""

    @functools.wraps(slot)
    def wrapper(self, *args, **kwargs):
        try:
            return slot(self, *args, **kwargs)
        except EXPECTED_ERRORS as exc:
            self.warn(str(exc))
        except Exception as exc:  # a bug must not take QGIS down with a Python dialog
            QgsMessageLog.logMessage(traceback.format_exc(), LOG_TAG, Qgis.Critical)
            self.warn(f"Unexpected problem ({type(exc).__name__}: {exc}); details are in the "
                      "Log Messages panel under 'Coal Monitor'.")
        return None

    return wrapper


class CoalMonitorDock(QDockWidget):
    """Dock titled "Coal Monitor" (objectName CoalMonitorDock).

    Public API (desktop tier, demo, scripts):
      ``set_port(name)``, ``port``, ``new_port()``, ``set_imagery_layer(layer)``, ``imagery_layer()``,
      ``start_drawing()`` and ``capture_tool`` (the armed map tool), ``set_footprint(geometry, crs)``,
      ``current_estimate`` (HeapEstimate or None), ``save_heap() -> heap_uid``, ``heap_uids()``,
      ``select_heap(heap_uid)``, ``delete_selected_heap()``, ``measure_height_from_shadow()``,
      ``choose_scene_metadata(path=None)``,
      ``restore_from_project()``, ``add_tab(widget, title)``, ``add_height_tool(widget)``,
      ``write_port_report(pdf_path=None) -> path``, ``cleanup()``;
      ``log`` (HeapLog: port file, scene, heaps layer), ``shadow`` (ShadowController), ``trends``.
    ``prompts`` may be replaced by any object with the methods of ``Prompts`` (tests: ScriptedPrompts);
    the trends panel's exports ask through it too.
    """

    def __init__(self, iface, parent=None, registry=None, prompts=None):
        super().__init__("Coal Monitor", parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.setObjectName("CoalMonitorDock")
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self._prompts = prompts if prompts is not None else Prompts(self)
        registry_problem = ""
        if registry is None:
            try:
                registry = default_registry()
            except PortError as exc:  # an unreadable ports file must not keep the dock from opening
                registry, registry_problem = PortRegistry(), f"{exc} Only the built-in ports are listed."
        self.registry = registry
        self.log = HeapLog(QgsProject.instance())
        self.log.on_layer_problem = lambda fid, message: self.warn(f"Heap {fid} of the heaps layer: {message}")
        self.capture_tool = PolygonCaptureTool(self.canvas)
        self.location_tool = LocationPickTool(self.canvas)
        self._pending_port = None
        self.location_tool.picked.connect(self._port_location_picked)
        self.location_tool.canceled.connect(lambda: setattr(self, "_pending_port", None))
        self.shadow = ShadowController(self.canvas, self._shadow_message, self)
        self.footprint_geometry = None  # QgsGeometry in the port's CRS, the outline being measured
        self.footprint = None  # the engine's prepared footprint of it
        self.current_estimate = None
        self.editing_heap_uid = None
        self._heap_rows = {}
        self._highlight = None
        self._connections = []
        self._restoring = True  # opening the dock must not mark the project as modified
        # a relative data folder keeps pointing at the same folder when the project is saved elsewhere
        self._stop_following_project = datafolder.follow_project_file(QgsProject.instance())
        dock_layout.build(self)
        self.trends.prompts = self._prompts
        self._trends_source = None  # port file the trends tab shows once it is looked at
        self._connect()
        self._fill_ports()
        self._restoring = False
        self._show_idle()
        if registry_problem:
            self.warn(registry_problem)
        if QgsProject.instance().readEntry(PROJECT_SCOPE, "port", "")[1]:
            self.restore_from_project()  # the plugin was enabled with a project already open

    # --- construction ----------------------------------------------------------------------------
    def _connect(self):
        self.portCombo.currentIndexChanged.connect(self._port_chosen)
        self.newPortButton.clicked.connect(lambda _checked=False: self.new_port())
        self.sceneMetadataButton.clicked.connect(lambda _checked=False: self.choose_scene_metadata())
        self.imageryLayerCombo.layerChanged.connect(self._imagery_chosen)
        self.drawHeapButton.clicked.connect(lambda _checked=False: self.start_drawing())
        self.form.changed.connect(self._inputs_changed)
        self.saveHeapButton.clicked.connect(lambda _checked=False: self.save_heap())
        self.heapList.currentItemChanged.connect(self._heap_item_chosen)
        self.tabs.currentChanged.connect(self._show_trends)
        self.trends.problem.connect(
            lambda message: self.iface.messageBar().pushMessage(LOG_TAG, message, Qgis.Warning, MESSAGE_SECONDS))
        self.deleteHeapButton.clicked.connect(lambda _checked=False: self.delete_selected_heap())
        self.portReportButton.clicked.connect(lambda _checked=False: self.write_port_report())
        self.shadowToolButton.clicked.connect(lambda _checked=False: self.measure_height_from_shadow())
        self.shadow.measured.connect(self._shadow_measured)
        tool = self.capture_tool
        tool.preview_changed.connect(self._drawing_preview)
        tool.captured.connect(self._captured)
        tool.rejected.connect(self._capture_rejected)
        tool.canceled.connect(self._capture_canceled)
        project = QgsProject.instance()
        self._listen(project.readProject, self._project_read)
        self._listen(project.cleared, self._project_cleared)
        self._listen(project.layersWillBeRemoved, self._layers_removed)

    def _listen(self, signal, slot):
        signal.connect(slot)
        self._connections.append((signal, slot))

    @property
    def prompts(self):
        """Where every modal question goes (``Prompts``, or a test's scripted stand-in)."""
        return self._prompts

    @prompts.setter
    def prompts(self, prompts):
        self._prompts = prompts
        self.trends.prompts = prompts

    # --- extension points ------------------------------------------------------------------------
    def add_tab(self, widget, title):
        """Add a tab beside "Measure" and "Trends"."""
        return self.tabs.addTab(widget, title)

    def add_height_tool(self, widget):
        """Put a height helper (e.g. ``shadowToolButton``) beside the height inputs."""
        widget.setParent(self.form)
        self.form.height_tools.addWidget(widget)

    # --- messages --------------------------------------------------------------------------------
    def warn(self, text):
        self.resultLabel.setText(result_text.message_html(text, warning=True))
        self.iface.messageBar().pushMessage(LOG_TAG, text, Qgis.Warning, MESSAGE_SECONDS)

    def inform(self, text):
        self.iface.messageBar().pushMessage(LOG_TAG, text, Qgis.Success, MESSAGE_SECONDS)

    def _show_idle(self):
        if self.footprint is None:
            self.resultLabel.setText(result_text.message_html(
                "Pick the port and the image, press “Draw heap on the map” and click the heap's corners."))

    # --- port ------------------------------------------------------------------------------------
    def _fill_ports(self, select=None):
        self.portCombo.blockSignals(True)
        self.portCombo.clear()
        for port in self.registry.ports():
            self.portCombo.addItem(port.name, port.name)
        self.portCombo.blockSignals(False)
        index = self.portCombo.findData(select) if select else 0
        self.portCombo.setCurrentIndex(-1)
        self.portCombo.setCurrentIndex(max(index, 0))

    @property
    def port(self):
        return self.log.port

    @_guarded
    def set_port(self, name):
        """Make ``name`` (a registry port) the current port; an unknown name gives a message."""
        index = self.portCombo.findData(self.registry.get(name).name)
        if index == self.portCombo.currentIndex():
            self._port_chosen(index)
        else:
            self.portCombo.setCurrentIndex(index)

    @_guarded
    def _port_chosen(self, index):
        if index < 0:
            return
        port = self.registry.get(self.portCombo.itemData(index))
        self._discard_footprint()
        self.form.apply_port(port)
        self._write_project_entry("port", port.name)
        try:
            self.log.set_port(port)
            for notice in self.log.notices:
                self.iface.messageBar().pushMessage(LOG_TAG, notice, Qgis.Info, MESSAGE_SECONDS)
        finally:
            self._refresh_scene()

    @_guarded
    def new_port(self, draft=None):
        """Ask for a new port's name, place and defaults; add it to the registry and select it.

        "Pick on the map..." in the dialog arms a one-click tool; the click reopens the dialog with
        that place filled in (``draft``).
        """
        centre = self._canvas_centre_lat_lon()
        answer = self.prompts.ask_new_port(centre, draft)
        if not answer:
            return
        if answer.pop("pick_on_map", False):
            self._pending_port = answer
            self.location_tool.arm()
            self.iface.messageBar().pushMessage(LOG_TAG, "Click the new port's location on the map (Esc cancels).",
                                                Qgis.Info, MESSAGE_SECONDS)
            return
        name = answer.pop("name")
        port = self.registry.add(name, answer.pop("lat_deg"), answer.pop("lon_deg"), **answer)
        self._fill_ports(select=port.name)
        self.inform(f"Port {port.name} added (heaps stored in EPSG:{port.crs_epsg}).")

    def _port_location_picked(self, lat_deg, lon_deg):
        draft, self._pending_port = self._pending_port, None
        if draft is not None:
            self.new_port(dict(draft, lat_deg=lat_deg, lon_deg=lon_deg))

    def _canvas_centre_lat_lon(self):
        centre = self.canvas.extent().center()
        to_wgs84 = QgsCoordinateTransform(self.canvas.mapSettings().destinationCrs(),
                                          QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
        try:
            point = to_wgs84.transform(centre)
        except Exception:  # an empty canvas has no meaningful centre
            return None
        return (point.y(), point.x())

    # --- imagery and scene -----------------------------------------------------------------------
    def set_imagery_layer(self, layer):
        self.imageryLayerCombo.setLayer(layer)

    def imagery_layer(self):
        return self.imageryLayerCombo.currentLayer()

    @_guarded
    def choose_scene_metadata(self, path=None):
        """Date the current image from a metadata file the analyst picks (one not found beside it)."""
        layer = self.imagery_layer()
        problem = imagery.georeferencing_problem(layer)
        if problem:
            self.warn(problem)
            return None
        if path is None:
            path = self.prompts.ask_open_path(
                "Metadata of the image",
                "Imagery metadata (*.xml *.XML *.IMD *.imd *.json);;All files (*)",
                os.path.dirname(imagery.raster_path(layer) or ""))
            if not path:
                return None
        row, meta = self.log.use_metadata_file(layer, path)
        self._refresh_scene()
        self.inform(f"Image {row['scene_id']} dated {row['acquired_utc']} UTC from {os.path.basename(path)}"
                    + (f" ({' '.join(meta.warnings)})" if meta.warnings else "") + ".")
        return row

    @_guarded
    def _imagery_chosen(self, layer):
        self._write_project_entry("imagery_layer_id", layer.id() if layer is not None else "")
        self._refresh_scene()

    def _refresh_scene(self):
        """Show what is known of the chosen image's scene and list its heaps."""
        layer = self.imagery_layer()
        problem = imagery.georeferencing_problem(layer)
        if problem:
            self.log.scene = None
            self.sceneLabel.setText(result_text.message_html(problem, warning=True))
        else:
            scene = self.log.find_scene(layer)
            self.sceneLabel.setText(result_text.message_html(self.log.scene_summary(layer, scene)))
            if scene is not None:
                self._write_project_entry("scene_id", scene["scene_id"])
        self._set_shadow_scene(None if problem else layer)
        self._watch_heaps_layer()
        self._refresh_heaps()

    def _watch_heaps_layer(self):
        """Recompute heaps edited in the layer (vertex tool, attribute table); relist them after commits."""
        layer = self.log.watch_heaps_layer()
        if layer is not None:
            self._listen(layer.afterCommitChanges, self._refresh_heaps)

    # --- height from the shadow ------------------------------------------------------------------
    def _set_shadow_scene(self, layer):
        """Give the shadow tool the image's sun and view angles (or take them away)."""
        meta = self.log.scene_metadata(layer) if layer is not None else None
        self.shadow.clear()
        if meta is None or meta.sun_elevation_deg is None or meta.sun_azimuth_deg is None:
            self.shadow.geometry = None  # no angles: the tool explains why when pressed
            return
        self.shadow.set_scene(meta, self.port_crs_id(), self.log.scene_draft(layer)["gsd_m"])

    @_guarded
    def measure_height_from_shadow(self):
        """Arm the shadow tool; the measured height and its uncertainty fill the form."""
        if self.capture_tool.is_drawing():
            self.warn("Finish the heap's outline first (right click or Enter), then measure its shadow.")
            return
        problem = imagery.georeferencing_problem(self.imagery_layer())
        if problem:
            self.warn(problem)
            return
        self.shadow.start(walled=self.form.model() == "prism", repose_deg=self.reposeSpin.value())

    def _shadow_measured(self, height_m, sigma_m):
        self.form.set_height(height_m, sigma_m, "shadow")
        self.iface.messageBar().pushMessage(
            LOG_TAG, f"Height from the shadow: {height_m:.1f} ± {sigma_m:.1f} m.", Qgis.Info, MESSAGE_SECONDS)

    def _shadow_message(self, text):
        self.iface.messageBar().pushMessage(LOG_TAG, text, Qgis.Warning, MESSAGE_SECONDS)

    def _show_predicted_shadow(self):
        """The dashed shadow this heap would cast, to compare with the image by eye."""
        if self.shadow.geometry is None or self.footprint_geometry is None:
            return
        inputs = self.form.volume_inputs()
        if not shadow_feasible(self.shadow.geometry.sun_elevation_deg, inputs["repose_deg"],
                               walled=inputs["model"] == "prism").ok:
            self.shadow.clear()  # a sun this high casts no ground shadow of such a pile: nothing to compare
            return
        outline = QgsGeometry(self.footprint_geometry)
        canvas_crs = self.canvas.mapSettings().destinationCrs()
        outline.transform(QgsCoordinateTransform(self._port_crs(), canvas_crs, QgsProject.instance()))
        self.shadow.show_predicted(outline, canvas_crs, inputs["height_m"], inputs["model"], inputs["repose_deg"])

    # --- drawing ---------------------------------------------------------------------------------
    @_guarded
    def start_drawing(self):
        """Arm the capture tool (refused with a message when there is nothing to draw on)."""
        problem = imagery.georeferencing_problem(self.imagery_layer())
        if problem:
            self.warn(problem)
            return
        self._select_heap_item(None)
        self._discard_footprint()
        self.capture_tool.reset()
        self.canvas.setMapTool(self.capture_tool)
        self.canvas.setFocus()
        self.resultLabel.setText(result_text.drawing_html(0.0))

    def _to_port(self):
        return QgsCoordinateTransform(self.canvas.mapSettings().destinationCrs(), self._port_crs(),
                                      QgsProject.instance())

    def _port_crs(self):
        return QgsCoordinateReferenceSystem(f"EPSG:{self.port.crs_epsg}")

    def _drawing_preview(self, points):
        try:
            self._show_drawing(points)
        except Exception as exc:  # a preview must never break the drawing itself
            self.resultLabel.setText(result_text.drawing_html(0.0, problem=str(exc)))

    def _show_drawing(self, points):
        if len(points) < 3:
            self.resultLabel.setText(result_text.drawing_html(0.0))
            return
        to_port = self._to_port()
        port_points = [to_port.transform(p) for p in points]
        problem = outline_problem(port_points)
        if problem:
            area = abs(polygon_from_points(port_points).area())
            self.resultLabel.setText(result_text.drawing_html(area, problem=problem))
            return
        geometry = polygon_from_points(port_points)
        try:
            estimate = self._estimate(prepare_footprint(_shape(geometry), self.port_crs_id()))
        except InputError as exc:
            self.resultLabel.setText(result_text.drawing_html(geometry.area(), problem=str(exc)))
            return
        self.resultLabel.setText(result_text.drawing_html(estimate.area_m2, estimate))

    @_guarded
    def _captured(self, geometry):
        self.canvas.unsetMapTool(self.capture_tool)
        self.set_footprint(geometry, self.canvas.mapSettings().destinationCrs())

    def _capture_rejected(self, message):
        self.resultLabel.setText(result_text.drawing_html(0.0, problem=message))
        self.iface.messageBar().pushMessage(LOG_TAG, message, Qgis.Warning, MESSAGE_SECONDS)

    def _capture_canceled(self):
        if self.footprint is None:
            self._show_idle()

    def port_crs_id(self):
        return f"EPSG:{self.port.crs_epsg}"

    def set_footprint(self, geometry, crs):
        """Measure this outline (QgsGeometry in ``crs``): converted to the port's CRS, then estimated."""
        outline = QgsGeometry(geometry)
        transform = QgsCoordinateTransform(crs, self._port_crs(), QgsProject.instance())
        outline.transform(transform)
        self._measure(outline, None)
        self._show_highlight(outline)
        self._inputs_changed()

    def _measure(self, outline_port_crs, heap_uid):
        """Make this outline (port CRS) the one measured: a new heap, or the logged heap ``heap_uid``."""
        self.footprint = prepare_footprint(_shape(outline_port_crs), self.port_crs_id())
        self.footprint_geometry = outline_port_crs
        self.editing_heap_uid = heap_uid
        self._update_save_button()

    def _update_save_button(self):
        self._enable(self.saveHeapButton, self.footprint is not None)
        self.saveHeapButton.setText("Log heap" if self.editing_heap_uid is None else "Save changes to this heap")

    def _enable(self, button, enabled):
        if not enabled and button.hasFocus():
            # focus would pass on to the heap list, which then selects (and loads) its first heap
            self.drawHeapButton.setFocus()
        button.setEnabled(enabled)

    def _discard_footprint(self):
        self.footprint = None
        self.footprint_geometry = None
        self.current_estimate = None
        self.editing_heap_uid = None
        self._update_save_button()
        self._clear_highlight()
        self.shadow.clear()
        self._show_idle()

    # --- estimate --------------------------------------------------------------------------------
    def _estimate(self, footprint):
        return footprint.estimate(**self.log.engine_inputs(self.form.volume_inputs()))

    @_guarded
    def _inputs_changed(self):
        if self.capture_tool.is_drawing():
            self._drawing_preview(self.capture_tool.preview_points())
            return
        if self.footprint is None:
            return
        self.current_estimate = None
        try:
            estimate = self._estimate(self.footprint)
        except InputError as exc:
            self.resultLabel.setText(result_text.message_html(str(exc), warning=True))
            return
        self.current_estimate = estimate
        self._show_predicted_shadow()
        self.resultLabel.setText(result_text.estimate_html(estimate, self.form.volume_inputs()["height_sigma_m"]))

    # --- saving ----------------------------------------------------------------------------------
    @_guarded
    def save_heap(self):
        """Log the measured heap (or save the edits of the selected one); returns its heap_uid."""
        if self.footprint_geometry is None:
            self.warn("There is no heap outline to log: press “Draw heap on the map” and click its corners.")
            return None
        if self.current_estimate is None:
            self._inputs_changed()
            if self.current_estimate is None:
                return None
        layer = self.imagery_layer()
        problem = imagery.georeferencing_problem(layer)
        if problem and self.editing_heap_uid is None:
            self.warn(problem)
            return None
        self.log.ensure_file(self.prompts)
        attributes = self.form.attributes()
        if self.editing_heap_uid is None:
            scene = self.log.ensure_scene(layer, self.prompts)
            if scene is None:
                self.warn("The heap was not logged: it needs the image's acquisition date and time (UTC).")
                return None
            # the port shown when the dock opened was never "chosen": remember it with the first heap
            self._write_project_entry("port", self.port.name)
            self._write_project_entry("scene_id", scene["scene_id"])
            uid = self.log.add_heap(self.footprint_geometry, scene, attributes)
            verb = "Logged"
        else:
            uid = self.editing_heap_uid
            self.log.update_heap(uid, self.footprint_geometry, attributes)
            verb = "Saved changes to"
        stored = self.log.file.heap(uid)  # confirm what the port file holds, not what the dock computed
        self.log.show_heaps_layer()
        tonnage = result_text.quantity(stored["tonnage_t"])
        self.inform(f"{verb} heap at {self.port.name}: {tonnage} t "
                    f"({result_text.value_range(stored['tonnage_lo_t'], stored['tonnage_hi_t'], 't')}).")
        self._refresh_scene()
        self._discard_footprint()
        self.form.clear_for_next_heap()
        self.resultLabel.setText(result_text.message_html(f"{verb} {tonnage} t. Draw the next heap of this image."))
        return uid

    # --- the log ---------------------------------------------------------------------------------
    @_guarded
    def _refresh_heaps(self, *_args):
        self.heapList.blockSignals(True)
        self.heapList.clear()
        self._heap_rows = {}
        for row in self.log.heaps_of_current_scene():
            self._heap_rows[row["heap_uid"]] = row
            item = QListWidgetItem(_heap_line(row), self.heapList)
            item.setToolTip(_heap_line(row) + (f"\n{row['notes']}" if row.get("notes") else ""))
            item.setData(Qt.ItemDataRole.UserRole, row["heap_uid"])
        self.heapList.blockSignals(False)
        self._enable(self.deleteHeapButton, False)
        file = self.log.file
        self._trends_source = file.path if file is not None and self.log.file_is_in_place() else None
        self._show_trends()

    def _show_trends(self, *_args):
        """Redraw the trends chart only while its tab is shown (matplotlib is not free)."""
        if self.tabs.currentWidget() is self.trendsTab:
            self.trends.set_port_file(self._trends_source)

    # --- the port report -------------------------------------------------------------------------
    @_guarded
    def write_port_report(self, pdf_path=None):
        """Write the current port's one-page PDF report; asks where when ``pdf_path`` is None.

        Returns the written path, or None when there is nothing to report, the analyst cancelled, or the
        report failed (the dock and the message bar say why).
        """
        file = self.log.file
        if file is None or not self.log.file_is_in_place():
            name = self.port.name if self.port is not None else "This port"
            self.warn(f"{name} has no port file yet (or it was moved away): log a heap on an image of the "
                      "port first, then make its report.")
            return None
        if pdf_path is None:
            suggested = Path(file.path).with_name(f"{self.port.slug}_report.pdf")
            pdf_path = self.prompts.ask_save_path("pdf", str(suggested))
            if not pdf_path:
                return None
        pdf_path = Path(pdf_path)
        if pdf_path.suffix.lower() != ".pdf":
            pdf_path = pdf_path.with_name(pdf_path.name + ".pdf")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a print layout takes a few seconds
        try:
            written = write_report(file, pdf_path)
        finally:
            QApplication.restoreOverrideCursor()
        self.inform(f"Report of {self.port.name} saved to {written}")
        return str(written)

    def heap_uids(self):
        """heap_uid of each listed heap, in list order."""
        return [self.heapList.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.heapList.count())]

    def select_heap(self, heap_uid):
        """Select a listed heap: highlight, pan to it and load it into the form."""
        self._select_heap_item(heap_uid)

    def _select_heap_item(self, heap_uid):
        for i in range(self.heapList.count()):
            item = self.heapList.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == heap_uid:
                self.heapList.setCurrentItem(item)
                return
        self.heapList.setCurrentItem(None)

    @_guarded
    def _heap_item_chosen(self, item, _previous=None):
        self.deleteHeapButton.setEnabled(item is not None)
        if item is None:
            return
        row = self._heap_rows[item.data(Qt.ItemDataRole.UserRole)]
        if self.canvas.mapTool() is self.capture_tool:
            self.canvas.unsetMapTool(self.capture_tool)
        geometry = QgsGeometry()
        geometry.fromWkb(row["wkb"])
        self.form.load(row)
        self._measure(geometry, row["heap_uid"])
        self._show_highlight(geometry)
        self._pan_to(geometry)
        self._inputs_changed()

    @_guarded
    def delete_selected_heap(self):
        item = self.heapList.currentItem()
        if item is None:
            return
        row = self._heap_rows[item.data(Qt.ItemDataRole.UserRole)]
        if not self.prompts.confirm("Delete heap", f"Delete this heap from the {self.port.name} log?\n\n"
                                                   f"{_heap_line(row)}\n\nThis cannot be undone here."):
            return
        self.log.delete_heap(row["heap_uid"])
        self._discard_footprint()
        self._refresh_heaps()
        self.inform(f"Deleted heap {_heap_line(row)}.")

    # --- map highlight ---------------------------------------------------------------------------
    def _show_highlight(self, geometry_port_crs):
        if self._highlight is None:
            self._highlight = QgsRubberBand(self.canvas, QgsWkbTypes.PolygonGeometry)
            self._highlight.setStrokeColor(_HIGHLIGHT)
            self._highlight.setFillColor(QColor(0, 120, 255, 40))
            self._highlight.setWidth(3)
        self._highlight.setToGeometry(geometry_port_crs, self._port_crs())

    def _clear_highlight(self):
        if self._highlight is not None:
            self._highlight.reset(QgsWkbTypes.PolygonGeometry)

    def _pan_to(self, geometry_port_crs):
        to_canvas = QgsCoordinateTransform(self._port_crs(), self.canvas.mapSettings().destinationCrs(),
                                           QgsProject.instance())
        centre = to_canvas.transform(geometry_port_crs.centroid().asPoint())
        self.canvas.setCenter(QgsPointXY(centre))
        self.canvas.refresh()

    # --- project ---------------------------------------------------------------------------------
    def _write_project_entry(self, key, value):
        """Remember the analyst's choice in the project (only real changes mark it as modified)."""
        project = QgsProject.instance()
        if not self._restoring and project.readEntry(PROJECT_SCOPE, key, "")[0] != value:
            project.writeEntry(PROJECT_SCOPE, key, value)

    @_guarded
    def restore_from_project(self):
        """Select the port, image and scene the project remembers (after a project is opened)."""
        project = QgsProject.instance()
        port_name, has_port = project.readEntry(PROJECT_SCOPE, "port", "")
        layer_id, has_layer = project.readEntry(PROJECT_SCOPE, "imagery_layer_id", "")
        self._restoring = True
        try:
            if has_port and port_name in self.registry:
                self.set_port(port_name)
            else:  # a project saved before any port was chosen: open the port the dock shows
                self._port_chosen(self.portCombo.currentIndex())
            layer = project.mapLayer(layer_id) if has_layer and layer_id else None
            self.imageryLayerCombo.setLayer(layer)
        finally:
            self._restoring = False
        self._refresh_scene()

    def _project_read(self, *_args):
        self.log.forget_file()
        self.restore_from_project()

    def _project_cleared(self):
        self.log.forget_file()
        self._discard_footprint()
        self._refresh_heaps()

    def _layers_removed(self, layer_ids):
        self.log.layers_removed(layer_ids)

    # --- unload ----------------------------------------------------------------------------------
    def cleanup(self):
        """Release map tools, rubber bands and signal connections before the plugin unloads."""
        if self.canvas.mapTool() is self.capture_tool:
            self.canvas.unsetMapTool(self.capture_tool)
        self.capture_tool.release()
        self.location_tool.release()
        self.shadow.cleanup()
        if self._highlight is not None:
            self.canvas.scene().removeItem(self._highlight)
            self._highlight = None
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):  # already disconnected, or its layer is gone
                pass
        self._connections = []
        stop_following, self._stop_following_project = self._stop_following_project, lambda: None
        stop_following()
        self.log.close()


def _shape(geometry):
    """The shapely twin of a QgsGeometry, through WKB: the very coordinates the store will receive."""
    return shapely_wkb.loads(bytes(geometry.asWkb()))


def _heap_line(row):
    """One line of the heap list: tonnage and its range first (what is compared), then height and name."""
    name = row.get("label") or row.get("pier") or "heap"
    tonnage = result_text.quantity(row.get("tonnage_t"))
    spread = f"{result_text.quantity(row.get('tonnage_lo_t'))}–{result_text.quantity(row.get('tonnage_hi_t'))}"
    return f"{tonnage} t ({spread}) · {row.get('height_m') or 0:.1f} m · {name}"
