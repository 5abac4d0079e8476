"""coal_monitor:heapvolumes through processing.run on memory layers in lon/lat and in UTM: the output
keeps the input, adds the engine's fields with the engine's numbers, and bad features get a note."""
import pytest
from pyproj import Proj, Transformer
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant
from shapely import wkt
from shapely.geometry import Point, Polygon, box

from coal_monitor.core.estimate import FIELD_NAMES, estimate_heap
from coal_monitor.field_types import new_field

ALGORITHM_ID = "coal_monitor:heapvolumes"
NAMPHO_UTM = "EPSG:32652"
ORIGIN = (480_000.0, 4_287_000.0)  # Nampho harbour in UTM 52N


def in_utm(polygon):
    return Polygon([(x + ORIGIN[0], y + ORIGIN[1]) for x, y in polygon.exterior.coords],
                   [[(x + ORIGIN[0], y + ORIGIN[1]) for x, y in r.coords] for r in polygon.interiors])


def reprojected(polygon, crs):
    if crs == NAMPHO_UTM:
        return polygon
    to = Transformer.from_crs(NAMPHO_UTM, crs, always_xy=True)
    return Polygon([to.transform(x, y) for x, y in polygon.exterior.coords],
                   [[to.transform(x, y) for x, y in r.coords] for r in polygon.interiors])


# name, footprint (UTM), height, sigma, expected to fail
HEAPS = [
    ("ridge", in_utm(box(0, 0, 100, 30)), 8.0, 0.5, False),
    ("cone", in_utm(Point(200, 0).buffer(20, 64)), 10.0, None, False),
    ("too tall", in_utm(box(300, 0, 340, 15)), 8.0, 0.0, False),
    ("no height", in_utm(box(400, 0, 430, 20)), None, 0.0, True),
    ("negative height", in_utm(box(500, 0, 530, 20)), -3.0, 0.0, True),
    ("bow tie", Polygon([(ORIGIN[0] + 600 + x, ORIGIN[1] + y) for x, y in [(0, 0), (50, 50), (50, 0), (0, 50)]]),
     5.0, 0.0, True),
]


def heap_layer(crs):
    layer = QgsVectorLayer(f"Polygon?crs={crs}", "heaps", "memory")
    provider = layer.dataProvider()
    provider.addAttributes([new_field("name", "string"), new_field("height", "double"), new_field("sigma", "double")])
    layer.updateFields()
    features = []
    for name, footprint, height, sigma, _ in HEAPS:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(reprojected(footprint, crs).wkt))
        feature.setAttributes([name, height, sigma])
        features.append(feature)
    empty = QgsFeature(layer.fields())
    empty.setAttributes(["no geometry", 5.0, 0.0])
    features.append(empty)
    assert provider.addFeatures(features)[0]
    return layer


def run(processing, layer, **parameters):
    return processing.run(ALGORITHM_ID, {"INPUT": layer, "HEIGHT_FIELD": "height", "HEIGHT_SIGMA_FIELD": "sigma",
                                         "OUTPUT": "TEMPORARY_OUTPUT", **parameters})


def is_null(value):
    return value is None or (isinstance(value, QVariant) and value.isNull())


def by_name(layer):
    return {f["name"]: f for f in layer.getFeatures()}


@pytest.mark.parametrize("crs", ["EPSG:4326", NAMPHO_UTM])
def test_output_has_the_engines_numbers_and_notes(processing, crs):
    layer = heap_layer(crs)
    result = run(processing, layer)
    out = result["OUTPUT"]
    assert [f.name() for f in out.fields()] == ["name", "height", "sigma", *FIELD_NAMES]
    assert out.featureCount() == len(HEAPS) + 1
    assert result["FAILED_COUNT"] == sum(h[4] for h in HEAPS) + 1
    rows = by_name(out)
    for name, footprint, height, sigma, fails in HEAPS:
        row = rows[name]
        if fails:
            assert all(is_null(row[n]) for n in FIELD_NAMES[:-1]), name
            assert row["volume_note"], name
            continue
        source = wkt.loads(row.geometry().asWkt())
        expected = estimate_heap(source, crs, height, height_sigma_m=sigma or 0.0).as_fields()
        for field in FIELD_NAMES[:-1]:
            assert row[field] == pytest.approx(expected[field], rel=1e-9), (name, field)
        assert row["volume_note"] == expected["volume_note"]
    assert "taller than the" in rows["too tall"]["volume_note"]
    assert "missing" in rows["no height"]["volume_note"]
    assert "height -3 m" in rows["negative height"]["volume_note"]
    assert "redraw" in rows["bow tie"]["volume_note"]
    assert "null geometry" in rows["no geometry"]["volume_note"]


