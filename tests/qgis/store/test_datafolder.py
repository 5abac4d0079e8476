"""The data folder is kept in the project file relative to it and follows the project when copied."""
import shutil
import pytest

from coal_monitor.core.slug import SlugError
from coal_monitor.store.datafolder import (
    DEFAULT_FOLDER_NAME,
    DataFolderError,
    data_folder,
    ensure_data_folder,
    follow_project_file,
    port_file_for,
    set_data_folder,
    stored_entry,
)
from coal_monitor.store.errors import StoreError


def test_unsaved_project_has_no_data_folder(clean_project):
    assert data_folder(clean_project) is None
    assert port_file_for("nampho", clean_project) is None
    with pytest.raises(DataFolderError, match="not saved"):
        ensure_data_folder(clean_project)


def test_default_folder_is_beside_the_project_file(clean_project, tmp_path):
    assert clean_project.write(str(tmp_path / "watch.qgz"))
    assert data_folder(clean_project) == (tmp_path / DEFAULT_FOLDER_NAME).resolve()
    folder = ensure_data_folder(clean_project)
    assert folder.is_dir()
    assert port_file_for("rason", clean_project) == folder / "rason.gpkg"


def test_folder_is_stored_relative_and_follows_a_copied_project(clean_project, tmp_path):
    first = tmp_path / "office" / "project"
    first.mkdir(parents=True)
    project_file = first / "watch.qgs"
    assert clean_project.write(str(project_file))
    set_data_folder(first / "logs" / "ports", clean_project)
    assert stored_entry(clean_project) == "logs/ports"
    assert clean_project.write()
    assert "logs/ports" in project_file.read_text(encoding="utf-8")

    moved = tmp_path / "laptop" / "deep" / "copy"
    moved.mkdir(parents=True)
    shutil.copy(project_file, moved / "watch.qgs")
    clean_project.clear()
    assert clean_project.read(str(moved / "watch.qgs"))
    assert data_folder(clean_project) == (moved / "logs" / "ports").resolve()
    assert str(first) not in str(data_folder(clean_project))


def test_folder_outside_the_project_folder_is_kept_relative_too(clean_project, tmp_path):
    (tmp_path / "p").mkdir()
    assert clean_project.write(str(tmp_path / "p" / "watch.qgs"))
    assert set_data_folder(tmp_path / "shared" / "ports", clean_project) == "../shared/ports"
    assert data_folder(clean_project) == (tmp_path / "shared" / "ports").resolve()


def test_relative_folder_given_for_a_saved_project_is_taken_from_the_project(clean_project, tmp_path):
    assert clean_project.write(str(tmp_path / "watch.qgs"))
    set_data_folder("data", clean_project)
    assert data_folder(clean_project) == (tmp_path / "data").resolve()


def test_unsaved_project_keeps_an_absolute_folder_until_saved(clean_project, tmp_path):
    disconnect = follow_project_file(clean_project)
    try:
        set_data_folder(tmp_path / "chosen", clean_project)
        assert data_folder(clean_project) == (tmp_path / "chosen").resolve()
        with pytest.raises(DataFolderError, match="relative"):
            set_data_folder("relative/folder", clean_project)
        # what the desktop's "Save As" does: set the name, then write
        clean_project.setFileName(str(tmp_path / "watch.qgs"))
        assert clean_project.write()
        assert stored_entry(clean_project) == "chosen"
    finally:
        disconnect()


def test_save_as_elsewhere_keeps_pointing_at_the_same_folder(clean_project, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "c").mkdir(parents=True)
    assert clean_project.write(str(tmp_path / "a" / "watch.qgs"))
    set_data_folder(tmp_path / "a" / "ports", clean_project)
    assert clean_project.write()
    disconnect = follow_project_file(clean_project)
    try:
        clean_project.setFileName(str(tmp_path / "b" / "c" / "watch.qgs"))
        assert clean_project.write()
        assert data_folder(clean_project) == (tmp_path / "a" / "ports").resolve()
        assert stored_entry(clean_project) == "../../a/ports"
        # opening another copy is not a Save As: its entry stays relative to where it lies
        (tmp_path / "d").mkdir()
        shutil.copy(tmp_path / "a" / "watch.qgs", tmp_path / "d" / "watch.qgs")
        assert clean_project.read(str(tmp_path / "d" / "watch.qgs"))
        assert data_folder(clean_project) == (tmp_path / "d" / "ports").resolve()
    finally:
        disconnect()


@pytest.mark.parametrize("folder", [None, "", "   "])
def test_empty_folder_is_refused(clean_project, folder):
    with pytest.raises(StoreError, match="No data folder"):
        set_data_folder(folder, clean_project)


def test_a_file_is_not_a_data_folder(clean_project, tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("x")
    with pytest.raises(DataFolderError, match="is a file"):
        set_data_folder(target, clean_project)


def test_port_file_for_refuses_hostile_slugs(clean_project, tmp_path):
    assert clean_project.write(str(tmp_path / "watch.qgs"))
    for slug in ("../x", "CON", "con", "a/b", ""):
        with pytest.raises(SlugError):
            port_file_for(slug, clean_project)
    # nothing was created for the refused slugs (QGIS 3.40 also writes watch_attachments.zip)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "watch_attachments.zip") == ["watch.qgs"]
