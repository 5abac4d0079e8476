"""A model built as the model designer builds it, with coal_monitor:heapvolumes as a child step,
runs through processing.run and gives the engine's numbers."""
from qgis.core import (QgsApplication, QgsFeature, QgsGeometry, QgsProcessingModelAlgorithm,
                       QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource,
                       QgsProcessingModelOutput, QgsProcessingModelParameter,
                       QgsProcessingParameterVectorLayer, QgsProject, QgsVectorLayer)

from coal_monitor.core.estimate import estimate_heap
from coal_monitor.field_types import new_field

FOOTPRINT_WKT = "POLYGON((605800 4675780, 605900 4675780, 605900 4675810, 605800 4675810, 605800 4675780))"


def _model():
    model = QgsProcessingModelAlgorithm("Heaps to volumes", "Coal Monitor tests")
    model.addModelParameter(QgsProcessingParameterVectorLayer("heaps", "Heaps"),
                            QgsProcessingModelParameter("heaps"))
    child = QgsProcessingModelChildAlgorithm("coal_monitor:heapvolumes")
    child.setChildId("volumes")
    child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("heaps")])
    child.addParameterSources("HEIGHT_FIELD", [QgsProcessingModelChildParameterSource.fromStaticValue("h")])
    child.addParameterSources("MODEL", [QgsProcessingModelChildParameterSource.fromStaticValue(0)])
    # the designer's dialog fills every other parameter with its default value
    for definition in QgsApplication.processingRegistry().algorithmById("coal_monitor:heapvolumes").parameterDefinitions():
        if definition.name() not in child.parameterSources() and not definition.isDestination() \
                and definition.defaultValue() is not None:
            child.addParameterSources(definition.name(),
                                      [QgsProcessingModelChildParameterSource.fromStaticValue(definition.defaultValue())])
    output = QgsProcessingModelOutput("volumes_out")
    output.setChildOutputName("OUTPUT")
    child.setModelOutputs({"volumes_out": output})
    model.addChildAlgorithm(child)
    return model


def test_model_with_heapvolumes_child_runs(processing, clean_project):
    layer = QgsVectorLayer("Polygon?crs=EPSG:32652", "heaps", "memory")
    layer.dataProvider().addAttributes([new_field("h", "double")])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(FOOTPRINT_WKT))
    feature.setAttributes([8.0])
    layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)

    model = _model()
    ok, errors = model.validate()
    assert ok, errors
    result = processing.run(model, {"heaps": layer, "volumes:volumes_out": "memory:"})
    out = result["volumes:volumes_out"]
    out = out if isinstance(out, QgsVectorLayer) else QgsProject.instance().mapLayer(out)
    (row,) = list(out.getFeatures())
    expected = estimate_heap(FOOTPRINT_WKT, "EPSG:32652", 8.0)
    assert abs(row["volume_m3"] - expected.volume_m3) <= 1e-6 * expected.volume_m3
    assert row["volume_m3"] < 100 * 30 * 8.0  # the repose model, not area x height
