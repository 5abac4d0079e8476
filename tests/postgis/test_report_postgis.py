"""coal_monitor:portreport on a team port log (a real PostgreSQL + PostGIS server): the PDF is written, its map
draws the latest scene's heaps from the log itself (there is no file to open), and its footer names the log
without the password."""
import subprocess

from coal_monitor.report.content import gather
from coal_monitor.report.layout import _log_heaps_layer
from coal_monitor.store.port_log import open_port_log
from tests.postgis.team import TEAM_SECRET, pg_team, uri  # noqa: F401 (pg_team: a fixture)
from tests.postgis.test_processing_postgis import _layer, _run, _shown
from tests.qgis.test_importheaps_algorithm import params


def test_portreport_of_a_team_log_maps_its_heaps_and_names_it_without_the_password(processing, pg_team, tmp_path):
    team_log = uri(pg_team, "rason", with_password=True)
    imported, _ = _run(processing, "importheaps", params(_layer(), PORT_LOG=team_log))
    assert imported["IMPORTED"] == 3

    with open_port_log(team_log) as log:
        content = gather(log)
        stored = {h["heap_uid"]: h for h in log.heaps()}
    assert len(content.latest_heaps) == 3
    layer = _log_heaps_layer(content)
    assert layer.isValid() and layer.featureCount() == 3
    assert layer.crs().authid() == f"EPSG:{content.crs_epsg}"
    drawn = {f["heap_uid"]: f for f in layer.getFeatures()}
    assert drawn.keys() == stored.keys()
    for uid, feature in drawn.items():  # the map's heaps are the log's, where the log has them
        footprint = stored[uid]["geometry"]  # shapely, in the port's CRS
        assert abs(feature.geometry().area() - footprint.area) < 1e-6 * footprint.area
        assert feature.geometry().boundingBox().xMinimum() == footprint.bounds[0]
        assert feature["tonnage_t"] == stored[uid]["tonnage_t"]
    assert layer.renderer() is not None and layer.labelsEnabled()  # the heaps layer's own style

    pdf = tmp_path / "rason.pdf"
    result, feedback = _run(processing, "portreport", {"PORT_LOG": team_log, "OUTPUT": str(pdf)})
    assert pdf.stat().st_size > 10_000
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Rason" in text and "schema=rason" in text
    assert TEAM_SECRET not in text and TEAM_SECRET not in _shown(feedback, result)
