"""The acquisition-date question: a heap is dated by it, so the answer is never a silent default.

The dialog opens with no date chosen: the edit shows the start of today (UTC) only as a place to type
over, marked "not chosen yet", and OK refuses until the analyst has set a date. It states that times
are UTC, and a date
in the future or within RECENT_MINUTES of now is accepted only once the analyst ticks a confirmation
for that very date: accepting the dialog as opened can never give "now". For web basemaps it also asks
who the imagery is credited to and, optionally, its ground resolution, and it can offer the basemap's
previous capture date, which the analyst applies with one click and then confirms with OK.
"""
from datetime import datetime, timedelta, timezone

from qgis.PyQt.QtCore import QDate, QDateTime, QTime, Qt, QTimeZone
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ..store import schema
from ..translation import QT_TR_NOOP, tr

RECENT_MINUTES = 10
DISPLAY_FORMAT = "yyyy-MM-dd HH:mm 'UTC'"
NOT_CHOSEN_TEXT = QT_TR_NOOP("Not chosen yet: the date shown is only a starting point. Type or pick the date.")
EARLIEST = (1960, 1, 1)  # no earth-imaging satellite flew before


def _qt_utc(when):
    return QDateTime.fromSecsSinceEpoch(int(when.timestamp()), QTimeZone.utc())


def _py_utc(value):
    return datetime.fromtimestamp(value.toTimeZone(QTimeZone.utc()).toSecsSinceEpoch(), tz=timezone.utc)


