"""coal_monitor:portreport: one PDF page naming the port, its totals per date, method and attribution.

The rendered page is also written to tests/output/report/ (pdftoppm, 60 dpi) for a person to look at.
"""
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

from coal_monitor.store.portfile import PortFile
from tests.helpers.trend_ports import ATTRIBUTION, SCENES, algorithm, make_port_file, rason_port, sums_read_with_ogr

OUTPUT_DIR = Path(__file__).resolve().parents[1] / "output" / "report"


def _pdf_text(pdf):
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert done.stderr == "", done.stderr  # poppler complains about malformed drawing operators here
    text = done.stdout
    # NFKC folds the ligatures PDF fonts use ("ﬁ" -> "fi"); runs of spaces from -layout become one.
    return re.sub(r"[ \t]+", " ", unicodedata.normalize("NFKC", text))


def _pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _render(pdf, name):
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(OUTPUT_DIR / name)], check=True)
    return OUTPUT_DIR / f"{name}.png"


def _report(processing, port_path, pdf):
    result = processing.run(algorithm("portreport"), {"INPUT": str(port_path), "OUTPUT": str(pdf)})
    assert result["OUTPUT"] == str(pdf)
    return pdf


def test_report_is_one_page_with_port_totals_method_and_attribution(processing, tmp_path):
    port_path = make_port_file(tmp_path)
    pdf = _report(processing, port_path, tmp_path / "rason report.pdf")
    assert pdf.exists() and pdf.stat().st_size > 10_000
    assert _pages(pdf) == 1
    text = _pdf_text(pdf)
    assert "Coal at Rason" in text
    sums = sums_read_with_ogr(port_path, by_pier=False)
    for (day, _pier), entry in sums.items():  # the table: every date's total and range
        row = re.search(rf"{day} .*?{entry['heaps']} {entry['tonnage_t']:,.0f} "
                        rf"{entry['tonnage_lo_t']:,.0f} ?- ?{entry['tonnage_hi_t']:,.0f}", text)
        assert row, f"no table row for {day} in:\n{text}"
    latest_day = max(day for day, _ in sums)
    latest = sums[(latest_day, None)]
    assert f"Latest observation {latest_day}: {latest['tonnage_t']:,.0f} t" in text
    days = sorted(day for day, _ in sums)
    change = latest["tonnage_t"] - sums[(days[-2], None)]["tonnage_t"]
    assert f"Change since the previous observation ({days[-2]}): {change:+,.0f} t" in text
    assert "Method" in text and "angle of repose 35 +- 3 deg" in text and "0.85 t/m3" in text
    assert ATTRIBUTION in " ".join(text.split())  # attribution may wrap across lines
    assert SCENES[-1]["scene_id"] in text and "GSD 0.5 m" in text  # map caption: the latest image
    made = re.search(r"Report made (\d{4}-\d\d-\d\d \d\d:\d\d) UTC", text)
    assert made
    assert _render(pdf, "rason_report").exists()


def test_report_says_when_the_latest_image_is_missing(processing, tmp_path):
    port_path = make_port_file(tmp_path)
    (tmp_path / f"{SCENES[-1]['scene_id']}.tif").unlink()
    text = _pdf_text(_report(processing, port_path, tmp_path / "report.pdf"))
    assert "not found" in text and "heaps drawn without imagery" in " ".join(text.split())


def test_report_of_a_port_without_heaps(processing, tmp_path):
    port_path = tmp_path / "rason.gpkg"
    PortFile.create(port_path, rason_port()).close()
    pdf = _report(processing, port_path, tmp_path / "empty.pdf")
    assert _pages(pdf) == 1
    text = _pdf_text(pdf)
    assert "Coal at Rason" in text and "No heaps logged yet" in text
    _render(pdf, "empty_port_report")


def test_report_into_a_missing_folder_is_refused_and_writes_nothing(processing, tmp_path):
    port_path = make_port_file(tmp_path, with_raster=False)
    target = tmp_path / "no such folder" / "report.pdf"
    with pytest.raises(QgsProcessingException) as raised:
        _report(processing, port_path, target)
    assert "does not exist" in str(raised.value)
    assert not target.parent.exists()
    assert not list(tmp_path.glob("**/*.pdf"))


def test_pdf_tools_are_installed():
    for tool in ("pdfinfo", "pdftotext", "pdftoppm"):
        assert shutil.which(tool), f"{tool} missing: install Debian's poppler-utils"


def test_report_says_the_flows_and_the_void_date(processing, tmp_path):
    """The story port: the examined empty date is in the table as 0 t, the latest intervals' flows in words."""
    from coal_monitor.report import data
    from coal_monitor.store.portfile import PortFile
    from tests.helpers.story_ports import make_story_port

    port_path = make_story_port(tmp_path)
    pdf = _report(processing, port_path, tmp_path / "story.pdf")
    assert _pages(pdf) == 1
    text = " ".join(_pdf_text(pdf).split())
    with PortFile.open(port_path) as port_file:
        flows = data.flows(port_file)
    assert re.search(r"2024-04-20 .*?0 0 0 ?- ?0", text), text  # 0 heaps, 0 t, range 0 - 0
    for flow in flows:
        assert f"{flow.start_date} to {flow.end_date}: stock {flow.stock_change_t:+,.0f} t" in text
        assert flow.verdict.replace("_", " ") in text
    assert "1 ship(s) seen" in text  # the line may wrap after "seen"
    assert _render(pdf, "story_report").exists()
