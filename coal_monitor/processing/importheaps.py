"""coal_monitor:importheaps: heaps digitised elsewhere (any polygon layer, any CRS) into a port's log.

Each feature becomes one heap, logged through the store in its own transaction with the port's coal
defaults from the port registry and ``height_method`` = imported; the store derives the numbers. A
feature that cannot be a heap (no footprint, no height, no date, a height its footprint cannot hold) is
skipped with its reason, and the others are still imported. Cancelling stops between two heaps, so the
file holds whole heaps only.
"""
from pathlib import Path

from qgis.core import (
    QgsProcessing, QgsProcessingException, QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination, QgsProcessingParameterString,
)

from ..core.errors import InputError
from ..store.errors import StoreError
from ..store.values import plain
from ..translation import QT_TR_NOOP, message_text, tr
from .base import PORT_LOGS_GROUP, CoalMonitorAlgorithm
from .port_input import PORT_LOG, port_log_parameter, safe_text

PORT_LOG_DESCRIPTION = QT_TR_NOOP("Port log (team database: postgresql://USER@HOST:PORT/DBNAME?schema=SLUG or "
                                  "service=NAME schema=SLUG; or a .gpkg path), instead of OUTPUT and DATA_FOLDER")

HEIGHT_METHOD = "imported"


def _value(feature, field_name):
    """The feature's value, with QGIS NULL and blank text as None ('' field name: no field)."""
    return plain(feature[field_name]) if field_name else None


def _known_port_names():
    """The names of the analyst's port registry (built-in ports and her own), in registry order."""
    from ..core.ports import PortError, port_names
    from ..store.datafolder import profile_registry_path

    try:
        return port_names(profile_registry_path())
    except PortError:  # an unreadable registry file: the built-in ports, and running the algorithm says why
        return port_names()


