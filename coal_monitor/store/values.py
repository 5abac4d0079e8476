"""What "no value" means, in one place, for values that come from QGIS, forms and files.

QGIS hands out NULL as a ``QVariant`` whose ``isNull()`` is true (a null ``QDateTime`` for an empty
date), forms hand out blank text, Python code hands out None: all of them mean "not given". Duck-typed,
so this module imports no Qt.
"""


def plain(value):
    """None for every form of "no value" (None, NULL QVariant, null QDateTime/QDate, blank text), else ``value``."""
    if isinstance(value, (bool, int, float)):  # the common case, decided without the probes below
        return value
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    is_null = getattr(value, "isNull", None)
    if callable(is_null) and is_null():
        return None
    return value
