"""The README states the port file schema as a contract; it must say what schema.py declares."""
from pathlib import Path

from coal_monitor.store import schema

README = Path(__file__).resolve().parents[3] / "README.md"


def test_readme_schema_section_is_the_declared_schema():
    text = README.read_text(encoding="utf-8")
    documented = schema.markdown() in text
    assert documented, (
        "README.md's port file schema differs from coal_monitor/store/schema.py; paste the output of "
        "`/usr/bin/python3 -m coal_monitor.store.schema` into the README's schema section."
    )
