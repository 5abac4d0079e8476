"""Processing provider `coal_monitor` and its algorithms (one module per algorithm)."""
