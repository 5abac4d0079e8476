"""Scene metadata: find the vendor file beside a raster, recognise it by content, read it safely.

Every reader returns a complete SceneMetadata or raises InputError (a ValueError) with a message for
the analyst; nothing half-read escapes. Conventions of the record: model.py; per-vendor field meanings
and conversions: dimap.py, imd.py, items.py, gdal_domains.py.
"""
from pathlib import Path
from typing import Optional

from ..errors import InputError
from ..messages import QT_TR_NOOP
from .dimap import read_dimap
from .gdal_domains import read_gdal_domains
from .imd import flatten_isd, parse_imd, read_imd_dict
from .items import read_planet_item, read_stac_item
from .model import SUN_CHECK_TOLERANCE_DEG, SceneMetadata
from .safe_io import MAX_METADATA_BYTES, parse_json, parse_xml, read_capped
from .unsupported import check_text, check_xml_root

__all__ = ["SceneMetadata", "read_metadata", "find_sidecar", "read_gdal_domains", "read_dimap",
           "read_imd_dict", "read_planet_item", "read_stac_item", "MAX_METADATA_BYTES",
           "SUN_CHECK_TOLERANCE_DEG"]


def _head(data: bytes) -> str:
    """First characters of the file, whatever its byte-order mark, for recognising the format."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data[:256].decode("utf-16", errors="ignore").lstrip()
    return data[:256].decode("latin-1").lstrip("\ufeff\xef\xbb\xbf \t\r\n")


def read_metadata(path, lat_deg: Optional[float] = None, lon_deg: Optional[float] = None) -> SceneMetadata:
    """Read a DIMAP v2 XML, Maxar IMD or XML, Planet item JSON or STAC item JSON, recognised by content;
    other formats known by their content are refused with their name.

    ``lat_deg``/``lon_deg`` (optional, e.g. the heap) are where the file's sun is checked; by
    default the scene centre the file gives.
    """
    name = Path(path).name
    data = read_capped(path)
    head = _head(data)
    if head.startswith("<"):
        root = parse_xml(data, name)
        if root.tag == "Dimap_Document":
            return read_dimap(root, f"DIMAP file {name}", lat_deg, lon_deg)
        if root.tag == "isd":
            return read_imd_dict(flatten_isd(root, name), f"Maxar XML {name}", lat_deg, lon_deg)
        check_xml_root(root, name)
        raise InputError(QT_TR_NOOP("{name}: XML with root {tag!r} is not a supported metadata file (DIMAP v2 "
                                    "DIM_*.XML, Maxar .IMD or .XML)."), name=name, tag=root.tag)
    if head.startswith("{"):
        item = parse_json(data, name)
        if isinstance(item, dict) and ("stac_version" in item or "stac_extensions" in item):
            return read_stac_item(item, f"STAC item {name}", lat_deg, lon_deg)
        if isinstance(item, dict) and isinstance(item.get("properties"), dict) \
                and "acquired" in item["properties"]:
            return read_planet_item(item, f"Planet item {name}", lat_deg, lon_deg)
        raise InputError(QT_TR_NOOP("{name}: JSON that is neither a STAC item nor a Planet item (no stac_version, no "
                                    "properties.acquired)."), name=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    check_text(text, name)
    if "BEGIN_GROUP" in text:
        return read_imd_dict(parse_imd(text, name), f"IMD file {name}", lat_deg, lon_deg)
    raise InputError(QT_TR_NOOP("{name}: not a recognised metadata file (DIMAP v2 XML, Maxar IMD, Planet or STAC "
                                "JSON)."), name=name)


def _candidates(raster: Path):
    """Sidecar candidates in order of preference, matched case-insensitively on the file names."""
    stem = raster.stem.lower()
    for suffix in (".ovr", ".aux"):
        stem = stem[: -len(suffix)] if stem.endswith(suffix) else stem
    names = {}
    try:
        for entry in raster.parent.iterdir():
            if entry.is_file():
                names[entry.name.lower()] = entry
    except OSError:
        return
    for exact in (f"{stem}.imd", f"dim_{stem}.xml", f"{stem}_metadata.json", f"{stem}.json", f"{stem}_stac.json"):
        if exact in names:
            yield names[exact]
    # Pleiades: IMG_<product>[_Rx Cy].JP2/TIF beside DIM_<product>.XML
    if stem.startswith("img_"):
        product = stem[4:]
        for name in sorted(names):
            if name.startswith("dim_") and name.endswith(".xml") and product.startswith(name[4:-4]):
                yield names[name]
    # Planet order: <item id>_3B_AnalyticMS.tif beside <item id>_metadata.json
    for name in sorted(names, key=len, reverse=True):
        if name.endswith("_metadata.json") and stem.startswith(name[: -len("_metadata.json")]):
            yield names[name]
    dims = [n for n in sorted(names) if n.startswith("dim_") and n.endswith(".xml")]
    if len(dims) == 1:
        yield names[dims[0]]


def find_sidecar(raster_path) -> Optional[Path]:
    """The metadata file delivered beside a raster, or None when there is none or the choice would be a
    guess (several DIMAP files and none named after the image): then the analyst chooses."""
    raster = Path(raster_path)
    return next(iter(_candidates(raster)), None)
