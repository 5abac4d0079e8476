"""coal_monitor:recomputevolumes: new port defaults reach every heap, all or nothing."""
import math
import sqlite3
import subprocess
import sys

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from coal_monitor.store.portfile import PortFile
from tests.helpers.trend_ports import HEAPS, PORT_CRS, algorithm, footprint, make_port_file, rason_port

NUMBERS = ("area_m2", "height_max_m", "volume_m3", "volume_lo_m3", "volume_hi_m3", "tonnage_t", "tonnage_lo_t",
           "tonnage_hi_t")


@pytest.fixture()
def port_path(tmp_path):
    return make_port_file(tmp_path, with_raster=False)


def _dump(path):
    """Every row of every table, as SQL text: equal dumps mean an unchanged log."""
    connection = sqlite3.connect(str(path))
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


def _heaps(path):
    connection = sqlite3.connect(str(path))
    connection.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in connection.execute("SELECT * FROM heaps ORDER BY fid")]
    finally:
        connection.close()


def _port_row(path):
    connection = sqlite3.connect(str(path))
    connection.row_factory = sqlite3.Row
    try:
        return dict(connection.execute("SELECT * FROM port").fetchone())
    finally:
        connection.close()


def _check_valid(path):
    assert subprocess.run(["sqlite3", str(path), "PRAGMA integrity_check"], capture_output=True,
                          text=True).stdout.strip() == "ok"
    validation = subprocess.run([sys.executable, "-m", "osgeo_utils.samples.validate_gpkg", str(path)],
                                capture_output=True, text=True)
    assert validation.returncode == 0, validation.stdout + validation.stderr


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, warning):  # noqa: N802 (QGIS's name)
        self.warnings.append(warning)
        super().pushWarning(warning)


class CancelHalfway(QgsProcessingFeedback):
    """Cancels once the algorithm reports some progress: the analyst pressing Cancel mid-run."""

    def __init__(self, at_percent):
        super().__init__()
        self.at_percent = at_percent
        self.progress_seen = []
        self.progressChanged.connect(self._maybe_cancel)

    def _maybe_cancel(self, percent):
        self.progress_seen.append(percent)
        if percent >= self.at_percent:
            self.cancel()


def test_new_defaults_reach_every_heap_and_the_port_row(processing, port_path, tmp_path):
    before = _heaps(port_path)
    result = processing.run(algorithm("recomputevolumes"), {
        "INPUT": str(port_path), "REPOSE_ANGLE": 32.0, "DENSITY": 0.95, "DENSITY_LOW": 0.8, "DENSITY_HIGH": 1.1})
    assert result["HEAPS"] == len(HEAPS)
    port = _port_row(port_path)
    assert (port["repose_deg"], port["density_t_m3"], port["density_lo_t_m3"], port["density_hi_t_m3"]) == \
        (32.0, 0.95, 0.8, 1.1)
    after = _heaps(port_path)
    assert [h["heap_uid"] for h in after] == [h["heap_uid"] for h in before]

    # What logging the same footprints anew in a port that has these defaults gives, heap by heap.
    import dataclasses

    fresh_port = dataclasses.replace(rason_port(), repose_deg=32.0, density_t_m3=0.95, density_lo_t_m3=0.8,
                                     density_hi_t_m3=1.1)
    with PortFile.create(tmp_path / "fresh.gpkg", fresh_port) as fresh:
        for old, new, spec in zip(before, after, HEAPS):
            assert (new["repose_deg"], new["density_t_m3"]) == (32.0, 0.95)
            assert new["height_m"] == old["height_m"] and new["observed_utc"] == old["observed_utc"]
            reference = fresh.heap(fresh.add_heap(footprint(*spec[2:6]), PORT_CRS,
                                                  {"observed_utc": old["observed_utc"], "height_m": old["height_m"]}))
            for name in NUMBERS:
                assert math.isclose(new[name], reference[name], rel_tol=1e-9), name
            assert math.isclose(new["tonnage_t"], new["volume_m3"] * 0.95, rel_tol=1e-9)
            assert new["volume_m3"] != pytest.approx(old["volume_m3"], rel=1e-6)  # a lower repose holds less
    with PortFile.open(port_path) as reopened:
        assert reopened.port.repose_deg == 32.0
        assert reopened.stale_heaps() == []
    _check_valid(port_path)


def test_without_new_defaults_numbers_are_recomputed_unchanged(processing, port_path):
    before = _heaps(port_path)
    processing.run(algorithm("recomputevolumes"), {"INPUT": str(port_path)})
    after = _heaps(port_path)
    for old, new in zip(before, after):
        for name in NUMBERS + ("repose_deg", "density_t_m3"):
            assert new[name] == pytest.approx(old[name], rel=1e-12)


def test_cancel_in_the_middle_leaves_the_file_exactly_as_it_was(processing, port_path):
    before = _dump(port_path)
    feedback = CancelHalfway(at_percent=40)
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(algorithm("recomputevolumes"), {"INPUT": str(port_path), "DENSITY": 0.95},
                       feedback=feedback)
    assert "nothing was changed" in str(raised.value).lower()
    assert feedback.progress_seen and 40 <= max(feedback.progress_seen) < 100  # it was really mid-way
    assert _dump(port_path) == before
    _check_valid(port_path)


def test_a_heap_with_refused_inputs_mid_way_rolls_everything_back(processing, port_path):
    # Another program (GDAL here, as ogr2ogr or a plain QGIS would) sets the seventh heap's height to
    # 75 m, beyond the 60 m limit: six heaps are rewritten in the transaction before it is met.
    from osgeo import ogr

    dataset = ogr.Open(str(port_path), 1)
    layer = dataset.GetLayerByName("heaps")
    seventh = sorted(f.GetFID() for f in layer)[6]
    feature = layer.GetFeature(seventh)
    feature.SetField("height_m", 75.0)
    assert layer.SetFeature(feature) == 0
    dataset = None
    before = _dump(port_path)
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(algorithm("recomputevolumes"), {"INPUT": str(port_path), "DENSITY": 0.95})
    message = str(raised.value)
    assert "heap 150,30" in message and "75" in message and "Nothing was changed" in message
    assert _dump(port_path) == before
    _check_valid(port_path)


def test_a_height_too_tall_for_the_new_angle_is_kept_with_the_engines_note(processing, port_path):
    """At 20 deg a 70 x 35 m footprint holds at most 17.5 x tan(20) = 6.4 m: the 6.5 m heap gets a note."""
    assert HEAPS[6][4:] == (70, 35, 6.5)
    assert 17.5 * math.tan(math.radians(20.0)) < 6.5 < 17.5 * math.tan(math.radians(35.0))
    feedback = RecordingFeedback()
    processing.run(algorithm("recomputevolumes"), {"INPUT": str(port_path), "REPOSE_ANGLE": 20.0},
                   feedback=feedback)
    notes = [h["volume_note"] for h in _heaps(port_path)]
    assert notes[6] and all(not n for i, n in enumerate(notes) if i != 6)
    assert any("heap 150,30" in w and notes[6] in w for w in feedback.warnings)


def test_a_density_outside_its_band_is_refused_before_anything_is_written(processing, port_path):
    before = _dump(port_path)
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(algorithm("recomputevolumes"), {"INPUT": str(port_path), "DENSITY": 1.2})
    assert "1.2" in str(raised.value) and "DENSITY_HIGH" in str(raised.value)
    assert _dump(port_path) == before
