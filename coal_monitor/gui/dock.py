"""The Coal Monitor dock panel: the analyst's widgets, wired to a ``MeasuringSession``.

The session (coal_monitor/session) holds every decision: port, image, outline, inputs, estimate, the
log. The dock only passes the analyst's actions to it and shows what its signals report; map tools and
the map highlight live here because they need the canvas. Every slot is guarded
(``session.guard.guarded``): a problem becomes a message in the dock and the message bar, never a
traceback dialog.
"""
from qgis.core import Qgis, QgsCoordinateTransform, QgsPointXY, QgsProject, QgsWkbTypes
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QListWidgetItem

from ..signals import Connections
from ..definitions import ENTRY_PORT, LOG_TAG, MESSAGE_SECONDS, PROJECT_SCOPE
from ..session.guard import guarded, report_unexpected
from ..session.measuring import MeasuringSession, heap_line
from ..store import datafolder
from ..number_text import number
from ..translation import QT_TR_NOOP, tr
from . import dock_layout, result_text
from .capture_tool import PolygonCaptureTool
from .trace_tool import TraceTool
from .new_port import NewPortFlow
from .prompts import Prompts
from .quiet import quiet
from .shadow_controller import ShadowController
from .port_logs_choice import PortLogsChoice
from .story_panel import StoryPanel

_HIGHLIGHT = QColor(0, 120, 255)
_IDLE_TEXT = QT_TR_NOOP("Pick the port and the image, press “Draw heap on the map” and click the heap's corners.")


def _session_attribute(name):
    """A read-only dock attribute that is the session's (scripts and tests reach it through the dock)."""
    return property(lambda dock: getattr(dock.session, name))


