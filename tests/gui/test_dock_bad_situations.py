"""Bad situations end in a message in the dock or the message bar, never a traceback or a frozen QGIS."""
import os
import sqlite3
import stat
import time

from qgis.core import QgsProject, QgsRasterLayer
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import QPoint, Qt

from coal_monitor.core.ports import PortRegistry
from coal_monitor.store.portfile import PortFile
from tests.helpers.canvas_iface import settle
from tests.helpers.gpkg_checks import assert_sound_gpkg
from tests.helpers.rasters import write_geotiff

HEAP = [QPoint(500, 300), QPoint(700, 280), QPoint(760, 420), QPoint(640, 520)]


def _said(bench, words):
    """The words appear in the dock's result line and in the message bar."""
    return words in bench.dock.resultLabel.text() and any(words in m for m in bench.iface.messages())


def test_no_imagery_layer_refuses_drawing_with_a_message(bench):
    bench.dock.set_imagery_layer(None)
    bench.press(bench.dock.drawHeapButton)
    assert bench.canvas.mapTool() is not bench.dock.capture_tool
    assert _said(bench, "No imagery layer is chosen")


def test_image_without_georeferencing_is_refused(bench, tmp_path):
    path = write_geotiff(tmp_path / "scan.tif", georeferenced=False)
    layer = QgsRasterLayer(path, "scanned print")
    QgsProject.instance().addMapLayer(layer)
    bench.dock.set_imagery_layer(layer)
    assert "not georeferenced" in bench.dock.sceneLabel.text()
    bench.press(bench.dock.drawHeapButton)
    assert bench.canvas.mapTool() is not bench.dock.capture_tool
    assert _said(bench, "not georeferenced")


def test_too_few_corners_and_crossing_outline_give_messages_and_no_heap(bench):
    bench.draw(HEAP[:2], finish="enter")
    assert any("at least 3 corners" in m for m in bench.iface.messages())
    bench.iface.key(Qt.Key.Key_Escape)
    a, b, c, d = HEAP
    bench.draw([a, b, d, c])
    assert any("crosses itself" in m for m in bench.iface.messages())
    assert bench.dock.footprint is None and not bench.dock.saveHeapButton.isEnabled()
    assert bench.dock.save_heap() is None  # a script calling it anyway gets a message
    assert not bench.port_file().exists()
    assert "no heap outline" in bench.dock.resultLabel.text()


def test_read_only_port_file_is_reported_and_left_untouched(bench):
    folder = bench.port_file().parent
    folder.mkdir()
    PortFile.create(bench.port_file(), bench.dock.port).close()
    os.chmod(bench.port_file(), stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = bench.port_file().read_bytes()
    bench.dock.set_port("Nampho")
    bench.dock.set_port("Rason")  # reopened: read-only now
    assert any("read-only" in m for m in bench.iface.messages())
    bench.draw(HEAP)
    bench.log_heap()
    assert _said(bench, "read-only")
    assert bench.port_file().read_bytes() == before


def test_locked_port_file_gives_a_message_within_the_lock_timeout(bench):
    bench.dock.log.lock_timeout_s = 0.3
    bench.draw(HEAP)
    bench.log_heap()
    other = sqlite3.connect(str(bench.port_file()), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        bench.draw(HEAP)
        started = time.monotonic()
        bench.log_heap()
        assert time.monotonic() - started < 3.0
        assert _said(bench, "locked by another program")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(bench.rows()) == 1


def test_port_file_deleted_behind_qgis_is_noticed_before_writing(bench):
    bench.draw(HEAP)
    bench.log_heap()
    os.remove(bench.port_file())
    bench.prompts.answers["confirm"] = [False, True]
    bench.draw(HEAP)
    bench.log_heap()  # declined: nothing written anywhere
    # (QGIS's reader of the vanished file may leave an empty placeholder: no heap in it either way)
    assert not bench.port_file().exists() or bench.port_file().stat().st_size == 0
    assert "deleted or moved" in bench.prompts.asked[-1][2]
    assert _said(bench, "Nothing was logged")
    bench.log_heap()  # accepted: a new port file with this heap
    assert len(bench.rows()) == 1
    # (on QGIS 3.40 the vanished file's write-ahead log stays behind: it must not be replayed into the
    # new file, which would then hold the old heap too or be damaged)
    assert_sound_gpkg(bench.port_file())


def test_cleanup_while_drawing_releases_tool_and_rubber_bands(bench):
    bench.press(bench.dock.drawHeapButton)
    for pixel in HEAP[:3]:
        bench.iface.click(pixel)
    bands = [i for i in bench.canvas.scene().items() if isinstance(i, QgsRubberBand)]
    assert bands
    project = QgsProject.instance()
    listening = [project.receivers(s) for s in (project.readProject, project.cleared, project.layersWillBeRemoved)]
    bench.dock.cleanup()  # what the plugin's unload() calls first
    settle()
    assert bench.canvas.mapTool() is not bench.dock.capture_tool
    assert [i for i in bench.canvas.scene().items() if isinstance(i, QgsRubberBand)] == []
    after = [project.receivers(s) for s in (project.readProject, project.cleared, project.layersWillBeRemoved)]
    assert all(a < b for a, b in zip(after, listening))
    bench.iface.click(HEAP[3])  # the canvas still answers clicks without the tool
    bench.iface.key(Qt.Key.Key_Return)
    assert not bench.port_file().exists()


def test_unknown_port_name_from_a_script_is_a_message(bench):
    bench.dock.set_port("Atlantis")
    assert any("No port called 'Atlantis'" in m for m in bench.iface.messages())
    assert bench.dock.port.name == "Rason"


def test_project_remembers_port_and_image(bench, tmp_path):
    bench.dock.set_port("Nampho")
    project = QgsProject.instance()
    assert project.write(str(tmp_path / "rason_analysis.qgz"))
    image_id = bench.image.id()
    project.clear()
    settle()
    assert project.read(str(tmp_path / "rason_analysis.qgz"))
    settle()
    assert bench.dock.portCombo.currentText() == "Nampho"
    assert bench.dock.imagery_layer() is not None and bench.dock.imagery_layer().id() == image_id
    assert isinstance(bench.dock.registry, PortRegistry)
