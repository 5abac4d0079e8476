"""The coal_monitor Processing provider registers, lists its algorithms and goes away cleanly."""
from coal_monitor.processing.provider import ALGORITHM_MODULES, CoalMonitorProvider


def test_provider_registers_every_algorithm_module_and_unregisters(provider_slot):
    registry = provider_slot
    provider = CoalMonitorProvider()
    assert registry.addProvider(provider)
    ids = sorted(alg.id() for alg in registry.providerById("coal_monitor").algorithms())
    assert ids == sorted(f"coal_monitor:{name}" for name in ALGORITHM_MODULES)
    assert not provider.icon().isNull()
    registry.removeProvider(provider)
    assert registry.providerById("coal_monitor") is None
