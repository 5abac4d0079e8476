"""Where a QGIS project keeps its port GeoPackages: the data folder.

The folder is stored in the project file (scope ``coal_monitor``) as a path relative to the project,
so a project copied or moved together with its data folder still finds its port files. Without a
setting the folder is ``coal_monitor_data/`` beside the project file. An unsaved project has no
place to be relative to: ``data_folder`` returns None and the GUI asks the analyst.

The analyst's port registry (``core.ports.PortRegistry``) lives in the QGIS profile:
``profile_registry_path``.
"""
import errno
import os
import tempfile
from pathlib import Path, PurePath

from qgis.core import QgsApplication, QgsProject

from ..core.messages import QT_TR_NOOP
from ..core.slug import port_file_path
from ..definitions import ENTRY_DATA_FOLDER, PROJECT_SCOPE
from .errors import StoreError

SCOPE = PROJECT_SCOPE
KEY = ENTRY_DATA_FOLDER
DEFAULT_FOLDER_NAME = "coal_monitor_data"


class DataFolderError(StoreError):
    """The data folder is unset, unusable or cannot be created; the message says what to do."""


def _project(project):
    return QgsProject.instance() if project is None else project


def _project_dir(project):
    """The project's folder, or None while the project has never been saved."""
    return Path(project.absolutePath()) if project.fileName() else None


def stored_entry(project=None) -> str:
    """The raw value kept in the project file ('' when unset)."""
    value, ok = _project(project).readEntry(SCOPE, KEY, "")
    return value if ok and value else ""


def data_folder(project=None):
    """The absolute data folder of ``project`` (default: the current project), or None if unknown.

    A relative entry is resolved against the project's current folder, so it follows the project file
    when both are copied elsewhere. None means: unsaved project and no folder chosen; ask the analyst.
    """
    project = _project(project)
    entry = stored_entry(project)
    base = _project_dir(project)
    if entry and PurePath(entry).is_absolute():
        return Path(entry)
    if base is None:
        return None
    return (base / (entry or DEFAULT_FOLDER_NAME)).resolve()


def set_data_folder(folder, project=None) -> str:
    """Keep ``folder`` as the project's data folder; returns the entry written to the project.

    Saved project: stored relative to the project file (absolute only when no relative path exists,
    e.g. another Windows drive). Unsaved project: stored absolute until ``follow_project_file``
    makes it relative at the first save.
    """
    project = _project(project)
    if folder is None or not str(folder).strip():
        raise DataFolderError(QT_TR_NOOP("No data folder given; choose a folder for the port files."))
    path = Path(str(folder).strip()).expanduser()
    base = _project_dir(project)
    if not path.is_absolute():
        if base is None:
            raise DataFolderError(
                QT_TR_NOOP("Data folder {folder!r} is relative but the project is not saved yet; save the "
                           "project first or choose an absolute folder."), folder=str(folder)
            )
        path = base / path
    path = path.resolve()
    if path.exists() and not path.is_dir():
        raise DataFolderError(QT_TR_NOOP("Data folder {path!r} is a file, not a folder; choose a folder."),
                              path=str(path))
    entry = _entry_for(path, base)
    project.writeEntry(SCOPE, KEY, entry)
    return entry


def check_writable(folder) -> Path:
    """``folder`` (created if missing) when Coal Monitor can write port files in it, else DataFolderError
    naming the folder and the reason, so that a folder chosen once is refused at once, not at every log."""
    path = Path(str(folder).strip()).expanduser().resolve()
    if path.exists() and not path.is_dir():
        raise DataFolderError(QT_TR_NOOP("Data folder {path!r} is a file, not a folder; choose a folder."),
                              path=str(path))
    try:
        path.mkdir(parents=True, exist_ok=True)
        if not path.stat().st_mode & 0o222:  # marked read-only (an archive): honoured even for an administrator
            raise PermissionError(errno.EACCES, "the folder is marked read-only")
        probe = tempfile.NamedTemporaryFile(prefix=".coal_monitor_write_test_", dir=path, delete=True)
        probe.close()
    except OSError as exc:
        raise DataFolderError(
            QT_TR_NOOP("Coal Monitor cannot write port files in {path}: {reason}. Choose a folder you "
                       "may write to (or change its permissions); the data folder was not changed."),
            path=path, reason=exc.strerror or exc
        ) from None
    return path


def _entry_for(path, base):
    if base is None:
        return str(path)
    try:
        return Path(os.path.relpath(path, base)).as_posix()
    except ValueError:  # Windows: folder on another drive than the project
        return str(path)


def ensure_data_folder(project=None) -> Path:
    """The data folder, created if missing; DataFolderError if unknown or not creatable."""
    folder = data_folder(project)
    if folder is None:
        raise DataFolderError(
            QT_TR_NOOP("The project is not saved, so Coal Monitor does not know where to keep port files; save "
                       "the project or choose a data folder.")
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFolderError(
            QT_TR_NOOP("Cannot create the data folder {folder}: {reason}. Choose another folder."),
            folder=folder, reason=exc.strerror or exc
        ) from None
    return folder


def port_file_for(slug, project=None):
    """``<data folder>/<slug>.gpkg`` for the project, or None when the folder is still unknown."""
    folder = data_folder(project)
    return None if folder is None else port_file_path(folder, slug)


def follow_project_file(project=None):
    """Keep the data folder pointing at the same place when the project gets a new file name.

    "Save As" to another folder would otherwise re-point a relative entry at a folder beside the new
    project file; an absolute entry chosen while unsaved is made relative at the first save. Returns
    a function that disconnects (call it on plugin unload).
    """
    project = _project(project)
    state = {"dir": _project_dir(project)}

    def on_file_name_changed():
        old_dir, new_dir = state["dir"], _project_dir(project)
        state["dir"] = new_dir
        entry = stored_entry(project)
        if not entry or new_dir is None:
            return
        if PurePath(entry).is_absolute():
            target = Path(entry)
        elif old_dir is not None:
            target = (old_dir / entry).resolve()
        else:
            return
        project.writeEntry(SCOPE, KEY, _entry_for(target, new_dir))

    def on_read_or_cleared(*_document):
        # Opening a project is not "Save As": its entry is relative to where it now lies.
        state["dir"] = _project_dir(project)

    connections = (
        (project.fileNameChanged, on_file_name_changed),
        (project.readProject, on_read_or_cleared),
        (project.cleared, on_read_or_cleared),
    )
    for signal, slot in connections:
        signal.connect(slot)

    def disconnect():
        for signal, slot in connections:
            signal.disconnect(slot)

    return disconnect


def profile_registry_path() -> Path:
    """The analyst's port registry file (own ports, edited defaults) in the active QGIS profile."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "coal_monitor" / "ports.json"
