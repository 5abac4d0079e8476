"""The stock-versus-ships balance (issue 14 item 5) on constructed cases: every verdict, the bounds where
one verdict gives way to the next, the interval convention and the range arithmetic."""
import pytest

from coal_monitor.core.errors import InputError
from coal_monitor.core.flows import VERDICT_TEXT, VERDICTS, loading_events, port_flows


def obs(date, tonnage_t, spread_t=0.0, partial=False):
    return {"date": date, "tonnage_t": tonnage_t, "tonnage_lo_t": tonnage_t - spread_t,
            "tonnage_hi_t": tonnage_t + spread_t, "partial": partial}


def ship(date, lo_t, hi_t, uid=None, vessel_class="Handymax / Supramax"):
    return {"date": date, "vessel_uid": uid or f"ship-{date}-{lo_t}", "cargo_lo_t": lo_t, "cargo_hi_t": hi_t,
            "vessel_class": vessel_class}


def one_flow(start_t, end_t, loadings=(), spread_t=0.0, **keywords):
    flows = port_flows([obs("2025-04-01", start_t, spread_t, keywords.get("start_partial", False)),
                        obs("2025-04-18", end_t, spread_t, keywords.get("end_partial", False))],
                       [ship("2025-04-10", lo, hi) for lo, hi in loadings])
    assert len(flows) == 1
    return flows[0]


def test_every_verdict_has_a_text_and_the_keys_are_the_contract():
    assert [v.key for v in VERDICTS] == ["consistent", "fell_more_than_ships", "ships_more_than_fell", "grew",
                                        "steady", "partial"]
    assert all(text.strip() for text in VERDICT_TEXT.values())


def test_one_flow_per_interval_with_the_range_of_the_change():
    flows = port_flows([obs("2025-03-01", 100_000, 10_000), obs("2025-04-01", 60_000, 6_000),
                        obs("2025-05-01", 80_000, 8_000)], [])
    assert [(f.start_date, f.end_date) for f in flows] == [("2025-03-01", "2025-04-01"), ("2025-04-01", "2025-05-01")]
    first = flows[0]
    assert first.stock_change_t == -40_000
    # end low - start high, end high - start low
    assert (first.stock_change_lo_t, first.stock_change_hi_t) == (54_000 - 110_000, 66_000 - 90_000)
    assert flows[1].stock_change_t == 20_000


def test_fewer_than_two_observations_make_no_flow():
    assert port_flows([], [ship("2025-04-10", 1, 2)]) == []
    assert port_flows([obs("2025-04-01", 5.0)], []) == []


def test_consistent_when_the_drop_overlaps_the_cargo():
    flow = one_flow(100_000, 50_000, [(36_800, 59_170)], spread_t=5_000)
    assert flow.verdict == flow.comparison == "consistent" and not flow.partial
    assert flow.verdict_text == VERDICT_TEXT["consistent"]
    assert (flow.ships_loading, flow.shipped_lo_t, flow.shipped_hi_t) == (1, 36_800, 59_170)


@pytest.mark.parametrize("end_t, verdict", [
    (40_000, "consistent"),             # drop exactly the ships' highest cargo: the ranges touch
    (40_000 - 0.01, "fell_more_than_ships"),
    (70_000, "consistent"),             # drop exactly the ships' lowest cargo
    (70_000 + 0.01, "ships_more_than_fell"),
])
def test_the_bounds_between_consistent_and_the_two_mismatches(end_t, verdict):
    assert one_flow(100_000, end_t, [(30_000, 60_000)]).verdict == verdict


def test_the_ranges_not_the_points_decide():
    # points: drop 25 kt against ships of 30-60 kt; the ranges (+- 3 kt on each date) reach 31 kt
    assert one_flow(100_000, 75_000, [(30_000, 60_000)], spread_t=3_000).verdict == "consistent"
    assert one_flow(100_000, 75_000, [(30_000, 60_000)], spread_t=2_000).verdict == "ships_more_than_fell"


