import shutil

import pytest

from coal_monitor.core.ports import Port
from coal_monitor.store.portfile import PortFile
from tests.helpers import gpkg_checks


@pytest.fixture()
def rason():
    return Port(name="Rason", slug="rason", lat_deg=42.2271, lon_deg=130.2826, crs_epsg=32652,
                piers=("Pier 3", "Pier 1"))


@pytest.fixture()
def port_file(tmp_path, rason):
    opened = PortFile.create(tmp_path / "rason.gpkg", rason)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def every_gpkg_passes_the_validator(tmp_path):
    """After each test, every GeoPackage it left in tmp_path (except broken-* ones) must be sound."""
    yield
    gpkg_checks.sweep(tmp_path)


@pytest.fixture()
def copy_of(tmp_path):
    def copy(source, name):
        target = tmp_path / name
        shutil.copyfile(source, target)
        return target
    return copy
