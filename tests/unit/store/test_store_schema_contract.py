"""The port file schema is a contract with analysts' files: exact names, types and limits."""
import re

from coal_monitor.core import limits
from coal_monitor.store import schema

# The issue's field lists, in order: renaming or dropping any of these breaks files already out there.
ISSUE_HEAP_FIELDS = (
    "heap_uid scene_id observed_utc pier label identification confidence height_m height_sigma_m "
    "height_method model repose_deg density_t_m3 area_m2 height_max_m volume_m3 volume_lo_m3 volume_hi_m3 "
    "tonnage_t tonnage_lo_t tonnage_hi_t volume_note analyst created_utc modified_utc notes"
).split()
ISSUE_SCENE_FIELDS = (
    "scene_id sensor acquired_utc gsd_m sun_elevation_deg sun_azimuth_deg off_nadir_deg incidence_deg "
    "view_azimuth_deg source raster_path notes"
).split()
# Version 2 (the port's story issue): appended to version 1's, never inserted.
ISSUE_V2_HEAP_FIELDS = ["pile_uid"]
ISSUE_V2_SCENE_FIELDS = ["examined", "examined_note"]
ISSUE_VESSEL_FIELDS = (
    "vessel_uid scene_id observed_utc pier loa_m beam_m vessel_class dwt_lo_t dwt_hi_t cargo_lo_t cargo_hi_t "
    "state hatches_open cargo_visible name imo identification confidence analyst notes created_utc modified_utc"
).split()


def test_heap_and_scene_field_names_are_exactly_the_issues():
    assert list(schema.field_names("heaps")) == ISSUE_HEAP_FIELDS + ISSUE_V2_HEAP_FIELDS
    assert list(schema.field_names("scenes")) == ISSUE_SCENE_FIELDS + ISSUE_V2_SCENE_FIELDS
    assert sorted(schema.field_names("vessels")) == sorted(ISSUE_VESSEL_FIELDS)
    assert schema.SCHEMA_VERSION == 2


def test_layers_and_their_geometry_columns_are_the_issues():
    assert schema.GEOMETRY_COLUMNS == {"heaps": "geom", "scenes": "coverage", "vessels": "geom"}
    assert schema.field("vessels", "state").values == ("loading", "moored", "at_anchor", "underway", "unknown")
    assert schema.field("scenes", "examined").widget == "CheckBox"
    assert "true or false" in schema.field("scenes", "examined").check("yes")
    assert schema.field("scenes", "examined").check(1) is None


def test_port_table_holds_the_port_dataclass_fields_and_version():
    names = schema.field_names("port")
    for required in ("name", "slug", "lat_deg", "lon_deg", "crs_epsg", "repose_deg", "repose_tol_deg",
                     "density_t_m3", "density_lo_t_m3", "density_hi_t_m3", "default_model", "schema_version",
                     "created_utc"):
        assert required in names


def test_every_field_has_a_known_type_alias_and_comment():
    for table, fields in schema.TABLES.items():
        assert len({f.name for f in fields}) == len(fields), table
        for f in fields:
            assert f.type in ("TEXT", "REAL", "INTEGER", "BOOLEAN", "DATETIME"), f
            assert f.alias and f.comment, f
            assert re.fullmatch(r"[a-z][a-z0-9_]*", f.name), f


def test_value_maps_are_the_issues_vocabularies():
    assert schema.field("heaps", "identification").values == ("confirmed", "probable", "possible")
    assert schema.field("heaps", "confidence").values == ("high", "moderate", "low")
    assert schema.field("heaps", "height_method").values == ("manual", "shadow", "dem", "imported")
    assert schema.field("heaps", "model").values == tuple(limits.MODELS)
    for name in ("identification", "confidence", "height_method", "model"):
        assert schema.field("heaps", name).widget == "ValueMap"


def test_range_constraints_are_the_engine_limits():
    height = schema.field("heaps", "height_m")
    assert (height.min, height.max, height.min_exclusive) == (0.0, limits.HEIGHT_MAX_M, True)
    repose = schema.field("heaps", "repose_deg")
    assert (repose.min, repose.max) == (limits.REPOSE_MIN_DEG, limits.REPOSE_MAX_DEG)
    density = schema.field("heaps", "density_t_m3")
    assert (density.min, density.max) == (limits.DENSITY_MIN_T_M3, limits.DENSITY_MAX_T_M3)


def test_field_check_accepts_the_limits_and_refuses_beyond_them_with_the_name():
    height = schema.field("heaps", "height_m")
    assert height.check(limits.HEIGHT_MAX_M) is None
    assert "height_m" in height.check(limits.HEIGHT_MAX_M + 0.01)
    assert "height_m" in height.check(0.0)
    assert "height_m" in height.check(float("nan"))
    assert "required" in height.check(None)
    assert "possible" in schema.field("heaps", "identification").check("certain")


def test_constraint_expressions_allow_null_only_for_optional_fields():
    assert schema.field("heaps", "height_m").constraint_expression() == '"height_m" > 0 AND "height_m" <= 60'
    assert schema.field("heaps", "confidence").constraint_expression().startswith('"confidence" IS NULL OR')


def test_derived_fields_are_the_engine_outputs():
    assert schema.DERIVED_FIELDS == ("area_m2", "height_max_m", "volume_m3", "volume_lo_m3", "volume_hi_m3",
                                     "tonnage_t", "tonnage_lo_t", "tonnage_hi_t", "volume_note")


def test_markdown_lists_every_field_of_every_table_once():
    text = schema.markdown()
    assert f"Schema version {schema.SCHEMA_VERSION}." in text
    for table, fields in schema.TABLES.items():
        assert f"`{table}`:" in text
        for f in fields:
            assert f"| `{f.name}` | {f.type} | {f.alias} |" in text
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == sum(len(f) for f in schema.TABLES.values())
