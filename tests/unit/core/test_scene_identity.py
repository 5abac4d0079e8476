"""Scene identity helpers without QGIS: fingerprints, readable ids, web scene ids."""
from datetime import datetime, timedelta, timezone

import pytest

from coal_monitor.core.errors import InputError
from coal_monitor.core.scene_identity import file_fingerprint, local_scene_id, web_scene_id, web_source_label


def test_fingerprint_follows_content_not_name(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.tif").write_bytes(b"II*\0" + b"1" * 100)
    (tmp_path / "b" / "x.tif").write_bytes(b"II*\0" + b"2" * 100)
    (tmp_path / "b" / "renamed.tif").write_bytes(b"II*\0" + b"1" * 100)
    assert file_fingerprint(tmp_path / "a" / "x.tif") != file_fingerprint(tmp_path / "b" / "x.tif")
    assert file_fingerprint(tmp_path / "a" / "x.tif") == file_fingerprint(tmp_path / "b" / "renamed.tif")


def test_size_counts_beyond_the_header(tmp_path):
    head = b"H" * (64 * 1024)
    (tmp_path / "short.tif").write_bytes(head + b"tail")
    (tmp_path / "long.tif").write_bytes(head + b"a longer tail")
    assert file_fingerprint(tmp_path / "short.tif") != file_fingerprint(tmp_path / "long.tif")


def test_local_scene_id_is_readable_and_prefers_the_provider(tmp_path):
    path = tmp_path / "rason_20240405.tif"
    path.write_bytes(b"content")
    sid = local_scene_id(path)
    assert sid.startswith("rason_20240405 (") and sid.endswith(")") and len(sid.split("(")[1]) == 9
    assert local_scene_id(path, "  DS_1 ") == "DS_1"


def test_unreadable_file_is_a_message(tmp_path):
    with pytest.raises(InputError, match="cannot be read"):
        file_fingerprint(tmp_path / "gone.tif")


def test_web_labels_and_ids():
    assert web_source_label("https://services.arcgisonline.com/x/{z}", "Esri World Imagery") == \
        "Esri World Imagery (services.arcgisonline.com)"
    assert web_source_label("https://a.example.com/t", "a.example.com") == "a.example.com"
    assert web_source_label("", "Basemap") == "Basemap"
    kst = timezone(timedelta(hours=9))
    assert web_scene_id("B", datetime(2025, 4, 18, 11, 10, tzinfo=kst)) == "B @ 2025-04-18T02:10Z"
    with pytest.raises(InputError, match="UTC"):
        web_scene_id("B", datetime(2025, 4, 18, 2, 10))
