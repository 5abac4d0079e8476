"""Keys under which the plugin keeps what outlives a QGIS session (QgsSettings), each named once here.

Pure names: no Qt or QGIS import, so the plugin shell, tests and benchmarks can read them cheaply.
"""
SETTINGS_GROUP = "coal_monitor"

# Whether the panel was open when QGIS last closed (absent on first install: the panel opens).
DOCK_VISIBLE_KEY = f"{SETTINGS_GROUP}/dock_visible"
