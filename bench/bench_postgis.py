"""Benchmark of the team port log (PostGIS): logging one heap, and a 100,000-heap port's time series.

Run: /usr/bin/python3 bench/bench_postgis.py [--heaps 100000] [--rounds 200]
Starts a throw-away PostgreSQL server (tests/helpers/postgres_server.py), prints tables, asserts
nothing. Side by side: ``add_heap`` of a previewed footprint vs a raw INSERT + COMMIT of the same row
over the same connection (ratio), then open + totals per date of a bulk-loaded 100,000-heap port.
"""
import argparse
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from shapely import wkb as shapely_wkb  # noqa: E402
from shapely.affinity import translate  # noqa: E402

from bench_store import RASON, bench_big_port, big_port_rows, heap_outline, percentile  # noqa: E402
from coal_monitor.store.postgis import PostgisPortLog  # noqa: E402
from tests.helpers.postgres_server import PostgresServer  # noqa: E402

ATTRS = {"observed_utc": "2024-04-02T02:31:00Z", "height_m": 6.0, "height_sigma_m": 0.5, "pier": "Pier 3",
         "identification": "probable", "confidence": "moderate", "height_method": "manual"}


def bench_log_one_heap(kwargs, rounds: int, rng):
    log = PostgisPortLog.create(kwargs, "bench_one", RASON)
    outline = heap_outline(rng)
    log.add_heap(outline, 32652, ATTRS)
    store_times, raw_times = [], []
    cursor = log._raw.cursor()
    for index in range(rounds + 10):
        footprint = translate(outline, xoff=80 * (index % 40), yoff=50 * (index // 40))
        measured = log.measure(footprint, 32652)
        log.preview(measured, None, ATTRS)
        started = time.perf_counter()
        uid = log.add_heap(measured, None, ATTRS)
        store = time.perf_counter() - started
        row = log._select("SELECT * FROM heaps WHERE heap_uid = ?", (uid,))[0]
        for name in ("fid", "row_version", "modified_by"):
            del row[name]
        row["heap_uid"] = f"raw-{index}"
        sql = (f"INSERT INTO heaps ({', '.join(row)}) VALUES ({', '.join(['%s'] * len(row))})")
        started = time.perf_counter()
        cursor.execute("BEGIN")
        cursor.execute(sql, tuple(row.values()))
        cursor.execute("COMMIT")
        raw = time.perf_counter() - started
        if index >= 10:
            store_times.append(store)
            raw_times.append(raw)
    log.close()
    return store_times, raw_times


def build_big_port(kwargs, heaps: int, rng):
    """The same 100,000 heaps as the GeoPackage bench (``bench_store.big_port_rows``), bulk-inserted."""
    from psycopg2.extras import execute_values

    log = PostgisPortLog.create(kwargs, "bench_big", RASON)
    columns, rows = big_port_rows(heaps, rng, lambda footprint: shapely_wkb.dumps(footprint, hex=True, srid=32652))
    started = time.perf_counter()
    with log._raw.cursor() as cursor:
        cursor.execute("BEGIN")
        execute_values(cursor, f"INSERT INTO heaps ({', '.join(columns)}) VALUES %s", rows, page_size=2000)
        cursor.execute("DELETE FROM cm_heap_stale")
        cursor.execute("COMMIT")
        cursor.execute("ANALYZE heaps")
    loaded = time.perf_counter() - started
    log.close()
    return loaded


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heaps", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args(argv)
    rng = random.Random(17)
    with PostgresServer() as server:
        kwargs = server.add_role("bench", "bench-pw", writer=True)
        print(f"PostgreSQL {server.bin.parent.name} on 127.0.0.1:{server.port} (throw-away, fsync off)")
        store_times, raw_times = bench_log_one_heap(kwargs, args.rounds, rng)
        store_ms, raw_ms = statistics.median(store_times) * 1e3, statistics.median(raw_times) * 1e3
        print(f"\nLogging one heap ({args.rounds} rounds), ms      median    p90")
        print(f"  add_heap of a previewed footprint     {store_ms:7.2f} {percentile(store_times, .9) * 1e3:7.2f}")
        print(f"  raw INSERT + COMMIT, same connection  {raw_ms:7.2f} {percentile(raw_times, .9) * 1e3:7.2f}")
        print(f"  ratio add_heap / raw insert           {store_ms / raw_ms:7.2f}")
        loaded = build_big_port(kwargs, args.heaps, rng)
        timings, dates = bench_big_port(lambda: PostgisPortLog.open(kwargs, "bench_big"))
        print(f"\nA port of {args.heaps:,} heaps over {dates} dates (bulk load {loaded:.1f} s), s   median    max")
        for name, values in timings.items():
            print(f"  {name:<28} {statistics.median(values):7.3f} {max(values):7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
