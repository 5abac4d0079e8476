"""Several analysts on one team port log: nothing lost, and no edit made from a stale copy."""
import os
import subprocess
import sys

import pytest
from shapely.geometry import box

from coal_monitor.store.errors import StoreError
from coal_monitor.store.postgis import PostgisPortLog
from tests.postgis.conftest import WRITER_PASSWORD

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RECT = box(606_000, 4_675_000, 606_100, 4_675_030)
APRIL_2 = "2024-04-02T02:31:00Z"


def test_two_writer_processes_log_100_heaps_and_none_is_lost(team_log, writer_kwargs, schema_name):
    before = team_log.heap_count()
    env = dict(os.environ, PGPASSWORD=WRITER_PASSWORD, PYTHONPATH=REPO)
    args = [str(writer_kwargs[k]) for k in ("host", "port", "dbname", "user")] + [schema_name]
    writers = [subprocess.Popen([sys.executable, "-m", "tests.postgis.writer_process", *args, tag, "50"],
                                cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for tag in ("first", "second")]
    results = [w.communicate(timeout=240) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], [r[1][-2000:] for r in results]
    assert [r[0].strip() for r in results] == ["50", "50"]
    heaps = team_log.heaps(with_geometry=False)
    assert (before, len(heaps)) == (0, 100)
    assert sorted(h["label"] for h in heaps) == sorted(f"{t}-{i}" for t in ("first", "second") for i in range(50))
    assert len({h["heap_uid"] for h in heaps}) == 100
    assert all(h["tonnage_t"] > 0 and h["row_version"] == 1 for h in heaps)
    assert team_log.stale_heaps() == []
    assert team_log.others_changed() is True


def test_an_edit_from_a_stale_copy_is_refused_naming_who_and_when(team_log, writer_kwargs, schema_name):
    uid = team_log.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0, "label": "H7"})
    read = team_log.heap(uid)
    assert read["row_version"] == 1 and read["modified_by"] == writer_kwargs["user"]
    with PostgisPortLog.open(writer_kwargs, schema_name) as other:
        other.update_heap(uid, height_m=9.0, expected_version=other.heap(uid)["row_version"])
        changed = other.heap(uid)
    assert changed["row_version"] == 2
    with pytest.raises(StoreError) as refused:
        team_log.update_heap(uid, height_m=4.0, expected_version=read["row_version"])
    message = str(refused.value)
    assert "H7" in message and writer_kwargs["user"] in message and changed["modified_utc"] in message
    assert "Reload" in message
    with pytest.raises(StoreError, match="H7"):
        team_log.delete_heap(uid, expected_version=read["row_version"])
    now = team_log.heap(uid)
    assert (now["height_m"], now["row_version"], now["tonnage_t"]) == (9.0, 2, changed["tonnage_t"])
    # With the version just read, the same edit goes through.
    assert team_log.update_heap(uid, height_m=4.0, expected_version=2)["row_version"] == 3
    team_log.delete_heap(uid, expected_version=3)
    assert team_log.heap(uid) is None


def test_a_row_locked_by_another_writer_is_waited_for_then_refused_cleanly(team_log, pg_server, schema_name):
    uid = team_log.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0})
    holder = pg_server.connect()
    holder.autocommit = False
    try:
        with holder.cursor() as cursor:
            cursor.execute(f'SELECT 1 FROM "{schema_name}".heaps WHERE heap_uid = %s FOR UPDATE', (uid,))
        team_log.lock_timeout_s = 0.5
        team_log._raw.cursor().execute("SET lock_timeout = '500ms'")
        with pytest.raises(StoreError, match="another user"):
            team_log.update_heap(uid, height_m=2.0)
    finally:
        holder.rollback()
        holder.close()
    assert team_log.heap(uid)["height_m"] == 8.0
    assert team_log.update_heap(uid, height_m=2.0)["height_m"] == 2.0
