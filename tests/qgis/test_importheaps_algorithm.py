"""coal_monitor:importheaps: a polygon layer in WGS84 becomes whole heaps in a valid port GeoPackage."""
import pytest
from pyproj import Transformer
from qgis.core import (
    QgsFeature, QgsGeometry, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime
from shapely.geometry import MultiPolygon, box
from shapely.ops import transform

from coal_monitor.core.estimate import estimate_heap
from coal_monitor.core.ports import PortRegistry
from coal_monitor.store import schema
from coal_monitor.store.datafolder import profile_registry_path
from coal_monitor.store.portfile import PortFile
from tests.helpers import gpkg_checks
from tests.helpers.trend_ports import algorithm

TO_WGS84 = Transformer.from_crs(32652, 4326, always_xy=True)
# 100 x 30 m near Rason's Pier 3 in UTM 52N, and what it is in WGS84
RECT = box(606_000, 4_675_000, 606_100, 4_675_030)
APRIL_2 = QDateTime(QDate(2024, 4, 2), QTime(2, 31), Qt.UTC)


def lonlat(shape):
    return QgsGeometry.fromWkt(transform(TO_WGS84.transform, shape).wkt)


def shifted(dx):
    return box(606_000 + dx, 4_675_000, 606_100 + dx, 4_675_030)


def footprints_layer(rows):
    """A memory layer in EPSG:4326: rows of (geometry or None, height, sigma, datetime, scene)."""
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=h:double&field=sigma:double"
                           "&field=seen:datetime&field=scene:string", "digitised", "memory")
    features = []
    for geometry, height, sigma, seen, scene in rows:
        feature = QgsFeature(layer.fields())
        if geometry is not None:
            feature.setGeometry(geometry)
        feature.setAttributes([height, sigma, seen, scene])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def params(layer, **extra):
    values = {"INPUT": layer, "PORT": "Rason", "HEIGHT_FIELD": "h", "HEIGHT_SIGMA_FIELD": "sigma",
              "DATE_FIELD": "seen", "SCENE_FIELD": "scene"}
    values.update(extra)
    return values


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps the warnings the Processing log would show."""

    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, info):  # noqa: N802 (QGIS's name)
        self.warnings.append(info)
        super().pushWarning(info)


def engine(geometry, height_m, **kwargs):
    values = dict(model="repose", repose_deg=35.0, repose_tol_deg=3.0, density_t_m3=0.85,
                  density_lo_t_m3=0.75, density_hi_t_m3=1.05, height_sigma_m=0.0)
    values.update(kwargs)
    return estimate_heap(geometry, "EPSG:32652", height_m, **values).as_fields()


@pytest.fixture()
def registry_file():
    """The profile's port registry, removed after the test so that edits do not leak."""
    path = profile_registry_path()
    yield path
    if path.exists():
        path.unlink()


def assert_valid_gpkg(path):
    gpkg_checks.assert_sound_gpkg(path)
    assert gpkg_checks.validator_cli_errors(path) == []


def test_import_logs_good_features_and_skips_bad_ones_with_reasons(processing, tmp_path, registry_file):
    two_parts = QgsGeometry.fromWkt(MultiPolygon([transform(TO_WGS84.transform, shifted(400)),
                                                  transform(TO_WGS84.transform, shifted(600))]).wkt)
    layer = footprints_layer([
        (lonlat(RECT), 8.0, 0.5, APRIL_2, "S1"),
        (lonlat(shifted(200)), 6.0, None, APRIL_2, None),
        (lonlat(shifted(300)), None, None, APRIL_2, None),  # no height
        (lonlat(shifted(300)), 5.0, None, None, None),  # no date
        (None, 5.0, None, APRIL_2, None),  # no footprint
        (lonlat(shifted(300)), 70.0, None, APRIL_2, None),  # beyond the believable heap height
        (two_parts, 5.0, None, APRIL_2, None),  # two heaps in one feature
    ])
    feedback = RecordingFeedback()
    result = processing.run(algorithm("importheaps"), params(layer, DATA_FOLDER=str(tmp_path)), feedback=feedback)

    path = tmp_path / "rason.gpkg"
    assert result["OUTPUT"] == str(path)
    assert (result["IMPORTED"], result["SKIPPED"]) == (2, 5)
    skipped = [m for m in feedback.warnings if "skipped" in m]
    assert len(skipped) == 5
    for fragment in ("height (h) is empty", "date (seen) is empty", "no footprint", "2 parts", "70"):
        assert any(fragment in m for m in skipped), (fragment, skipped)
    assert_valid_gpkg(path)

    with PortFile.open(path) as port_file:
        heaps = port_file.heaps()
        assert port_file.stale_heaps() == []
        assert port_file.scene("S1")["acquired_utc"].startswith("2024-04-02T02:31")
    assert len(heaps) == 2
    first = [h for h in heaps if h["scene_id"] == "S1"][0]
    assert first["height_method"] == "imported"
    assert (first["model"], first["repose_deg"], first["density_t_m3"]) == ("repose", 35.0, 0.85)
    assert first["observed_utc"].startswith("2024-04-02T02:31:00")
    assert first["area_m2"] == pytest.approx(3000.0, rel=2e-3)
    expected = engine(first["geometry"], 8.0, height_sigma_m=0.5)
    for name in schema.DERIVED_FIELDS:
        if isinstance(expected[name], float):
            assert first[name] == pytest.approx(expected[name], rel=1e-12), name


