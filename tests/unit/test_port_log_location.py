"""A port log's location as the analyst types it: a .gpkg path, a PostgreSQL URI or libpq key=value pairs.

The schema is always a port slug (a hostile name is refused before any SQL is written), and no text
shown for a location, nor any message about a bad one, holds the password.
"""
import pytest

from coal_monitor.store.errors import StoreError
from coal_monitor.store.port_log import (
    GEOPACKAGE, POSTGIS, create_port_log, masked, parse_location, postgis_location,
)

SECRET = "s3cr@t:pw/x"


def test_a_gpkg_path_is_a_geopackage_location():
    location = parse_location("  /data/ports/rason.GPKG ")
    assert location.kind == GEOPACKAGE
    assert location.path == "/data/ports/rason.GPKG"
    assert location.connect_kwargs == {} and location.schema_name is None
    assert location.display == "/data/ports/rason.GPKG"


def test_a_uri_gives_psycopg2_keywords_decoded_and_its_options_passed_through():
    location = parse_location("postgresql://ana%20k:s3cr%40t%3Apw%2Fx@db.example.org:5433/coal%20team"
                              "?schema=rason&sslmode=require&connect_timeout=5")
    assert location.kind == POSTGIS
    assert location.schema_name == "rason"
    assert location.connect_kwargs == {"host": "db.example.org", "port": "5433", "user": "ana k",
                                       "password": SECRET, "dbname": "coal team", "sslmode": "require",
                                       "connect_timeout": "5"}
    assert "s3cr" not in location.display and "s3cr" not in repr(location) and "s3cr" not in str(location)
    assert location.display.startswith("postgresql://ana%20k@db.example.org:5433/coal%20team?schema=rason")
    assert "sslmode=require" in location.display


def test_postgres_scheme_ipv6_host_and_no_password():
    location = parse_location("postgres://ana@[::1]/coal?schema=nampho")
    assert location.connect_kwargs == {"host": "::1", "user": "ana", "dbname": "coal"}
    assert location.display == "postgresql://ana@[::1]/coal?schema=nampho"


def test_service_and_key_value_pairs():
    location = parse_location("service=coal-team schema=rason")
    assert location.connect_kwargs == {"service": "coal-team"} and location.schema_name == "rason"
    assert location.display == "service=coal-team schema=rason"
    other = parse_location("host=localhost port=5432 dbname='coal team' user=ana password='it\\'s x' schema=rason")
    assert other.connect_kwargs == {"host": "localhost", "port": "5432", "dbname": "coal team", "user": "ana",
                                    "password": "it's x"}
    assert "it's" not in other.display and "password" not in other.display


def test_display_of_a_location_reads_back_as_the_same_location_without_password():
    location = parse_location(f"postgresql://ana:{SECRET.replace('@', '%40').replace('/', '%2F')}"
                              "@h:5432/coal?schema=rason&sslmode=disable")
    again = parse_location(location.display)
    assert again.schema_name == "rason"
    assert again.connect_kwargs == {k: v for k, v in location.connect_kwargs.items() if k != "password"}
    service = parse_location("service=team sslmode=require schema=rason")
    assert parse_location(service.display) == service


@pytest.mark.parametrize("schema", [
    "rason; DROP SCHEMA public CASCADE", 'rason"', "Rason", "../x", "", "public", "pg_catalog", "pg_temp",
    "information_schema", "x" * 64, "rason\x00", "información", "rason--x", "3rd-pier", "_rason", "rason_",
])
def test_hostile_schema_names_are_refused_by_name(schema):
    from urllib.parse import quote

    for text in (f"postgresql://ana:{SECRET.replace('@', '%40')}@h/coal?schema={quote(schema)}",
                 "service=team schema='" + schema.replace("'", "\\'") + "'"):
        with pytest.raises(StoreError) as caught:
            parse_location(text)
        message = str(caught.value)
        assert "s3cr" not in message
        assert "schema" in message.lower()


def test_a_slug_names_its_ports_schema():
    # the schema of a port is its slug with '_' for '-' (a plain identifier); the slug as typed is accepted
    assert parse_location("service=team schema=nampho-nampo").schema_name == "nampho_nampo"
    assert parse_location("postgresql://h/db?schema=nampho_nampo").schema_name == "nampho_nampo"


@pytest.mark.parametrize("text, says", [
    ("", "empty"),
    ("rason", "neither a .gpkg path"),
    ("http://ana:SECRET@h/coal?schema=rason", "only postgresql://"),
    ("postgresql://ana:SECRET@h:99999/coal?schema=rason", "malformed"),
    ("postgresql://ana:SECRET@h/coal", "names no schema"),
    ("postgresql://ana:SECRET@h/?schema=rason", "names no database"),
    ("postgresql://ana:SECRET@h/coal/rason?schema=rason", "'/'"),
    ("postgresql://ana:SECRET@h/coal?schema=rason&schema=nampho", "twice"),
    ("postgresql://ana:SECRET@h/coal?schema=rason&options=-csearch_path%3Devil", "options"),
    ("service=team password=SECRET", "names no schema"),
    ("service=team password='SECRET schema=rason", "not closed"),
    ("password=SECRET schema=rason", "names no service"),
])
def test_bad_text_is_refused_naming_it_masked_and_the_accepted_forms(text, says):
    with pytest.raises(StoreError) as caught:
        parse_location(text)
    message = str(caught.value)
    assert says in message
    assert "SECRET" not in message
    if "schema" not in says and "options" not in says:
        assert "service=NAME schema=SLUG" in message and "postgresql://USER" in message


def test_masked_hides_every_password_form():
    assert masked("postgresql://ana:pw@h/db") == "postgresql://ana:***@h/db"
    assert masked("postgresql://ana:p/w@x:y@h:5/db") == "postgresql://ana:***@h:5/db"  # typed unencoded
    assert masked("host=h password=pw dbname=d") == "host=h password=*** dbname=d"
    assert masked("host=h password='p w' dbname=d") == "host=h password=*** dbname=d"
    assert masked("postgresql://h/db?password=pw&schema=x") == "postgresql://h/db?password=***&schema=x"


def test_unknown_connection_keywords_are_refused():
    with pytest.raises(StoreError) as caught:
        postgis_location({"host": "h", "dbname": "d", "options": "-c search_path=x"}, "rason")
    assert "options" in str(caught.value)


def test_a_schema_that_is_not_the_ports_slug_creates_nothing():
    class Port:
        name, slug = "Nampho (Nampo)", "nampho-nampo"

    with pytest.raises(StoreError) as caught:
        create_port_log("service=team schema=rason", Port())
    assert "schema=nampho_nampo" in str(caught.value) and "rason" in str(caught.value)
