"""Qt6 readiness, checked statically by tools/qt6_check.py against PyQt6 (no QGIS 4 runs here).

PyQt6 cannot share a process with the PyQt5 QGIS uses, so the check runs in the lint venv's Python in
a subprocess: `.venv-lint/` on the host (made by `make lint-venv`, which `make test` runs first), and
`/opt/coal-monitor-lint` inside the 3.40/3.44 roots (made by tools/qgis_root.sh when it builds them),
named by COAL_MONITOR_LINT_PYTHON. A missing venv fails the test: it is never skipped.
"""
import os
import subprocess
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHECKER = REPO / "tools" / "qt6_check.py"


def _lint_python():
    python = Path(os.environ.get("COAL_MONITOR_LINT_PYTHON") or REPO / ".venv-lint" / "bin" / "python")
    assert python.exists(), (f"{python} is missing: the Qt6 check needs the lint venv with PyQt6; "
                             "run `make lint-venv` (or set COAL_MONITOR_LINT_PYTHON)")
    return str(python)


def _check(*paths):
    done = subprocess.run([_lint_python(), str(CHECKER), *map(str, paths)], capture_output=True, text=True,
                          timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, [line for line in done.stdout.splitlines() if not line.startswith("qt6_check:")]


def test_plugin_code_uses_only_names_pyqt6_has():
    status, findings = _check(REPO / "coal_monitor")
    assert findings == [] and status == 0, "\n".join(findings)


PLANTED = {
    "exec_": ("from qgis.PyQt.QtWidgets import QDialog\n"
              "dialog = QDialog()\n"
              "dialog.exec_()\n", 3, "exec_"),
    "unscoped_qt_enum": ("from qgis.PyQt.QtCore import Qt\n"
                         "flag = Qt.AlignLeft\n", 2, "AlignmentFlag.AlignLeft"),
    "unscoped_qgis_enum": ("from qgis.core import Qgis\n"
                           "level = Qgis.Warning\n", 2, "unscoped enum"),
    "qgis_330_enum": ("from qgis.core import Qgis\n"
                      "kind = Qgis.GeometryType.Polygon\n", 2, "missing on 3.22"),
    "qregexp": ("from qgis.PyQt.QtCore import QRegExp\n", 1, "QRegularExpression"),
    "desktop_widget": ("from qgis.PyQt.QtWidgets import QDesktopWidget\n", 1, "QScreen"),
    "qt5_backend": ("from matplotlib.backends.backend_qt5agg import FigureCanvasQTAgg\n", 1, "backend_qtagg"),
    "compiled_resources": ("from . import resources_rc\n", 1, "compiled Qt resources"),
    "removed_method": ("from qgis.PyQt.QtWidgets import QVBoxLayout\n"
                       "layout = QVBoxLayout()\n"
                       "layout.setMargin(2)\n", 3, "has no setMargin"),
}


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_a_planted_qt5_form_is_found_on_its_line(tmp_path, name):
    code, line, words = PLANTED[name]
    planted = tmp_path / f"{name}.py"
    planted.write_text(code)
    status, findings = _check(planted)
    assert status == 1
    assert [f for f in findings if f.startswith(f"{planted}:{line}:") and words in f], findings


def test_the_portable_forms_pass(tmp_path):
    clean = tmp_path / "clean.py"
    clean.write_text(textwrap.dedent("""\
        from qgis.core import Qgis, QgsField, QgsWkbTypes
        from qgis.PyQt.QtCore import QRegularExpression, Qt, QVariant
        from qgis.PyQt.QtWidgets import QAction, QDialog, QLabel, QVBoxLayout

        dialog = QDialog()
        dialog.exec()
        label = QLabel()
        label.setMargin(2)
        layout = QVBoxLayout()
        layout.setContentsMargins(2, 2, 2, 2)
        flag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        level = Qgis.MessageLevel.Warning
        kind = QgsWkbTypes.GeometryType.PolygonGeometry
        field = QgsField("height_m", QVariant.Double)
        pattern = QRegularExpression("[0-9]+")
        action = QAction("Coal Monitor")
        """))
    status, findings = _check(clean)
    assert (status, findings) == (0, [])
