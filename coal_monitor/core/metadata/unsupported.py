"""Files that look like scene metadata but are formats the readers do not read, recognised by content
so that the analyst is told which format it is and what to choose instead, never a parse error."""
from ..errors import InputError

# XML root element -> (format, what to do).
XML_ROOTS = {
    "ps:EarthObservation": ("Planet product XML (*_metadata.xml)",
                            "choose the item's JSON (<item id>_metadata.json or the STAC item) instead"),
    "re:EarthObservation": ("RapidEye product XML", "enter the acquisition time when asked"),
    "MSP_ROOT": ("Resurs-DK1 passport", "enter the acquisition time when asked"),
}
# Text found in the first lines -> (format, what to do); checked in this order.
TEXT_MARKERS = (
    ("LANDSAT_METADATA_FILE", ("Landsat MTL text", "choose the scene's STAC item (*_stac.json), which the "
                               "readers take, or enter the acquisition time when asked")),
    ("L1_METADATA_FILE", ("Landsat MTL text", "choose the scene's STAC item (*_stac.json), which the "
                          "readers take, or enter the acquisition time when asked")),
    ("AUX_SATELLITE_NAME", ("KOMPSAT aux text", "enter the acquisition time when asked")),
    ("sweep_start_utc", ("EROS pass file", "enter the acquisition time when asked")),
    ("BEGIN_GROUP = productInfo", ("OrbView PVL", "enter the acquisition time when asked")),
    ("Product Order Metadata", ("GeoEye/IKONOS metadata text", "enter the acquisition time when asked")),
)
RPC_ADVICE = "it describes the sensor's geometry, not the scene; choose the DIM_*.XML beside it"
DIMAP_V1_ADVICE = ("only DIMAP v2 (Pleiades, Pleiades Neo, SPOT 6/7) is read. DIMAP v1 (SPOT 1-5, METADATA.DIM) "
                   "has no centre values as DIMAP v2 has: enter the acquisition time when asked (the file's "
                   "Scene_Source IMAGING_DATE and IMAGING_TIME), or use a DIMAP v2 product")


def refuse(name: str, what: str, advice: str):
    raise InputError(f"{name}: {what} is not supported; {advice}.")


def check_xml_root(root, name: str):
    """Refuse a known unsupported XML format, naming it."""
    if root.tag in XML_ROOTS:
        refuse(name, *XML_ROOTS[root.tag])


def check_text(text: str, name: str):
    """Refuse a known unsupported text format, naming it."""
    head = text[:4000]
    for marker, (what, advice) in TEXT_MARKERS:
        if marker in head:
            refuse(name, what, advice)
