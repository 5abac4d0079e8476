"""Files that look like scene metadata but are formats the readers do not read, recognised by content
so that the analyst is told which format it is and what to choose instead, never a parse error."""
from ..errors import InputError
from ..messages import QT_TR_NOOP, Message

# XML root element -> (format, what to do).
XML_ROOTS = {
    "ps:EarthObservation": (QT_TR_NOOP("Planet product XML (*_metadata.xml)"),
                            QT_TR_NOOP("choose the item's JSON (<item id>_metadata.json or the STAC item) instead")),
    "re:EarthObservation": (QT_TR_NOOP("RapidEye product XML"), QT_TR_NOOP("enter the acquisition time when asked")),
    "MSP_ROOT": (QT_TR_NOOP("Resurs-DK1 passport"), QT_TR_NOOP("enter the acquisition time when asked")),
}
# Text found in the first lines -> (format, what to do); checked in this order.
TEXT_MARKERS = (
    ("LANDSAT_METADATA_FILE", (QT_TR_NOOP("Landsat MTL text"), QT_TR_NOOP("choose the scene's STAC item (*_stac.json), "
                               "which the readers take, or enter the acquisition time when asked"))),
    ("L1_METADATA_FILE", (QT_TR_NOOP("Landsat MTL text"), QT_TR_NOOP("choose the scene's STAC item (*_stac.json), "
                          "which the readers take, or enter the acquisition time when asked"))),
    ("AUX_SATELLITE_NAME", (QT_TR_NOOP("KOMPSAT aux text"), QT_TR_NOOP("enter the acquisition time when asked"))),
    ("sweep_start_utc", (QT_TR_NOOP("EROS pass file"), QT_TR_NOOP("enter the acquisition time when asked"))),
    ("BEGIN_GROUP = productInfo", (QT_TR_NOOP("OrbView PVL"), QT_TR_NOOP("enter the acquisition time when asked"))),
    ("Product Order Metadata", (QT_TR_NOOP("GeoEye/IKONOS metadata text"),
                                QT_TR_NOOP("enter the acquisition time when asked"))),
)
RPC_ADVICE = QT_TR_NOOP("it describes the sensor's geometry, not the scene; choose the DIM_*.XML beside it")
DIMAP_V1_ADVICE = QT_TR_NOOP("only DIMAP v2 (Pleiades, Pleiades Neo, SPOT 6/7) is read. DIMAP v1 (SPOT 1-5, "
                             "METADATA.DIM) has no centre values as DIMAP v2 has: enter the acquisition time when "
                             "asked (the file's Scene_Source IMAGING_DATE and IMAGING_TIME), or use a DIMAP v2 product")


def refuse(name: str, what, advice):
    """``what`` and ``advice``: texts marked with QT_TR_NOOP, or Messages."""
    raise InputError(QT_TR_NOOP("{name}: {what} is not supported; {advice}."),
                     name=name, what=Message(what), advice=Message(advice))


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
