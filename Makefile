# Coal Monitor: build, test and install the QGIS plugin.
# Only /usr/bin/python3 imports QGIS on Debian; everything here uses it explicitly.
PYTHON ?= /usr/bin/python3
PYTEST ?= $(PYTHON) -m pytest
PYTEST_ARGS ?= -q -rfE
TIER ?=
PROFILE ?= default
PROFILES_PATH ?= $(HOME)/.local/share/QGIS/QGIS3/profiles
ZIP := dist/coal_monitor.zip
# Lint tools and PyQt6 (for the Qt6 check) from PyPI, pinned, in a venv made from the QGIS Python.
LINT_VENV := .venv-lint
LINT_PYTHON := $(LINT_VENV)/bin/python
# The unit tier's Qt6 check (tests/unit/test_qt6_names.py) imports PyQt6 through this interpreter.
export COAL_MONITOR_LINT_PYTHON ?= $(abspath $(LINT_PYTHON))
BOOKWORM_PACKAGES := $(shell grep -v '^\#' tools/packages-bookworm.txt)

export QT_QPA_PLATFORM ?= offscreen

.PHONY: deps lint-venv lint test test-matrix test-340 test-344 translations package deploy bench demo check-metadata clean

## deps: install what is missing from Debian's packages (idempotent)
deps:
	@missing=$$(for p in $(BOOKWORM_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then echo "deps: all Debian packages present"; exit 0; fi; \
	echo "deps: installing $$missing"; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=sudo; \
	else echo "deps: missing packages and no root or password-less sudo. Run:"; \
	     echo "  sudo apt-get update && sudo apt-get install -y $$missing"; exit 1; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing

## lint-venv: the pinned lint tools (tools/requirements-lint.txt) in .venv-lint, rebuilt when the list changes
lint-venv: $(LINT_VENV)/.installed
$(LINT_VENV)/.installed: tools/requirements-lint.txt
	rm -rf $(LINT_VENV)
	$(PYTHON) -m venv $(LINT_VENV)
	$(LINT_PYTHON) -m pip install -q --disable-pip-version-check -r tools/requirements-lint.txt
	touch $@

## lint: what plugins.qgis.org scans (bandit, detect-secrets, flake8 + flake8-qgis) and the Qt6 check
## (every check runs; the status says whether all passed)
lint: lint-venv
	@status=0; \
	echo "== bandit (medium and high)"; $(LINT_VENV)/bin/bandit -q -r coal_monitor --severity-level medium || status=1; \
	echo "== detect-secrets"; $(LINT_PYTHON) tools/secrets_check.py coal_monitor resources metadata.txt || status=1; \
	echo "== flake8 + flake8-qgis"; $(LINT_VENV)/bin/flake8 coal_monitor && echo "flake8: clean" || status=1; \
	echo "== Qt6 names"; $(LINT_PYTHON) tools/qt6_check.py coal_monitor || status=1; \
	exit $$status

## test: the whole suite on this machine's QGIS (3.22 on Debian 12); TIER=unit|qgis|gui|desktop for one
test: deps lint-venv
	$(PYTEST) tests/$(TIER) $(PYTEST_ARGS)

## test-340: the whole suite on QGIS 3.40 LTR in a cached Debian 13 root
test-340: deps
	tools/qgis_root.sh 340 tests/$(TIER) $(PYTEST_ARGS)

## test-344: the whole suite on QGIS 3.44 LTR (trixie-backports) in its own cached Debian 13 root
test-344: deps
	tools/qgis_root.sh 344 tests/$(TIER) $(PYTEST_ARGS)

## test-matrix: lint (fast), then QGIS 3.22, 3.40 and 3.44, each leg's wall time printed (the README's test
## command; what CI runs). Every leg runs even if one fails; the exit status says whether all passed.
test-matrix: deps
	@status=0; report=""; \
	for leg in lint:lint 3.22:test 3.40:test-340 3.44:test-344; do \
	    start=$$(date +%s); \
	    if $(MAKE) --no-print-directory $${leg#*:}; then result=passed; else result=FAILED; status=1; fi; \
	    line=$$(printf '%-5s %-6s %5d s' $${leg%%:*} $$result $$(( $$(date +%s) - start ))); \
	    echo "test-matrix: $$line"; report="$$report$$line\n"; \
	done; \
	printf "test-matrix: wall time per leg\n$$report"; exit $$status

## translations: regenerate i18n/coal_monitor_<lang>.ts from the code's tr() calls (pylupdate5)
translations: deps
	$(PYTHON) tools/i18n_update.py

## package: dist/coal_monitor.zip for "Install from ZIP" (translations compiled by lrelease)
package:
	$(PYTHON) tools/package.py --output $(ZIP)

## deploy: install the zip into a QGIS profile (PROFILE=name, PROFILES_PATH=dir)
deploy: package
	$(PYTHON) tools/deploy.py $(ZIP) --profiles-path "$(PROFILES_PATH)" --profile "$(PROFILE)"

## bench: performance figures next to their references (prints tables, asserts nothing)
bench: deps
	@for b in bench/bench_*.py; do echo "== $$b"; $(PYTHON) $$b || exit 1; done

## demo: the plugin on the synthetic sample scenes (QGIS opens; without a display: replay + table)
demo: deps
	$(PYTHON) tools/demo.py

## check-metadata: the metadata readers over the vendor corpus (CORPUS=folder), one line per file
CORPUS ?= ../shared/corpora/vendor_metadata
check-metadata:
	$(PYTHON) tools/check_vendor_metadata.py $(CORPUS)

clean:
	rm -rf dist tests/output demo-output .pytest_cache tests/.pytest_cache $(LINT_VENV)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
