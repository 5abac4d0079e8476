"""The time series' pure parts: piers folded into totals, the CSV, the hover text."""
import csv
import io

from coal_monitor.core import timeseries
from coal_monitor.core.timeseries import SeriesPoint


def _point(day, pier, heaps, tonnage, scenes=(), unmeasured=0):
    return SeriesPoint(day, pier, heaps=heaps, area_m2=100.0 * heaps, volume_m3=tonnage / 0.85,
                       volume_lo_m3=tonnage / 0.85 * 0.8, volume_hi_m3=tonnage / 0.85 * 1.3, tonnage_t=tonnage,
                       tonnage_lo_t=tonnage * 0.7, tonnage_hi_t=tonnage * 1.5, scene_ids=tuple(scenes),
                       unmeasured=unmeasured)


BY_PIER = [
    _point("2024-04-02", "Pier 3", 2, 1000.0, ["A"]),
    _point("2024-04-02", "no pier", 1, 250.0, ["A", "B"], unmeasured=1),
    _point("2024-05-01", "Pier 3", 3, 4000.0, ["C"]),
]


def test_totals_fold_piers_per_date_summing_every_column():
    totals = timeseries.totals(BY_PIER)
    assert [t.observed_date for t in totals] == ["2024-04-02", "2024-05-01"]
    first = totals[0]
    assert first.pier == timeseries.ALL_PIERS
    assert first.heaps == 3 and first.unmeasured == 1
    assert first.scene_ids == ("A", "B")
    for name in timeseries.SUMMED:
        assert first.__dict__[name] == BY_PIER[0].__dict__[name] + BY_PIER[1].__dict__[name]
    assert totals[1].tonnage_t == 4000.0


def test_piers_and_dates_in_order():
    assert timeseries.piers(BY_PIER) == ["Pier 3", "no pier"]
    assert timeseries.dates(BY_PIER) == ["2024-04-02", "2024-05-01"]


def test_csv_has_the_contract_columns_unrounded_numbers_and_scene_ids():
    rows = list(csv.reader(io.StringIO(timeseries.to_csv_text(BY_PIER))))
    assert rows[0] == ["observed_date", "pier", "heaps", "area_m2", "volume_m3", "volume_lo_m3", "volume_hi_m3",
                       "tonnage_t", "tonnage_lo_t", "tonnage_hi_t", "scene_ids", "note", "examined",
                       "partial_coverage", "vessels"]
    assert rows[2][:3] == ["2024-04-02", "no pier", "1"]
    assert float(rows[1][rows[0].index("tonnage_hi_t")]) == 1500.0
    assert rows[2][rows[0].index("scene_ids")] == "A;B"


def test_csv_is_for_machines_iso_dates_point_decimals_numbers_unquoted():
    point = _point("2024-04-09", "Pier 3", 2, 1234.5, ["A"])
    point.note = "B set aside, its heaps overlap those of A"
    text = timeseries.to_csv_text([point])
    line = text.splitlines()[1]
    assert line.startswith("2024-04-09,Pier 3,2,200.0,")
    assert ",1234.5," in line and '"2"' not in line
    assert line.endswith(',A,"B set aside, its heaps overlap those of A",0,0,0')


def test_hover_text_names_date_pier_range_heaps_and_scenes():
    text = timeseries.describe(_point("2024-04-02", "Pier 3", 2, 12345.6, ["WV3-1", "WV3-2"]))
    assert "2024-04-02" in text and "Pier 3" in text
    assert "12,346 t" in text and "8,642 - 18,518 t" in text
    assert "2 heaps" in text and "WV3-1, WV3-2" in text
    assert timeseries.describe(_point("2024-04-02", "Pier 3", 1, 1.0)).split("\n")[2].endswith("in 1 heap")
    assert "without a volume" in timeseries.describe(BY_PIER[1])
    assert "no scene recorded" in timeseries.describe(_point("2024-04-02", "Pier 3", 1, 1.0))
