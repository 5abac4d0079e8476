"""Write tests/data/metadata/gdal_domains_*.json: what GDAL's IMAGERY and IMD domains hold for the
committed DIMAP and IMD examples, so the pure reader (coal_monitor.core.metadata.read_gdal_domains)
is tested on GDAL's real key names and quoting without importing osgeo in the unit tests.

    /usr/bin/python3 tools/capture_gdal_domains.py

GDAL finds the vendor file beside an image named as the vendor names it; the image here is a 4 x 4
GeoTIFF in a temporary folder.
"""
import json
import pathlib
import shutil
import sys
import tempfile

from osgeo import gdal

DATA = pathlib.Path(__file__).resolve().parent.parent / "tests" / "data" / "metadata"
CASES = {
    "gdal_domains_pleiades.json": ("DIM_PHR1A_P_202401150212345_SEN_6891234101-001.XML",
                                   "IMG_PHR1A_P_202401150212345_SEN_6891234101-001_R1C1.TIF"),
    "gdal_domains_maxar.json": ("22FEB10024117-P2AS-014212345010_01_P001.IMD",
                                "22FEB10024117-P2AS-014212345010_01_P001.TIF"),
}


def main() -> int:
    gdal.UseExceptions()
    for out_name, (sidecar, image) in CASES.items():
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(DATA / sidecar, tmp)
            path = str(pathlib.Path(tmp) / image)
            gdal.GetDriverByName("GTiff").Create(path, 4, 4, 1)
            ds = gdal.Open(path)
            domains = {"gdal_version": gdal.__version__, "sidecar": sidecar,
                       "IMAGERY": ds.GetMetadata("IMAGERY") or {}, "IMD": ds.GetMetadata("IMD") or {}}
            ds = None
        if not domains["IMD"]:
            print(f"GDAL did not read {sidecar}", file=sys.stderr)
            return 1
        (DATA / out_name).write_text(json.dumps(domains, indent=1, sort_keys=True) + "\n")
        print(f"wrote {out_name}: {len(domains['IMD'])} IMD keys")
    return 0


if __name__ == "__main__":
    sys.exit(main())
