"""SYNTHETIC scenes, part 3: where the files sit on Earth, and the files themselves.

GeoTIFFs with fixed creation options and no timestamps; sidecars in real vendor formats (DIMAP v2 for
Pleiades-like scenes, a Planet item for SkySat-like ones), each saying plainly that it is synthetic.
Every file is written through a temporary name, so an interrupted run leaves no half-written file.
"""
import json
import math
import os
from datetime import datetime

import numpy as np
import pyproj
from osgeo import gdal, osr

from scene_surface import GSD_M

SYNTHETIC_NOTE = ("SYNTHETIC scene made by Coal Monitor tools/make_scenes.py for demonstration and "
                  "tests. It is not a satellite image; the vendor format is imitated so that readers "
                  "can be tested. Heaps and their volumes are invented and known exactly.")
TRACK_AZIMUTH_DEG = 192.0  # ground track of a descending sun-synchronous orbit at 40 N: splits view angles
GTIFF_IMAGE = ["COMPRESS=DEFLATE", "PREDICTOR=2", "ZLEVEL=9", "INTERLEAVE=PIXEL", "TILED=NO",
               "BLOCKYSIZE=16", "PHOTOMETRIC=RGB"]
GTIFF_DSM = ["COMPRESS=DEFLATE", "PREDICTOR=3", "ZLEVEL=9", "TILED=NO", "BLOCKYSIZE=16"]


class Place:
    """The scene's place: local metres <-> the port's UTM CRS <-> WGS84."""

    def __init__(self, port, layout):
        self.epsg = port["crs_epsg"]
        self.utm = osr.SpatialReference()
        self.utm.ImportFromEPSG(self.epsg)
        wgs84 = osr.SpatialReference()
        wgs84.ImportFromEPSG(4326)
        for srs in (self.utm, wgs84):
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        self.to_utm = osr.CoordinateTransformation(wgs84, self.utm)
        self.to_wgs84 = osr.CoordinateTransformation(self.utm, wgs84)
        east, north, _ = self.to_utm.TransformPoint(port["lon_deg"], port["lat_deg"])
        self.width_m, self.height_m = layout["cols"] * GSD_M, layout["rows"] * GSD_M
        self.east0 = float(round(east - self.width_m / 2))
        self.north0 = float(round(north - self.height_m / 2))

    def grid_azimuth_deg(self, true_azimuth_deg):
        """A direction given clockwise from TRUE north, turned into one clockwise from the UTM GRID's north.

        The surface model's columns run grid east, but the sun's azimuth (coal_monitor.core.sun, and
        every vendor sidecar) is from true north; the two differ by the meridian convergence at the
        scene centre (0.86 deg at Rason, 1.51 deg at Nampho; it varies by under 0.01 deg across a
        scene). PROJ's convergence is positive east of the central meridian, where true north points
        grid-west of grid north: a step north along the meridian from Rason has a grid bearing of
        -0.862 deg against a convergence of +0.862 deg. So grid = true - convergence.
        """
        lon, lat = self.lonlat(self.width_m / 2, self.height_m / 2)
        convergence = pyproj.Proj(f"EPSG:{self.epsg}").get_factors(lon, lat).meridian_convergence
        return (true_azimuth_deg - convergence) % 360.0

    def utm_xy(self, x, y):
        return [round(self.east0 + x, 3), round(self.north0 + y, 3)]

    def lonlat(self, x, y):
        lon, lat, _ = self.to_wgs84.TransformPoint(self.east0 + x, self.north0 + y)
        return [round(lon, 7), round(lat, 7)]

    def geotransform(self):
        return (self.east0, GSD_M, 0.0, self.north0 + self.height_m, 0.0, -GSD_M)


def write_atomically(path, write):
    """Write through a temporary name so that an interrupted run leaves no half-written file."""
    partial = path.with_name(path.name + ".part")
    write(partial)
    os.replace(partial, path)


def write_text(path, text):
    write_atomically(path, lambda p: p.write_text(text, encoding="utf-8"))


def write_geotiff(path, array, place, options, description, imagery=None):
    def write(partial):
        bands = 1 if array.ndim == 2 else array.shape[2]
        kind = gdal.GDT_Float32 if array.dtype == np.float32 else gdal.GDT_Byte
        ds = gdal.GetDriverByName("GTiff").Create(str(partial), array.shape[1], array.shape[0], bands,
                                                  kind, options)
        ds.SetGeoTransform(place.geotransform())
        ds.SetProjection(place.utm.ExportToWkt())
        ds.SetMetadata({"TIFFTAG_IMAGEDESCRIPTION": description, "SYNTHETIC": "YES"})
        if imagery:
            ds.SetMetadata(imagery, "IMAGERY")
        for b in range(bands):
            band = ds.GetRasterBand(b + 1)
            band.WriteArray(array if bands == 1 else array[..., b])
            band.SetDescription("surface height above water level (m)" if bands == 1
                                else ("red", "green", "blue")[b])
            if bands == 1:
                band.SetUnitType("m")
        ds.FlushCache()
        ds = None
    write_atomically(path, write)


