"""Port registry: built-in ports as data, metric CRS from any location, analysts' ports and edits."""
import json

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pyproj.aoi import AreaOfInterest
from pyproj.database import query_utm_crs_info

from coal_monitor.core import limits
from coal_monitor.core.ports import (
    Port,
    PortError,
    PortRegistry,
    builtin_ports,
    make_port,
    utm_epsg_for,
)

# From shared/reference/domain.md section 2 (the spec, not the code under test).
EXPECTED_BUILTINS = {
    "Rason": (42.2271, 130.2826, 32652),
    "Nampho": (38.7281, 125.4169, 32651),
    "Songnim": (38.7542, 125.6450, 32651),
    "Taean": (None, None, 32651),
    "Haeju": (38.050, 125.717, 32651),
    "Chongjin": (41.783, 129.767, 32652),
    "Hungnam": (None, None, 32652),
    "Wonsan": (39.15, 127.44, 32652),
}


def test_builtin_ports_match_the_domain_table():
    ports = {p.name: p for p in builtin_ports()}
    assert set(ports) == set(EXPECTED_BUILTINS)
    for name, (lat, lon, epsg) in EXPECTED_BUILTINS.items():
        port = ports[name]
        assert port.crs_epsg == epsg, name
        if lat is not None:
            assert (port.lat_deg, port.lon_deg) == (lat, lon), name
        # west of 126 E is zone 51, east of it 52
        assert (port.lon_deg < 126.0) == (port.crs_epsg == 32651), name


def test_builtin_ports_take_coal_defaults_from_limits():
    for port in builtin_ports():
        assert port.repose_deg == 35.0 and port.repose_tol_deg == 3.0
        assert (port.density_lo_t_m3, port.density_t_m3, port.density_hi_t_m3) == (0.75, 0.85, 1.05)
        assert port.default_model == "repose"


def test_builtin_ports_carry_piers_and_check_flags():
    ports = {p.name: p for p in builtin_ports()}
    assert "RasonConTrans Pier 3" in ports["Rason"].piers
    assert ports["Rason"].aoi_lonlat == (130.265, 42.215, 130.305, 42.245)
    for name in ("Taean", "Hungnam", "Wonsan", "Nampho"):
        assert ports[name].checks, f"{name} should flag what is still to be checked"
    assert len({p.slug for p in ports.values()}) == len(ports)


@pytest.mark.parametrize(
    "lat, lon, epsg",
    [
        (38.7281, 125.4169, 32651),  # Nampho
        (38.0, 125.999, 32651),
        (38.0, 126.001, 32652),
        (42.2271, 130.2826, 32652),  # Rason
        (51.5, -0.12, 32630),  # London
        (-33.87, 151.21, 32756),  # Sydney, southern hemisphere
        (-22.9, -43.2, 32723),  # Rio de Janeiro
        (0.0, 0.0, 32631),  # equator counts as north
        (-0.001, 0.0, 32731),
        (10.0, -180.0, 32601),
        (10.0, 180.0, 32660),
        (60.39, 5.32, 32632),  # Bergen: Norway exception (plain rule gives 31)
        (78.0, 8.0, 32631),  # Svalbard exception (plain rule gives 32)
        (78.0, 10.0, 32633),  # Svalbard exception (plain rule gives 32)
        (78.0, 35.0, 32637),  # Svalbard exception (plain rule gives 36)
        (84.0, 20.0, 32633),
        (84.5, 20.0, 32661),  # UPS North
        (-80.0, 20.0, 32734),
        (-80.5, 20.0, 32761),  # UPS South
        (90.0, 0.0, 32661),
        (-90.0, 0.0, 32761),
    ],
)
def test_utm_epsg_for_known_places(lat, lon, epsg):
    assert utm_epsg_for(lat, lon) == epsg


@settings(max_examples=100, deadline=None)
@given(st.floats(-79.9, 83.9), st.floats(-179.9, 179.9))
def test_utm_epsg_for_agrees_with_the_epsg_database(lat, lon):
    # stay off zone edges, where both neighbours are right
    assume(abs(((lon + 180.0) % 6.0) - 3.0) < 2.9)
    candidates = query_utm_crs_info(
        datum_name="WGS 84",
        area_of_interest=AreaOfInterest(lon, lat, lon, lat),
    )
    codes = {int(c.code) for c in candidates}
    epsg = utm_epsg_for(lat, lon)
    in_exception = (56 <= lat < 64 and 3 <= lon < 12) or (lat >= 72 and 0 <= lon < 42)
    if not in_exception:
        assert epsg in codes
    assert 32601 <= epsg <= 32660 or 32701 <= epsg <= 32760


