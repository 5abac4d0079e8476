"""The PDF report in a Korean QGIS: Korean when a font covers Hangul (fonts-nanum, tools/packages-*.txt),
English with one translated notice when none does; the Processing algorithm's feedback in Korean."""
import re
import subprocess
import zipfile

import pytest
from qgis.core import QgsProcessingFeedback, QgsSettings
from qgis.PyQt.QtGui import QFontDatabase

from coal_monitor import translation
from coal_monitor.report import data, language
from coal_monitor.report.content import gather
from coal_monitor.report.layout import export_pdf
from tests.helpers.trend_ports import algorithm, make_port_file
from tests.unit.test_package_zip import package

HANGUL = re.compile("[\uac00-\ud7a3]")
NOTICE_KO = ("보고서는 영어로 작성됩니다: 설치된 글꼴 중 한국어를 표시할 수 있는 것이 없습니다. "
             "예를 들어 fonts-noto-cjk를 설치하십시오.")


@pytest.fixture(scope="module")
def korean_qm(tmp_path_factory):
    folder = tmp_path_factory.mktemp("i18n")
    zipfile.ZipFile(package.build(folder / "coal_monitor.zip")).extractall(folder / "plugins")
    return folder / "plugins" / "coal_monitor" / "i18n"


@pytest.fixture()
def korean(korean_qm):
    settings = QgsSettings()
    saved = [settings.value(k) for k in ("locale/overrideFlag", "locale/userLocale")]
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "ko_KR")
    translator = translation.install_translator(folder=korean_qm)
    assert translator is not None
    yield
    translation.remove_translator(translator)
    for key, value in zip(("locale/overrideFlag", "locale/userLocale"), saved):
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def _pdf_text(pdf):
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    # Qt embeds the Nanum subset without a Unicode name for its space glyph: pdftotext reads it as \x01
    return re.sub(r"[ \t\x01]+", " ", text)


def _content(tmp_path):
    with data.opened(make_port_file(tmp_path)) as port_file:
        return gather(port_file)


def test_without_a_korean_font_the_report_is_english_and_says_why_in_korean(korean, tmp_path):
    """No family for Korean (as on a machine without fonts-nanum / fonts-noto-cjk): English, one notice."""
    chosen = language.report_language("ko", families=lambda writing_system: [])
    assert chosen.notice == NOTICE_KO and chosen.text("Method") == "Method"
    told = []
    pdf = export_pdf(_content(tmp_path), tmp_path / "rason.pdf", notice=told.append, chosen=chosen)
    text = _pdf_text(pdf)
    assert "Coal at Rason" in text and "Date (UTC)" in text and "Method" in text
    assert not HANGUL.search(text), text[:400]
    assert told == [NOTICE_KO]
    logged = []
    language._told.clear()
    language.tell_once(chosen, logged.append)
    language.tell_once(chosen, logged.append)
    assert logged == [NOTICE_KO], "the message log hears it once a session"


def test_with_the_machines_fonts_the_korean_report_follows_them(korean, tmp_path):
    """This machine's real font databases decide; with fonts-nanum installed the PDF's text is Korean."""
    has_font = bool(QFontDatabase().families(QFontDatabase.WritingSystem.Korean))
    chosen = language.report_language()
    told = []
    pdf = export_pdf(_content(tmp_path), tmp_path / "rason.pdf", notice=told.append)
    text = _pdf_text(pdf)
    if has_font and chosen.chart_family:
        assert told == [] and chosen.notice == ""
        assert "Rason의 석탄" in text and "톤수(t)" in text and "날짜(UTC)" in text and "방법" in text, text[:600]
        assert "Coal at Rason" not in text
    else:  # a machine without the font package: the fallback, said once
        assert told == [NOTICE_KO] and not HANGUL.search(text)


def test_english_session_keeps_the_english_report(tmp_path):
    chosen = language.report_language()
    assert chosen.notice == "" and chosen.text("Method") == "Method"
    assert "Coal at Rason" in _pdf_text(export_pdf(_content(tmp_path), tmp_path / "rason.pdf"))


class Recorded(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802 (Qt's name)
        self.lines.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802 (Qt's name)
        self.lines.append(warning)
        super().pushWarning(warning)


def test_processing_feedback_in_korean(korean, processing, tmp_path):
    port_path = make_port_file(tmp_path)
    feedback = Recorded()
    processing.run(algorithm("portreport"), {"INPUT": str(port_path), "OUTPUT": str(tmp_path / "r.pdf")},
                   feedback=feedback)
    written = [line for line in feedback.lines if "r.pdf" in line]
    assert written and HANGUL.search(written[0]), feedback.lines
