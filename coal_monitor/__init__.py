"""Coal Monitor: measure coal heaps on satellite imagery of seaports (QGIS plugin)."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import CoalMonitorPlugin

    return CoalMonitorPlugin(iface)