def test_the_pile_fell_and_no_ship_was_seen():
    flow = one_flow(100_000, 60_000, [], spread_t=1_000)
    assert flow.verdict == "fell_more_than_ships"
    assert (flow.ships_loading, flow.shipped_lo_t, flow.shipped_hi_t) == (0, 0.0, 0.0)


def test_the_pile_fell_by_more_than_several_ships_carry():
    flow = one_flow(200_000, 50_000, [(36_800, 59_170), (1_840, 5_820)])
    assert flow.ships_loading == 2 and flow.shipped_hi_t == pytest.approx(64_990)
    assert flow.verdict == "fell_more_than_ships"


@pytest.mark.parametrize("loadings", [[], [(36_800, 59_170)]])
def test_the_pile_grew_with_or_without_ships(loadings):
    flow = one_flow(40_000, 90_000, loadings, spread_t=5_000)
    assert flow.verdict == "grew"


def test_growth_within_the_range_is_not_growth():
    # +8 kt with +-5 kt on each date: the change's range (-2 to +18 kt) holds zero
    assert one_flow(40_000, 48_000, [], spread_t=5_000).verdict == "steady"
    assert one_flow(40_000, 48_000, [], spread_t=3_999).verdict == "grew"
    assert one_flow(40_000, 40_000, []).verdict == "steady"


def test_ships_loaded_from_a_pile_that_did_not_change():
    assert one_flow(40_000, 40_000, [(36_800, 59_170)], spread_t=1_000).verdict == "ships_more_than_fell"


@pytest.mark.parametrize("start_partial, end_partial", [(True, False), (False, True), (True, True)])
def test_partial_coverage_on_either_date_makes_the_comparison_partial(start_partial, end_partial):
    flow = one_flow(100_000, 50_000, [(36_800, 59_170)], start_partial=start_partial, end_partial=end_partial)
    assert flow.partial and flow.verdict == "partial"
    assert flow.comparison == "consistent"
    assert flow.verdict_text == VERDICT_TEXT["partial"]


def test_a_loading_belongs_to_the_interval_ending_on_or_after_its_date():
    observations = [obs("2025-04-01", 100_000), obs("2025-04-18", 60_000), obs("2025-05-02", 20_000)]
    loadings = [ship("2025-04-01", 40_000, 40_000, "on-first"), ship("2025-04-02", 1_000, 1_000, "after-first"),
                ship("2025-04-18", 39_000, 39_000, "on-second"), ship("2025-05-03", 9, 9, "after-last"),
                ship("2025-03-01", 9, 9, "before-first")]
    first, second = port_flows(observations, loadings)
    assert set(first.vessel_uids) == {"after-first", "on-second"}
    assert first.shipped_lo_t == 40_000 and first.verdict == "consistent"
    assert second.vessel_uids == ()
    assert second.verdict == "fell_more_than_ships"


def test_one_ship_seen_loading_twice_in_an_interval_counts_once():
    observations = [obs("2025-04-01", 100_000), obs("2025-04-18", 50_000)]
    loadings = [ship("2025-04-10", 40_000, 50_000, "rason-1"), ship("2025-04-11", 45_000, 55_000, "rason-1")]
    (flow,) = port_flows(observations, loadings)
    assert flow.ships_loading == 1
    assert (flow.shipped_lo_t, flow.shipped_hi_t) == (40_000, 55_000)


def test_a_ship_without_a_class_has_no_upper_cargo_bound():
    observations = [obs("2025-04-01", 500_000), obs("2025-04-18", 100_000)]
    loadings = [ship("2025-04-10", None, None, "unknown-ship", None), ship("2025-04-12", 36_800, 59_170, "supra")]
    (flow,) = port_flows(observations, loadings)
    assert flow.ships_loading == 2 and flow.ships_unsized == 1
    assert flow.shipped_lo_t == 36_800 and flow.shipped_hi_t is None
    # however far the pile fell, an unsized ship might have carried it
    assert flow.verdict == "consistent"
    assert flow.vessel_classes == (None, "Handymax / Supramax")


