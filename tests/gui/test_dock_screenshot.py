"""A picture of the dock with a measured heap, for a person to look at (tests/output/dock_result.png)."""
from pathlib import Path

from qgis.PyQt.QtCore import QPoint, Qt

from tests.helpers.canvas_iface import settle

OUTPUT = Path(__file__).resolve().parents[1] / "output"
HEAP = [QPoint(500, 300), QPoint(700, 280), QPoint(760, 420), QPoint(640, 520), QPoint(480, 450)]


def test_dock_with_a_result_is_saved_as_png(make_bench, tmp_path, clean_project):
    bench = make_bench()
    try:
        bench.draw(HEAP)
        bench.log_heap()
        bench.draw([QPoint(200, 200), QPoint(420, 210), QPoint(380, 420), QPoint(180, 380)])
        bench.type_height(8, sigma_m=1)
        bench.dock.pierEdit.setText("RasonConTrans Pier 3")
        window = bench.iface.mainWindow()
        window.resizeDocks([bench.dock], [460], Qt.Orientation.Horizontal)  # a usual side-panel width
        settle()
        OUTPUT.mkdir(exist_ok=True)
        dock_png, window_png = OUTPUT / "dock_result.png", OUTPUT / "dock_result_window.png"
        assert bench.dock.grab().save(str(dock_png))
        assert bench.iface.mainWindow().grab().save(str(window_png))
        assert dock_png.stat().st_size > 10_000
        assert " t" in bench.dock.resultLabel.text() and "range" in bench.dock.resultLabel.text()
    finally:
        bench.close()