def test_import_uses_the_registrys_edited_port_defaults(processing, tmp_path, registry_file):
    PortRegistry(registry_file).edit("Rason", default_model="prism", repose_deg=38.0)
    layer = footprints_layer([(lonlat(RECT), 8.0, None, APRIL_2, None)])
    output = tmp_path / "elsewhere" / "rason-log.gpkg"
    result = processing.run(algorithm("importheaps"), params(layer, OUTPUT=str(output)))
    assert result["IMPORTED"] == 1
    with PortFile.open(output) as port_file:
        heap = port_file.heaps()[0]
        assert port_file.port.repose_deg == 38.0
    assert (heap["model"], heap["repose_deg"]) == ("prism", 38.0)
    assert heap["volume_m3"] == pytest.approx(3000.0 * 8.0, rel=2e-3)  # a prism: area x height
    assert_valid_gpkg(output)


def test_import_appends_to_an_existing_port_file(processing, tmp_path, registry_file):
    layer = footprints_layer([(lonlat(RECT), 8.0, None, APRIL_2, None)])
    processing.run(algorithm("importheaps"), params(layer, DATA_FOLDER=str(tmp_path)))
    processing.run(algorithm("importheaps"), params(layer, DATA_FOLDER=str(tmp_path)))
    with PortFile.open(tmp_path / "rason.gpkg") as port_file:
        assert port_file.heap_count() == 2
    assert_valid_gpkg(tmp_path / "rason.gpkg")


def test_cancel_stops_between_heaps_and_keeps_whole_ones(processing, tmp_path, registry_file):
    layer = footprints_layer([(lonlat(shifted(150 * i)), 8.0, None, APRIL_2, None) for i in range(20)])
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda percent: feedback.cancel() if percent >= 30 else None)
    result = processing.run(algorithm("importheaps"), params(layer, DATA_FOLDER=str(tmp_path)), feedback=feedback)
    assert 0 < result["IMPORTED"] < 20
    with PortFile.open(tmp_path / "rason.gpkg") as port_file:
        assert port_file.heap_count() == result["IMPORTED"]
        assert port_file.stale_heaps() == []
        assert all(h["volume_m3"] and h["tonnage_t"] for h in port_file.heaps())
    assert_valid_gpkg(tmp_path / "rason.gpkg")


def test_unknown_port_is_refused_by_name(processing, tmp_path, registry_file):
    layer = footprints_layer([(lonlat(RECT), 8.0, None, APRIL_2, None)])
    with pytest.raises(QgsProcessingException, match="'Atlantis'"):
        processing.run(algorithm("importheaps"), params(layer, PORT="Atlantis", DATA_FOLDER=str(tmp_path)))
    assert list(tmp_path.iterdir()) == []


def test_file_of_another_port_is_refused_and_left_alone(processing, tmp_path, registry_file):
    layer = footprints_layer([(lonlat(RECT), 8.0, None, APRIL_2, None)])
    processing.run(algorithm("importheaps"), params(layer, DATA_FOLDER=str(tmp_path)))
    before = (tmp_path / "rason.gpkg").read_bytes()
    with pytest.raises(QgsProcessingException, match="not 'Nampho'"):
        processing.run(algorithm("importheaps"), params(layer, PORT="Nampho", OUTPUT=str(tmp_path / "rason.gpkg")))
    assert (tmp_path / "rason.gpkg").read_bytes() == before


def test_without_output_folder_or_saved_project_it_asks(processing, clean_project, registry_file):
    layer = footprints_layer([(lonlat(RECT), 8.0, None, APRIL_2, None)])
    with pytest.raises(QgsProcessingException, match="Give OUTPUT"):
        processing.run(algorithm("importheaps"), params(layer))


def test_project_data_folder_is_the_default(processing, clean_project, tmp_path, registry_file):
    assert clean_project.write(str(tmp_path / "watch.qgs"))
    layer = footprints_layer([(lonlat(RECT), 8.0, None, APRIL_2, None)])
    result = processing.run(algorithm("importheaps"), params(layer))
    assert result["OUTPUT"] == str((tmp_path / "coal_monitor_data" / "rason.gpkg").resolve())
    assert_valid_gpkg(result["OUTPUT"])


def test_help_text_reads_whole_in_the_processing_dialog():
    """The dialog shows the help as HTML: text in angle brackets would vanish ("OUTPUT, or /.gpkg")."""
    from qgis.PyQt.QtGui import QTextDocument

    from tests.helpers.trend_ports import algorithm

    help_text = algorithm("importheaps").shortHelpString()
    document = QTextDocument()
    document.setHtml(help_text)
    shown = " ".join(document.toPlainText().split())
    assert shown == " ".join(help_text.split())
    assert "DATA_FOLDER" in shown and "rason.gpkg" in shown


def test_port_is_offered_from_the_analysts_registry(processing, tmp_path):
    registry = PortRegistry(profile_registry_path())
    if "Sinpo" not in registry:
        registry.add("Sinpo", 40.03, 128.18)
    fresh = algorithm("importheaps")  # a fresh instance reads the registry as it is now
    definition = fresh.parameterDefinition("PORT")
    hints = definition.metadata()["widget_wrapper"]["value_hints"]
    assert {"Rason", "Nampho", "Sinpo"} <= set(hints)
    assert hints[:2] == [p.name for p in PortRegistry(profile_registry_path()).ports()][:2]
