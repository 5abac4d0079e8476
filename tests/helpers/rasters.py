"""Small synthetic GeoTIFFs standing in for satellite images in tests."""
import numpy as np
from osgeo import gdal, osr


def write_geotiff(path, epsg=32652, origin=(606_700.0, 4_675_700.0), pixel_m=0.5, size=(800, 600),
                  imagery=None, georeferenced=True):
    """A one-band byte GeoTIFF; ``imagery``: dict written to GDAL's IMAGERY metadata domain."""
    driver = gdal.GetDriverByName("GTiff")
    dataset = driver.Create(str(path), size[0], size[1], 1, gdal.GDT_Byte)
    if georeferenced:
        dataset.SetGeoTransform((origin[0], pixel_m, 0.0, origin[1], 0.0, -pixel_m))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        dataset.SetProjection(srs.ExportToWkt())
    yy, xx = np.mgrid[0:size[1], 0:size[0]]
    dataset.GetRasterBand(1).WriteArray(((xx // 40 + yy // 40) % 2 * 60 + 90).astype(np.uint8))
    if imagery:
        dataset.SetMetadata(imagery, "IMAGERY")
    dataset.FlushCache()
    dataset = None
    return str(path)


def write_sparse_geotiff(path, size_px, pixel_m, origin=(605_700.0, 4_675_900.0), epsg=32652, imagery=None):
    """A tiled, compressed, sparse 3-band GeoTIFF: a 12,000-pixel image costs nothing to create and
    everything to read, so a test or benchmark on it shows whether anything reads the whole raster."""
    dataset = gdal.GetDriverByName("GTiff").Create(
        str(path), size_px, size_px, 3, gdal.GDT_Byte, ["TILED=YES", "COMPRESS=DEFLATE", "SPARSE_OK=TRUE",
                                                        "BIGTIFF=IF_SAFER"])
    dataset.SetGeoTransform((origin[0], pixel_m, 0.0, origin[1], 0.0, -pixel_m))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    dataset.SetProjection(srs.ExportToWkt())
    if imagery:
        dataset.SetMetadata(imagery, "IMAGERY")
    dataset = None
    return str(path)
