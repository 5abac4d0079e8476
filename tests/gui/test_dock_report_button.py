"""The dock's "Port report (PDF)" button: asks where, writes the port's one-page PDF, says where it went.

Heaps are logged with real clicks on a shown canvas (DockBench); the button is pressed with a real mouse
click on the Trends tab. The PDF is read back with poppler's pdfinfo and pdftotext, outside QGIS. The real save dialog behind
the prompt is answered by a timer.
"""
import re
import subprocess

from qgis.PyQt.QtCore import QPoint, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit

from coal_monitor.gui.prompts import Prompts
from tests.helpers.canvas_iface import settle

HEAPS = (
    [QPoint(500, 300), QPoint(700, 280), QPoint(760, 420), QPoint(640, 520)],
    [QPoint(300, 600), QPoint(420, 600), QPoint(420, 700), QPoint(300, 700)],
)


def _log_heaps(bench):
    for pixels, height_m in zip(HEAPS, (6.0, 4.0)):
        bench.draw(pixels)
        bench.type_height(height_m)
        bench.log_heap()
    assert len(bench.rows()) == len(HEAPS)


def _press_report(bench):
    """Show the Trends tab as an analyst does, then click the report button."""
    bench.dock.tabs.setCurrentWidget(bench.dock.trendsTab)
    settle()
    assert bench.dock.portReportButton.isVisible()
    bench.press(bench.dock.portReportButton)


def _pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _text(pdf):
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_report_button_writes_the_ports_one_page_pdf(bench, tmp_path):
    _log_heaps(bench)
    target = tmp_path / "reports" / "rason april"  # no suffix typed: ".pdf" is added
    target.parent.mkdir()
    bench.prompts.answers["ask_save_path"] = [str(target)]
    _press_report(bench)

    pdf = target.with_name("rason april.pdf")
    assert pdf.exists()
    assert _pages(pdf) == 1
    assert "Rason" in _text(pdf)
    (_kind, file_kind, suggested), = [q for q in bench.prompts.asked if q[0] == "ask_save_path"]
    assert file_kind == "pdf" and suggested.endswith(".pdf")
    assert any("Rason" in m and str(pdf) in m for m in bench.iface.messages()), bench.iface.messages()
    assert [p.name for p in pdf.parent.iterdir()] == [pdf.name]  # no partial file left beside it


def test_without_a_port_file_the_button_explains_and_asks_nothing(bench):
    assert not bench.port_file().exists()
    _press_report(bench)
    assert bench.prompts.asked == []
    assert any("no port file yet" in m for m in bench.iface.messages()), bench.iface.messages()
    assert not any("Unexpected problem" in m for m in bench.iface.messages())


def test_a_failed_write_is_a_message_and_leaves_no_file(bench, tmp_path):
    _log_heaps(bench)
    missing = tmp_path / "no such folder" / "report.pdf"
    bench.prompts.answers["ask_save_path"] = [str(missing)]
    _press_report(bench)
    assert not missing.parent.exists()
    messages = bench.iface.messages()
    assert any("no such folder" in m and "does not exist" in m for m in messages), messages
    assert not any("Unexpected problem" in m or "Traceback" in m for m in messages)


def test_a_cancelled_save_dialog_writes_nothing(bench, tmp_path):
    _log_heaps(bench)
    bench.prompts.answers["ask_save_path"] = [""]
    _press_report(bench)
    assert list(tmp_path.rglob("*.pdf")) == []
    assert not any("Report of" in m for m in bench.iface.messages())


def test_trends_exports_ask_through_the_docks_prompts(bench, tmp_path):
    _log_heaps(bench)
    bench.dock.tabs.setCurrentWidget(bench.dock.trendsTab)
    settle()
    bench.prompts.answers["ask_save_path"] = [str(tmp_path / "series.csv")]
    bench.press(bench.dock.trends.exportButtons["csv"])
    assert bench.prompts.asked == [("ask_save_path", "csv", "trends.csv")]
    lines = (tmp_path / "series.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2  # the header and the one date both heaps were logged on


def _answer_save_dialog_later(act):
    """Run ``act(dialog)`` on the modal save dialog once it is open (the analyst's hand)."""

    def attempt():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, attempt)
            return
        try:
            act(dialog)
        finally:
            if dialog.isVisible():  # whatever went wrong, never leave the test hanging on the dialog
                dialog.reject()

    QTimer.singleShot(20, attempt)


def test_real_save_prompt_returns_the_chosen_file_or_nothing(tmp_path):
    chosen = tmp_path / "chosen.pdf"
    seen = {}

    def choose(dialog):
        seen["filters"] = dialog.nameFilters()
        name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
        seen["offered"] = name_edit.text()
        name_edit.setText(str(chosen))  # the analyst types another name
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    _answer_save_dialog_later(choose)
    assert Prompts().ask_save_path("pdf", str(tmp_path / "suggested.pdf")) == str(chosen)
    assert seen == {"filters": ["PDF document (*.pdf)"], "offered": "suggested.pdf"}
    _answer_save_dialog_later(lambda dialog: dialog.reject())
    assert Prompts().ask_save_path("csv", "trends.csv") == ""