class CoalMonitorDock(QDockWidget):
    """Dock titled "Coal Monitor" (objectName CoalMonitorDock); ``session`` holds its state.

    Public API (desktop tier, demo, scripts): the methods below without a leading underscore, the
    session's attributes it re-exports, ``capture_tool``, ``shadow`` and ``trends``; ``prompts`` is any
    object with the methods of ``Prompts`` (given at construction, or replaced).
    """

    def __init__(self, iface, parent=None, registry=None, prompts=None):
        super().__init__("Coal Monitor", parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.setObjectName("CoalMonitorDock")
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        project = QgsProject.instance()
        self.session = MeasuringSession(project, prompts if prompts is not None else Prompts(self), registry, self)
        self.capture_tool = PolygonCaptureTool(self.canvas)
        self.trace_tool = TraceTool(self.canvas)
        self.new_port_flow = NewPortFlow(iface, self.session, added=lambda port: self._fill_ports(select=port.name))
        self.location_tool = self.new_port_flow.location_tool
        self.shadow = ShadowController(self.canvas, self._bar_warning, self)
        self._highlight = None
        self._connections = Connections()
        # a relative data folder keeps pointing at the same folder when the project is saved elsewhere
        self._stop_following_project = datafolder.follow_project_file(project)
        dock_layout.build(self)
        self.story_panel = StoryPanel(self)  # mark examined, piles carried forward, ships (session.story)
        self.port_logs = PortLogsChoice(self)  # data folder or team database (session.port_log)
        self.trends.prompts = self.session.prompts
        self.session.restoring = True  # opening the dock must not mark the project as modified
        self._connect(project)
        self._fill_ports()
        self.session.restoring = False
        self._show_idle()
        if self.session.registry_problem:
            self.warn(self.session.registry_problem)
        if project.readEntry(PROJECT_SCOPE, ENTRY_PORT, "")[1]:
            self.restore_from_project()  # the plugin was enabled with a project already open

    # --- wiring ----------------------------------------------------------------------------------
    def _connect(self, project):
        session = self.session
        self.portCombo.currentIndexChanged.connect(self._port_chosen)
        self.newPortButton.clicked.connect(lambda _checked=False: self.new_port())
        self.dataFolderButton.clicked.connect(lambda _checked=False: self.session.choose_data_folder())
        self.editSceneButton.clicked.connect(lambda _checked=False: self.session.edit_scene())
        self.sceneMetadataButton.clicked.connect(lambda _checked=False: self.choose_scene_metadata())
        self.imageryLayerCombo.layerChanged.connect(self.session.set_image)
        self.drawHeapButton.clicked.connect(lambda _checked=False: self.start_drawing())
        self.form.changed.connect(self._inputs_changed)
        self.saveHeapButton.clicked.connect(lambda _checked=False: self.save_heap())
        self.heapList.currentItemChanged.connect(self._heap_item_chosen)
        self.tabs.currentChanged.connect(self._show_trends)
        self.trends.problem.connect(self._bar_warning)
        self.deleteHeapButton.clicked.connect(lambda _checked=False: self.delete_selected_heap())
        self.portReportButton.clicked.connect(lambda _checked=False: self.write_port_report())
        self.shadowToolButton.clicked.connect(lambda _checked=False: self.measure_height_from_shadow())
        self.shadow.measured.connect(self._shadow_measured)
        self.capture_tool.preview_changed.connect(self._drawing_preview)
        self.capture_tool.captured.connect(self._captured)
        self.capture_tool.rejected.connect(self._capture_rejected)
        self.capture_tool.canceled.connect(self._show_idle)
        self.traceHeapButton.clicked.connect(lambda _checked=False: self.start_tracing())
        self.trace_tool.preview_changed.connect(self._drawing_preview)
        self.trace_tool.captured.connect(self._captured)
        self.trace_tool.rejected.connect(self._capture_rejected)
        self.trace_tool.canceled.connect(self._show_idle)
        session.message.connect(self._message)
        session.port_changed.connect(self._port_changed)
        session.scene_changed.connect(self._scene_changed)
        session.heaps_changed.connect(self._heaps_changed)
        session.footprint_changed.connect(self._footprint_changed)
        session.drawing_changed.connect(lambda area_m2, estimate, problem: self.resultLabel.setText(
            result_text.drawing_html(area_m2, estimate, problem=problem)))
        session.estimate_changed.connect(self._show_estimate)
        session.heap_selected.connect(self._heap_selected)
        self._connections.connect(project.readProject, self._project_read)
        self._connections.connect(project.cleared, self._project_cleared)

    # --- what scripts and tests reach through the dock -------------------------------------------
    @property
    def prompts(self):
        return self.session.prompts

    @prompts.setter
    def prompts(self, prompts):
        self.session.prompts = prompts
        self.trends.prompts = prompts

    log = _session_attribute("log")  # PortLog: port file, scene, heaps layer
    registry = _session_attribute("registry")
    port = _session_attribute("port")
    footprint = _session_attribute("footprint")
    current_estimate = _session_attribute("current_estimate")
    editing_heap_uid = _session_attribute("editing_heap_uid")

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
        self._bar_warning(text)

    def _bar_warning(self, text):
        self.iface.messageBar().pushMessage(LOG_TAG, text, Qgis.MessageLevel.Warning, MESSAGE_SECONDS)

    def _message(self, text, level):
        if level == Qgis.MessageLevel.Warning:
            self.warn(text)
        else:
            self.iface.messageBar().pushMessage(LOG_TAG, text, level, MESSAGE_SECONDS)

    def _show_idle(self):
        if self.session.footprint is None:
            self.resultLabel.setText(result_text.message_html(tr(_IDLE_TEXT)))

    # --- port ------------------------------------------------------------------------------------
    def _fill_ports(self, select=None):
        with quiet(self.portCombo):
            self.portCombo.clear()
            for port in self.registry.ports():
                self.portCombo.addItem(port.name, port.name)
        index = self.portCombo.findData(select) if select else 0
        self.portCombo.setCurrentIndex(-1)
        self.portCombo.setCurrentIndex(max(index, 0))

    def set_port(self, name):
        """Make ``name`` (a registry port) the current port; an unknown name gives a message."""
        self.session.set_port(name)

    @guarded
    def _port_chosen(self, index):
        if index >= 0:
            self.session.set_port(self.portCombo.itemData(index))

    def _port_changed(self, port):
        with quiet(self.portCombo):
            self.portCombo.setCurrentIndex(self.portCombo.findData(port.name))
        self._stop_drawing()
        self.shadow.clear()
        self.form.apply_port(port)

    @guarded
    def new_port(self, draft=None):
        """Ask for a new port's name, place and defaults; add it to the registry and select it.

        "Pick on the map..." in the dialog arms a one-click tool; the click reopens the dialog with
        that place filled in (``draft``).
        """
        self.new_port_flow.ask(draft)

    # --- imagery and scene -----------------------------------------------------------------------
    def set_imagery_layer(self, layer):
        self.imageryLayerCombo.setLayer(layer)

    def imagery_layer(self):
        return self.imageryLayerCombo.currentLayer()

    def choose_scene_metadata(self, path=None):
        """Date the current image from a metadata file the analyst picks (one not found beside it)."""
        return self.session.use_metadata_file(path)

    def _scene_changed(self, summary, is_problem):
        self.sceneLabel.setText(result_text.message_html(summary, warning=is_problem))
        self.shadow.clear()
        meta = self.session.scene_metadata() if self.port is not None else None
        if meta is None or meta.sun_elevation_deg is None or meta.sun_azimuth_deg is None:
            self.shadow.geometry = None  # no angles: the tool explains why when pressed
        else:
            self.shadow.set_scene(meta, f"EPSG:{self.port.crs_epsg}", self.session.scene_gsd_m())

    # --- height from the shadow ------------------------------------------------------------------
    @guarded
    def measure_height_from_shadow(self):
        """Arm the shadow tool; the measured height and its uncertainty fill the form."""
        if self.capture_tool.is_drawing():
            self.warn(tr("Finish the heap's outline first (right click or Enter), then measure its shadow."))
            return
        problem = self.session.image_problem()
        if problem:
            self.warn(problem)
            return
        self.shadow.start(walled=self.form.model() == "prism", repose_deg=self.reposeSpin.value())

    def _shadow_measured(self, height_m, sigma_m):
        self.form.set_height(height_m, sigma_m, "shadow")
        self._message(tr("Height from the shadow: {height} ± {sigma} m.").format(
            height=number(height_m, 1), sigma=number(sigma_m, 1)), Qgis.MessageLevel.Info)

    # --- drawing ---------------------------------------------------------------------------------
    @guarded
    def start_drawing(self):
        """Arm the capture tool (refused with a message when there is nothing to draw on)."""
        if self._new_outline():
            self.capture_tool.reset()
            self.canvas.setMapTool(self.capture_tool)

    @guarded
    def start_tracing(self):
        """Arm the tracing tool on the image being measured: a click inside a heap traces its outline."""
        if self._new_outline():
            self.trace_tool.set_layer(self.imagery_layer())
            self.canvas.setMapTool(self.trace_tool)

    def _new_outline(self):
        problem = self.session.image_problem()
        if problem:
            self.warn(problem)
            return False
        self.heapList.setCurrentItem(None)
        self.session.clear_footprint()
        self.shadow.clear()
        self.canvas.setFocus()
        self.resultLabel.setText(result_text.drawing_html(0.0))
        return True

    def _stop_drawing(self):
        if self.canvas.mapTool() in (self.capture_tool, self.trace_tool):
            self.canvas.unsetMapTool(self.canvas.mapTool())

    def _drawing_preview(self, points):
        try:
            self.session.preview_outline(points, self.canvas.mapSettings().destinationCrs())
        except Exception as exc:  # a preview must never break the drawing itself
            self.resultLabel.setText(result_text.drawing_html(0.0, problem=report_unexpected(exc)))

    @guarded
    def _captured(self, geometry):
        self._stop_drawing()
        self.session.set_footprint(geometry, self.canvas.mapSettings().destinationCrs())

    def _capture_rejected(self, message):
        self.resultLabel.setText(result_text.drawing_html(0.0, problem=message))
        self._bar_warning(message)

    def set_footprint(self, geometry, crs):
        """Measure this outline (QgsGeometry in ``crs``), as if it had been drawn."""
        self.session.set_footprint(geometry, crs)

    def _footprint_changed(self, geometry_port_crs):
        enabled = geometry_port_crs is not None
        if not enabled and self.saveHeapButton.hasFocus():
            # focus would pass on to the heap list, which then selects (and loads) its first heap
            self.drawHeapButton.setFocus()
        self.saveHeapButton.setEnabled(enabled)
        editing = self.session.editing_heap_uid is not None
        self.saveHeapButton.setText(tr("Save changes to this heap") if editing else tr("Log heap"))
        if enabled:
            self._show_highlight(geometry_port_crs)
        else:
            self._clear_highlight()
            self._show_idle()

    # --- estimate --------------------------------------------------------------------------------
    @guarded
    def _inputs_changed(self):
        self.session.set_inputs(self.form.attributes())
        if self.capture_tool.is_drawing():
            self._drawing_preview(self.capture_tool.preview_points())

    def _show_estimate(self, estimate, problem):
        if estimate is None:
            self.resultLabel.setText(result_text.message_html(problem, warning=True))
            return
        self.shadow.show_predicted_footprint(self.session.footprint_geometry, self.session.port_crs(),
                                             self.form.volume_inputs())
        self.resultLabel.setText(result_text.estimate_html(estimate, self.form.volume_inputs()["height_sigma_m"]))

    # --- saving and the log ----------------------------------------------------------------------
    def save_heap(self):
        """Log the measured heap (or save the edits of the selected one); returns its heap_uid."""
        self.session.set_inputs(self.form.attributes())
        done = (tr("Logged {tonnes} t. Draw the next heap of this image.") if self.session.editing_heap_uid is None
                else tr("Saved changes to {tonnes} t. Draw the next heap of this image."))
        uid = self.session.log_heap()
        if uid is not None:
            self.form.clear_for_next_heap()
            self.shadow.clear()
            tonnage = result_text.quantity(self.log.file.heap(uid)["tonnage_t"])
            self.resultLabel.setText(result_text.message_html(done.format(tonnes=tonnage)))
        return uid

    def _heaps_changed(self, rows):
        with quiet(self.heapList):
            self.heapList.clear()
            for row in rows:
                item = QListWidgetItem(heap_line(row), self.heapList)
                item.setToolTip(result_text.heap_tooltip(row, heap_line(row)))
                item.setData(Qt.ItemDataRole.UserRole, row["heap_uid"])
        if self.deleteHeapButton.hasFocus():
            self.drawHeapButton.setFocus()
        self.deleteHeapButton.setEnabled(False)
        self._show_trends()

    def _show_trends(self, *_args):
        """Redraw the trends chart only while its tab is shown (matplotlib is not free)."""
        if self.tabs.currentWidget() is self.trendsTab:
            self.trends.set_port_file(self.session.trends_source())

    def write_port_report(self, pdf_path=None):
        """Write the current port's one-page PDF report; asks where when ``pdf_path`` is None.

        Returns the written path, or None when there is nothing to report, the analyst cancelled, or the
        report failed (the dock and the message bar say why).
        """
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a print layout takes a few seconds
        try:
            return self.session.write_port_report(pdf_path)
        finally:
            QApplication.restoreOverrideCursor()

    def heap_uids(self):
        """heap_uid of each listed heap, in list order."""
        return [self.heapList.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.heapList.count())]

    def select_heap(self, heap_uid):
        """Select a listed heap: highlight, pan to it and load it into the form."""
        for i in range(self.heapList.count()):
            item = self.heapList.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == heap_uid:
                self.heapList.setCurrentItem(item)
                return
        self.heapList.setCurrentItem(None)

    @guarded
    def _heap_item_chosen(self, item, _previous=None):
        self.deleteHeapButton.setEnabled(item is not None)
        if item is not None:
            self._stop_drawing()
            self.session.select_heap(item.data(Qt.ItemDataRole.UserRole))

    def _heap_selected(self, row):
        if row is None:
            return
        self.form.load(row)
        self._pan_to(self.session.footprint_geometry)

    @guarded
    def delete_selected_heap(self):
        item = self.heapList.currentItem()
        if item is not None:
            self.session.delete_heap(item.data(Qt.ItemDataRole.UserRole))

    # --- map highlight ---------------------------------------------------------------------------
    def _show_highlight(self, geometry_port_crs):
        if self._highlight is None:
            self._highlight = QgsRubberBand(self.canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
            self._highlight.setStrokeColor(_HIGHLIGHT)
            self._highlight.setFillColor(QColor(0, 120, 255, 40))
            self._highlight.setWidth(3)
        self._highlight.setToGeometry(geometry_port_crs, self.session.port_crs())

    def _clear_highlight(self):
        if self._highlight is not None:
            self._highlight.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def _pan_to(self, geometry_port_crs):
        to_canvas = QgsCoordinateTransform(self.session.port_crs(), self.canvas.mapSettings().destinationCrs(),
                                           QgsProject.instance())
        self.canvas.setCenter(QgsPointXY(to_canvas.transform(geometry_port_crs.centroid().asPoint())))
        self.canvas.refresh()

    # --- project ---------------------------------------------------------------------------------
    @guarded
    def restore_from_project(self):
        """Select the port, image and scene the project remembers (after a project is opened)."""
        port_name, layer = self.session.remembered()
        self.session.restoring = True
        try:
            self.set_port(port_name or self.portCombo.currentData())
            with quiet(self.imageryLayerCombo):
                self.imageryLayerCombo.setLayer(layer)
            self.session.set_image(self.imagery_layer())
        finally:
            self.session.restoring = False

    def _project_read(self, *_args):
        self.session.forget_file()
        self.restore_from_project()

    def _project_cleared(self):
        self.session.forget_file()

    # --- unload ----------------------------------------------------------------------------------
    def cleanup(self):
        """Release map tools, rubber bands and signal connections before the plugin unloads."""
        self.session.blockSignals(True)  # nothing more to show: the widgets are going
        self.imageryLayerCombo.blockSignals(True)
        self._stop_drawing()
        self.capture_tool.release()
        self.trace_tool.release()
        self.new_port_flow.release()
        self.story_panel.release()
        self.port_logs.release()
        self.shadow.cleanup()
        if self._highlight is not None:
            self.canvas.scene().removeItem(self._highlight)
            self._highlight = None
        self._connections.disconnect_all()
        stop_following, self._stop_following_project = self._stop_following_project, lambda: None
        stop_following()
        self.session.close()
