"""Change widgets without their signals firing (the session already knows what changed)."""
from contextlib import contextmanager


@contextmanager
def quiet(*widgets):
    states = [widget.blockSignals(True) for widget in widgets]
    try:
        yield
    finally:
        for widget, state in zip(widgets, states):
            widget.blockSignals(state)
