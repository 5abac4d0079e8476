"""The dock's part of the port's story: mark examined, piles carried forward, the pile offer, ships.

Widgets and the vessel map tool only; every decision is the session's ``PortStory``
(coal_monitor/session/story.py). ObjectNames are the contract tests and analysts' scripts use:
``markExaminedButton``, ``carryForwardButton``, ``draftList``, ``useDraftButton``, ``dropDraftButton``,
``pileOfferCheck``, ``coverageButton``, ``clearCoverageButton``, ``measureVesselButton``, ``vesselStateCombo``,
``vesselPierCombo``,
``cargoVisibleCheck``, ``hatchesOpenCheck``, ``vesselNameEdit``, ``vesselResultLabel``, ``logVesselButton``.
"""
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                                 QListWidget, QListWidgetItem, QPushButton, QVBoxLayout)

from ..core.vessels import SHIP_STATES
from ..number_text import number
from ..session.guard import guarded
from ..session.story import PortStory
from ..signals import Connections
from ..translation import tr
from . import result_text
from .capture_tool import PolygonCaptureTool
from .vessel_tool import VesselTool


def _button(parent, name, text, tip):
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setToolTip(tip)
    return button


class StoryPanel:
    """Builds the story widgets into ``dock`` (as its attributes) and wires them to a ``PortStory``."""

    def __init__(self, dock):
        self.dock = dock
        self.story = PortStory(dock.session, dock)
        self.vessel_tool = VesselTool(dock.canvas)
        self.coverage_tool = PolygonCaptureTool(dock.canvas)
        self._connections = Connections()
        self._connect(dock)

    # --- widgets ---------------------------------------------------------------------------------
    @staticmethod
    def build(dock):
        """Create the story widgets as attributes of ``dock`` (dock_layout.build calls this)."""
        where = dock.editSceneButton.parentWidget()
        dock.markExaminedButton = _button(where, "markExaminedButton", tr("Mark examined"), tr(
            "Every heap this image shows is logged (or it shows no coal): the image becomes an observation of the "
            "port, 0 t when it has no heap. An image not marked and without heaps is a gap in the trends."))
        dock.carryForwardButton = _button(where, "carryForwardButton", tr("Carry piles forward"), tr(
            "Copy the heaps of the previous examined image onto this one as drafts, each keeping its pile's "
            "identity: take each, adjust it to this image and log it, or drop it."))
        dock.coverageButton = _button(where, "coverageButton", tr("Coverage…"), tr(
            "Draw the part of the port this image shows clearly (cloud, the scene's edge): the date's total is then "
            "marked partial. Right click or Enter finishes; Esc cancels."))
        dock.clearCoverageButton = _button(where, "clearCoverageButton", tr("Whole port"), tr(
            "Clear the image's coverage: it shows the whole port."))
        dock.clearCoverageButton.setVisible(False)
        story_row = QHBoxLayout()
        story_row.addWidget(dock.markExaminedButton)
        story_row.addWidget(dock.carryForwardButton)
        story_row.addWidget(dock.coverageButton)
        story_row.addWidget(dock.clearCoverageButton)
        story_row.addStretch(1)
        where.layout().addLayout(story_row)
        dock.examinedLabel = QLabel(where)
        dock.examinedLabel.setObjectName("examinedLabel")
        dock.examinedLabel.setWordWrap(True)
        dock.examinedLabel.setVisible(False)
        where.layout().addWidget(dock.examinedLabel)

        body = dock.measure_layout.parentWidget()
        dock.draftGroup = QGroupBox(tr("Piles carried forward"), body)
        drafts = QVBoxLayout(dock.draftGroup)
        dock.draftList = QListWidget(dock.draftGroup)
        dock.draftList.setObjectName("draftList")
        dock.draftList.setMaximumHeight(110)
        drafts.addWidget(dock.draftList)
        row = QHBoxLayout()
        dock.useDraftButton = _button(dock.draftGroup, "useDraftButton", tr("Take"), tr(
            "Measure the selected pile on this image: its outline and inputs fill the heap form; adjust and log."))
        dock.dropDraftButton = _button(dock.draftGroup, "dropDraftButton", tr("Drop"), tr(
            "The selected pile is gone on this image: remove it from the drafts."))
        row.addWidget(dock.useDraftButton)
        row.addWidget(dock.dropDraftButton)
        drafts.addLayout(row)
        dock.draftGroup.setVisible(False)
        dock.measure_layout.insertWidget(1, dock.draftGroup)

        heap_group = dock.saveHeapButton.parentWidget()
        dock.pileOfferCheck = QCheckBox(heap_group)
        dock.pileOfferCheck.setObjectName("pileOfferCheck")
        dock.pileOfferCheck.setVisible(False)
        heap_group.layout().insertWidget(heap_group.layout().indexOf(dock.saveHeapButton), dock.pileOfferCheck)

        ships = QGroupBox(tr("Ships"), body)
        form = QFormLayout(ships)
        dock.measureVesselButton = _button(ships, "measureVesselButton", tr("Measure ship on the map"), tr(
            "Click the bow, the stern, then the side of the hull at its widest; Backspace removes the last click, "
            "Esc cancels."))
        form.addRow(dock.measureVesselButton)
        dock.vesselStateCombo = QComboBox(ships)
        dock.vesselStateCombo.setObjectName("vesselStateCombo")
        for state in SHIP_STATES:
            dock.vesselStateCombo.addItem(tr(state.label), state.key)
        dock.vesselStateCombo.setCurrentIndex(dock.vesselStateCombo.findData("unknown"))
        form.addRow(tr("State"), dock.vesselStateCombo)
        dock.vesselPierCombo = QComboBox(ships)
        dock.vesselPierCombo.setObjectName("vesselPierCombo")
        dock.vesselPierCombo.setEditable(True)
        form.addRow(tr("Pier"), dock.vesselPierCombo)
        seen = QHBoxLayout()
        dock.cargoVisibleCheck = QCheckBox(tr("Cargo visible"), ships)
        dock.cargoVisibleCheck.setObjectName("cargoVisibleCheck")
        dock.hatchesOpenCheck = QCheckBox(tr("Hatches open"), ships)
        dock.hatchesOpenCheck.setObjectName("hatchesOpenCheck")
        seen.addWidget(dock.hatchesOpenCheck)
        seen.addWidget(dock.cargoVisibleCheck)
        form.addRow(seen)
        dock.vesselNameEdit = QLineEdit(ships)
        dock.vesselNameEdit.setObjectName("vesselNameEdit")
        dock.vesselNameEdit.setPlaceholderText(tr("if identified"))
        form.addRow(tr("Name"), dock.vesselNameEdit)
        dock.vesselResultLabel = QLabel(ships)
        dock.vesselResultLabel.setObjectName("vesselResultLabel")
        dock.vesselResultLabel.setWordWrap(True)
        dock.vesselResultLabel.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(dock.vesselResultLabel)
        dock.logVesselButton = _button(ships, "logVesselButton", tr("Log ship"), tr(
            "Log the measured ship with its state on this image; a ship loading (or moored with cargo visible) is "
            "a loading event in the port's flows."))
        dock.logVesselButton.setEnabled(False)
        form.addRow(dock.logVesselButton)
        dock.measure_layout.insertWidget(dock.measure_layout.count() - 1, ships)  # before the stretch

    def _connect(self, dock):
        story, tool = self.story, self.vessel_tool
        dock.markExaminedButton.clicked.connect(lambda _checked=False: story.mark_examined())
        dock.carryForwardButton.clicked.connect(lambda _checked=False: story.carry_forward())
        dock.useDraftButton.clicked.connect(lambda _checked=False: self.take_draft())
        dock.dropDraftButton.clicked.connect(lambda _checked=False: self.drop_draft())
        dock.draftList.currentRowChanged.connect(self._draft_chosen)
        dock.pileOfferCheck.toggled.connect(story.accept_offer)
        dock.measureVesselButton.clicked.connect(lambda _checked=False: self.start_vessel())
        dock.coverageButton.clicked.connect(lambda _checked=False: self.start_coverage())
        dock.clearCoverageButton.clicked.connect(lambda _checked=False: story.set_coverage(None, None))
        self.coverage_tool.captured.connect(
            lambda geometry: story.set_coverage(geometry, dock.canvas.mapSettings().destinationCrs()))
        self.coverage_tool.rejected.connect(dock.warn)
        story.coverage_changed.connect(lambda geometry: dock.clearCoverageButton.setVisible(geometry is not None))
        dock.logVesselButton.clicked.connect(lambda _checked=False: self.log_vessel())
        story.drafts_changed.connect(self._show_drafts)
        story.pile_offered.connect(self._show_offer)
        story.vessel_changed.connect(self._show_vessel)
        story.examined_changed.connect(self._show_examined)
        dock.session.port_changed.connect(self._port_changed)
        tool.hull_measured.connect(lambda polygon, *_clicks: self._measured(polygon))
        tool.outline_measured.connect(lambda _rectangle, outline: self._measured(outline))
        tool.rejected.connect(dock.warn)
        self._connections.connect(dock.canvas.mapToolSet, self._tool_changed)

    # --- examined and piles ----------------------------------------------------------------------
    def _show_examined(self, examined, note):
        self.dock.examinedLabel.setText(tr("Examined: {note}").format(note=note or tr("every heap logged"))
                                        if examined else "")
        self.dock.examinedLabel.setVisible(examined)

    def _show_drafts(self, drafts):
        dock = self.dock
        dock.draftList.clear()
        for draft in drafts:
            text = tr("{label} from {date}: {tonnes} t").format(
                label=draft["inputs"].get("label") or draft["pile_uid"][:8], date=draft["from_date"],
                tonnes=number(draft["tonnage_t"]))
            item = QListWidgetItem(text, dock.draftList)
            item.setData(Qt.ItemDataRole.UserRole, draft["pile_uid"])
        dock.draftGroup.setVisible(bool(drafts))
        if drafts:
            dock.draftList.setCurrentRow(0)

    def _draft_chosen(self, row):
        if 0 <= row < len(self.story.drafts):
            self.dock._show_highlight(self.story.drafts[row]["geometry"])

    @guarded
    def take_draft(self):
        row = self.dock.draftList.currentRow()
        if row < 0:
            return
        draft = self.story.take_draft(row)
        if draft is not None:
            self.dock.form.load(draft["inputs"])

    def drop_draft(self):
        row = self.dock.draftList.currentRow()
        if row >= 0:
            self.story.drop_draft(row)
            self.dock._clear_highlight()

    def _show_offer(self, offer):
        check = self.dock.pileOfferCheck
        check.blockSignals(True)
        if offer is not None:
            check.setText(tr("Same pile as {label} of {date}").format(
                label=offer["label"] or offer["pile_uid"][:8], date=offer["date"]))
            check.setChecked(True)
        check.blockSignals(False)
        check.setVisible(offer is not None)

    @guarded
    def start_coverage(self):
        if self.dock.session.image_problem():
            self.dock.warn(self.dock.session.image_problem())
            return
        self.coverage_tool.reset()
        self.dock.canvas.setMapTool(self.coverage_tool)
        self.dock.resultLabel.setText(tr("Click the corners of the part of the port the image shows clearly; right "
                                         "click or Enter finishes, Esc cancels."))

    # --- ships -----------------------------------------------------------------------------------
    def _port_changed(self, port):
        combo = self.dock.vesselPierCombo
        combo.clear()
        combo.addItems(list(port.piers) if port is not None else [])

    @guarded
    def start_vessel(self):
        session = self.dock.session
        if session.port is None:
            self.dock.warn(tr("Pick a port first."))
            return
        self.vessel_tool.set_metric_crs(session.port_crs())
        self.dock.canvas.setMapTool(self.vessel_tool)
        self.dock.vesselResultLabel.setText(tr("Click the bow, the stern, then the hull's side at its widest."))

    def _measured(self, polygon):
        self.story.measure_vessel(polygon, self.dock.canvas.mapSettings().destinationCrs(),
                                  self.dock.vesselPierCombo.currentText().strip() or None)

    def _show_vessel(self, numbers, problem):
        dock = self.dock
        dock.logVesselButton.setEnabled(numbers is not None)
        if numbers is None:
            dock.vesselResultLabel.setText(result_text.message_html(problem, warning=True) if problem else "")
            return
        lines = [tr("LOA {loa} m, beam {beam} m").format(loa=number(numbers["loa_m"], 1),
                                                         beam=number(numbers["beam_m"], 1))]
        if numbers.get("vessel_class"):
            lines.append(tr("{ship_class}: deadweight {dwt_lo}-{dwt_hi} t, cargo {lo}-{hi} t").format(
                ship_class=numbers["vessel_class"], dwt_lo=number(numbers["dwt_lo_t"]),
                dwt_hi=number(numbers["dwt_hi_t"]), lo=number(numbers["cargo_lo_t"]), hi=number(numbers["cargo_hi_t"])))
            if numbers.get("draft_limited"):
                lines.append(tr("cargo capped by the pier's depth"))
        elif numbers.get("gsd_m"):
            lines.append(tr("fits no ship class: no tonnage"))
        dock.vesselResultLabel.setText("<br>".join(lines + ([problem] if problem else [])))

    @guarded
    def log_vessel(self):
        dock = self.dock
        uid = self.story.log_vessel({
            "state": dock.vesselStateCombo.currentData(), "pier": dock.vesselPierCombo.currentText().strip(),
            "cargo_visible": dock.cargoVisibleCheck.isChecked(), "hatches_open": dock.hatchesOpenCheck.isChecked(),
            "name": dock.vesselNameEdit.text().strip()})
        if uid is not None:
            dock.vesselNameEdit.clear()
        return uid

    def _tool_changed(self, new_tool, _old=None):
        if new_tool is not self.vessel_tool and self.dock.vesselResultLabel.text().startswith(tr("Click the bow")):
            self.dock.vesselResultLabel.setText("")

    def warn(self, text):
        self.dock.warn(text)

    def release(self):
        for tool in (self.vessel_tool, self.coverage_tool):
            if self.dock.canvas.mapTool() is tool:
                self.dock.canvas.unsetMapTool(tool)
            tool.release()
        self._connections.disconnect_all()
