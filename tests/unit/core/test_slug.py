"""Port slugs: hostile names never produce a file outside the data folder or a name Windows refuses."""
import os
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coal_monitor.core.slug import (
    SLUG_MAX_LEN,
    SlugError,
    port_file_path,
    slugify,
    validate_slug,
)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Nampho (Nampo)", "nampho-nampo"),
        ("Rason", "rason"),
        ("  Rason   RasonConTrans  Pier 3 ", "rason-rasoncontrans-pier-3"),
        ("Namp'o", "namp-o"),
        ("Hŭngnam", "hungnam"),
        ("Ch'ŏngjin", "ch-ongjin"),
        ("Sœr Øresund Straße", "soer-oresund-strasse"),
        ("Łódź Port", "lodz-port"),
        ("../x", "x"),
        ("a/b", "a-b"),
        ("C:\\ports\\evil", "c-ports-evil"),
        ("CON port", "con-port"),
    ],
)
def test_slugify_gives_plain_ascii(name, expected):
    assert slugify(name) == expected


@pytest.mark.parametrize("name", ["", "   ", "라선", "---", "..", "/"])
def test_slugify_refuses_names_without_latin_letters_and_names_the_value(name):
    with pytest.raises(SlugError) as info:
        slugify(name)
    assert repr(name) in str(info.value)


@pytest.mark.parametrize("name", ["CON", "prn", "Aux", "NUL", "COM1", "com9", "LPT1", "lpt9", " nul "])
def test_slugify_refuses_windows_reserved_names(name):
    with pytest.raises(SlugError, match="Windows"):
        slugify(name)


def test_slugify_accepts_names_that_only_start_like_reserved_ones():
    assert slugify("Conakry") == "conakry"
    assert slugify("COM10") == "com10"
    assert slugify("Auxerre") == "auxerre"


def test_slugify_shortens_very_long_names_to_a_valid_slug():
    slug = slugify("Very Long Port Name " * 40)
    assert len(slug) <= SLUG_MAX_LEN
    assert validate_slug(slug) == slug
    assert not slug.endswith("-")


def test_slugify_refuses_non_text():
    with pytest.raises(SlugError, match="None"):
        slugify(None)


@pytest.mark.parametrize(
    "slug, fragment",
    [
        ("../x", "separator"),
        ("a/b", "separator"),
        ("a\\b", "separator"),
        ("..", "separator"),
        ("c:evil", "separator"),
        ("", "empty"),
        ("   ", "empty"),
        ("CON", "lower-case"),
        ("con", "Windows"),
        ("lpt3", "Windows"),
        ("nämpho", "lower-case"),
        ("nampho.gpkg", "lower-case"),
        ("-nampho", "lower-case"),
        ("nam--pho", "lower-case"),
        ("x" * (SLUG_MAX_LEN + 1), "limit"),
    ],
)
def test_validate_slug_refuses_hostile_values_with_a_message(slug, fragment):
    with pytest.raises(SlugError) as info:
        validate_slug(slug)
    message = str(info.value)
    assert fragment in message
    assert (repr(slug) in message) or (repr(slug[:20]) in message)


def test_validate_slug_refuses_duplicates_ignoring_case():
    with pytest.raises(SlugError, match="'nampho' is already used"):
        validate_slug("nampho", existing=["rason", "Nampho"])
    assert validate_slug("songnim", existing=["rason", "nampho"]) == "songnim"


def test_port_file_path_is_inside_the_data_folder(tmp_path):
    path = port_file_path(tmp_path, "nampho")
    assert path == (tmp_path / "nampho.gpkg").resolve()
    assert path.parent == tmp_path.resolve()


@pytest.mark.parametrize("slug", ["../x", "..", "a/b", "/etc/passwd", "CON", "con", ""])
def test_port_file_path_refuses_hostile_slugs(tmp_path, slug):
    with pytest.raises(SlugError):
        port_file_path(tmp_path, slug)


def test_port_file_path_refuses_a_symlink_leading_out_of_the_folder(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    data = tmp_path / "data"
    data.mkdir()
    os.symlink(outside / "nampho.gpkg", data / "nampho.gpkg")
    with pytest.raises(SlugError, match="outside the data folder"):
        port_file_path(data, "nampho")


def test_port_file_path_refuses_a_missing_data_folder_setting():
    with pytest.raises(SlugError, match="No data folder"):
        port_file_path(None, "nampho")


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=200))
def test_any_name_gives_a_valid_slug_or_a_clear_refusal(name):
    try:
        slug = slugify(name)
    except SlugError as exc:
        assert repr(name) in str(exc) or "Windows" in str(exc)
        return
    assert validate_slug(slug) == slug
    assert set(slug) <= set(string.ascii_lowercase + string.digits + "-")
