"""With QGIS set to Korean, the plugin's translator (compiled into the zip by `make package`) shows the
heap form in Korean; with the override off, QGIS's (here English) system locale leaves it in English."""
import re
import xml.etree.ElementTree as ET  # nosec B405: the repository's own .ts file
import zipfile
from pathlib import Path

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtWidgets import QFormLayout

from coal_monitor import translation
from coal_monitor.gui.heap_form import HeapForm
from tests.unit.test_package_zip import package

REPO = Path(__file__).resolve().parents[2]
HANGUL = re.compile("[\uac00-\ud7a3]")


def _korean_source():
    """{English: Korean} read from the .ts source, independently of Qt's compiled .qm."""
    root = ET.parse(REPO / "i18n" / "coal_monitor_ko.ts").getroot()  # nosec B314
    return {m.findtext("source"): m.findtext("translation") for m in root.iter("message")}


def _form_labels(form):
    layout = form.layout()
    labels = []
    for row in range(layout.rowCount()):
        item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and item.widget() is not None:
            labels.append(item.widget().text())
    return labels


@pytest.fixture()
def packaged_i18n(tmp_path):
    built = package.build(tmp_path / "coal_monitor.zip")
    zipfile.ZipFile(built).extractall(tmp_path / "plugins")
    return tmp_path / "plugins" / "coal_monitor" / "i18n"


@pytest.fixture()
def qgis_locale():
    settings = QgsSettings()
    saved = [settings.value(k) for k in ("locale/overrideFlag", "locale/userLocale")]

    def set_locale(override, user_locale):
        settings.setValue("locale/overrideFlag", override)
        settings.setValue("locale/userLocale", user_locale)

    yield set_locale
    for key, value in zip(("locale/overrideFlag", "locale/userLocale"), saved):
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def test_korean_locale_shows_the_form_in_korean(packaged_i18n, qgis_locale):
    english = _form_labels(HeapForm())
    qgis_locale(True, "ko_KR")
    translator = translation.install_translator(folder=packaged_i18n)
    assert translator is not None, f"no Korean translation found in {packaged_i18n}"
    try:
        form = HeapForm()
        korean = _form_labels(form)
        tooltip = form.densitySpin.toolTip()
    finally:
        translation.remove_translator(translator)
    expected = _korean_source()
    assert korean == [expected[label] for label in english]
    assert all(HANGUL.search(label) for label in korean), korean
    assert "안식각" in korean and "겉보기 밀도" in tooltip
    assert _form_labels(HeapForm()) == english, "removing the translator brings English back"


def test_override_off_follows_the_system_locale(packaged_i18n, qgis_locale):
    qgis_locale(False, "ko_KR")
    system = translation.QLocale.system().name()
    translator = translation.install_translator(folder=packaged_i18n)
    try:
        assert (translator is not None) == system.startswith("ko")
    finally:
        translation.remove_translator(translator)


def test_the_whole_dock_opens_in_korean(packaged_i18n, qgis_locale, make_bench):
    """The dock's buttons, group titles, tabs and its first message come from the translation."""
    qgis_locale(True, "ko_KR")
    translator = translation.install_translator(folder=packaged_i18n)
    assert translator is not None
    try:
        dock = make_bench().dock
        shown = {"draw": dock.drawHeapButton.text(), "log": dock.saveHeapButton.text(),
                 "folder": dock.dataFolderButton.text(), "scene": dock.editSceneButton.text(),
                 "tabs": [dock.tabs.tabText(i) for i in range(dock.tabs.count())],
                 "idle": dock.resultLabel.text()}
    finally:
        translation.remove_translator(translator)
    expected = _korean_source()
    assert shown["draw"] == expected["Draw heap on the map"] and shown["log"] == expected["Log heap"]
    assert shown["folder"] == expected["Data folder…"] and shown["scene"] == expected["Edit scene…"]
    assert shown["tabs"] == [expected["Measure"], expected["Trends"]]
    assert expected["Pick the port and the image, press “Draw heap on the map” and click the heap's corners."] \
        in shown["idle"]
    assert all(HANGUL.search(text) for text in (shown["draw"], shown["log"], shown["folder"]))
