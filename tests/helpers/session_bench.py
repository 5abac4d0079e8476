"""A measuring session with no dock and no canvas: a saved project, a synthetic Rason image, scripted prompts.

Every signal the session emits is recorded in ``signals`` (name -> list of argument tuples), so a test
reads what the dock would have shown; ``rows()`` reads the port file with plain sqlite3.
"""

from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsPointXY, QgsProject, QgsRasterLayer

from coal_monitor.core.ports import PortRegistry
from coal_monitor.session.measuring import MeasuringSession
from tests.helpers import gpkg_checks
from tests.helpers.rasters import write_geotiff
from tests.helpers.scripted_prompts import ScriptedPrompts

RASON_EPSG = 32652
IMAGE_ORIGIN = (605_700.0, 4_675_900.0)
ACQUIRED = "2024-04-05 02:13:00"
SIGNALS = ("port_changed", "scene_changed", "heaps_changed", "footprint_changed", "drawing_changed",
           "estimate_changed", "heap_selected", "message")
# A five-corner heap outline in UTM 52N, inside the image.
HEAP_XY = [(605_800.0, 4_675_800.0), (605_860.0, 4_675_805.0), (605_875.0, 4_675_760.0),
           (605_830.0, 4_675_730.0), (605_790.0, 4_675_755.0)]


class SessionBench:
    def __init__(self, folder, prompts=None, imagery_metadata=True):
        self.folder = folder
        self.project = QgsProject.instance()
        self.project.setFileName(str(folder / "rason_analysis.qgz"))
        metadata = {"ACQUISITIONDATETIME": ACQUIRED, "SATELLITEID": "WV03"} if imagery_metadata else None
        self.image = QgsRasterLayer(write_geotiff(folder / "rason_20240405.tif", epsg=RASON_EPSG,
                                                  origin=IMAGE_ORIGIN, imagery=metadata), "Rason 2024-04-05")
        assert self.image.isValid()
        self.project.addMapLayer(self.image)
        self.prompts = prompts if prompts is not None else ScriptedPrompts()
        self.session = MeasuringSession(self.project, self.prompts, registry=PortRegistry())
        self.signals = {name: [] for name in SIGNALS}
        for name in SIGNALS:
            getattr(self.session, name).connect(lambda *args, _name=name: self.signals[_name].append(args))

    def start(self, port="Rason"):
        self.session.set_port(port)
        self.session.set_image(self.image)
        self.clear_signals()
        return self.session

    def clear_signals(self):
        for emitted in self.signals.values():
            emitted.clear()

    def messages(self, level=None):
        return [text for text, lvl in self.signals["message"] if level is None or lvl == level]

    def port_file(self):
        return self.folder / "coal_monitor_data" / "rason.gpkg"

    def rows(self, table="heaps"):
        if not self.port_file().exists():
            return []
        return gpkg_checks.table_rows(self.port_file(), table)

    def close(self):
        self.session.close()


def heap_geometry(xy=HEAP_XY):
    return QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in xy + xy[:1]]])


def port_crs():
    return QgsCoordinateReferenceSystem(f"EPSG:{RASON_EPSG}")