@pytest.mark.parametrize("lat, lon", [(91, 0), (-91, 0), (0, 181), (0, -180.5), ("x", 0), (float("nan"), 0)])
def test_utm_epsg_for_refuses_impossible_coordinates(lat, lon):
    with pytest.raises(PortError) as info:
        utm_epsg_for(lat, lon)
    assert repr(lat) in str(info.value) or repr(lon) in str(info.value) or "nan" in str(info.value)


def test_make_port_picks_slug_and_crs_from_name_and_place():
    port = make_port("Nampho (Nampo)", 38.7281, 125.4169)
    assert isinstance(port, Port)
    assert port.slug == "nampho-nampo"
    assert port.crs_epsg == 32651
    assert port.density_t_m3 == limits.DENSITY_DEFAULT_T_M3


def test_make_port_anywhere_on_earth():
    assert make_port("Newcastle NSW", -32.92, 151.78).crs_epsg == 32756
    assert make_port("Richards Bay", -28.8, 32.05).crs_epsg == 32736


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"repose_deg": 10}, "repose_deg = 10"),
        ({"repose_deg": 70}, "repose_deg = 70"),
        ({"repose_tol_deg": -1}, "repose_tol_deg = -1"),
        ({"repose_deg": 22, "repose_tol_deg": 3}, "repose_tol_deg = 3"),
        ({"density_t_m3": 3.0}, "density_t_m3 = 3.0"),
        ({"density_t_m3": 0.7}, "band"),
        ({"density_lo_t_m3": 0.1}, "density_lo_t_m3 = 0.1"),
        ({"default_model": "pyramid"}, "'pyramid'"),
        ({"crs_epsg": 4326}, "EPSG:4326"),
        ({"crs_epsg": 3857}, "scales areas"),
        ({"crs_epsg": 32655}, "scales areas"),  # a UTM zone 20 degrees away
        ({"crs_epsg": 999999}, "999999"),
        ({"piers": ["A", "a"]}, "twice"),
        ({"aoi_lonlat": [1, 2, 0, 3]}, "aoi_lonlat"),
        ({"colour": "red"}, "colour"),
        ({"repose_deg": "steep"}, "'steep'"),
    ],
)
def test_make_port_refuses_bad_defaults_naming_them(kwargs, fragment):
    with pytest.raises(PortError) as info:
        make_port("Testport", 38.7, 125.4, **kwargs)
    if fragment:
        assert fragment in str(info.value)


def test_make_port_accepts_a_chosen_metric_crs_that_keeps_areas_true():
    # Korea 2000 / Central Belt 2010 is a local metric grid around 127 E
    assert make_port("Testport", 37.5, 127.0, crs_epsg=5186).crs_epsg == 5186
    assert make_port("Nampho west", 38.7, 125.9, crs_epsg="EPSG:32652").crs_epsg == 32652


@pytest.mark.parametrize("name", ["", "   ", None, "라선", "CON", "../"])
def test_make_port_refuses_hostile_names(name):
    with pytest.raises(PortError):
        make_port(name, 38.7, 125.4)


def test_registry_lists_builtins_and_finds_them_ignoring_case(tmp_path):
    registry = PortRegistry(tmp_path / "ports.json")
    assert registry.names()[:2] == ["Rason", "Nampho"]
    assert registry.get("  nampho ").slug == "nampho"
    assert registry.is_builtin("Nampho")
    with pytest.raises(PortError, match="'Atlantis'"):
        registry.get("Atlantis")


def test_registry_adds_user_port_and_persists_it(tmp_path):
    path = tmp_path / "profile" / "ports.json"
    registry = PortRegistry(path)
    added = registry.add("Port Kembla", -34.47, 150.9, piers=["No. 1"], density_t_m3=0.9)
    assert added.crs_epsg == 32756
    reopened = PortRegistry(path)
    assert reopened.get("Port Kembla") == added
    assert not reopened.is_builtin("Port Kembla")
    assert json.loads(path.read_text(encoding="utf-8"))["user_ports"][0]["slug"] == "port-kembla"


