"""coal_monitor:portflows on a constructed port log: each interval's stock change against the ships loading.

Four observation dates: a full yard, the yard drawn down while a Supramax loaded, an examined empty image
(0 t) after a day nobody examined, and the yard refilled. The expected ranges and verdicts are worked out
here from the heaps' stored ranges and the class table, not taken from the algorithm.
"""
import pytest
from shapely.geometry import box

from coal_monitor.core import vessels as ship_rules
from coal_monitor.store.portfile import PortFile
from tests.helpers.story_ports import DATES, X0, Y0, make_story_port
from tests.helpers.trend_ports import algorithm


@pytest.fixture()
def port_path(tmp_path):
    return make_story_port(tmp_path)


def _rows(processing, path):
    result = processing.run(algorithm("portflows"), {"INPUT": str(path), "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = result["OUTPUT"]
    names = layer.fields().names()
    rows = []
    for feature in layer.getFeatures():
        row = dict(zip(names, feature.attributes()))
        for key in ("start_date", "end_date"):
            row[key] = row[key].toString("yyyy-MM-dd")
        rows.append(row)
    return rows


def test_one_row_per_interval_with_the_ranges_and_verdicts(processing, port_path):
    with PortFile.open(port_path) as port_file:
        totals = {r["date"]: r for r in port_file.totals_by_date()}
    assert sorted(totals) == list(DATES)  # the unexamined 2024-04-15 is no observation
    rows = _rows(processing, port_path)
    assert [(r["start_date"], r["end_date"]) for r in rows] == list(zip(DATES, DATES[1:]))
    for row in rows:
        start, end = totals[row["start_date"]], totals[row["end_date"]]
        assert row["stock_change_t"] == pytest.approx(end["tonnage_t"] - start["tonnage_t"])
        assert row["stock_change_lo_t"] == pytest.approx(end["tonnage_lo_t"] - start["tonnage_hi_t"])
        assert row["stock_change_hi_t"] == pytest.approx(end["tonnage_hi_t"] - start["tonnage_lo_t"])

    drawdown, emptied, refilled = rows
    supramax = ship_rules.classify(190.0, 32.26, 0.5)
    assert drawdown["ships_loading"] == 1
    assert (drawdown["shipped_lo_t"], drawdown["shipped_hi_t"]) == pytest.approx((supramax.cargo_lo_t,
                                                                                   supramax.cargo_hi_t))
    drop = (-drawdown["stock_change_hi_t"], -drawdown["stock_change_lo_t"])
    overlaps = drop[0] <= supramax.cargo_hi_t and drop[1] >= supramax.cargo_lo_t
    assert drawdown["verdict"] == ("consistent" if overlaps else
                                   "fell_more_than_ships" if drop[0] > supramax.cargo_hi_t else "ships_more_than_fell")
    assert emptied["ships_loading"] == 0 and emptied["stock_change_hi_t"] < 0
    assert emptied["verdict"] == "fell_more_than_ships" and "imagery is not daily" in emptied["verdict_text"]
    assert refilled["stock_change_lo_t"] > 0 and refilled["verdict"] == "grew"
    assert all(r["partial_coverage"] == 0 for r in rows)


def test_a_partial_image_makes_the_comparison_partial(processing, port_path):
    with PortFile.open(port_path) as port_file:
        port_file.set_scene_coverage("2024-04-20", box(X0 - 50, Y0 - 50, X0 + 100, Y0 + 100), 32652)
    rows = _rows(processing, port_path)
    assert [r["verdict"] for r in rows][1:] == ["partial", "partial"]
    assert rows[1]["comparison"] == "fell_more_than_ships" and rows[1]["partial_coverage"] == 1
