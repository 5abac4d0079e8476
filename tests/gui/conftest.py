import pytest


@pytest.fixture(autouse=True, scope="session")
def _qgis_running(qgis_app):
    return qgis_app
