"""A real main window, map canvas and message bar offered through the few ``iface`` calls the dock uses.

Not a mock: every object is the real QGIS widget, shown on screen (offscreen platform in CI), so the
dock and its map tool run exactly as in the desktop. Only the desktop's plumbing (menus, legend) is left
out; the canvas follows the project's layers through ``show_layers``.
"""
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsRectangle
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from qgis.PyQt.QtGui import QMouseEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget


class CanvasIface:
    """The subset of QgisInterface the dock needs, backed by a shown QMainWindow."""

    def __init__(self, size=(900, 700)):
        self.window = QMainWindow()
        central = QWidget(self.window)
        layout = QVBoxLayout(central)
        self.bar = QgsMessageBar(central)
        self.canvas = QgsMapCanvas(central)
        self.canvas.setCanvasColor(Qt.GlobalColor.white)
        layout.addWidget(self.bar)
        layout.addWidget(self.canvas, 1)
        self.window.setCentralWidget(central)
        self.window.resize(*size)
        self.window.show()
        settle()

    # --- QgisInterface subset --------------------------------------------------------------------
    def mapCanvas(self):
        return self.canvas

    def messageBar(self):
        return self.bar

    def mainWindow(self):
        return self.window

    def addDockWidget(self, area, dock):
        self.window.addDockWidget(area, dock)

    def removeDockWidget(self, dock):
        self.window.removeDockWidget(dock)

    # --- test conveniences -----------------------------------------------------------------------
    def show_area(self, crs_authid, rectangle, layers=()):
        """Set the canvas CRS and extent (and layers) and let it settle."""
        self.canvas.setDestinationCrs(QgsCoordinateReferenceSystem(crs_authid))
        self.canvas.setLayers(list(layers))
        self.canvas.setExtent(QgsRectangle(*rectangle))
        self.canvas.refresh()
        settle()

    def pixel(self, map_point):
        """The viewport pixel of a point given in the canvas CRS."""
        pixel = self.canvas.getCoordinateTransform().transform(QgsPointXY(*map_point))
        return QPoint(round(pixel.x()), round(pixel.y()))

    def map_point(self, pixel):
        return self.canvas.getCoordinateTransform().toMapCoordinates(pixel.x(), pixel.y())

    def move(self, pixel):
        event = QMouseEvent(QEvent.Type.MouseMove, pixel, Qt.MouseButton.NoButton,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(self.canvas.viewport(), event)
        settle()

    def click(self, pixel, button=Qt.MouseButton.LeftButton):
        """Move there, then press and release (what a hand on the mouse does)."""
        self.move(pixel)
        QTest.mouseClick(self.canvas.viewport(), button, Qt.KeyboardModifier.NoModifier, pixel)
        settle()

    def key(self, key):
        QTest.keyClick(self.canvas, key)
        settle()

    def messages(self):
        """Texts of the message-bar items currently stacked (newest first)."""
        texts = []
        for item in self.bar.items():
            texts.append(f"{item.title()} {item.text()}".strip())
        return texts

    def close(self):
        self.canvas.setLayers([])
        self.window.close()
        self.window.deleteLater()
        settle()


def settle(rounds=3):
    """Let Qt deliver queued events and single-shot timers."""
    for _ in range(rounds):
        QApplication.processEvents()



def record_tool_signals(tool):
    """What a heap map tool emitted: captured and rejected payloads, cancel count, previews."""
    events = {"captured": [], "rejected": [], "canceled": 0, "previews": []}
    tool.captured.connect(events["captured"].append)
    tool.rejected.connect(events["rejected"].append)
    tool.canceled.connect(lambda: events.__setitem__("canceled", events["canceled"] + 1))
    tool.preview_changed.connect(events["previews"].append)
    return events
