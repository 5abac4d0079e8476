"""Adding a port from the dock: the dialog, and the click on the map its "Pick on the map..." asks for."""
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

from ..definitions import LOG_TAG, MESSAGE_SECONDS
from ..translation import tr
from .location_tool import LocationPickTool


class NewPortFlow:
    """Ask for a new port (``session.prompts.ask_new_port``), optionally with a click on the map for its
    location, and add it through the session; ``added(port)`` is called with the new port."""

    def __init__(self, iface, session, added):
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.session = session
        self.added = added
        self.location_tool = LocationPickTool(self.canvas)
        self._pending = None  # the dialog's answers while the location is picked on the map
        self.location_tool.picked.connect(self._location_picked)
        self.location_tool.canceled.connect(lambda: setattr(self, "_pending", None))

    def ask(self, draft=None):
        answer = self.session.prompts.ask_new_port(self._canvas_centre_lat_lon(), draft)
        if not answer:
            return
        if answer.pop("pick_on_map", False):
            self._pending = answer
            self.location_tool.arm()
            self.iface.messageBar().pushMessage(LOG_TAG, tr("Click the new port's location on the map (Esc cancels)."),
                                                Qgis.MessageLevel.Info, MESSAGE_SECONDS)
            return
        port = self.session.add_port(answer.pop("name"), answer.pop("lat_deg"), answer.pop("lon_deg"), **answer)
        if port is not None:
            self.added(port)

    def _location_picked(self, lat_deg, lon_deg):
        draft, self._pending = self._pending, None
        if draft is not None:
            self.ask(dict(draft, lat_deg=lat_deg, lon_deg=lon_deg))

    def _canvas_centre_lat_lon(self):
        to_wgs84 = QgsCoordinateTransform(self.canvas.mapSettings().destinationCrs(),
                                          QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
        try:
            point = to_wgs84.transform(self.canvas.extent().center())
        except Exception:  # an empty canvas has no meaningful centre
            return None
        return (point.y(), point.x())

    def release(self):
        self.location_tool.release()
