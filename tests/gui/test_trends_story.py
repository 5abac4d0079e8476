"""The Trends tab tells the port's story: a gap is no point, an examined empty date is 0 t, ships loading
are marked, the flows table has one row per interval, and one pile can be followed over time."""
import pytest

from coal_monitor.gui.trends import TrendsPanel
from coal_monitor.report import data
from coal_monitor.store.portfile import PortFile
from tests.helpers.canvas_iface import settle
from tests.helpers.story_ports import DATES, UNEXAMINED, make_story_port


@pytest.fixture()
def panel(qgis_app):
    widget = TrendsPanel()
    widget.resize(700, 800)
    widget.show()
    settle()
    yield widget
    widget.close()
    widget.deleteLater()


def test_the_story_in_the_trends_tab(panel, tmp_path):
    path = make_story_port(tmp_path)
    panel.set_port_file(path)
    assert [p.observed_date for p in panel.points] == list(DATES)  # the unexamined date is a gap, not a zero
    assert UNEXAMINED not in [p.observed_date for p in panel.points]
    assert panel.points[2].tonnage_t == 0.0 and panel.points[2].examined
    axes = panel.figure.axes[0]
    ships = [line for line in axes.get_lines() if line.get_label() == "ship seen loading"]
    assert len(ships) == 1 and len(ships[0].get_xdata()) == 1
    table = panel.flowsTable
    assert table.isVisible() and table.rowCount() == len(DATES) - 1
    with PortFile.open(path) as port_file:
        flows = data.flows(port_file)
    newest = flows[-1]
    assert table.item(0, 0).text().startswith(newest.start_date) and "grew" in table.item(0, 3).text()
    assert "1 ship(s)" in table.item(len(DATES) - 2, 2).text()
    panel.set_by_pile()
    piles = {p.pier for p in panel.points}
    assert piles == {"P1", "P2", "P3"}  # P4 is seen on one date only
    p1 = [p for p in panel.points if p.pier == "P1"]
    assert [p.observed_date for p in p1] == ["2024-04-02", "2024-04-09", "2024-04-20", "2024-05-04"]
    assert p1[2].tonnage_t == 0.0 and p1[2].heaps == 0  # examined, the pile not there: gone, not interpolated
    assert p1[3].tonnage_t > p1[0].tonnage_t > 0  # 12 m against 10 m on the same outline
    p2 = {p.observed_date: p.tonnage_t for p in panel.points if p.pier == "P2"}
    assert p2["2024-04-09"] == 0.0 and p2["2024-04-20"] == 0.0 and p2["2024-05-04"] > 0
    panel.export_png(tmp_path / "story.png")
