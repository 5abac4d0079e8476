"""Which images of one day a day's total may add up, so that no pile is counted twice.

Heaps have no identity across images yet: the same pile measured on two images of one day is two
heaps. Until it has one, a day's total takes one image per scene footprint: the day's scenes whose heaps
overlap form a group, and of each group only the image with the finer ground resolution counts (at equal
or unknown resolution, the later acquisition). Scenes whose heaps touch nothing else all count.
Pure computation (shapely only).
"""
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

from shapely.ops import unary_union

# Overlaps smaller than this (m2) are digitising slivers where two outlines meet, not one pile seen twice.
MIN_OVERLAP_M2 = 1.0


@dataclass(frozen=True)
class DayScene:
    """One image's heaps on one day: ``footprints`` are their polygons in one metric CRS."""

    scene_id: str
    gsd_m: Optional[float]
    acquired_utc: str
    footprints: Sequence


@dataclass(frozen=True)
class Choice:
    """The day's scenes that count, the ones set aside, and a sentence saying why."""

    used: tuple
    set_aside: tuple
    note: str


def choose(scenes: List[DayScene]) -> Choice:
    """One image per group of overlapping scenes (see the module's rule)."""
    if len(scenes) < 2:
        return Choice(tuple(s.scene_id for s in scenes), (), "")
    outlines = [unary_union([f.buffer(0) for f in s.footprints]) for s in scenes]  # buffer(0): a bow tie drawn in QGIS
    group_of = list(range(len(scenes)))

    def root(index):
        while group_of[index] != index:
            group_of[index] = group_of[group_of[index]]
            index = group_of[index]
        return index

    for a in range(len(scenes)):
        for b in range(a + 1, len(scenes)):
            if outlines[a].intersection(outlines[b]).area >= MIN_OVERLAP_M2:
                group_of[root(a)] = root(b)
    groups: Dict[int, List[DayScene]] = {}
    for index, scene in enumerate(scenes):
        groups.setdefault(root(index), []).append(scene)
    used, set_aside, notes = [], [], []
    for members in groups.values():
        best = _preferred(members)
        used.append(best.scene_id)
        others = [m for m in members if m is not best]
        if others:
            set_aside += [m.scene_id for m in others]
            notes.append(f"{', '.join(m.scene_id for m in others)} set aside: its heaps overlap those of "
                         f"{best.scene_id} ({_why(best, others)}); one image per footprint counts.")
    return Choice(tuple(sorted(used)), tuple(sorted(set_aside)), " ".join(notes))


def _preferred(members: List[DayScene]) -> DayScene:
    """Finer GSD first (unknown GSD last), then the later acquisition, then the scene id (stable sorts)."""
    ranked = sorted(members, key=lambda s: s.scene_id)
    ranked.sort(key=lambda s: s.acquired_utc or "", reverse=True)
    ranked.sort(key=lambda s: s.gsd_m if s.gsd_m else float("inf"))
    return ranked[0]


def _why(best: DayScene, others: List[DayScene]) -> str:
    if best.gsd_m and all(not o.gsd_m or o.gsd_m > best.gsd_m for o in others):
        return f"finer GSD {best.gsd_m:.2f} m"
    return "acquired later"
