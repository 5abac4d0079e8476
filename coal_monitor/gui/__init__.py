"""Widgets: the dock, map tools, dialogs and charts. They translate between analyst and core."""
