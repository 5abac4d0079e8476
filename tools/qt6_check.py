#!/usr/bin/env python3
"""Qt6 readiness of the plugin's code, checked statically against PyQt6 (QGIS 4 runs on Qt6 only).

No Debian suite here ships QGIS 4, so the code is read, not run: every Qt name it takes from
``qgis.PyQt`` (imported classes, enum members such as ``Qt.AlignmentFlag.AlignLeft``, class attributes
and methods, methods called on objects whose Qt class is known from ``x = QClass(...)``) must exist in
PyQt6 in that form. On top: no ``exec_``, QGIS enums in their scoped form (``Qgis.MessageLevel.Warning``,
not ``Qgis.Warning``; not the 3.30+ ``Qgis.GeometryType`` that 3.22 lacks), matplotlib through
``backend_qtagg``, no compiled resources (no pyrcc on Qt6), ``qgis.PyQt.sip`` rather than ``sip``.

Run with a Python that has PyQt6 (the lint venv): ``.venv-lint/bin/python tools/qt6_check.py coal_monitor``.
Prints one line per finding (file:line: message) and exits 1 when there is any.
"""
import ast
import importlib
import re
import sys
from pathlib import Path

QT_PACKAGE = "qgis.PyQt"
QGIS_MODULES = {"qgis.core", "qgis.gui", "qgis.analysis", "qgis.processing"}
# QGIS 4's qgis.PyQt.QtWidgets still offers these, which Qt6 moved to QtGui (so 3.22 code can keep them).
MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut", "QUndoCommand", "QUndoGroup", "QUndoStack",
                  "QFileSystemModel"}
# The 3.30+ Qgis enums QGIS 4 maps the legacy scoped names to: missing on 3.22, the floor.
QGIS_ENUMS_AFTER_322 = {"GeometryType", "WkbType", "ProcessingSourceType", "ProcessingNumberParameterType",
                        "FieldOrigin", "ProcessingFieldParameterDataType", "ProcessingAlgorithmFlag",
                        "FeatureSinkFlag", "DistanceUnit", "AreaUnit", "LayerType", "ProcessingFileParameterBehavior"}
# Nested types of QGIS classes that code may name on their own (annotations, isinstance, signals).
QGIS_NESTED_TYPES = {"GeometryType", "Type", "Flag", "Flags", "SourceType", "MessageLevel", "LayerType"}
# QGIS 4's qgis.PyQt.QtCore keeps QVariant's type names for field types (QgsField(name, QVariant.Double)),
# which QGIS 3.22 needs: QMetaType types are rejected there.
QVARIANT_FIELD_TYPES = {"Invalid", "Bool", "Int", "UInt", "LongLong", "ULongLong", "Double", "String", "Char",
                        "StringList", "ByteArray", "Date", "Time", "DateTime", "List", "Map"}
REMOVED = {
    "QRegExp": "QRegExp is gone in Qt6: use QRegularExpression",
    "QDesktopWidget": "QDesktopWidget is gone in Qt6: use QScreen (QApplication.primaryScreen())",
    "qApp": "qApp is gone in PyQt6: use QApplication.instance()",
}


class Finding:
    def __init__(self, path, line, message):
        self.path, self.line, self.message = path, line, message

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


def _qt6(module: str):
    return importlib.import_module(f"PyQt6.{module}")


def _chain(node):
    """['Qt', 'AlignmentFlag', 'AlignLeft'] for the attribute chain Qt.AlignmentFlag.AlignLeft, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return [node.id] + parts[::-1]
    return None


def _scoped_hint(qt_object, member):
    """'AlignmentFlag.AlignLeft' when ``member`` is a value of one of the class's enums."""
    for name in dir(qt_object):
        enum_type = getattr(qt_object, name, None)
        if isinstance(enum_type, type) and hasattr(enum_type, "__members__") and member in enum_type.__members__:
            return f"{name}.{member}"
    return None


