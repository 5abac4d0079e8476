"""The dock's widgets and their layout, with the objectNames that tests and analysts' scripts use.

Kept apart from the dock's behaviour (dock.py) so each reads on its own: here only what is where.
"""
from qgis.core import QgsMapLayerProxyModel
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..translation import tr
from .heap_form import HeapForm
from .port_logs_choice import PortLogsChoice
from .story_panel import StoryPanel
from .trends import TrendsPanel


def build(dock):
    """Create the dock's tabs ("Measure", "Trends" with the report button) and widgets as attributes of ``dock``."""
    dock.tabs = QTabWidget(dock)
    dock.tabs.setObjectName("tabs")
    scroll = QScrollArea(dock.tabs)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    body = QWidget(scroll)
    layout = QVBoxLayout(body)
    dock.measure_layout = layout  # the Measure tab's groups, top to bottom (the story panel adds its own)

    where = QGroupBox(tr("Port and image"), body)
    where_layout = QVBoxLayout(where)
    port_row = QHBoxLayout()
    dock.portCombo = QComboBox(where)
    dock.portCombo.setObjectName("portCombo")
    dock.newPortButton = QPushButton(tr("New port…"), where)
    dock.newPortButton.setObjectName("newPortButton")
    port_row.addWidget(QLabel(tr("Port"), where))
    port_row.addWidget(dock.portCombo, 1)
    port_row.addWidget(dock.newPortButton)
    dock.dataFolderButton = QPushButton(tr("Data folder…"), where)
    dock.dataFolderButton.setObjectName("dataFolderButton")
    dock.dataFolderButton.setToolTip(tr("Choose the folder that holds the port logs (GeoPackages); it is kept in "
                                     "the project, relative to the project file."))
    where_layout.addLayout(port_row)
    image_row = QHBoxLayout()
    dock.imageryLayerCombo = QgsMapLayerComboBox(where)
    dock.imageryLayerCombo.setObjectName("imageryLayerCombo")
    dock.imageryLayerCombo.setFilters(QgsMapLayerProxyModel.Filter.RasterLayer)
    dock.imageryLayerCombo.setAllowEmptyLayer(True)
    dock.imageryLayerCombo.setLayer(None)
    dock.imageryLayerCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    dock.imageryLayerCombo.setMinimumContentsLength(12)
    dock.sceneMetadataButton = QPushButton(tr("Metadata…"), where)
    dock.sceneMetadataButton.setObjectName("sceneMetadataButton")
    dock.sceneMetadataButton.setToolTip(tr("Read the image's acquisition time, sun and view angles from a metadata "
                                        "file (DIMAP, IMD, Planet or STAC JSON) that is not beside the image"))
    image_row.addWidget(QLabel(tr("Image"), where))
    image_row.addWidget(dock.imageryLayerCombo, 1)
    image_row.addWidget(dock.sceneMetadataButton)
    where_layout.addLayout(image_row)
    dock.sceneLabel = QLabel(where)
    dock.sceneLabel.setObjectName("sceneLabel")
    dock.sceneLabel.setWordWrap(True)
    where_layout.addWidget(dock.sceneLabel)
    actions_row = QHBoxLayout()
    dock.scene_actions = actions_row  # buttons about the image and its log, left to right
    dock.editSceneButton = QPushButton(tr("Edit scene…"), where)
    dock.editSceneButton.setObjectName("editSceneButton")
    dock.editSceneButton.setToolTip(tr("Correct the image's date and time, sensor, source and ground resolution; "
                                    "every heap of the image follows"))
    actions_row.addWidget(dock.editSceneButton)
    actions_row.addStretch(1)
    actions_row.addWidget(dock.dataFolderButton)
    where_layout.addLayout(actions_row)
    layout.addWidget(where)

    heap = QGroupBox(tr("Heap"), body)
    heap_layout = QVBoxLayout(heap)
    dock.drawHeapButton = QPushButton(tr("Draw heap on the map"), heap)
    dock.drawHeapButton.setObjectName("drawHeapButton")
    dock.drawHeapButton.setToolTip(tr("Click the heap's corners; right click or Enter finishes, "
                                   "Backspace removes the last corner, Esc cancels."))
    draw_row = QHBoxLayout()
    draw_row.addWidget(dock.drawHeapButton, 1)
    dock.traceHeapButton = QPushButton(tr("Trace…"), heap)
    dock.traceHeapButton.setObjectName("traceHeapButton")
    dock.traceHeapButton.setToolTip(tr("Click inside a heap on the image: its outline is traced from the pixels. "
                                       "Wheel or +/- changes the tolerance, a second click adds a region, "
                                       "Shift+click removes one; Enter or right click accepts, Esc cancels."))
    draw_row.addWidget(dock.traceHeapButton)
    heap_layout.addLayout(draw_row)
    dock.form = HeapForm(heap)
    heap_layout.addWidget(dock.form)
    dock.shadowToolButton = QToolButton(dock.form)
    dock.shadowToolButton.setObjectName("shadowToolButton")
    dock.shadowToolButton.setText(tr("Shadow…"))
    dock.shadowToolButton.setToolTip(tr("Measure the height from the heap's shadow on the image: click the "
                                     "top of the heap, then the tip of its shadow."))
    dock.add_height_tool(dock.shadowToolButton)
    for name in ("heightSpin", "heightSigmaSpin", "modelCombo", "reposeSpin", "densitySpin", "pierEdit",
                 "labelEdit", "identificationCombo", "confidenceCombo", "notesEdit"):
        setattr(dock, name, getattr(dock.form, name))
    dock.resultLabel = QLabel(heap)
    dock.resultLabel.setObjectName("resultLabel")
    dock.resultLabel.setWordWrap(True)
    dock.resultLabel.setTextFormat(Qt.TextFormat.RichText)
    dock.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    dock.resultLabel.setMinimumHeight(dock.resultLabel.fontMetrics().lineSpacing() * 4)
    heap_layout.addWidget(dock.resultLabel)
    dock.saveHeapButton = QPushButton(tr("Log heap"), heap)
    dock.saveHeapButton.setObjectName("saveHeapButton")
    heap_layout.addWidget(dock.saveHeapButton)
    layout.addWidget(heap)

    logged = QGroupBox(tr("Heaps logged on this image"), body)
    logged_layout = QVBoxLayout(logged)
    dock.heapList = QListWidget(logged)
    dock.heapList.setObjectName("heapList")
    dock.heapList.setMinimumHeight(90)
    dock.heapList.setWordWrap(True)
    logged_layout.addWidget(dock.heapList)
    dock.deleteHeapButton = QPushButton(tr("Delete heap…"), logged)
    dock.deleteHeapButton.setObjectName("deleteHeapButton")
    dock.deleteHeapButton.setEnabled(False)
    logged_layout.addWidget(dock.deleteHeapButton)
    layout.addWidget(logged)
    layout.addStretch(1)
    StoryPanel.build(dock)
    PortLogsChoice.build(dock)

    scroll.setWidget(body)
    # Horizontal scrolling is off, so the panel must never be narrower than its form: otherwise QGIS
    # opens it at a width that cuts "New port..." and the confidence values short.
    scroll.setMinimumWidth(body.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 2)
    dock.tabs.addTab(scroll, tr("Measure"))
    dock.tabs.addTab(_trends_tab(dock), tr("Trends"))
    dock.setWidget(dock.tabs)


def _trends_tab(dock):
    """The trend chart of the port with, under it, the button that writes the port's one-page report."""
    dock.trendsTab = QWidget(dock.tabs)
    dock.trendsTab.setObjectName("trendsTab")
    layout = QVBoxLayout(dock.trendsTab)
    dock.trends = TrendsPanel(dock.trendsTab)
    layout.addWidget(dock.trends, 1)
    row = QHBoxLayout()
    row.addStretch(1)
    dock.portReportButton = QPushButton(tr("Port report (PDF)…"), dock.trendsTab)
    dock.portReportButton.setObjectName("portReportButton")
    dock.portReportButton.setToolTip(tr("Save a one-page PDF of this port: the latest image with its heaps, the "
                                     "trend chart, the table of dates and the method used."))
    row.addWidget(dock.portReportButton)
    layout.addLayout(row)
    return dock.trendsTab
