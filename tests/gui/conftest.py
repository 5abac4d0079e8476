import pytest

from tests.helpers.dock_bench import DockBench


@pytest.fixture(autouse=True, scope="session")
def _qgis_running(qgis_app):
    return qgis_app


@pytest.fixture()
def bench(tmp_path, clean_project):
    """The real dock on a shown canvas over a synthetic Rason image; its prompts answer only what a test
    queued (tests.helpers.scripted_prompts), so an unexpected question fails instead of hanging."""
    bench = DockBench(tmp_path)
    yield bench
    bench.close()
