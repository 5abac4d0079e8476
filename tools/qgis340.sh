#!/usr/bin/env bash
# The QGIS 3.40 leg, kept under its old name: tools/qgis_root.sh 340 (see there).
exec "$(dirname "${BASH_SOURCE[0]}")/qgis_root.sh" 340 "$@"