class ImportHeapsAlgorithm(CoalMonitorAlgorithm):
    NAME = "importheaps"
    DISPLAY_NAME = QT_TR_NOOP("Import heaps into a port log")
    GROUP = PORT_LOGS_GROUP
    HELP = QT_TR_NOOP(
        "Logs every polygon of the input layer (any CRS) as a heap in the port's GeoPackage, computing "
        "volume and tonnage with the port's coal defaults (angle of repose, density band, pile model) "
        "from the port registry. Height comes from HEIGHT_FIELD (metres), its uncertainty optionally "
        "from HEIGHT_SIGMA_FIELD, the observation time (UTC) from DATE_FIELD and the image from "
        "SCENE_FIELD. The port log is PORT_LOG (a team database's port log, "
        "postgresql://USER@HOST:PORT/DBNAME?schema=SLUG or service=NAME schema=SLUG with the port's slug as "
        "schema, or a .gpkg path), else OUTPUT, or the file named after the port (rason.gpkg for Rason) in "
        "DATA_FOLDER or else in the project's "
        "data folder; it is created when missing. Features that cannot be heaps are skipped and listed "
        "with the reason. Each heap is written whole in its own transaction, so cancelling keeps every "
        "heap imported so far and no partial one."
    )

    INPUT = "INPUT"
    PORT = "PORT"
    DATA_FOLDER = "DATA_FOLDER"
    PORT_LOG = PORT_LOG
    HEIGHT_FIELD = "HEIGHT_FIELD"
    HEIGHT_SIGMA_FIELD = "HEIGHT_SIGMA_FIELD"
    DATE_FIELD = "DATE_FIELD"
    SCENE_FIELD = "SCENE_FIELD"
    OUTPUT = "OUTPUT"
    IMPORTED = "IMPORTED"
    SKIPPED = "SKIPPED"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Heap footprints"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        port = QgsProcessingParameterString(self.PORT, self.tr("Port (a port of the registry)"))
        # the dialog offers the registry's ports (one added with the panel's "New port..." is listed too);
        # qgis_process and models take any name, and an unknown one is refused with the known ones named
        port.setMetadata({"widget_wrapper": {"value_hints": _known_port_names()}})
        self.addParameter(port)
        self.addParameter(QgsProcessingParameterFile(
            self.DATA_FOLDER, self.tr("Data folder (default: the project's)"),
            QgsProcessingParameterFile.Behavior.Folder, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.HEIGHT_FIELD, self.tr("Height field (m)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric))
        self.addParameter(QgsProcessingParameterField(
            self.HEIGHT_SIGMA_FIELD, self.tr("Height uncertainty field (m, one sigma)"),
            parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DATE_FIELD, self.tr("Observation date/time field (UTC)"), parentLayerParameterName=self.INPUT))
        self.addParameter(QgsProcessingParameterField(
            self.SCENE_FIELD, self.tr("Scene id field"), parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Port GeoPackage"), "GeoPackage (*.gpkg)", optional=True, createByDefault=False))
        self.addParameter(port_log_parameter(self.PORT_LOG, PORT_LOG_DESCRIPTION))
        self.addOutput(QgsProcessingOutputNumber(self.IMPORTED, self.tr("Heaps imported")))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED, self.tr("Features skipped")))

    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(tr("The INPUT layer cannot be read; choose a polygon layer."))
        port = self._port(parameters, context)
        location = self._port_log_location(parameters, context, port, feedback)
        fields = {key: self.parameterAsString(parameters, key, context)
                  for key in (self.HEIGHT_FIELD, self.HEIGHT_SIGMA_FIELD, self.DATE_FIELD, self.SCENE_FIELD)}
        with self._open_or_create(location, port, feedback) as port_file:
            imported, skipped = self._import(source, port, port_file, fields, feedback)
        feedback.pushInfo(tr("{port}: {imported} heaps imported into {path}, {skipped} features skipped.").format(
            port=port.name, imported=imported, path=location.display, skipped=len(skipped)))
        return {self.OUTPUT: location.display, self.IMPORTED: imported, self.SKIPPED: len(skipped)}

    # ---- steps ------------------------------------------------------------------------------------------

    def _port(self, parameters, context):
        from ..core.ports import PortError, PortRegistry  # the registry and the store load when it runs
        from ..store.datafolder import profile_registry_path

        name = self.parameterAsString(parameters, self.PORT, context)
        try:
            return PortRegistry(profile_registry_path()).get(name)
        except PortError as exc:
            raise QgsProcessingException(message_text(exc)) from None

    def _port_log_location(self, parameters, context, port, feedback):
        """Where the heaps go: PORT_LOG when given (alone), else the port file OUTPUT / DATA_FOLDER name."""
        from ..store.port_log import geopackage_location, parse_location, port_schema

        text = (self.parameterAsString(parameters, self.PORT_LOG, context) or "").strip()
        if not text:
            return geopackage_location(self._port_file_path(parameters, context, port, feedback))
        others = [name for name in (self.OUTPUT, self.DATA_FOLDER) if self._given(parameters, context, name)]
        if others:
            raise QgsProcessingException(tr("PORT_LOG names the port log; leave {others} empty (they name a port "
                                            "file in a folder instead).").format(others=" and ".join(others)))
        try:
            location = parse_location(text)
        except StoreError as exc:
            raise QgsProcessingException(safe_text(exc)) from None
        if location.is_postgis and location.schema_name != port_schema(port):
            raise QgsProcessingException(tr(
                "PORT_LOG names schema {schema!r}, but the heaps are of port {port}, whose log is schema {slug!r}; "
                "use schema={slug}.").format(schema=location.schema_name, port=port.name, slug=port_schema(port)))
        return location

    def _given(self, parameters, context, name):
        if name == self.OUTPUT:
            return bool(self.parameterAsFileOutput(parameters, name, context)) and parameters.get(name) not in (
                None, "", "TEMPORARY_OUTPUT")
        return bool(self.parameterAsFile(parameters, name, context))

    def _port_file_path(self, parameters, context, port, feedback) -> Path:
        from ..core.slug import SlugError, port_file_path
        from ..store.datafolder import data_folder

        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        folder = self.parameterAsFile(parameters, self.DATA_FOLDER, context)
        try:
            if output:
                path = Path(output)
                if path.suffix.lower() != ".gpkg":
                    raise QgsProcessingException(tr("OUTPUT {output!r} must be a .gpkg file.").format(output=output))
                if folder and path.resolve() != port_file_path(folder, port.slug):
                    feedback.pushWarning(tr("OUTPUT {output} is not the port file of DATA_FOLDER ({port_file}); "
                                            "writing to OUTPUT.").format(output=output,
                                                                         port_file=port_file_path(folder, port.slug)))
                return path
            folder = folder or data_folder(context.project())
            if not folder:
                raise QgsProcessingException(tr(
                    "Where should the port file go? Give OUTPUT (the port's .gpkg) or DATA_FOLDER, or save "
                    "the project so that its data folder can be used."))
            return port_file_path(folder, port.slug)
        except SlugError as exc:
            raise QgsProcessingException(message_text(exc)) from None

    def _open_or_create(self, location, port, feedback):
        """The open port log to import into (created when missing)."""
        if location.is_postgis:
            return self._open_or_create_postgis(location, port, feedback)
        return self._open_or_create_file(Path(location.path), port, feedback)

    def _open_or_create_file(self, path: Path, port, feedback):
        from ..store.portfile import PortFile, logged_port  # with shapely and pyproj: only when it runs

        try:
            if path.exists():
                other = logged_port(path)
                if other is not None and other[1] != port.slug:
                    raise QgsProcessingException(tr(
                        "{path} is the log of port {other!r}, not {port!r}; choose {name}'s file or "
                        "another OUTPUT.").format(path=path, other=other[0], port=port.name, name=port.name))
                port_file = PortFile.open(path)
                for message in port_file.recompute_stale():
                    feedback.pushWarning(message_text(message))
                return port_file
            path.parent.mkdir(parents=True, exist_ok=True)
            feedback.pushInfo(tr("Creating the port file {path} for {port} (EPSG:{epsg}).").format(
                path=path, port=port.name, epsg=port.crs_epsg))
            return PortFile.create(path, port)
        except (StoreError, OSError) as exc:
            raise QgsProcessingException(message_text(exc)) from None

    @staticmethod
    def _open_or_create_postgis(location, port, feedback):
        from ..store.port_log import create_port_log, open_port_log, port_log_exists

        try:
            if not port_log_exists(location):
                feedback.pushInfo(tr("Creating the port log {path} for {port} (EPSG:{epsg}).").format(
                    path=location.display, port=port.name, epsg=port.crs_epsg))
                try:
                    return create_port_log(location, port)
                except StoreError:
                    if not port_log_exists(location):  # not another writer creating it at the same moment
                        raise
            port_log = open_port_log(location)
            if not port_log.read_only:
                for message in port_log.recompute_stale():
                    feedback.pushWarning(safe_text(message))
            return port_log
        except StoreError as exc:
            raise QgsProcessingException(safe_text(exc)) from None

    def _import(self, source, port, port_file, fields, feedback):
        total = source.featureCount()
        crs = source.sourceCrs()
        origin = source.sourceName()
        imported, skipped = 0, []
        for index, feature in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                feedback.pushWarning(tr("Cancelled after {imported} heaps; every heap imported is whole.").format(
                    imported=imported))
                break
            reason = None
            try:
                attrs = self._heap_attributes(feature, port, fields, origin)
                self._log_scene(port_file, attrs, feedback)
                port_file.add_heap(feature.geometry(), crs, attrs)
                imported += 1
            except _Skip as exc:
                reason = str(exc)
            except InputError as exc:  # includes the store's HeapInputError
                reason = message_text(exc)
            except StoreError as exc:  # the file itself failed (locked, read-only): stop, keep what is done
                raise QgsProcessingException(tr(
                    "{problem} {imported} heaps were imported before this; each of them is whole.").format(
                    problem=safe_text(exc), imported=imported)) from None
            if reason is not None:
                skipped.append((feature.id(), reason))
                feedback.pushWarning(tr("Feature {fid} skipped: {reason}").format(fid=feature.id(), reason=reason))
            if total > 0:
                feedback.setProgress(100.0 * (index + 1) / total)
        return imported, skipped

    def _heap_attributes(self, feature, port, fields, origin):
        geometry = feature.geometry()
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            raise _Skip("it has no footprint geometry.")
        height = _value(feature, fields[self.HEIGHT_FIELD])
        if height is None:
            raise _Skip(f"its height ({fields[self.HEIGHT_FIELD]}) is empty.")
        observed = _value(feature, fields[self.DATE_FIELD])
        if observed is None:
            raise _Skip(f"its observation date ({fields[self.DATE_FIELD]}) is empty.")
        scene = _value(feature, fields[self.SCENE_FIELD])
        return {
            "observed_utc": observed,
            "height_m": height,
            "height_sigma_m": _value(feature, fields[self.HEIGHT_SIGMA_FIELD]),
            "height_method": HEIGHT_METHOD,
            "scene_id": None if scene is None else str(scene),
            "model": port.default_model,
            "repose_deg": port.repose_deg,
            "density_t_m3": port.density_t_m3,
            "notes": f"Imported from {origin!r}, feature {feature.id()}.",
        }

    @staticmethod
    def _log_scene(port_file, attrs, feedback):
        """A scene named by an imported heap is logged (id and time) so scene queries find it."""
        scene_id = attrs["scene_id"]
        if scene_id is None or port_file.scene(scene_id) is not None:
            return
        try:
            port_file.add_scene({"scene_id": scene_id, "acquired_utc": attrs["observed_utc"],
                                 "notes": "Logged by Import heaps; acquisition time taken from the heaps."})
        except InputError as exc:
            text = tr("Scene {scene_id!r} not logged: {problem}")
            feedback.pushWarning(text.format(scene_id=scene_id, problem=message_text(exc)))


class _Skip(Exception):
    """A feature that cannot be a heap; the message is the reason shown to the analyst."""


ALGORITHM = ImportHeapsAlgorithm
