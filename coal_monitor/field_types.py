"""New attribute fields in the form the running QGIS wants, without its deprecation warning.

QGIS 3.38 deprecated ``QgsField(name, QVariant.Type)`` for ``QMetaType.Type``, which QGIS 3.22 (the floor)
rejects; so the type is chosen by the running version, here only.
"""
from qgis.core import Qgis, QgsField
from qgis.PyQt.QtCore import QMetaType, QVariant

METATYPE_FIELDS = Qgis.QGIS_VERSION_INT >= 33800
_TYPES = {
    "double": (QMetaType.Type.Double, QVariant.Double),
    "int": (QMetaType.Type.Int, QVariant.Int),
    "string": (QMetaType.Type.QString, QVariant.String),
    "date": (QMetaType.Type.QDate, QVariant.Date),
}


def new_field(name: str, kind: str) -> QgsField:
    """A field ``name`` of ``kind`` (double, int, string or date)."""
    metatype, variant = _TYPES[kind]
    return QgsField(name, metatype if METATYPE_FIELDS else variant)