def test_dates_may_be_dates_or_iso_text():
    import datetime

    flows = port_flows([obs(datetime.date(2025, 4, 1), 10.0), obs("2025-04-18", 10.0)], [])
    assert flows[0].start_date == "2025-04-01"


@pytest.mark.parametrize("observations, loadings, words", [
    ([obs("2025-04-18", 1.0), obs("2025-04-01", 1.0)], [], "does not follow 2025-04-18"),
    ([obs("2025-04-18", 1.0), obs("2025-04-18", 1.0)], [], "one observation per date"),
    ([obs("18/04/2025", 1.0), obs("2025-04-19", 1.0)], [], "not an ISO date"),
    ([obs("2025-04-01", 1.0), {"date": "2025-04-02", "tonnage_t": 5.0, "tonnage_lo_t": 6.0,
                                "tonnage_hi_t": 9.0}], [], "range 6-9 t"),
    ([obs("2025-04-01", 1.0), {"date": "2025-04-02", "tonnage_t": "5", "tonnage_lo_t": 1.0,
                                "tonnage_hi_t": 9.0}], [], "tonnage_t '5' is not a number"),
    ([obs("2025-04-01", -1.0)], [], "cannot be negative"),
    ([obs("2025-04-01", 1.0)], [ship("2025-04-02", 9.0, 5.0)], "range 9-5 t"),
    ([obs("2025-04-01", 1.0)], [{"date": "2025-04-02", "cargo_lo_t": 5.0}], "give both cargo_lo_t and cargo_hi_t"),
    ([obs("2025-04-01", 1.0)], [{"date": "someday"}], "Loading 1: date 'someday'"),
    (["2025-04-01"], [], "is not a record"),
])
def test_bad_input_is_refused_with_the_value_and_the_fix(observations, loadings, words):
    with pytest.raises(InputError, match=words):
        port_flows(observations, loadings)


def test_loading_events_are_the_loading_and_the_moored_with_cargo_in_view():
    vessels_rows = [
        {"vessel_uid": "a", "observed_utc": "2025-04-18T01:48:44Z", "state": "loading", "cargo_visible": False,
         "cargo_lo_t": 36_800.0, "cargo_hi_t": 59_170.0, "vessel_class": "Handymax / Supramax"},
        {"vessel_uid": "b", "observed_utc": "2025-04-10T02:00:00Z", "state": "moored", "cargo_visible": True,
         "cargo_lo_t": 1_840.0, "cargo_hi_t": 5_820.0, "vessel_class": "Small general cargo"},
        {"vessel_uid": "c", "observed_utc": "2025-04-11T02:00:00Z", "state": "moored", "cargo_visible": False},
        {"vessel_uid": "d", "observed_utc": "2025-04-12T02:00:00Z", "state": "at_anchor", "cargo_visible": True},
    ]
    loadings = loading_events(vessels_rows)
    assert [(row["vessel_uid"], row["date"]) for row in loadings] == [("b", "2025-04-10"), ("a", "2025-04-18")]
    (flow,) = port_flows([obs("2025-04-01", 100_000), obs("2025-04-18", 50_000)], loadings)
    assert flow.ships_loading == 2 and flow.shipped_hi_t == pytest.approx(64_990)


@pytest.mark.parametrize("row, words", [
    ({"state": "loading", "observed_utc": None}, "not an ISO date"),
    ({"state": "docked", "observed_utc": "2025-04-18"}, "not one of"),
    ("loading", "is not a record"),
])
def test_loading_events_refuse_a_row_they_cannot_read(row, words):
    with pytest.raises(InputError, match=words):
        loading_events([row])
