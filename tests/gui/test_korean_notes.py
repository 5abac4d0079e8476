"""In a Korean QGIS the engine's warnings, the dates' notes and the Trends hover read in Korean, while the
port log and its CSV keep the English text (a shared record; machines read the CSV)."""
import re
import zipfile

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QPoint

from coal_monitor import translation
from coal_monitor.core import timeseries
from coal_monitor.number_text import number
from coal_monitor.report import data
from tests.unit.test_package_zip import package

HANGUL = re.compile("[\uac00-\ud7a3]")
# A narrow outline (about 30 x 8 m on the bench's canvas): 20 m is far taller than a 35° pile on it reaches.
NARROW_PIXELS = [QPoint(500, 300), QPoint(600, 300), QPoint(600, 326), QPoint(500, 326)]


@pytest.fixture(scope="module")
def korean_qm(tmp_path_factory):
    folder = tmp_path_factory.mktemp("i18n")
    built = package.build(folder / "coal_monitor.zip")
    zipfile.ZipFile(built).extractall(folder / "plugins")
    return folder / "plugins" / "coal_monitor" / "i18n"


@pytest.fixture()
def korean(korean_qm):
    """QGIS set to Korean and the plugin's Korean translator installed, as the plugin does at load."""
    settings = QgsSettings()
    saved = [settings.value(k) for k in ("locale/overrideFlag", "locale/userLocale")]
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "ko_KR")
    translator = translation.install_translator(folder=korean_qm)
    assert translator is not None, f"no Korean translation in {korean_qm}"
    yield translator
    translation.remove_translator(translator)
    for key, value in zip(("locale/overrideFlag", "locale/userLocale"), saved):
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def test_measure_log_and_the_warning_in_korean_while_the_log_keeps_english(korean, make_bench):
    bench = make_bench()
    bench.draw(NARROW_PIXELS)
    bench.type_height(20)
    shown = bench.dock.resultLabel.text()
    assert "높습니다" in shown and "안식각" in shown, shown  # the engine's tall-pile warning, in Korean
    assert "taller than" not in shown
    bench.log_heap()
    row = bench.rows()[0]
    note = row["volume_note"]
    assert note.startswith("20.0 m is taller than the ") and "pile on this footprint can reach" in note
    tooltip = bench.dock.heapList.item(0).toolTip()
    assert "높습니다" in tooltip and "taller" not in tooltip, tooltip
    h_max = re.search(r"taller than the ([0-9.]+) m", note).group(1)
    assert f"{h_max} m" in tooltip  # the stored numbers, read back into the Korean sentence
    # the time-series CSV (for machines) keeps the log's English
    with data.opened(bench.port_file()) as port_file:
        csv_text = timeseries.to_csv_text(data.series(port_file, False))
    assert csv_text.startswith("observed_date,pier,heaps") and "all piers" in csv_text
    assert not HANGUL.search(csv_text), csv_text


def test_stored_english_notes_are_shown_in_korean(korean):
    """Notes written by earlier versions (plain English text in old logs) are matched back to their templates."""
    tall = ("8.0 m is taller than the 5.3 m a 35° pile on this footprint can reach; walls (prism model) or a "
            "steeper angle would explain it")
    composite = ("2 parts, each computed as its own pile and summed (part 1: 1,396 m³; part 2: 1,396 m³). "
                 f"part 1: {tall}. part 2: {tall}")
    korean_tall = translation.note_text(tall)
    assert korean_tall.startswith("8.0 m은(는) 이 바닥 윤곽에서 안식각 35°의 더미가 이를 수 있는 5.3 m보다"), korean_tall
    shown = translation.note_text(composite)
    assert "2개 부분을 각각 별개의 더미로 계산해 합산했습니다" in shown
    assert "1번째 부분: 1,396 m³; 2번째 부분: 1,396 m³" in shown
    assert shown.count("5.3 m보다 높습니다") == 2 and "taller" not in shown
    day = ("b set aside for 2 piles also measured on a (finer GSD 0.30 m); each pile counts once. "
           "coverage partial on a.")
    shown_day = translation.note_text(day)
    assert "a에서도 측정된 더미 2개에 대해 b을(를) 제외했습니다(더 세밀한 GSD 0.30 m)" in shown_day, shown_day
    assert "a의 촬영 범위가 부분적입니다." in shown_day
    assert translation.note_text("examined: no coal") == "검토 완료: 석탄 없음"
    typed = "left pile half hidden by a crane. (analyst)"
    assert translation.note_text(typed) == typed  # text no template wrote stays as the analyst typed it
    # the reading is exact: the recovered Message writes the stored text back character for character
    for text in (tall, composite, day):
        assert str(translation.stored_message(text)) == text


def test_trends_hover_and_notes_in_korean(korean):
    point = timeseries.SeriesPoint("2024-04-05", timeseries.ALL_PIERS)
    point.tonnage_t, point.tonnage_lo_t, point.tonnage_hi_t, point.volume_m3 = 12_345.0, 10_000.0, 15_000.0, 14_000.0
    point.heaps, point.unmeasured, point.scene_ids = 3, 1, ("rason_20240405",)
    point.note = "coverage partial on rason_20240405."
    hover = timeseries.describe(point, number, translation.note_text)
    assert hover.splitlines() == [
        "2024-04-05  모든 부두",
        "12,345 t  (범위 10,000 - 15,000 t)",
        "더미 3개에 14,000 m3",
        "장면: rason_20240405",
        "부피가 없는 더미 1개(각 더미의 메모 참조)",
        "rason_20240405의 촬영 범위가 부분적입니다.",
    ]
    english = timeseries.describe(point)
    assert "all piers" in english and "coverage partial on rason_20240405." in english


def test_trends_panel_summary_and_hover_in_korean(korean, make_bench):
    bench = make_bench()
    bench.draw(NARROW_PIXELS)
    bench.type_height(3)
    bench.log_heap()
    dock = bench.dock
    dock.tabs.setCurrentWidget(dock.trendsTab)
    trends = dock.trends
    trends.set_port_file(dock.session.trends_source())
    assert "관측일 1개" in trends.statusLabel.text(), trends.statusLabel.text()
    assert trends.figure is not None, "matplotlib is installed here: the chart is drawn"
    x, y = trends.marker_pixel(trends.points[0])

    class Motion:  # the two attributes of matplotlib's mouse event the panel reads
        pass

    motion = Motion()
    motion.x, motion.y = x, y
    trends._on_motion(motion)
    assert "모든 부두" in trends.hover_text and "범위" in trends.hover_text, trends.hover_text
    assert "모든 부두" in trends.chart.toolTip()
