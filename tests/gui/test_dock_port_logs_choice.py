"""The dock's "Port logs" row: the data folder (as before) or a team database named by one of QGIS's saved
PostgreSQL connections. Only the choice and the connection's name reach the project file, never a password,
and a server that cannot be reached is a message naming the connection, without its password."""
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtTest import QTest

from coal_monitor.definitions import PORT_LOGS_DATA_FOLDER, PORT_LOGS_TEAM_DATABASE
from tests.helpers.canvas_iface import settle
from tests.helpers.qgis_connections import saved_connection

HEAP = [QPoint(500, 300), QPoint(700, 280), QPoint(760, 420), QPoint(640, 520)]
SECRET = "pw-Do-Not-Leak-7"


def _pick(bench, combo, data, taken=True):
    """Choose the item holding ``data`` with the keyboard, as an analyst does (Down/Up on the combo)."""
    combo.setFocus()
    settle()
    target = combo.findData(data)
    assert target >= 0, f"{data!r} is offered"
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(target - combo.currentIndex())):
        QTest.keyClick(combo, key)
    settle()
    assert (combo.currentData() == data) == taken


def test_the_row_offers_the_data_folder_and_the_saved_connections(make_bench):
    with saved_connection("Team Rason", host="127.0.0.1", port=1, database="coal", user="ana", password=SECRET):
        bench = make_bench()
        dock = bench.dock
        assert dock.portLogsCombo.currentData() == PORT_LOGS_DATA_FOLDER
        assert dock.dataFolderButton.isVisible() and not dock.teamConnectionCombo.isVisible()
        bench.press(dock.refreshConnectionsButton)
        assert [dock.teamConnectionCombo.itemData(i) for i in range(dock.teamConnectionCombo.count())] == \
            ["Team Rason"]


def test_choosing_the_team_database_keeps_only_the_choice_and_the_connection_name(make_bench, tmp_path):
    with saved_connection("Team Rason", host="127.0.0.1", port=1, database="coal", user="ana", password=SECRET):
        bench = make_bench()
        dock = bench.dock
        bench.press(dock.refreshConnectionsButton)
        _pick(bench, dock.portLogsCombo, PORT_LOGS_TEAM_DATABASE)
        assert dock.teamConnectionCombo.isVisible() and not dock.dataFolderButton.isVisible()
        assert bench.project.readEntry("coal_monitor", "port_logs", "")[0] == PORT_LOGS_TEAM_DATABASE
        assert bench.project.readEntry("coal_monitor", "team_connection", "")[0] == "Team Rason"
        said = " ".join(bench.iface.messages())
        assert "Team Rason" in said  # nothing listens on port 1: the dock says so, naming the connection
        assert SECRET not in said and SECRET not in dock.resultLabel.text()
        assert bench.project.write()
        text = (tmp_path / "rason_analysis.qgz").read_bytes()
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(text)) as archive:
            xml = archive.read(next(n for n in archive.namelist() if n.endswith(".qgs"))).decode("utf-8")
        assert "Team Rason" in xml and SECRET not in xml


def test_back_to_the_data_folder_logs_into_the_geopackage_again(make_bench, tmp_path):
    with saved_connection("Team Rason", host="127.0.0.1", port=1, database="coal", user="ana", password=SECRET):
        bench = make_bench()
        dock = bench.dock
        bench.press(dock.refreshConnectionsButton)
        _pick(bench, dock.portLogsCombo, PORT_LOGS_TEAM_DATABASE)
        _pick(bench, dock.portLogsCombo, PORT_LOGS_DATA_FOLDER)
        assert bench.project.readEntry("coal_monitor", "port_logs", "")[0] == PORT_LOGS_DATA_FOLDER
        assert dock.dataFolderButton.isVisible()
        bench.draw(HEAP)
        bench.type_height(6)
        bench.log_heap()
        assert len(bench.rows()) == 1
        assert bench.rows()[0]["height_m"] == 6


def test_team_database_without_any_saved_connection_says_how_to_add_one(make_bench):
    bench = make_bench()
    dock = bench.dock
    bench.press(dock.refreshConnectionsButton)
    _pick(bench, dock.portLogsCombo, PORT_LOGS_TEAM_DATABASE, taken=False)
    said = " ".join(bench.iface.messages())
    assert "New Connection" in said
    assert bench.project.readEntry("coal_monitor", "port_logs", PORT_LOGS_DATA_FOLDER)[0] == PORT_LOGS_DATA_FOLDER
    assert dock.portLogsCombo.currentData() == PORT_LOGS_DATA_FOLDER  # the dock shows what the project keeps
