"""The engine's and the store's messages in the analyst's language: translated template, values filled in,
numbers in the locale's form, English whenever a translation would lose or garble a value."""
import re

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from coal_monitor import translation
from coal_monitor.core.errors import InputError
from coal_monitor.core.messages import QT_TR_NOOP, Message
from coal_monitor.store.errors import StoreError
from tests.helpers.session_bench import SessionBench, heap_geometry, port_crs
from tests.unit.test_package_zip import package

HANGUL = re.compile("[\uac00-\ud7a3]")


class _Translations(QTranslator):
    """A translator that answers from a dict, as a .qm would, so that a test can plant faulty entries."""

    def __init__(self, entries):
        super().__init__()
        self.entries = entries

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.entries.get(source, "") if context == translation.CONTEXT else ""

    def isEmpty(self):  # noqa: N802 (Qt's name)
        return False


@pytest.fixture()
def planted():
    installed = []

    def install(entries):
        translator = _Translations(entries)
        QCoreApplication.installTranslator(translator)
        installed.append(translator)

    yield install
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture()
def german_numbers():
    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(saved)


@pytest.fixture()
def korean(tmp_path):
    package.compiled_translations(tmp_path)
    translator = translation.install_translator("ko_KR", folder=tmp_path)
    assert translator is not None, f"no Korean translation compiled into {tmp_path}"
    yield
    translation.remove_translator(translator)


GOOD = "Heap {label!r}: {area_m2:,.0f} m² at {height_m:.1f} m in EPSG:{epsg}"


def test_a_translated_template_gets_its_values_even_in_another_order(planted):
    planted({GOOD: "EPSG:{epsg} / {height_m:.1f} m / {area_m2:,.0f} m² / {label!r}"})
    exc = InputError(QT_TR_NOOP(GOOD), label="H1", area_m2=12345.6, height_m=6.25, epsg=32652)
    assert translation.message_text(exc) == "EPSG:32652 / 6.2 m / 12,346 m² / 'H1'"
    assert str(exc) == "Heap 'H1': 12,346 m² at 6.2 m in EPSG:32652", "str() stays English"


@pytest.mark.parametrize("faulty", [
    "{label!r}: {area_m2:,.0f} m²",  # lacks two placeholders
    "{label!r}: {area:,.0f} m², {height_m:.1f} m, EPSG:{epsg}",  # misspelt
    "{label!r}: {area_m2:,.0f} m², {height_m} m, EPSG:{epsg}",  # the format dropped
    "{label!r}: {area_m2:,.0f m², {height_m:.1f} m, EPSG:{epsg}",  # malformed
])
def test_a_translation_that_garbles_a_placeholder_falls_back_to_english(planted, faulty):
    planted({GOOD: faulty})
    exc = StoreError(QT_TR_NOOP(GOOD), label="H1", area_m2=12345.6, height_m=6.25, epsg=32652)
    assert translation.message_text(exc) == str(exc) == "Heap 'H1': 12,346 m² at 6.2 m in EPSG:32652"


def test_nested_messages_are_translated_inside_the_outer_one(planted):
    inner = QT_TR_NOOP("'{name}' is required")
    outer = QT_TR_NOOP("Cannot create port file {path}: port {port!r}: {problem}.")
    planted({inner: "<{name} needed>", outer: "<{path} | {port!r} | {problem}>"})
    exc = StoreError(outer, path="/data/rason.gpkg", port="Rason", problem=Message(inner, name="lat_deg"))
    assert translation.message_text(exc) == "</data/rason.gpkg | 'Rason' | <lat_deg needed>>"
    wrapped = StoreError(QT_TR_NOOP("{problem}."), problem=exc)  # an error as a value: its message is used
    assert translation.message_text(wrapped) == "</data/rason.gpkg | 'Rason' | <lat_deg needed>>."


def test_numbers_follow_the_locale_and_codes_stay_as_they_are(german_numbers):
    exc = InputError(QT_TR_NOOP(GOOD), label="1.5", area_m2=12345.6, height_m=6.25, epsg=32652)
    assert translation.message_text(exc) == "Heap '1.5': 12.346 m² at 6,2 m in EPSG:32652"
    assert str(exc) == "Heap '1.5': 12,346 m² at 6.2 m in EPSG:32652"


def test_plain_errors_and_other_exceptions_pass_through():
    assert translation.message_text(InputError("Nothing {here} to fill")) == "Nothing {here} to fill"
    assert translation.message_text(OSError(13, "Permission denied")) == "[Errno 13] Permission denied"


def test_in_korean_the_engines_and_the_stores_refusals_reach_the_analyst(korean, tmp_path, clean_project):
    (tmp_path / "project").mkdir()
    bench = SessionBench(tmp_path / "project")
    try:
        session = bench.start()
        session.set_inputs({"height_m": -3.5, "model": "repose"})  # a non-positive height
        session.set_footprint(heap_geometry(), port_crs())
        estimate, problem = bench.signals["estimate_changed"][-1]
        assert estimate is None
        assert problem == ("높이 -3.5 m은(는) 믿을 만한 범위(0 m 초과 60 m 이하)를 벗어납니다: 다시 재거나(그림자 "
                           "길이 또는 입체 영상 쌍) 단위를 확인하십시오")

        session.set_port("Atlantis")  # the registry's PortError, through the session's guard
        assert bench.signals["message"][-1][0].startswith("'Atlantis'(이)라는 항구가 없습니다. 알려진 항구: Rason")

        bench.port_file().parent.mkdir(parents=True, exist_ok=True)
        bench.port_file().write_text("not a GeoPackage")  # the Rason port file is some other file
        bench.clear_signals()
        session.set_port("Nampho")
        session.set_port("Rason")
        texts = [text for text, _level in bench.signals["message"]]
        expected = (f"{bench.port_file()}은(는) GeoPackage가 아닙니다(SQLite 헤더 없음): 손상되었거나 다른 종류의 "
                    "파일입니다.")
        assert any(text.startswith(expected) for text in texts), texts
        assert bench.port_file().read_text() == "not a GeoPackage"  # nothing written
    finally:
        bench.close()


def test_in_korean_a_processing_run_stops_with_the_engines_message_translated(korean, processing):
    from qgis.core import QgsProcessingException

    from tests.qgis.test_heapvolumes_algorithm import NAMPHO_UTM, heap_layer, run

    with pytest.raises(QgsProcessingException) as raised:
        run(processing, heap_layer(NAMPHO_UTM), DENSITY=0.8, DENSITY_LOW=0.9, DENSITY_HIGH=1.25)
    assert str(raised.value) == ("밀도 0.8 t/m³이(가) 하한 0.9와(과) 상한 1.25 t/m³ 사이에 있지 않습니다: "
                                 "하한 <= 밀도 <= 상한 순서로 맞추십시오")
