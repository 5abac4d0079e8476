"""The heap's inputs as the analyst types them: height +- sigma, model, repose, density, pier, judgements.

One widget owning the inputs, so the dock reads and writes them as one dict whose keys are the heap
layer's field names (coal_monitor/store/schema.py). ``changed`` fires on any edit; the dock recomputes.
"""
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..core import limits
from ..core.pile_models import models_help, pile_model
from ..store.schema import CONFIDENCES, IDENTIFICATIONS
from ..translation import QT_TR_NOOP, tr
from .number_input import number_input

# The stored values (schema.IDENTIFICATIONS, CONFIDENCES) stay English; the combos show these.
CHOICE_LABELS = {
    "confirmed": QT_TR_NOOP("Confirmed"),
    "probable": QT_TR_NOOP("Probable"),
    "possible": QT_TR_NOOP("Possible"),
    "high": QT_TR_NOOP("High"),
    "moderate": QT_TR_NOOP("Moderate"),
    "low": QT_TR_NOOP("Low"),
}
DEFAULT_HEIGHT_M = 5.0
DEFAULT_HEIGHT_SIGMA_M = 0.5


class HeapForm(QWidget):
    """Inputs of one heap; objectNames are the contract tests and users' scripts drive."""

    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)

        self.heightSpin = number_input(self, 0.1, limits.HEIGHT_MAX_M, DEFAULT_HEIGHT_M, 1, " m", "heightSpin")
        self.heightSigmaSpin = number_input(self, 0.0, limits.HEIGHT_MAX_M, DEFAULT_HEIGHT_SIGMA_M, 1, " m",
                                            "heightSigmaSpin")
        self.heightSpin.setToolTip(tr("Height of the heap above its base, in metres."))
        self.heightSigmaSpin.setToolTip(tr("One-sigma uncertainty of the height (widens the ranges)."))
        height_row = QHBoxLayout()
        height_row.addWidget(self.heightSpin, 1)
        height_row.addWidget(QLabel("±", self))
        height_row.addWidget(self.heightSigmaSpin, 1)
        # Other height tools (shadow measurement) are added here by add_height_tool().
        self.height_tools = QHBoxLayout()
        height_row.addLayout(self.height_tools)
        form.addRow(tr("Height"), height_row)

        self.modelCombo = QComboBox(self)
        self.modelCombo.setObjectName("modelCombo")
        for model in limits.MODELS:
            self.modelCombo.addItem(tr(pile_model(model).label), model)
        self.modelCombo.setToolTip(models_help(tr))
        # long model names must not widen the dock beyond a side panel's width
        self.modelCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.modelCombo.setMinimumContentsLength(14)
        form.addRow(tr("Model"), self.modelCombo)

        self.reposeSpin = number_input(self, limits.REPOSE_MIN_DEG, limits.REPOSE_MAX_DEG,
                                       limits.REPOSE_DEFAULT_DEG, 1, " °", "reposeSpin")
        self.densitySpin = number_input(self, limits.DENSITY_MIN_T_M3, limits.DENSITY_MAX_T_M3,
                                        limits.DENSITY_DEFAULT_T_M3, 2, " t/m³", "densitySpin")
        self.densitySpin.setSingleStep(0.01)
        coal_row = QHBoxLayout()
        coal_row.addWidget(self.reposeSpin, 1)
        coal_row.addWidget(QLabel(tr("density"), self))
        coal_row.addWidget(self.densitySpin, 1)
        self.reposeSpin.setToolTip(tr("Angle of repose of the coal (the port's default; change it for this heap)."))
        self.densitySpin.setToolTip(tr("Bulk density of the coal (the port's default; the range scales with it)."))
        form.addRow(tr("Repose"), coal_row)

        self.pierEdit = QLineEdit(self)
        self.pierEdit.setObjectName("pierEdit")
        self.pierEdit.setPlaceholderText(tr("pier or yard"))
        form.addRow(tr("Pier"), self.pierEdit)
        self.labelEdit = QLineEdit(self)
        self.labelEdit.setObjectName("labelEdit")
        self.labelEdit.setPlaceholderText(tr("short name of the heap (optional)"))
        form.addRow(tr("Label"), self.labelEdit)

        self.identificationCombo = _choice(self, "identificationCombo", IDENTIFICATIONS, "probable")
        self.identificationCombo.setToolTip(tr("Identification: how sure it is coal."))
        self.confidenceCombo = _choice(self, "confidenceCombo", CONFIDENCES, "moderate")
        self.confidenceCombo.setToolTip(tr("Confidence in the measurement."))
        judgement_row = QHBoxLayout()
        judgement_row.addWidget(self.identificationCombo, 1)
        judgement_row.addWidget(QLabel(tr("confidence"), self))
        judgement_row.addWidget(self.confidenceCombo, 1)
        form.addRow(tr("Coal"), judgement_row)

        self.notesEdit = QPlainTextEdit(self)
        self.notesEdit.setObjectName("notesEdit")
        self.notesEdit.setPlaceholderText(tr("notes"))
        self.notesEdit.setFixedHeight(self.notesEdit.fontMetrics().lineSpacing() * 2 + 12)
        form.addRow(tr("Notes"), self.notesEdit)

        # "manual" until a height tool (shadow) fills the height; typing it again makes it manual
        self.height_method = "manual"
        for spin in (self.heightSpin, self.heightSigmaSpin):
            spin.lineEdit().textEdited.connect(self._height_typed)
        for spin in (self.heightSpin, self.heightSigmaSpin, self.reposeSpin, self.densitySpin):
            spin.valueChanged.connect(self.changed)
        self.modelCombo.currentIndexChanged.connect(self._model_changed)

    # --- values ----------------------------------------------------------------------------------
    def model(self):
        return self.modelCombo.currentData()

    def volume_inputs(self):
        """What the engine needs from the form."""
        return {
            "height_m": self.heightSpin.value(),
            "height_sigma_m": self.heightSigmaSpin.value(),
            "model": self.model(),
            "repose_deg": self.reposeSpin.value(),
            "density_t_m3": self.densitySpin.value(),
        }

    def attributes(self):
        """Every heap field the analyst sets, keyed by the heap layer's field names."""
        values = self.volume_inputs()
        values.update({
            "pier": self.pierEdit.text().strip() or None,
            "label": self.labelEdit.text().strip() or None,
            "identification": self.identificationCombo.currentData(),
            "confidence": self.confidenceCombo.currentData(),
            "notes": self.notesEdit.toPlainText().strip() or None,
            "height_method": self.height_method,
        })
        return values

    def set_height(self, height_m, sigma_m, method):
        """A height measured by a tool (e.g. "shadow"), with its uncertainty."""
        with _Quiet(self):
            self.heightSpin.setValue(height_m)
            self.heightSigmaSpin.setValue(sigma_m)
        self.height_method = method
        self.changed.emit()

    def _height_typed(self, _text):
        self.height_method = "manual"

    def load(self, values):
        """Fill the form from a heap's attributes (missing keys keep their current value)."""
        self.height_method = values.get("height_method") or "manual"
        with _Quiet(self):
            if values.get("height_m") is not None:
                self.heightSpin.setValue(float(values["height_m"]))
            if values.get("height_sigma_m") is not None:
                self.heightSigmaSpin.setValue(float(values["height_sigma_m"]))
            _select(self.modelCombo, values.get("model"))
            if values.get("repose_deg") is not None:
                self.reposeSpin.setValue(float(values["repose_deg"]))
            if values.get("density_t_m3") is not None:
                self.densitySpin.setValue(float(values["density_t_m3"]))
            self.pierEdit.setText(values.get("pier") or "")
            self.labelEdit.setText(values.get("label") or "")
            _select(self.identificationCombo, values.get("identification"))
            _select(self.confidenceCombo, values.get("confidence"))
            self.notesEdit.setPlainText(values.get("notes") or "")
        self._model_changed()

    def apply_port(self, port):
        """Show a port's coal defaults and piers (the analyst may still change them per heap)."""
        with _Quiet(self):
            _select(self.modelCombo, port.default_model)
            self.reposeSpin.setValue(port.repose_deg)
            self.densitySpin.setValue(port.density_t_m3)
            self.pierEdit.setCompleter(QCompleter(list(port.piers), self.pierEdit))
            if len(port.piers) == 1:
                self.pierEdit.setText(port.piers[0])
        self._model_changed()

    def clear_for_next_heap(self):
        """Keep height, model, coal values, pier and judgements (often shared); clear label and notes.

        The next heap's height is the analyst's to give: a shadow measurement belonged to the last heap.
        """
        self.labelEdit.clear()
        self.notesEdit.clear()
        self.height_method = "manual"

    def _model_changed(self):
        # a prism has walls: the angle of repose plays no part in its volume
        self.reposeSpin.setEnabled(self.model() != "prism")
        self.changed.emit()


class _Quiet:
    """Block the form's signals while loading values, then announce one change."""

    def __init__(self, form):
        self.form = form

    def __enter__(self):
        self.widgets = self.form.findChildren(QWidget)
        self.states = [w.blockSignals(True) for w in self.widgets]

    def __exit__(self, *exc):
        for widget, state in zip(self.widgets, self.states):
            widget.blockSignals(state)


def _choice(parent, name, values, default):
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for value in values:
        combo.addItem(tr(CHOICE_LABELS.get(value, value.capitalize())), value)
    _select(combo, default)
    return combo


def _select(combo, value):
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