def iso_utc(when):
    return when.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def dimap_xml(scene, image_name, place, grid, when, sun_at, view):
    """A DIMAP v2 (Pleiades ORTHO profile) document with the fields readers use."""
    def located(kind, row, col, seconds):
        t = when.timestamp() + seconds
        moment = datetime.fromtimestamp(t, when.tzinfo)
        lon, lat = place.lonlat((col + 0.5) * GSD_M, (grid.rows - row - 0.5) * GSD_M)
        sun = sun_at(moment, lat, lon)
        relative = math.radians(view["satellite_azimuth_deg"] - TRACK_AZIMUTH_DEG)
        along = view["off_nadir_deg"] * math.cos(relative)
        across = view["off_nadir_deg"] * math.sin(relative)
        ratio = view["incidence_deg"] / view["off_nadir_deg"]
        return f"""    <Located_Geometric_Values>
     <TIME>{iso_utc(moment)}</TIME>
     <COL>{col + 1}</COL>
     <ROW>{row + 1}</ROW>
     <LOCATION_TYPE>{kind}</LOCATION_TYPE>
     <Ground_Sample_Distance>
      <GSD_ACROSS_TRACK unit="m">{GSD_M}</GSD_ACROSS_TRACK>
      <GSD_ALONG_TRACK unit="m">{GSD_M}</GSD_ALONG_TRACK>
     </Ground_Sample_Distance>
     <Acquisition_Angles>
      <AZIMUTH_ANGLE unit="deg">{view["satellite_azimuth_deg"]:.4f}</AZIMUTH_ANGLE>
      <VIEWING_ANGLE_ACROSS_TRACK unit="deg">{across:.4f}</VIEWING_ANGLE_ACROSS_TRACK>
      <VIEWING_ANGLE_ALONG_TRACK unit="deg">{along:.4f}</VIEWING_ANGLE_ALONG_TRACK>
      <VIEWING_ANGLE unit="deg">{view["off_nadir_deg"]:.4f}</VIEWING_ANGLE>
      <INCIDENCE_ANGLE_ALONG_TRACK unit="deg">{along * ratio:.4f}</INCIDENCE_ANGLE_ALONG_TRACK>
      <INCIDENCE_ANGLE_ACROSS_TRACK unit="deg">{across * ratio:.4f}</INCIDENCE_ANGLE_ACROSS_TRACK>
      <INCIDENCE_ANGLE unit="deg">{view["incidence_deg"]:.4f}</INCIDENCE_ANGLE>
     </Acquisition_Angles>
     <Solar_Incidences>
      <SUN_AZIMUTH unit="deg">{sun.azimuth_deg:.4f}</SUN_AZIMUTH>
      <SUN_ELEVATION unit="deg">{sun.elevation_deg:.4f}</SUN_ELEVATION>
     </Solar_Incidences>
    </Located_Geometric_Values>
"""
    line_s = 0.5 / 6800.0  # time per image line: 0.5 m at the ground speed of a low orbit
    values = (located("Top Center", 0, grid.cols // 2, -grid.rows / 2 * line_s)
              + located("Center", grid.rows // 2, grid.cols // 2, 0.0)
              + located("Bottom Center", grid.rows - 1, grid.cols // 2, grid.rows / 2 * line_s))
    corners = [place.lonlat(x, y) for x, y in ((0, place.height_m), (place.width_m, place.height_m),
                                               (place.width_m, 0), (0, 0))]
    center = place.lonlat(place.width_m / 2, place.height_m / 2)
    vertices = "".join(f"""   <Vertex><LON>{lon:.7f}</LON><LAT>{lat:.7f}</LAT></Vertex>
""" for lon, lat in corners)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- {SYNTHETIC_NOTE} -->
<!-- AZIMUTH_ANGLE here is the azimuth from the scene centre towards the satellite, clockwise from north. -->
<Dimap_Document name="DIM_{scene["id"]}.XML">
 <Metadata_Identification>
  <METADATA_FORMAT version="2.0">DIMAP</METADATA_FORMAT>
  <METADATA_PROFILE>PHR_ORTHO</METADATA_PROFILE>
  <METADATA_SUBPROFILE>PRODUCT</METADATA_SUBPROFILE>
  <METADATA_LANGUAGE>en</METADATA_LANGUAGE>
 </Metadata_Identification>
 <Dataset_Identification>
  <DATASET_NAME version="1.0">SYNTHETIC_DS_PHR_{scene["id"].upper()}</DATASET_NAME>
  <DATASET_TYPE>SYNTHETIC</DATASET_TYPE>
  <DATASET_QL_PATH href="" />
  <Legal_Constraints>
   <COPYRIGHT>{SYNTHETIC_NOTE}</COPYRIGHT>
  </Legal_Constraints>
 </Dataset_Identification>
 <Dataset_Content>
  <SURFACE_AREA unit="square km">{place.width_m * place.height_m / 1e6:.4f}</SURFACE_AREA>
  <CLOUD_COVERAGE unit="percent">0</CLOUD_COVERAGE>
  <Dataset_Extent>
{vertices}   <Center><LON>{center[0]:.7f}</LON><LAT>{center[1]:.7f}</LAT></Center>
  </Dataset_Extent>
 </Dataset_Content>
 <Product_Information>
  <Delivery_Identification>
   <PRODUCT_TYPE>SYNTHETIC</PRODUCT_TYPE>
   <PRODUCT_CODE>SYNTHETIC</PRODUCT_CODE>
  </Delivery_Identification>
  <Producer_Information>
   <PRODUCER_NAME>Coal Monitor tools/make_scenes.py (SYNTHETIC; not an Airbus product)</PRODUCER_NAME>
  </Producer_Information>
 </Product_Information>
 <Coordinate_Reference_System>
  <Projected_CRS>
   <PROJECTED_CRS_NAME>{place.utm.GetName()}</PROJECTED_CRS_NAME>
   <PROJECTED_CRS_CODE>urn:ogc:def:crs:EPSG::{place.epsg}</PROJECTED_CRS_CODE>
  </Projected_CRS>
 </Coordinate_Reference_System>
 <Geoposition>
  <Geoposition_Insert>
   <ULXMAP unit="m">{place.east0:.2f}</ULXMAP>
   <ULYMAP unit="m">{place.north0 + place.height_m:.2f}</ULYMAP>
   <XDIM unit="m">{GSD_M}</XDIM>
   <YDIM unit="m">{GSD_M}</YDIM>
  </Geoposition_Insert>
 </Geoposition>
 <Raster_Data>
  <Data_Access>
   <DATA_FILE_FORMAT version="1.0">image/tiff</DATA_FILE_FORMAT>
   <Data_Files>
    <Data_File tile_R="1" tile_C="1">
     <DATA_FILE_PATH href="{image_name}" />
    </Data_File>
   </Data_Files>
  </Data_Access>
  <Raster_Dimensions>
   <NROWS>{grid.rows}</NROWS>
   <NCOLS>{grid.cols}</NCOLS>
   <NBANDS>3</NBANDS>
  </Raster_Dimensions>
 </Raster_Data>
 <Geometric_Data>
  <Use_Area>
{values}  </Use_Area>
 </Geometric_Data>
</Dimap_Document>
"""


def planet_json(scene, place, when, sun, view):
    """A Planet item (SkySat-like) with the properties readers use."""
    ring = [place.lonlat(x, y) for x, y in ((0, 0), (place.width_m, 0), (place.width_m, place.height_m),
                                            (0, place.height_m), (0, 0))]
    item = {
        "type": "Feature",
        "id": when.strftime("%Y%m%d_%H%M%S") + "_ssc00_SYNTHETIC",
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "properties": {
            "synthetic": True,
            "description": SYNTHETIC_NOTE,
            "acquired": when.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "item_type": "SkySatCollect",
            "provider": "skysat",
            "satellite_id": "SYNTHETIC",
            "instrument": "SYNTHETIC",
            "gsd": GSD_M,
            "pixel_resolution": GSD_M,
            "epsg_code": place.epsg,
            "sun_azimuth": round(sun.azimuth_deg, 4),
            "sun_elevation": round(sun.elevation_deg, 4),
            "satellite_azimuth": round(view["satellite_azimuth_deg"], 4),
            # Planet signs the across-track view angle: + looking east, - looking west.
            "view_angle": round(math.copysign(view["off_nadir_deg"],
                                              math.sin(math.radians(view["satellite_azimuth_deg"]))), 4),
            "cloud_cover": 0.0,
            "clear_percent": 100,
            "ground_control": True,
            "quality_category": "standard",
        },
    }
    return json.dumps(item, indent=1) + "\n"
