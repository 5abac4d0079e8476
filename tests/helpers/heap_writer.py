"""A separate process that logs heaps to a port file in a loop (kill and two-writer tests).

Usage: python -m tests.helpers.heap_writer FILE COUNT TAG
Prints "ready" once the file is open, waits for a line on stdin (so several writers start together),
then prints "committed <heap_uid>" after each heap's transaction returned, so the parent knows which
heaps must survive a kill.
"""
import sys

from shapely.geometry import box

from coal_monitor.store.portfile import PortFile


def heap_footprint(index: int):
    """A different rectangle near Rason for each index, in the port's UTM 52N metres."""
    x0 = 606_000.0 + (index % 50) * 60.0
    y0 = 4_675_000.0 + (index // 50) * 60.0
    return box(x0, y0, x0 + 40.0 + index % 7, y0 + 25.0)


def main(path: str, count: int, tag: str) -> None:
    port_file = PortFile.open(path, lock_timeout_s=30.0)
    print("ready", flush=True)
    sys.stdin.readline()
    for index in range(count):
        uid = port_file.add_heap(heap_footprint(index), 32652, {
            "observed_utc": f"2024-04-{1 + index % 28:02d}T02:31:00Z", "height_m": 4.0 + index % 5,
            "height_sigma_m": 0.5, "label": f"{tag}-{index}", "pier": f"Pier {index % 3}",
            "height_method": "imported"})
        print(f"committed {uid}", flush=True)
    port_file.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