class SceneDateDialog(QDialog):
    """The dialog itself (kept as a class so that tests can reach its widgets by object name)."""

    def __init__(self, parent, title, text, previous_utc=None, default_credit=None, ask_credit=False,
                 now_utc=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._now = now_utc or (lambda: datetime.now(timezone.utc))
        self.answer = None
        layout = QVBoxLayout(self)
        label = QLabel(text, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        form = QFormLayout()
        layout.addLayout(form)
        self.edit = QDateTimeEdit(self)
        self.edit.setObjectName("sceneDateTimeEdit")
        self.edit.setTimeSpec(Qt.TimeSpec.UTC)
        self.edit.setDisplayFormat(DISPLAY_FORMAT)
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDateTime(QDateTime(QDate(*EARLIEST), QTime(0, 0), Qt.TimeSpec.UTC))
        today = self._now().replace(hour=0, minute=0, second=0, microsecond=0)
        self.edit.setDateTime(_qt_utc(today))
        self._chosen = False
        form.addRow(tr("Acquired (UTC)"), self.edit)
        self.state = QLabel(tr(NOT_CHOSEN_TEXT), self)
        self.state.setObjectName("sceneDateStateLabel")
        self.state.setWordWrap(True)
        form.addRow("", self.state)
        zone = QLabel(tr("Times are in UTC (coordinated universal time), not local time: Pyongyang is UTC+9."),
                      self)
        zone.setObjectName("sceneDateZoneLabel")
        zone.setWordWrap(True)
        form.addRow("", zone)
        self.previous = None
        if previous_utc is not None:
            shown = previous_utc.astimezone(timezone.utc)
            self.previous = QPushButton(tr("Use the previous date, {when} UTC (then press OK to confirm)").format(
                when=f"{shown:%Y-%m-%d %H:%M}"), self)
            self.previous.setObjectName("scenePreviousDateButton")
            self.previous.clicked.connect(lambda: self.edit.setDateTime(_qt_utc(previous_utc)))
            form.addRow("", self.previous)
        self.credit = self.gsd = None
        if ask_credit:
            self.credit = QLineEdit(default_credit or "", self)
            self.credit.setObjectName("sceneCreditEdit")
            self.credit.setPlaceholderText(tr("provider and credit line, e.g. Imagery (c) 2025 Maxar"))
            form.addRow(tr("Imagery credit"), self.credit)
            self.gsd = QLineEdit(self)
            self.gsd.setObjectName("sceneGsdEdit")
            self.gsd.setPlaceholderText(tr("unknown (leave empty)"))
            form.addRow(tr("Ground resolution (m)"), self.gsd)
        self.confirm = QCheckBox(self)
        self.confirm.setObjectName("sceneDateConfirmRecent")
        self.confirm.hide()
        layout.addWidget(self.confirm)
        self.problem = QLabel("", self)
        self.problem.setObjectName("sceneDateProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.edit.dateTimeChanged.connect(self._date_changed)

    def chosen_utc(self):
        """The date in the edit, or None while the analyst has not set one."""
        return _py_utc(self.edit.dateTime()) if self._chosen else None

    def _date_changed(self, _value):
        self._chosen = True
        # A confirmation holds for the date it was given for, never for the next one typed.
        self.confirm.setChecked(False)
        when = self.chosen_utc()
        self.state.setText(tr("Chosen: {when} UTC.").format(when=f"{when:%Y-%m-%d %H:%M}"))
        recent = when is not None and when > self._now() - timedelta(minutes=RECENT_MINUTES)
        self.confirm.setVisible(recent)
        if recent:
            future = when > self._now()
            text = (tr("Yes, {when} UTC is right although it is in the future") if future else
                    tr("Yes, {when} UTC is right although it is less than {minutes} minutes ago"))
            self.confirm.setText(text.format(when=f"{when:%Y-%m-%d %H:%M}", minutes=RECENT_MINUTES))
        self.problem.setText("")

    def _problem(self, when):
        if when is None:
            return tr("Set the date and time the image was taken (UTC): the date shown is only a starting point, "
                      "not a default.")
        if when > self._now() - timedelta(minutes=RECENT_MINUTES) and not self.confirm.isChecked():
            text = (tr("{when} UTC is in the future: an image is rarely that fresh. Correct the date, or tick the "
                       "confirmation if it is right.") if when > self._now() else
                    tr("{when} UTC is within {minutes} minutes of now: an image is rarely that fresh. Correct the "
                       "date, or tick the confirmation if it is right."))
            return text.format(when=f"{when:%Y-%m-%d %H:%M}", minutes=RECENT_MINUTES)
        if self.gsd is not None and self.gsd.text().strip():
            low, high = schema.field(schema.SCENES, "gsd_m").min, schema.field(schema.SCENES, "gsd_m").max
            try:
                gsd = float(self.gsd.text().strip().replace(",", "."))
            except ValueError:
                return tr("Ground resolution {value!r} is not a number; give metres or leave it empty.").format(
                    value=self.gsd.text().strip())
            if not low < gsd <= high:
                return tr("Ground resolution {gsd:g} m is outside {low:g}-{high:g} m; give metres or leave it "
                          "empty.").format(gsd=gsd, low=low, high=high)
        return ""

    def _try_accept(self):
        when = self.chosen_utc()
        problem = self._problem(when)
        if problem:
            self.problem.setText(problem)
            return
        gsd_text = self.gsd.text().strip().replace(",", ".") if self.gsd is not None else ""
        self.answer = {"acquired_utc": when,
                       "credit": (self.credit.text().strip() or None) if self.credit is not None else None,
                       "gsd_m": float(gsd_text) if gsd_text else None,
                       "confirmed_recent": self.confirm.isChecked()}
        self.accept()


def ask_scene_date(parent, title, text, previous_utc=None, default_credit=None, ask_credit=False, now_utc=None):
    """The analyst's answer as a dict (acquired_utc: aware UTC datetime; credit: str or None; gsd_m:
    float or None for unknown; confirmed_recent: bool), or None when cancelled.

    ``previous_utc`` (aware datetime) is offered, not preset; ``ask_credit`` adds the credit (defaulting
    to ``default_credit``, e.g. the layer's attribution) and ground-resolution fields for web layers.
    """
    dialog = SceneDateDialog(parent, title, text, previous_utc, default_credit, ask_credit, now_utc)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.answer
