"""One writer process of the concurrency test: logs N heaps into a team port log, one transaction each.

``/usr/bin/python3 -m tests.postgis.writer_process HOST PORT DBNAME USER SCHEMA TAG N`` (password in
PGPASSWORD); prints the number of heaps it logged.
"""
import sys

from shapely.geometry import box

from coal_monitor.store.postgis import PostgisPortLog


def main(host, port, dbname, user, schema_name, tag, count):
    kwargs = {"host": host, "port": int(port), "dbname": dbname, "user": user}
    logged = 0
    with PostgisPortLog.open(kwargs, schema_name, lock_timeout_s=30) as log:
        for i in range(int(count)):
            x = 606_000 + i * 50
            log.add_heap(box(x, 4_675_000, x + 40, 4_675_030), 32652,
                         {"observed_utc": "2024-04-02T02:31:00Z", "height_m": 5.0 + i % 3, "label": f"{tag}-{i}"})
            logged += 1
    print(logged)


if __name__ == "__main__":
    main(*sys.argv[1:])
