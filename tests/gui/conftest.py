import pytest

from tests.helpers.dock_bench import DockBench


@pytest.fixture(autouse=True, scope="session")
def _qgis_running(qgis_app):
    return qgis_app


@pytest.fixture()
def make_bench(tmp_path, clean_project):
    """The one way gui tests build the dock bench: ``make_bench(**DockBench options)``, closed afterwards.

    The real dock on a shown canvas over a synthetic Rason image; its prompts answer only what a test
    queued (tests.helpers.scripted_prompts), so an unexpected question fails instead of hanging."""
    benches = []

    def make(**options):
        bench = DockBench(tmp_path, **options)
        benches.append(bench)
        return bench

    yield make
    for bench in reversed(benches):
        bench.close()


@pytest.fixture()
def bench(make_bench):
    return make_bench()
