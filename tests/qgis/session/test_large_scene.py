"""A 12,000 x 12,000 image is measured like a small one: choosing it reads its metadata, not its pixels
(timings: bench/bench_session.py)."""
import pytest
from qgis.core import QgsRasterLayer

from coal_monitor.core.ports import PortRegistry
from coal_monitor.session.measuring import MeasuringSession
from tests.helpers.rasters import write_sparse_geotiff
from tests.helpers.scripted_prompts import ScriptedPrompts
from tests.helpers.session_bench import heap_geometry, port_crs


def test_a_12000_pixel_image_is_chosen_measured_and_logged(tmp_path, clean_project):
    path = write_sparse_geotiff(tmp_path / "large.tif", 12_000, 0.3,
                                imagery={"ACQUISITIONDATETIME": "2024-04-05 02:13:00", "SATELLITEID": "WV03"})
    assert (tmp_path / "large.tif").stat().st_size < 5_000_000  # sparse: 432 MB of pixels, almost none written
    clean_project.setFileName(str(tmp_path / "large.qgz"))
    layer = QgsRasterLayer(path, "large")
    clean_project.addMapLayer(layer)
    session = MeasuringSession(clean_project, ScriptedPrompts(), registry=PortRegistry())
    try:
        session.set_port("Rason")
        session.set_image(layer)
        assert session.scene_gsd_m() == pytest.approx(0.3, rel=0.01)
        session.set_inputs({"height_m": 6.0})
        session.set_footprint(heap_geometry(), port_crs())
        assert session.log_heap() is not None
        assert session.log.scene["acquired_utc"].startswith("2024-04-05T02:13")
    finally:
        session.close()
