"""The port GeoPackages: schema as data, migrations, writes and queries."""
