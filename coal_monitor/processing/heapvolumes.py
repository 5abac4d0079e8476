"""Processing algorithm ``coal_monitor:heapvolumes``: volume and tonnage for every heap of a layer.

A thin shell around ``coal_monitor.core.estimate``: each footprint is handed to the engine with its
layer's CRS; a feature the engine refuses keeps its geometry and attributes, gets null numbers and the
engine's message in ``volume_note``, and the run goes on (failures are counted and reported).
"""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core import limits
from ..core.errors import InputError
from ..core.pile_models import PILE_MODELS
from ..field_types import new_field
from ..translation import QT_TR_NOOP, message_text, tr
from ..store.values import plain
from .base import HEAPS_GROUP, CoalMonitorAlgorithm

NUMBER_PARAMETERS = (
    # name, label, default, minimum, maximum
    ("REPOSE_ANGLE", "Angle of repose (°)", limits.REPOSE_DEFAULT_DEG, limits.REPOSE_MIN_DEG, limits.REPOSE_MAX_DEG),
    ("REPOSE_TOLERANCE", "Angle of repose tolerance (± °)", limits.REPOSE_TOLERANCE_DEG, 0.0,
     limits.REPOSE_TOLERANCE_MAX_DEG),
    ("DENSITY", "Bulk density (t/m³)", limits.DENSITY_DEFAULT_T_M3, limits.DENSITY_MIN_T_M3, limits.DENSITY_MAX_T_M3),
    ("DENSITY_LOW", "Low bulk density (t/m³)", limits.DENSITY_LOW_T_M3, limits.DENSITY_MIN_T_M3,
     limits.DENSITY_MAX_T_M3),
    ("DENSITY_HIGH", "High bulk density (t/m³)", limits.DENSITY_HIGH_T_M3, limits.DENSITY_MIN_T_M3,
     limits.DENSITY_MAX_T_M3),
)


def _engine_crs(crs: QgsCoordinateReferenceSystem):
    """What pyproj gets: the EPSG code when there is one, else QGIS's WKT."""
    authid = crs.authid()
    if authid.upper().startswith("EPSG:"):
        return authid
    return crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED)


class HeapVolumesAlgorithm(CoalMonitorAlgorithm):
    NAME = "heapvolumes"
    DISPLAY_NAME = QT_TR_NOOP("Compute coal heap volumes")
    GROUP = HEAPS_GROUP
    HELP = QT_TR_NOOP(
        "Volume and tonnage of each heap footprint from its height, with low/high ranges. "
        "Repose model: z = min(H, tan(angle) × distance to the edge); prism: area × height; "
        "cone: area × height / 3. Area is computed on the ellipsoid whatever the layer's CRS. "
        "A footprint or height the engine refuses gets null numbers and its reason in volume_note."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", self.tr("Heap footprints"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            "HEIGHT_FIELD", self.tr("Height field (m)"), parentLayerParameterName="INPUT",
            type=QgsProcessingParameterField.DataType.Numeric))
        self.addParameter(QgsProcessingParameterField(
            "HEIGHT_SIGMA_FIELD", self.tr("Height uncertainty field (± m)"), parentLayerParameterName="INPUT",
            type=QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "MODEL", self.tr("Pile model"), options=[self.tr(model.label) for model in PILE_MODELS],
            defaultValue=limits.MODELS.index(limits.DEFAULT_MODEL)))
        for name, label, default, minimum, maximum in NUMBER_PARAMETERS:
            self.addParameter(QgsProcessingParameterNumber(
                name, label, QgsProcessingParameterNumber.Type.Double, default, False, minimum, maximum))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Heap volumes"),
                                                            QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("FAILED_COUNT", self.tr("Features without a volume")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.estimate import FIELD_NAMES, check_inputs  # the engine, shapely, pyproj: when it runs
        from ..core.geodesy import parse_crs

        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "INPUT"))
        height_field = self.parameterAsString(parameters, "HEIGHT_FIELD", context)
        sigma_field = self.parameterAsString(parameters, "HEIGHT_SIGMA_FIELD", context)
        settings = {
            "model": limits.MODELS[self.parameterAsEnum(parameters, "MODEL", context)],
            "repose_deg": self.parameterAsDouble(parameters, "REPOSE_ANGLE", context),
            "repose_tol_deg": self.parameterAsDouble(parameters, "REPOSE_TOLERANCE", context),
            "density_t_m3": self.parameterAsDouble(parameters, "DENSITY", context),
            "density_lo_t_m3": self.parameterAsDouble(parameters, "DENSITY_LOW", context),
            "density_hi_t_m3": self.parameterAsDouble(parameters, "DENSITY_HIGH", context),
        }
        crs = _engine_crs(source.sourceCrs())
        try:  # settings and CRS are the same for every feature: refuse them once, before any output
            check_inputs(1.0, 0.0, **settings)
            parse_crs(crs)
        except InputError as exc:
            raise QgsProcessingException(message_text(exc)) from None

        kept = [i for i, f in enumerate(source.fields()) if f.name() not in FIELD_NAMES]
        fields = QgsFields()
        for i in kept:
            fields.append(source.fields().at(i))
        for name in FIELD_NAMES:
            fields.append(new_field(name, "string" if name == "volume_note" else "double"))
        sink, dest_id = self.parameterAsSink(
            parameters, "OUTPUT", context, fields, source.wkbType(), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))

        total = max(source.featureCount(), 1)
        failed = 0
        # The engine repairs what can be repaired and names the rest: QGIS's own validity check would
        # stop the run (or drop the feature) before the analyst learns why.
        features = source.getFeatures(QgsFeatureRequest(),
                                      QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
        for done, feature in enumerate(features):
            if feedback.isCanceled():
                break
            values, error = self._estimate(feature, crs, height_field, sigma_field, settings)
            if error:
                failed += 1
                problem = message_text(error)
                feedback.pushWarning(tr("feature {fid}: {problem}").format(fid=feature.id(), problem=problem))
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes([feature.attributes()[i] for i in kept] + [values[n] for n in FIELD_NAMES])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
            feedback.setProgress(100.0 * (done + 1) / total)
        if failed:
            feedback.pushWarning(tr("{failed} of {total} features got no volume; see volume_note").format(
                failed=failed, total=source.featureCount()))
        return {"OUTPUT": dest_id, "FAILED_COUNT": failed}

    @staticmethod
    def _estimate(feature, crs, height_field, sigma_field, settings):
        """(field values, error message or "") for one feature."""
        from ..core.estimate import FIELD_NAMES, prepare_footprint
        from ..store.footprint import to_shapely

        try:
            sigma = plain(feature[sigma_field]) if sigma_field else None
            footprint = prepare_footprint(to_shapely(feature.geometry()), crs)
            result = footprint.estimate(
                plain(feature[height_field]), 0.0 if sigma is None else sigma, **settings)
            return result.as_fields(), ""
        except InputError as exc:
            error = exc.message
        except Exception as exc:  # a bug must not cost the analyst the other heaps of the run
            error = f"could not be computed ({type(exc).__name__}: {exc}); please report this footprint"
        values = dict.fromkeys(FIELD_NAMES)
        values["volume_note"] = str(error)  # the output layer's data: English, as the port files'
        return values, error


ALGORITHM = HeapVolumesAlgorithm
