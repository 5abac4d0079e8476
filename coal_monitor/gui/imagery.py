"""What the dock needs to know about an imagery layer: is it on the map, how fine is it, which scene.

A heap measured on an image that is not georeferenced would have a meaningless area, so such a layer
is refused with a message before anything is drawn on it. Web basemaps (XYZ, WMS/WMTS, ArcGIS, vector
tiles) have no file and no ground resolution of their own: they are told apart here, their credit is
read from the layer, and their scenes are named per capture date (core/scene_identity.py).
"""
import os

from osgeo import gdal
from qgis.core import (
    Qgis, QgsDistanceArea, QgsPointXY, QgsProject, QgsProviderRegistry, QgsRasterLayer, QgsVectorTileLayer,
)

from ..core import scene_identity

# Providers that draw from a server, never from a local file (XYZ tiles use the wms provider; vector
# tiles are "vectortile" on 3.22, "xyzvectortiles" or "arcgisvectortileservice" on 3.40).
WEB_PROVIDERS = ("wms", "wcs", "arcgismapserver", "arcgisfeatureserver", "xyz", "vectortile", "xyzvectortiles",
                 "arcgisvectortileservice")
# GDAL sources that are web services, not files.
WEB_GDAL_PREFIXES = ("/vsicurl", "http://", "https://", "wms:", "<gdal_wms>", "<gdal_wmts>", "wmts:")

# QGIS 3.38 moved a layer's attribution into its server properties and deprecated QgsMapLayer.attribution();
# QGIS 3.22 (the floor) has only the latter.
SERVER_ATTRIBUTION = Qgis.QGIS_VERSION_INT >= 33800


def raster_path(layer):
    """The file behind a GDAL raster layer (without '|option' suffixes), or '' for other providers."""
    if not isinstance(layer, QgsRasterLayer) or layer.providerType() != "gdal":
        return ""
    return layer.source().split("|")[0]


def is_web_layer(layer):
    """True for a layer drawn from a server (tiles, WMS, ArcGIS, vector tiles), not from a local file."""
    if layer is None:
        return False
    provider = (layer.providerType() or "").lower()
    if provider in WEB_PROVIDERS or isinstance(layer, QgsVectorTileLayer):  # tiles: drawn, never measured
        return True
    return provider == "gdal" and layer.source().strip().lower().startswith(WEB_GDAL_PREFIXES)


def _web_url(layer):
    try:
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    except Exception:  # a provider without a URI decoder: the source itself may be the URL
        parts = {}
    url = parts.get("url") or ""
    return url or (layer.source() if "://" in layer.source() else "")


def layer_attribution(layer):
    """The credit a web layer carries (its metadata rights, else its attribution), or ''."""
    rights = [r.strip() for r in layer.metadata().rights() if r and r.strip()]
    if not rights and layer.dataProvider() is not None and hasattr(layer.dataProvider(), "layerMetadata"):
        rights = [r.strip() for r in layer.dataProvider().layerMetadata().rights() if r and r.strip()]
    return "; ".join(rights) or (_server_attribution(layer) or "").strip()


def _server_attribution(layer):
    return layer.serverProperties().attribution() if SERVER_ATTRIBUTION else layer.attribution()


def web_source_label(layer):
    """A web layer's short, stable name: its host and name."""
    return scene_identity.web_source_label(_web_url(layer), layer.name())


def web_scene_id(layer, acquired_utc):
    """The scene of a web basemap seen at one capture date (aware UTC datetime)."""
    return scene_identity.web_scene_id(web_source_label(layer), acquired_utc)


def georeferencing_problem(layer):
    """Why heaps cannot be measured on this layer, or '' when they can."""
    if layer is None:
        return ("No imagery layer is chosen. Add the satellite image to the project (Layer > Add Layer > "
                "Add Raster Layer) and pick it under Image.")
    if not isinstance(layer, QgsRasterLayer) or not layer.isValid():
        return f"Layer '{layer.name()}' is not a readable raster; pick a satellite image under Image."
    path = raster_path(layer)
    if path and os.path.exists(path):
        dataset = gdal.Open(path)
        if dataset is not None:
            no_transform = dataset.GetGeoTransform(can_return_null=True) is None
            if no_transform and dataset.GetGCPCount() == 0 and not dataset.GetSpatialRef():
                return (f"Image '{layer.name()}' is not georeferenced (no coordinates in {os.path.basename(path)}); "
                        "areas measured on it would be meaningless. Georeference it first "
                        "(Raster > Georeferencer) or load the orthorectified product.")
    if not layer.crs().isValid():
        return (f"Image '{layer.name()}' has no coordinate reference system; set it in the layer's "
                "properties (Source > Assigned Coordinate Reference System).")
    return ""


def ground_resolution_m(layer):
    """Ground size of one pixel in metres (mean of x and y), measured on the ellipsoid at the centre;
    None for web layers and any layer without pixels of its own (their resolution is unknown)."""
    if is_web_layer(layer) or not isinstance(layer, QgsRasterLayer):
        return None
    centre = layer.extent().center()
    distance = QgsDistanceArea()
    distance.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    distance.setEllipsoid("WGS84")
    dx, dy = layer.rasterUnitsPerPixelX(), layer.rasterUnitsPerPixelY()
    east = distance.measureLine(centre, QgsPointXY(centre.x() + dx, centre.y()))
    north = distance.measureLine(centre, QgsPointXY(centre.x(), centre.y() + dy))
    return (east + north) / 2.0


def scene_id_for(layer, provider_scene_id=None):
    """The scene's identifier: the provider's scene id when the metadata gives one; for a local file
    its name and content fingerprint ("rason_20240405 (1a2b3c4d)"), the same wherever the file is and
    different for another file of the same name. A web layer gives its source label here; its scenes
    are ``web_scene_id(layer, acquired_utc)``."""
    if provider_scene_id and str(provider_scene_id).strip():
        return str(provider_scene_id).strip()
    if is_web_layer(layer):
        return web_source_label(layer)
    path = raster_path(layer)
    if path and os.path.isfile(path):
        return scene_identity.local_scene_id(path)
    return f"{layer.name()} ({layer.providerType()} {layer.id()})"