def test_registry_refuses_duplicate_names_and_slugs(tmp_path):
    registry = PortRegistry(tmp_path / "ports.json")
    with pytest.raises(PortError, match="already exists"):
        registry.add("NAMPHO", 38.7, 125.4)
    with pytest.raises(PortError, match="'nampho.gpkg'"):
        registry.add("Nämpho", 38.7, 125.4)
    registry.add("Port A", 1.0, 1.0)
    with pytest.raises(PortError, match="'port-a.gpkg'"):
        registry.add("Port-A", 1.0, 1.0)


def test_registry_edits_builtin_defaults_layered_over_the_shipped_ones(tmp_path):
    path = tmp_path / "ports.json"
    registry = PortRegistry(path)
    edited = registry.edit("Nampho", default_model="prism", density_t_m3=1.0, density_hi_t_m3=1.1)
    assert (edited.default_model, edited.density_t_m3) == ("prism", 1.0)
    reopened = PortRegistry(path)
    assert reopened.get("Nampho") == edited
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["edited_builtins"] == {
        "Nampho": {"density_t_m3": 1.0, "density_hi_t_m3": 1.1, "default_model": "prism"}
    }
    assert reopened.reset("Nampho") == [p for p in builtin_ports() if p.name == "Nampho"][0]
    assert PortRegistry(path).get("Nampho").default_model == "repose"


def test_registry_refuses_edits_of_fixed_or_invalid_fields_and_keeps_the_file(tmp_path):
    path = tmp_path / "ports.json"
    registry = PortRegistry(path)
    registry.edit("Rason", notes="watch pier 3")
    before = path.read_bytes()
    with pytest.raises(PortError, match="slug"):
        registry.edit("Rason", slug="elsewhere")
    with pytest.raises(PortError, match="crs_epsg"):
        registry.edit("Rason", crs_epsg=32651)
    with pytest.raises(PortError, match="density_t_m3 = 5"):
        registry.edit("Rason", density_t_m3=5)
    assert path.read_bytes() == before
    assert registry.get("Rason").notes == "watch pier 3"


def test_registry_removes_user_ports_but_not_builtins(tmp_path):
    path = tmp_path / "ports.json"
    registry = PortRegistry(path)
    registry.add("Port B", 10.0, 10.0)
    registry.remove("port b")
    assert "Port B" not in PortRegistry(path)
    with pytest.raises(PortError, match="built in"):
        registry.remove("Rason")
    with pytest.raises(PortError, match="'Nowhere'"):
        registry.remove("Nowhere")


def test_registry_edits_user_port(tmp_path):
    path = tmp_path / "ports.json"
    registry = PortRegistry(path)
    registry.add("Port C", 10.0, 10.0)
    registry.edit("Port C", repose_deg=38)
    assert PortRegistry(path).get("Port C").repose_deg == 38.0


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("{not json", "not valid JSON"),
        ("[]", "JSON object"),
        ('{"format": "something else"}', "not a Coal Monitor ports file"),
        ('{"format": "coal_monitor.ports", "format_version": 99}', "newer"),
        ('{"format": "coal_monitor.ports", "format_version": 1, "user_ports": [{"name": "X"}]}', "lacks"),
        (
            '{"format": "coal_monitor.ports", "format_version": 1, '
            '"user_ports": [{"name": "Nampho", "lat_deg": 1, "lon_deg": 1}]}',
            "already exists",
        ),
        (
            '{"format": "coal_monitor.ports", "format_version": 1, '
            '"edited_builtins": {"Rason": {"crs_epsg": 4326}}}',
            "fixed fields",
        ),
    ],
)
def test_registry_refuses_bad_files_and_leaves_them_untouched(tmp_path, content, fragment):
    path = tmp_path / "ports.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PortError) as info:
        PortRegistry(path)
    assert fragment in str(info.value)
    assert str(path) in str(info.value)
    assert path.read_text(encoding="utf-8") == content


def test_registry_failed_save_changes_nothing_in_memory(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    registry = PortRegistry(blocker / "ports.json")
    with pytest.raises(OSError):
        registry.add("Port D", 1.0, 1.0)
    assert "Port D" not in registry


def test_in_memory_registry_writes_no_file(tmp_path):
    registry = PortRegistry()
    registry.add("Port E", 1.0, 1.0)
    assert registry.get("Port E").slug == "port-e"
    assert list(tmp_path.iterdir()) == []
