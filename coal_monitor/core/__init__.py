"""Pure computation: pile models, geodesy, sun, ports, validation. No QGIS, no Qt."""
