"""What the dock needs to know about an imagery layer: is it on the map, how fine is it, which scene.

A heap measured on an image that is not georeferenced would have a meaningless area, so such a layer
is refused with a message before anything is drawn on it.
"""
import os

from osgeo import gdal
from qgis.core import QgsDistanceArea, QgsPointXY, QgsProject, QgsRasterLayer


def raster_path(layer):
    """The file behind a GDAL raster layer (without '|option' suffixes), or '' for other providers."""
    if not isinstance(layer, QgsRasterLayer) or layer.providerType() != "gdal":
        return ""
    return layer.source().split("|")[0]


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
    """Ground size of one pixel in metres (mean of x and y), measured on the ellipsoid at the centre."""
    centre = layer.extent().center()
    distance = QgsDistanceArea()
    distance.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    distance.setEllipsoid("WGS84")
    dx, dy = layer.rasterUnitsPerPixelX(), layer.rasterUnitsPerPixelY()
    east = distance.measureLine(centre, QgsPointXY(centre.x() + dx, centre.y()))
    north = distance.measureLine(centre, QgsPointXY(centre.x(), centre.y() + dy))
    return (east + north) / 2.0


def scene_id_for(layer):
    """The scene's identifier: the image file's name without extension (what analysts cite)."""
    path = raster_path(layer)
    stem = os.path.splitext(os.path.basename(path))[0] if path else ""
    return stem or layer.name()
