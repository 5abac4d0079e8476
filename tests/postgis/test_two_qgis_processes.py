"""Two QGIS processes (each its own /usr/bin/python3 with its own QgsApplication) run coal_monitor:importheaps
into ONE team port log at the same moment: every heap of both arrives, none is lost or written twice, and
the log they race to create is created once.

The processes are tests/postgis/import_worker.py; they start importing when a start file appears, so their
transactions interleave on the server.
"""
import json
import os
import subprocess  # nosec B404: our own worker, started with a fixed argument list
from pathlib import Path

import psycopg2

from coal_monitor.store.port_log import open_port_log
from tests.postgis.team import TEAM_SECRET, uri, analyst_kwargs, pg_team  # noqa: F401 (a fixture)

REPO = Path(__file__).resolve().parents[2]
HEAPS_PER_PROCESS = 200
PROCESS_TIMEOUT_S = 420


def _count(kwargs, schema_name):
    """The heaps table's rows, counted by the server itself (not through the store)."""
    with psycopg2.connect(**kwargs) as connection, connection.cursor() as cursor:
        cursor.execute(f'SELECT count(*), count(DISTINCT heap_uid), count(DISTINCT notes) FROM "{schema_name}".heaps')
        return cursor.fetchone()


def test_two_qgis_processes_import_into_one_port_log_at_once(pg_team, tmp_path):
    log_uri = uri(pg_team, "rason", with_password=True)
    start = tmp_path / "start"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    workers = []
    for worker in (0, 1):
        result = tmp_path / f"result{worker}.json"
        process = subprocess.Popen(  # nosec B603: fixed arguments
            ["/usr/bin/python3", "-m", "tests.postgis.import_worker", log_uri, str(worker), str(HEAPS_PER_PROCESS),
             str(start), str(result)], cwd=str(REPO), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        workers.append((process, result))
    start.write_text("go", encoding="utf-8")  # both are ready or nearly: they wait for this file
    outcomes = []
    for process, result in workers:
        output, _ = process.communicate(timeout=PROCESS_TIMEOUT_S)
        assert process.returncode == 0, output.decode("utf-8", "replace")[-3000:]
        outcome = json.loads(result.read_text(encoding="utf-8"))
        assert "error" not in outcome, outcome
        outcomes.append(outcome)
        assert TEAM_SECRET not in json.dumps(outcome)
    assert [o["imported"] for o in outcomes] == [HEAPS_PER_PROCESS, HEAPS_PER_PROCESS]
    overlap_s = min(o["ended_at"] for o in outcomes) - max(o["started_at"] for o in outcomes)
    assert overlap_s > 0, "the two imports ran one after the other, not at once"
    assert [o["skipped"] for o in outcomes] == [0, 0]
    expected = 2 * HEAPS_PER_PROCESS
    rows, uids, notes = _count(analyst_kwargs(pg_team), "rason")
    print(f"two QGIS processes: {expected} heaps expected, {rows} rows found ({uids} distinct heap_uid), "
          f"import times {[round(o['seconds'], 1) for o in outcomes]} s, overlapping {overlap_s:.1f} s")
    assert (rows, uids) == (expected, expected)
    assert notes == expected  # each feature of each worker once ("Imported from 'worker N', feature F.")
    with open_port_log(log_uri) as team:
        assert team.heap_count() == expected
        assert {h["scene_id"] for h in team.heaps(with_geometry=False)} == {
            "WV03-20240402-worker0", "WV03-20240402-worker1"}
        assert all(h["volume_m3"] and h["volume_m3"] > 0 for h in team.heaps(with_geometry=False))
        assert len(team.scenes()) == 2
