"""The coal_monitor Processing provider registers, lists its algorithms and goes away cleanly."""
from qgis.core import QgsApplication

from coal_monitor.processing.provider import ALGORITHM_MODULES, CoalMonitorProvider
from tests.conftest import _KEEP_ALIVE


def test_provider_registers_every_algorithm_module_and_unregisters():
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("coal_monitor")
    if existing is not None:  # registered by the `processing` fixture of another test
        registry.removeProvider(existing)
    provider = CoalMonitorProvider()
    assert registry.addProvider(provider)
    ids = sorted(alg.id() for alg in registry.providerById("coal_monitor").algorithms())
    assert ids == sorted(f"coal_monitor:{name}" for name in ALGORITHM_MODULES)
    assert not provider.icon().isNull()
    registry.removeProvider(provider)
    assert registry.providerById("coal_monitor") is None
    if existing is not None:  # leave the registry as the other tests expect it
        fresh = CoalMonitorProvider()
        registry.addProvider(fresh)
        _KEEP_ALIVE.append(fresh)
