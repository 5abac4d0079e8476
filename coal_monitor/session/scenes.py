"""An image's scene record: what its metadata says (time, sensor, sun and view angles, resolution).

``SceneReader`` reads each image's metadata once (GDAL's IMD and IMAGERY domains, a vendor file beside
the raster, or a file the analyst points to) and keeps the draft scene row it gives; the session logs
that row with the image's first heap. Reading never asks anything: an unknown acquisition time stays
None here and the session asks the analyst for it.
"""
import os

from osgeo import gdal
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

from ..core.errors import InputError
from ..core.metadata import find_sidecar, read_gdal_domains, read_metadata
from ..gui import imagery
from ..store.sqltime import format_utc
from ..translation import message_text

ANALYST_TIME_SOURCE = "acquisition time entered by the analyst"


class SceneReader:
    """Draft scene rows of images, read once per image (keyed by the raster file, else the layer id)."""

    def __init__(self):
        self._cache = {}  # key -> (scene row draft, SceneMetadata or None)

    def draft(self, layer) -> dict:
        """A copy of the scene row this image would get; ``acquired_utc`` is None when unknown."""
        return dict(self._entry(layer)[0])

    def metadata(self, layer):
        """The SceneMetadata read for this image (sun and view angles), or None when it has none."""
        return self._entry(layer)[1]

    def use_metadata_file(self, layer, path):
        """(row, SceneMetadata) from a metadata file the analyst chose; it replaces what was read.

        Raises InputError for an unreadable or unsupported file (nothing replaced).
        """
        lat, lon = _centre_lat_lon(layer)
        meta = read_metadata(path, lat, lon)
        row = _row_from_metadata(dict(self.draft(layer), scene_id=imagery.scene_id_for(layer)), meta)
        self._cache[_key(layer)] = (row, meta)
        return dict(row), meta

    def date_given(self, layer, when_utc, source=None, gsd_m=None):
        """Record the acquisition time the analyst gave (and for a web basemap its credit and GSD, if
        known); returns the new draft. A basemap's scene is named by that capture date."""
        row, meta = self._entry(layer)
        if row.get("web"):
            row = dict(row, scene_id=imagery.web_scene_id(layer, when_utc), gsd_m=gsd_m,
                       source=source or row.get("source"))
        row = dict(row, acquired_utc=format_utc(when_utc),
                   source="; ".join(p for p in (row.get("source"), ANALYST_TIME_SOURCE) if p))
        self._cache[_key(layer)] = (row, meta)
        return dict(row)

    @staticmethod
    def web_label(layer):
        """The basemap's name in its scene ids, or None for an image file."""
        return imagery.web_source_label(layer) if imagery.is_web_layer(layer) else None

    def _entry(self, layer):
        key = _key(layer)
        if key not in self._cache:
            self._cache[key] = _scene_from_raster(layer)
        return self._cache[key]


def _key(layer):
    # A web basemap is keyed by its layer: added again, or in a later QGIS session, it is asked again
    # (it may show another capture date); a file is keyed by its path.
    if imagery.is_web_layer(layer):
        return layer.id()
    return imagery.raster_path(layer) or layer.id()


def _web_draft(layer):
    """A web basemap's draft: no scene until the analyst gives the capture date, no invented GSD."""
    return {"scene_id": None, "gsd_m": None, "raster_path": None, "acquired_utc": None,
            "source": imagery.layer_attribution(layer) or imagery.web_source_label(layer), "web": True}


def _scene_from_raster(layer):
    """(scene row, SceneMetadata or None) from the raster: GDAL's IMAGERY/IMD domains, else a sidecar
    file, else the acquisition time stays unknown (the analyst is asked when logging)."""
    if imagery.is_web_layer(layer):
        return _web_draft(layer), None
    path = imagery.raster_path(layer)
    scene_id = imagery.scene_id_for(layer)
    row = {"scene_id": scene_id, "gsd_m": imagery.ground_resolution_m(layer), "raster_path": path or None,
           "acquired_utc": None, "source": ""}
    lat, lon = _centre_lat_lon(layer)
    meta, problem = _metadata(path, lat, lon) if path else (None, "")
    if problem:
        row["notes"] = f"Metadata not used: {problem}"
    return _row_from_metadata(row, meta) if meta is not None else row, meta


def _row_from_metadata(row, meta):
    """The scene row ``row`` completed from a SceneMetadata (the file's scene id wins)."""
    row.update({
        "scene_id": meta.scene_id or row["scene_id"],
        "sensor": meta.sensor or None,
        "acquired_utc": format_utc(meta.acquired_utc),
        "sun_elevation_deg": meta.sun_elevation_deg,
        "sun_azimuth_deg": meta.sun_azimuth_deg,
        "off_nadir_deg": meta.off_nadir_deg,
        "incidence_deg": meta.incidence_deg,
        "view_azimuth_deg": meta.view_azimuth_deg,
        "source": meta.source,
        "notes": " ".join(meta.warnings) or None,
    })
    return row


def _metadata(path, lat, lon):
    """(SceneMetadata or None, why the metadata found could not be used or "").

    Richest source first: GDAL's IMD domain (the vendor file with angles), then a sidecar file beside
    the image (DIMAP, IMD, Planet or STAC), then GDAL's IMAGERY domain (time only; the sun is computed
    from the time and place). When none gives a time the analyst is asked; the reasons go to the notes.
    """
    problems = []
    dataset = gdal.Open(path) if os.path.exists(path) else None
    domains = {name: (dataset.GetMetadata(name) or {}) if dataset is not None else {} for name in ("IMAGERY", "IMD")}
    readers = []
    if domains["IMD"]:
        readers.append(lambda: read_gdal_domains(domains["IMAGERY"], domains["IMD"], os.path.basename(path),
                                                 lat, lon))
    sidecar = find_sidecar(path)
    if sidecar is not None:
        readers.append(lambda: read_metadata(sidecar, lat, lon))
    if domains["IMAGERY"].get("ACQUISITIONDATETIME"):
        readers.append(lambda: read_gdal_domains(domains["IMAGERY"], None, os.path.basename(path), lat, lon))
    for read in readers:
        try:
            return read(), ""
        except InputError as exc:
            problems.append(message_text(exc))
    return None, " ".join(problems)


def _centre_lat_lon(layer):
    to_wgs84 = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                      QgsProject.instance())
    centre = to_wgs84.transform(layer.extent().center())
    return centre.y(), centre.x()