def test_lon_lat_and_utm_layers_agree_and_measure_the_ground(processing):
    a = by_name(run(processing, heap_layer("EPSG:4326"))["OUTPUT"])
    b = by_name(run(processing, heap_layer(NAMPHO_UTM))["OUTPUT"])
    assert a["ridge"]["volume_m3"] == pytest.approx(b["ridge"]["volume_m3"], rel=1e-4)
    assert a["ridge"]["area_m2"] == pytest.approx(b["ridge"]["area_m2"], rel=1e-6)
    # The planar 100 x 30 m UTM box covers 3000 m² divided by UTM's areal scale there on the ground.
    lon, lat = Transformer.from_crs(NAMPHO_UTM, "EPSG:4326", always_xy=True).transform(ORIGIN[0] + 50, ORIGIN[1] + 15)
    areal_scale = Proj(NAMPHO_UTM).get_factors(lon, lat).areal_scale
    assert b["ridge"]["area_m2"] == pytest.approx(3000.0 / areal_scale, rel=1e-6)


def test_model_enum_order_and_settings(processing):
    layer = heap_layer(NAMPHO_UTM)
    prism = by_name(run(processing, layer, MODEL=1)["OUTPUT"])["ridge"]
    cone = by_name(run(processing, layer, MODEL=2, DENSITY=0.9, DENSITY_LOW=0.8, DENSITY_HIGH=1.0)["OUTPUT"])["ridge"]
    assert prism["volume_m3"] == pytest.approx(prism["area_m2"] * 8.0, rel=1e-12)
    assert cone["volume_m3"] == pytest.approx(cone["area_m2"] * 8.0 / 3, rel=1e-12)
    assert cone["tonnage_hi_t"] == pytest.approx(cone["area_m2"] * 8.5 / 3 * 1.0, rel=1e-12)


def test_parameters_by_the_issues_names():
    algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM_ID)
    assert algorithm is not None and algorithm.displayName() == "Compute coal heap volumes"
    names = [p.name() for p in algorithm.parameterDefinitions()]
    assert names == ["INPUT", "HEIGHT_FIELD", "HEIGHT_SIGMA_FIELD", "MODEL", "REPOSE_ANGLE", "REPOSE_TOLERANCE",
                     "DENSITY", "DENSITY_LOW", "DENSITY_HIGH", "OUTPUT"]
    model = algorithm.parameterDefinition("MODEL")
    assert [o.split()[0].lower() for o in model.options()] == ["repose-capped", "prism", "cone"]
    assert model.defaultValue() == 0
    defaults = {p.name(): p.defaultValue() for p in algorithm.parameterDefinitions()}
    assert (defaults["REPOSE_ANGLE"], defaults["REPOSE_TOLERANCE"], defaults["DENSITY"], defaults["DENSITY_LOW"],
            defaults["DENSITY_HIGH"]) == (35.0, 3.0, 0.85, 0.75, 1.05)


def test_inconsistent_densities_stop_the_run_with_the_engines_message(processing):
    with pytest.raises(QgsProcessingException, match="not between its low"):
        run(processing, heap_layer(NAMPHO_UTM), DENSITY=0.8, DENSITY_LOW=0.9)


def test_a_layer_without_crs_is_refused(processing):
    layer = heap_layer(NAMPHO_UTM)
    from qgis.core import QgsCoordinateReferenceSystem

    layer.setCrs(QgsCoordinateReferenceSystem())
    with pytest.raises(QgsProcessingException, match="CRS"):
        run(processing, layer)


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self, cancel_after=None):
        super().__init__()
        self.progress = []
        self.cancel_after = cancel_after
        self.progressChanged.connect(self._on_progress)

    def _on_progress(self, value):
        self.progress.append(value)
        if self.cancel_after is not None and len(self.progress) >= self.cancel_after:
            self.cancel()


def test_progress_is_reported_and_cancel_stops_the_run(processing):
    layer = heap_layer(NAMPHO_UTM)
    feedback = RecordingFeedback()
    run_all = processing.run(ALGORITHM_ID, {"INPUT": layer, "HEIGHT_FIELD": "height", "OUTPUT": "TEMPORARY_OUTPUT"},
                             feedback=feedback)
    assert feedback.progress[-1] == pytest.approx(100.0) and len(feedback.progress) >= layer.featureCount()
    assert run_all["OUTPUT"].featureCount() == layer.featureCount()
    stopping = RecordingFeedback(cancel_after=2)
    partial = processing.run(ALGORITHM_ID, {"INPUT": layer, "HEIGHT_FIELD": "height", "OUTPUT": "TEMPORARY_OUTPUT"},
                             feedback=stopping)
    assert partial["OUTPUT"].featureCount() == 2
