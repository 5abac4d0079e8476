# PYQGIS_STARTUP file of bench/bench_startup.py: QGIS runs it before it loads its Python plugins.
import os
import sys

sys.path.insert(0, os.environ["CM_BENCH_SCRIPTS"])
import timing  # noqa: E402

timing.install()
