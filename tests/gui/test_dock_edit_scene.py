"""A scene's date corrected from the dock re-dates all its heaps at once; the series follows."""
import sqlite3

from qgis.PyQt.QtCore import QPoint

from coal_monitor.gui.imagery import scene_id_for
from coal_monitor.store.portfile import PortFile
from tests.helpers.scripted_prompts import ScriptedPrompts

FIRST = [QPoint(500, 300), QPoint(700, 280), QPoint(760, 420), QPoint(640, 520)]
SECOND = [QPoint(200, 200), QPoint(420, 210), QPoint(380, 420), QPoint(180, 380)]


def test_corrected_date_moves_every_heap_of_the_scene(make_bench):
    bench = make_bench(prompts=ScriptedPrompts(edit_scene=[{"acquired_utc": "2024-04-07T01:55:00Z",
                                                             "sensor": "WV02"}]))
    for outline, height in ((FIRST, 6), (SECOND, 4)):
        bench.draw(outline)
        bench.type_height(height)
        bench.log_heap()
    with PortFile.open(bench.port_file()) as port_file:
        assert [row["date"] for row in port_file.totals_by_date()] == ["2024-04-05"]
    bench.press(bench.dock.editSceneButton)
    (kind, scene), = bench.prompts.asked
    assert kind == "edit_scene" and scene["scene_id"] == scene_id_for(bench.image)
    rows = bench.rows()
    assert [row["observed_utc"] for row in rows] == ["2024-04-07T01:55:00.000Z"] * 2
    connection = sqlite3.connect(str(bench.port_file()))
    try:
        acquired, sensor = connection.execute("SELECT acquired_utc, sensor FROM scenes").fetchone()
    finally:
        connection.close()
    assert acquired == "2024-04-07T01:55:00.000Z" and sensor == "WV02"
    with PortFile.open(bench.port_file()) as port_file:
        totals = port_file.totals_by_date()
        assert [row["date"] for row in totals] == ["2024-04-07"] and totals[0]["count"] == 2
        assert port_file.stale_heaps() == []  # re-dated by the store itself: nothing left to verify
    assert "2024-04-07 01:55" in bench.dock.sceneLabel.text()
    assert len(bench.dock.heap_uids()) == 2  # still listed under the image


def test_edit_scene_before_any_heap_says_what_to_do(bench):
    bench.press(bench.dock.editSceneButton)
    assert "no logged scene yet" in bench.dock.resultLabel.text()
    assert bench.prompts.asked == []
