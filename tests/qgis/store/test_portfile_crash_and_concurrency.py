"""Killed imports, two writers and snapshots under load: nothing lost, nothing half-written."""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from coal_monitor.store import schema
from coal_monitor.store.portfile import PortFile
from tests.helpers import gpkg_checks

REPO_ROOT = Path(__file__).resolve().parents[3]
KILL_ROUNDS = 25


def start_writer(path, count, tag, go=True):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    process = subprocess.Popen([sys.executable, "-m", "tests.helpers.heap_writer", str(path), str(count), tag],
                               cwd=REPO_ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "ready", process.stderr.read()
    if go:
        release(process)
    return process


def release(process):
    process.stdin.write("go\n")
    process.stdin.flush()


def committed_uids(output):
    return {line.split()[1] for line in output.splitlines() if line.startswith("committed ")}


def assert_only_whole_heaps(path, must_hold=()):
    """Sound file; every heap complete, indexed, counted and unflagged; every uid in must_hold present."""
    gpkg_checks.assert_sound_gpkg(path)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        incomplete = connection.execute(
            f"SELECT count(*) FROM heaps WHERE geom IS NULL OR "
            f"{' OR '.join(f'{name} IS NULL' for name in schema.DERIVED_FIELDS if name != 'volume_note')}"
        ).fetchone()[0]
        assert incomplete == 0
        fids = {r[0] for r in connection.execute("SELECT fid FROM heaps")}
        assert {r[0] for r in connection.execute("SELECT id FROM rtree_heaps_geom")} == fids
        assert connection.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'heaps'"
                                  ).fetchone()[0] == len(fids)
        assert connection.execute("SELECT count(*) FROM cm_heap_stale").fetchone()[0] == 0
        uids = {r[0] for r in connection.execute("SELECT heap_uid FROM heaps")}
    finally:
        connection.close()
    missing = set(must_hold) - uids
    assert not missing, f"{len(missing)} committed heaps lost"
    return uids


def test_killing_an_import_at_random_moments_keeps_every_committed_heap_whole(port_file):
    path = port_file.path
    port_file.close()
    rng = random.Random(20241128)
    committed = set()
    for round_index in range(KILL_ROUNDS):
        writer = start_writer(path, 100_000, f"kill{round_index}")
        time.sleep(rng.uniform(0.0, 0.15))
        writer.send_signal(signal.SIGKILL)
        output, _ = writer.communicate()
        assert writer.returncode == -signal.SIGKILL
        committed |= committed_uids(output)
        assert_only_whole_heaps(path, committed)
    with PortFile.open(path) as reopened:  # the store itself reads the survivor normally
        assert reopened.heap_count() >= len(committed) > 0
        assert reopened.stale_heaps() == []


def test_two_writers_on_one_file_lose_no_row(port_file):
    path = port_file.path
    port_file.close()
    writers = [start_writer(path, 150, tag, go=False) for tag in ("alpha", "beta")]
    for writer in writers:
        release(writer)
    outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (_, errors) in zip(writers, outputs):
        assert writer.returncode == 0, errors
    expected = set().union(*(committed_uids(out) for out, _ in outputs))
    assert len(expected) == 300
    assert assert_only_whole_heaps(path, expected) == expected
    connection = sqlite3.connect(path)
    labels = [r[0] for r in connection.execute("SELECT label FROM heaps ORDER BY fid")]
    connection.close()
    assert set(labels) == {f"{tag}-{i}" for tag in ("alpha", "beta") for i in range(150)}
    writer_in_turn = [label.split("-")[0] for label in labels]
    switches = sum(a != b for a, b in zip(writer_in_turn, writer_in_turn[1:]))
    assert switches > 10  # the two really wrote at the same time, taking turns


def test_snapshots_taken_while_another_process_writes_are_consistent(port_file, tmp_path):
    path = port_file.path
    writer = start_writer(path, 100_000, "busy")
    try:
        counts = []
        for index in range(5):
            time.sleep(0.1)
            copy = port_file.snapshot(tmp_path / f"snapshot-{index}.gpkg")
            counts.append(len(assert_only_whole_heaps(copy)))
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.communicate()
    assert counts == sorted(counts) and counts[-1] > 0
    assert_only_whole_heaps(path)