class Checker(ast.NodeVisitor):
    def __init__(self, path: Path):
        self.path = path
        self.findings = []
        self.qt_names = {}     # local name -> (Qt module, name in it)
        self.qgis_names = set()
        self.instances = {}    # variable or self.attribute -> (Qt module, class)
        self.parents = {}

    def report(self, node, message):
        self.findings.append(Finding(self.path, getattr(node, "lineno", 0), message))

    # ---- imports ------------------------------------------------------------------------------------

    def visit_Import(self, node):
        for alias in node.names:
            if alias.name in ("sip", "PyQt5", "PyQt6") or alias.name.startswith(("PyQt5.", "PyQt6.")):
                self.report(node, f"import {alias.name}: import Qt and sip through qgis.PyQt")
            if alias.name.startswith("matplotlib.backends.backend_qt5"):
                self.report(node, f"{alias.name} forces Qt5: use matplotlib.backends.backend_qtagg")
            if re.search(r"(^|\.)resources(_rc)?$", alias.name):
                self.report(node, f"import {alias.name}: compiled Qt resources do not exist on Qt6; load files by path")

    def visit_ImportFrom(self, node):
        module = node.module or ""
        if module.startswith(("PyQt5", "PyQt6")) or module == "sip":
            self.report(node, f"from {module} import ...: import Qt and sip through qgis.PyQt")
        if module.startswith("matplotlib.backends.backend_qt5"):
            self.report(node, f"{module} forces Qt5: use matplotlib.backends.backend_qtagg")
        if re.search(r"(^|\.)resources_rc$", module) or any(a.name == "resources_rc" for a in node.names):
            self.report(node, "compiled Qt resources (resources_rc) do not exist on Qt6; load files by path")
        if module.startswith(QT_PACKAGE + "."):
            qt_module = module[len(QT_PACKAGE) + 1:]
            for alias in node.names:
                self._check_import(node, qt_module, alias.name)
                self.qt_names[alias.asname or alias.name] = (qt_module, alias.name)
        elif module == QT_PACKAGE:
            for alias in node.names:
                if alias.name != "sip":
                    self.qt_names[alias.asname or alias.name] = (alias.name, None)
        elif module in QGIS_MODULES:
            self.qgis_names.update(alias.asname or alias.name for alias in node.names)
        self.generic_visit(node)

    def _check_import(self, node, qt_module, name):
        if name in REMOVED:
            self.report(node, REMOVED[name])
            return
        if qt_module == "QtWidgets" and name in MOVED_TO_QTGUI:
            qt_module = "QtGui"
        try:
            module = _qt6(qt_module)
        except ImportError:
            self.report(node, f"qgis.PyQt.{qt_module} has no PyQt6 counterpart")
            return
        if not hasattr(module, name):
            self.report(node, f"{name} does not exist in PyQt6.{qt_module}")

    # ---- uses ---------------------------------------------------------------------------------------

    def visit_Assign(self, node):
        if isinstance(node.value, ast.Call):
            func = _chain(node.value.func)
            if func and len(func) == 1 and func[0] in self.qt_names and self.qt_names[func[0]][1]:
                for target in node.targets:
                    key = ".".join(_chain(target) or [])
                    if key:
                        self.instances[key] = self.qt_names[func[0]]
        self.generic_visit(node)

    def visit_Attribute(self, node):
        if node.attr == "exec_":
            self.report(node, "exec_() is removed in PyQt6: use exec()")
        parent = self.parents.get(node)
        if isinstance(parent, ast.Attribute):
            return self.generic_visit(node)  # the longest chain is checked once, from its outermost node
        chain = _chain(node)
        if chain:
            if chain[0] in self.qt_names:
                self._check_qt_chain(node, chain)
            elif chain[0] in self.qgis_names:
                self._check_qgis_chain(node, chain, parent)
            else:
                self._check_instance_chain(node, chain)
        self.generic_visit(node)

    def visit_Name(self, node):
        if node.id in REMOVED and node.id not in self.qt_names:
            self.report(node, REMOVED[node.id])

    def _check_qt_chain(self, node, chain):
        qt_module, name = self.qt_names[chain[0]]
        if qt_module == "QtWidgets" and name in MOVED_TO_QTGUI:
            qt_module = "QtGui"
        try:
            obj = _qt6(qt_module)
        except ImportError:
            return
        if name == "QVariant" and len(chain) == 2 and chain[1] in QVARIANT_FIELD_TYPES:
            return
        path = [name] if name else []
        for part in path + chain[1:]:
            if not hasattr(obj, part):
                shown = ".".join(chain)
                hint = _scoped_hint(obj, part)
                self.report(node, f"{shown}: {part} does not exist in PyQt6 there"
                                  + (f"; the scoped form is {hint}" if hint else ""))
                return
            obj = getattr(obj, part)

    def _check_instance_chain(self, node, chain):
        for length in range(len(chain) - 1, 0, -1):
            key = ".".join(chain[:length])
            if key in self.instances:
                qt_module, cls = self.instances[key]
                if qt_module == "QtWidgets" and cls in MOVED_TO_QTGUI:
                    qt_module = "QtGui"
                member = chain[length]
                qt_class = getattr(_qt6(qt_module), cls, None)
                if qt_class is not None and not hasattr(qt_class, member):
                    self.report(node, f"{'.'.join(chain[:length + 1])}: {cls} has no {member} in PyQt6")
                return

    def _check_qgis_chain(self, node, chain, parent):
        if chain[0] == "Qgis" and len(chain) > 2 and chain[1] in QGIS_ENUMS_AFTER_322:
            self.report(node, f"{'.'.join(chain)}: Qgis.{chain[1]} is 3.30+ (missing on 3.22); use the scoped "
                              "legacy enum (e.g. QgsWkbTypes.GeometryType.PolygonGeometry)")
        if len(chain) != 2 or isinstance(parent, ast.Call) and parent.func is node:
            return
        member = chain[1]
        if (re.fullmatch(r"[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*", member) and member not in QGIS_NESTED_TYPES
                and not member.startswith("Qgs")):
            self.report(node, f"{chain[0]}.{member} looks like an unscoped enum value: use "
                              f"{chain[0]}.<EnumName>.{member} (QGIS 4 has only the scoped names)")


def check_file(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    checker = Checker(path)
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            checker.parents[child] = parent
    checker.visit(tree)
    return checker.findings


def check_paths(paths):
    findings = []
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if "__pycache__" not in p.parts) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".py":
                findings.extend(check_file(file))
            elif file.suffix == ".qrc" or file.name.endswith("_rc.py"):
                findings.append(Finding(file, 0, "compiled Qt resources do not exist on Qt6; load files by path"))
    return findings


def main(argv):
    findings = check_paths(argv or ["coal_monitor"])
    for finding in findings:
        print(finding)
    print(f"qt6_check: {len(findings)} finding(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
