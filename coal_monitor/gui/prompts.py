"""Every modal question the dock asks, behind one replaceable object.

Modal dialogs block an event loop that headless tests cannot answer, so the dock never opens one
itself: it calls ``dock.prompts``. Tests put a scripted object with the same methods in its place.
"""
from datetime import datetime, timezone

from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from ..core import limits
from ..translation import tr
from .date_prompt import ask_scene_date
from .number_input import number_input

# What each kind of file a prompt saves is: the save dialog's title and its file-type filter.
PICK_ON_MAP = 2  # dialog result of "Pick on the map..." (QDialog's Accepted is 1, Rejected 0)

SAVE_KINDS = {
    "png": ("Export the trend chart as PNG", "PNG image (*.png)"),
    "svg": ("Export the trend chart as SVG", "SVG drawing (*.svg)"),
    "csv": ("Export the trend numbers as CSV", "CSV table (*.csv)"),
    "pdf": ("Save the port report", "PDF document (*.pdf)"),
}


class Prompts:
    """The real, modal prompts (QGIS desktop)."""

    def __init__(self, parent=None):
        self.parent = parent

    def confirm(self, title, text):
        """Yes/No question; True when the analyst answers Yes."""
        answer = QMessageBox.question(self.parent, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_folder(self, title, start_dir=""):
        """A folder path, or None when cancelled."""
        folder = QFileDialog.getExistingDirectory(self.parent, title, start_dir)
        return folder or None

    def ask_save_path(self, kind, suggested=""):
        """Where to save a ``kind`` file (a key of ``SAVE_KINDS``), starting at ``suggested``; "" when cancelled."""
        title, file_filter = SAVE_KINDS[kind]
        path, _filter = QFileDialog.getSaveFileName(self.parent, title, str(suggested), file_filter)
        return path or ""

    def ask_open_path(self, title, file_filter, start_dir=""):
        """An existing file chosen by the analyst, or "" when cancelled."""
        path, _filter = QFileDialog.getOpenFileName(self.parent, title, str(start_dir), file_filter)
        return path or ""

    def ask_datetime(self, title, text):
        """An acquisition date and time in UTC (timezone-aware datetime), or None when cancelled; the
        dialog opens with no date chosen and confirms a recent or future one (date_prompt.py)."""
        answer = ask_scene_date(self.parent, title, text)
        return None if answer is None else answer["acquired_utc"]

    def ask_scene_date(self, title, text, previous_utc=None, default_credit=None, ask_credit=False):
        """The scene's date (and for web layers its credit and optional GSD) as a dict, or None when
        cancelled: see date_prompt.ask_scene_date."""
        return ask_scene_date(self.parent, title, text, previous_utc, default_credit, ask_credit)

    def ask_web_capture(self, label, default_credit="", previous_utc=None):
        """The capture date (UTC) of the imagery a web basemap shows, with its credit and GSD (None:
        unknown), as a dict; None when cancelled. ``previous_utc``: the basemap's last logged date, offered."""
        answer = self.ask_scene_date(
            tr("Capture date of the basemap"),
            tr("{basemap} shows imagery of some date: read it in the provider's catalogue (its imagery date "
               "tool, or the metadata of the tiles) and enter it in UTC. Every heap measured on it now is "
               "dated with it.").format(basemap=label),
            previous_utc=_aware_utc(previous_utc), default_credit=default_credit, ask_credit=True)
        if answer is None:
            return None
        return {"acquired_utc": answer["acquired_utc"], "source": answer.get("credit") or default_credit,
                "gsd_m": answer.get("gsd_m")}

    def edit_scene(self, scene):
        """The analyst's corrections of a logged scene (dict of changed fields), or None when cancelled."""
        from .scene_dialog import edit_scene

        return edit_scene(self.parent, scene)

    def ask_new_port(self, map_centre_lat_lon=None, draft=None):
        """Name, location and coal defaults of a new port, as a dict, or None when cancelled.

        Keys: name, lat_deg, lon_deg, repose_deg, density_t_m3. The location is typed, taken from the
        centre of the map, or picked on the map: then the answer also has ``pick_on_map`` True, the
        dock arms a one-click tool and asks again with ``draft`` (the answer, with the clicked place).
        """
        draft = draft or {}
        dialog = QDialog(self.parent)
        dialog.setWindowTitle(tr("New port"))
        form = QFormLayout(dialog)
        name = QLineEdit(draft.get("name", ""), dialog)
        lat = number_input(dialog, -90.0, 90.0, draft.get("lat_deg", 0.0), 5, " °N", "portLatSpin")
        lon = number_input(dialog, -180.0, 180.0, draft.get("lon_deg", 0.0), 5, " °E", "portLonSpin")
        repose = number_input(dialog, limits.REPOSE_MIN_DEG, limits.REPOSE_MAX_DEG,
                              draft.get("repose_deg", limits.REPOSE_DEFAULT_DEG), 1, " °", "portReposeSpin")
        density = number_input(dialog, limits.DENSITY_MIN_T_M3, limits.DENSITY_MAX_T_M3,
                               draft.get("density_t_m3", limits.DENSITY_DEFAULT_T_M3), 2, " t/m³",
                               "portDensitySpin")
        form.addRow(tr("Name"), name)
        form.addRow(tr("Latitude"), lat)
        form.addRow(tr("Longitude"), lon)
        pick = QPushButton(tr("Pick on the map…"), dialog)
        pick.setObjectName("pickPortOnMapButton")
        pick.clicked.connect(lambda: dialog.done(PICK_ON_MAP))
        form.addRow("", pick)
        if map_centre_lat_lon is not None:
            use_centre = QPushButton(tr("Use the centre of the map"), dialog)
            use_centre.clicked.connect(lambda: (lat.setValue(map_centre_lat_lon[0]),
                                                lon.setValue(map_centre_lat_lon[1])))
            form.addRow("", use_centre)
        form.addRow(tr("Angle of repose"), repose)
        form.addRow(tr("Bulk density"), density)
        form.addRow(_ok_cancel(dialog))
        outcome = dialog.exec()
        answer = {"name": name.text().strip(), "lat_deg": lat.value(), "lon_deg": lon.value(),
                  "repose_deg": repose.value(), "density_t_m3": density.value()}
        if outcome == PICK_ON_MAP:
            return dict(answer, pick_on_map=True)
        if outcome != QDialog.DialogCode.Accepted or not answer["name"]:
            return None
        return answer


def _aware_utc(text):
    """The store's UTC text ("2025-04-18T02:10:00.000Z") as an aware datetime; None stays None."""
    if not text:
        return None
    return datetime.fromisoformat(str(text).replace("Z", "+00:00")).astimezone(timezone.utc)


def _ok_cancel(dialog):
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                               dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
