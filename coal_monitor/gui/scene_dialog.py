"""Correct a logged scene: its acquisition time (UTC), sensor, source and credit, ground resolution."""
from datetime import datetime, timezone

from qgis.PyQt.QtCore import QDateTime, Qt, QTimeZone
from qgis.PyQt.QtWidgets import (
    QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
)

from ..store import schema
from ..translation import tr
from .number_input import number_input
from ..store.sqltime import format_utc, to_utc_text

GSD_MAX_M = schema.field(schema.SCENES, "gsd_m").max
GSD_DECIMALS = 2


def edit_scene(parent, scene):
    """The changed fields of ``scene`` (a scene row) as a dict, {} when nothing changed, None on cancel."""
    dialog = QDialog(parent)
    dialog.setObjectName("editSceneDialog")
    dialog.setWindowTitle(tr("Scene {scene}").format(scene=scene["scene_id"]))
    form = QFormLayout(dialog)
    note = QLabel(tr("Corrections apply to every heap measured on this image; times are in UTC."), dialog)
    note.setWordWrap(True)
    form.addRow(note)
    when = QDateTimeEdit(dialog)
    when.setObjectName("sceneDateTimeEdit")
    when.setTimeSpec(Qt.TimeSpec.UTC)
    when.setDisplayFormat("yyyy-MM-dd HH:mm:ss 'UTC'")
    when.setCalendarPopup(True)
    if scene.get("acquired_utc"):
        seen = _utc(scene["acquired_utc"])
        when.setDateTime(QDateTime.fromSecsSinceEpoch(int(seen.timestamp()), Qt.TimeSpec.UTC))
    sensor = QLineEdit(scene.get("sensor") or "", dialog)
    sensor.setObjectName("sceneSensorEdit")
    source = QLineEdit(scene.get("source") or "", dialog)
    source.setObjectName("sceneSourceEdit")
    source.setPlaceholderText(tr("provider, licence and credit line"))
    # "0.3" and "0,3" both mean 30 cm whatever the locale (a plain spin box reads "0.3" as 3 in German)
    gsd = number_input(dialog, 0.0, GSD_MAX_M, 0.0, GSD_DECIMALS, " m", "sceneGsdSpin")
    gsd.setSpecialValueText(tr("unknown"))  # 0: the resolution is not known (a web basemap), never invented
    gsd.setValue(scene.get("gsd_m") or 0.0)
    form.addRow(tr("Acquired (UTC)"), when)
    form.addRow(tr("Sensor"), sensor)
    form.addRow(tr("Source and credit"), source)
    form.addRow(tr("Ground resolution"), gsd)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    value = when.dateTime().toTimeZone(QTimeZone.utc())
    answer = {
        "acquired_utc": format_utc(datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=timezone.utc)),
        "sensor": sensor.text().strip() or None,
        "source": source.text().strip() or None,
        "gsd_m": gsd.value() or None,
    }
    return {name: value for name, value in answer.items() if value != _comparable(scene, name)}


def _utc(text):
    return datetime.fromisoformat(to_utc_text(text, "acquired_utc").replace("Z", "+00:00"))


def _comparable(scene, name):
    value = scene.get(name)
    if name == "acquired_utc" and value:
        return format_utc(_utc(value))
    if name == "gsd_m" and value:
        return round(value, GSD_DECIMALS)  # as the spin box shows it: an untouched GSD is not "corrected"
    return value or None
