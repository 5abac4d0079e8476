"""Signal connections that are undone together (a layer's, a dock's), whatever became of their sender."""


class Connections:
    def __init__(self):
        self._pairs = []

    def connect(self, signal, slot):
        signal.connect(slot)
        self._pairs.append((signal, slot))

    def disconnect_all(self):
        """Undo every connection (idempotent); a sender already deleted is skipped."""
        for signal, slot in self._pairs:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):  # already disconnected, or its sender is gone
                pass
        self._pairs = []
