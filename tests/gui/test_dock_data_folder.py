"""The data folder is chosen from the dock; a folder Coal Monitor cannot write to is refused when chosen."""
import os
import stat

from qgis.PyQt.QtCore import QPoint

from tests.helpers.scripted_prompts import ScriptedPrompts

HEAP = [QPoint(500, 300), QPoint(700, 280), QPoint(760, 420), QPoint(640, 520)]


def test_data_folder_button_moves_the_port_logs_and_keeps_the_entry_relative(make_bench, tmp_path):
    target = tmp_path / "team_share" / "logs"
    bench = make_bench(prompts=ScriptedPrompts(ask_folder=[str(target)]))
    bench.press(bench.dock.dataFolderButton)
    assert bench.prompts.kinds_asked() == ["ask_folder"]
    bench.draw(HEAP)
    bench.type_height(6)
    bench.log_heap()
    assert (target / "rason.gpkg").exists()
    assert not (tmp_path / "coal_monitor_data" / "rason.gpkg").exists()
    entry, _ = bench.project.readEntry("coal_monitor", "data_folder", "")
    assert entry == "team_share/logs"  # relative to the project file, as before


def test_a_read_only_folder_is_refused_when_chosen_and_nothing_changes(make_bench, tmp_path):
    locked = tmp_path / "archive"
    locked.mkdir()
    os.chmod(locked, stat.S_IRUSR | stat.S_IXUSR)
    try:
        bench = make_bench(prompts=ScriptedPrompts(ask_folder=[str(locked)]))
        before = bench.project.readEntry("coal_monitor", "data_folder", "")
        bench.press(bench.dock.dataFolderButton)
        said = " ".join(bench.iface.messages()) + bench.dock.resultLabel.text()
        assert str(locked) in said and "read-only" in said
        assert bench.project.readEntry("coal_monitor", "data_folder", "") == before
        bench.draw(HEAP)
        bench.type_height(6)
        bench.log_heap()  # still logs, into the folder beside the project
        assert (tmp_path / "coal_monitor_data" / "rason.gpkg").exists()
        assert list(locked.iterdir()) == []
    finally:
        os.chmod(locked, stat.S_IRWXU)
