"""The dock's row that says where the project's port logs live: the data folder, or a team database.

"Data folder" keeps each port's GeoPackage in the project's data folder (the "Data folder…" button picks
it). "Team database" keeps them in a PostGIS database named by one of QGIS's saved PostgreSQL connections
(the Browser's; credentials from QGIS's authentication manager). The project keeps only the choice and the
connection's name (``session.port_log.port_logs_choice``); the session opens the logs.

ObjectNames: ``portLogsCombo`` (itemData: definitions.PORT_LOGS_CHOICES), ``teamConnectionCombo`` (the
saved connections' names), ``refreshConnectionsButton``.
"""
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton

from ..definitions import PORT_LOGS_DATA_FOLDER, PORT_LOGS_TEAM_DATABASE
from ..session.port_log import port_logs_choice
from ..signals import Connections
from ..translation import QT_TR_NOOP, tr
from .quiet import quiet

CHOICE_LABELS = ((PORT_LOGS_DATA_FOLDER, QT_TR_NOOP("Data folder")),
                 (PORT_LOGS_TEAM_DATABASE, QT_TR_NOOP("Team database")))


class PortLogsChoice:
    """Builds the row into ``dock`` (as its attributes) and hands the analyst's choice to the session."""

    def __init__(self, dock):
        self.dock = dock
        self._connections = Connections()
        self._connections.connect(dock.portLogsCombo.activated, self._chosen)
        self._connections.connect(dock.teamConnectionCombo.activated, self._chosen)
        self._connections.connect(dock.refreshConnectionsButton.clicked, lambda _checked=False: self.show_project())
        project = dock.session.project
        self._connections.connect(project.readProject, lambda *_args: self.show_project())
        self._connections.connect(project.cleared, self.show_project)
        self.show_project()

    @staticmethod
    def build(dock):
        """Create the row as attributes of ``dock``, under the port row (dock_layout.build calls this)."""
        where = dock.portCombo.parentWidget()
        row = QHBoxLayout()
        dock.portLogsCombo = QComboBox(where)
        dock.portLogsCombo.setObjectName("portLogsCombo")
        for choice, label in CHOICE_LABELS:
            dock.portLogsCombo.addItem(tr(label), choice)
        dock.portLogsCombo.setToolTip(tr("Where this project's port logs live: GeoPackages in the data folder (one "
                                         "analyst), or a team's PostGIS database (many analysts, one log per port)."))
        dock.teamConnectionCombo = QComboBox(where)
        dock.teamConnectionCombo.setObjectName("teamConnectionCombo")
        dock.teamConnectionCombo.setToolTip(tr("One of QGIS's saved PostgreSQL connections (Browser panel: "
                                               "PostgreSQL > New Connection…, with an authentication configuration). "
                                               "Only its name is kept in the project."))
        dock.refreshConnectionsButton = QToolButton(where)
        dock.refreshConnectionsButton.setObjectName("refreshConnectionsButton")
        dock.refreshConnectionsButton.setText("↻")
        dock.refreshConnectionsButton.setToolTip(tr("List QGIS's saved PostgreSQL connections again"))
        row.addWidget(QLabel(tr("Port logs"), where))
        row.addWidget(dock.portLogsCombo)
        row.addWidget(dock.teamConnectionCombo, 1)
        row.addWidget(dock.refreshConnectionsButton)
        where.layout().insertLayout(1, row)

    def show_project(self):
        """Show the project's choice and the saved connections (a connection the project names but QGIS no
        longer has stays listed, so the analyst sees which one is missing)."""
        from ..store.pg_qgis import saved_connections

        dock = self.dock
        choice, name = port_logs_choice(dock.session.project)
        names = saved_connections()
        if name and name not in names:
            names.append(name)
        with quiet(dock.portLogsCombo, dock.teamConnectionCombo):
            dock.teamConnectionCombo.clear()
            for saved in names:
                dock.teamConnectionCombo.addItem(saved, saved)
            dock.teamConnectionCombo.setCurrentIndex(max(0, dock.teamConnectionCombo.findData(name)))
            dock.portLogsCombo.setCurrentIndex(max(0, dock.portLogsCombo.findData(choice)))
        self._show_widgets(choice)

    def choose(self, choice, connection_name=""):
        """Keep the port logs in ``choice`` (PORT_LOGS_CHOICES), with the saved connection for the team
        database; the dock shows the session's answer. Returns True when the choice was taken."""
        taken = self.dock.session.choose_port_logs(choice, connection_name)
        self.show_project()
        return bool(taken)

    def _chosen(self, *_args):
        dock = self.dock
        choice = dock.portLogsCombo.currentData()
        name = dock.teamConnectionCombo.currentData() or ""
        if choice == PORT_LOGS_TEAM_DATABASE and not name:
            self._show_widgets(choice)  # nothing to connect to yet: the session says how to add a connection
        self.choose(choice, name)

    def _show_widgets(self, choice):
        team = choice == PORT_LOGS_TEAM_DATABASE
        self.dock.teamConnectionCombo.setVisible(team)
        self.dock.refreshConnectionsButton.setVisible(team)
        self.dock.dataFolderButton.setVisible(not team)

    def release(self):
        self._connections.disconnect_all()
