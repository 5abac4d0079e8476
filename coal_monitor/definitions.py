"""Every key Coal Monitor writes into QGIS (project entries, settings, layer properties), in one place.

A key is a contract with the analysts' saved projects and profiles: never rename one, only add. Pure
names: no Qt or QGIS import, so the plugin shell, tests and benchmarks read them cheaply.
"""

# Project entries: QgsProject.writeEntry(PROJECT_SCOPE, key, value).
PROJECT_SCOPE = "coal_monitor"
ENTRY_PORT = "port"  # name of the port the dock shows
ENTRY_IMAGERY_LAYER = "imagery_layer_id"  # id of the image being measured
ENTRY_SCENE = "scene_id"  # scene of that image
ENTRY_DATA_FOLDER = "data_folder"  # the port logs' folder, relative to the project file where possible
ENTRY_PORT_LOGS = "port_logs"  # where the project's port logs live: one of PORT_LOGS_CHOICES
ENTRY_TEAM_CONNECTION = "team_connection"  # the NAME of the QGIS saved PostgreSQL connection (never credentials)
PORT_LOGS_DATA_FOLDER = "data_folder"  # GeoPackages in the data folder (the default, also when unset)
PORT_LOGS_TEAM_DATABASE = "team_database"  # one schema per port in a team's PostGIS database
PORT_LOGS_CHOICES = (PORT_LOGS_DATA_FOLDER, PORT_LOGS_TEAM_DATABASE)

# Custom properties of the layers Coal Monitor adds: found by role, never by name.
LAYER_ROLE = "coal_monitor/role"
LAYER_PORT_SLUG = "coal_monitor/port_slug"
ROLE_HEAPS = "heaps"
ROLE_VESSELS = "vessels"
# A port layer's role (custom property) by its table in the port file.
LAYER_ROLES = {"heaps": ROLE_HEAPS, "vessels": ROLE_VESSELS}

# QgsSettings (the analyst's profile): what outlives a QGIS session.
SETTINGS_GROUP = "coal_monitor"
DOCK_VISIBLE_KEY = f"{SETTINGS_GROUP}/dock_visible"  # the panel was open when QGIS last closed (absent: open it)

# QGIS's message log tab and message bar title.
LOG_TAG = "Coal Monitor"
MESSAGE_SECONDS = 8
