"""Cheap guards on the code's shape: Qt through qgis.PyQt, a core without widgets or QGIS."""
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "coal_monitor"


def _python_files(folder):
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def test_qt_is_imported_through_qgis_pyqt():
    offenders = [str(p) for p in _python_files(PACKAGE)
                 if re.search(r"^\s*(from|import)\s+PyQt[56]", p.read_text(), re.M)]
    assert offenders == []


def test_core_imports_neither_qgis_nor_qt():
    offenders = [str(p) for p in _python_files(PACKAGE / "core")
                 if re.search(r"^\s*(from|import)\s+(qgis|PyQt)", p.read_text(), re.M)]
    assert offenders == []


def test_no_machine_specific_paths_in_the_plugin():
    offenders = [str(p) for p in _python_files(PACKAGE)
                 if re.search(r"['\"](/work/|/tmp/|/root/|/home/\w)", p.read_text())]
    assert offenders == []
