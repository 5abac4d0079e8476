# Coal Monitor: build, test and install the QGIS plugin.
# Only /usr/bin/python3 imports QGIS on Debian; everything here uses it explicitly.
PYTHON ?= /usr/bin/python3
PYTEST ?= $(PYTHON) -m pytest
PYTEST_ARGS ?= -q -rfE
TIER ?=
PROFILE ?= default
PROFILES_PATH ?= $(HOME)/.local/share/QGIS/QGIS3/profiles
ZIP := dist/coal_monitor.zip
BOOKWORM_PACKAGES := $(shell grep -v '^\#' tools/packages-bookworm.txt)

export QT_QPA_PLATFORM ?= offscreen

.PHONY: deps test test-matrix test-340 package deploy bench demo check-metadata clean

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

## test: the whole suite on this machine's QGIS (3.22 on Debian 12); TIER=unit|qgis|gui|desktop for one
test: deps
	$(PYTEST) tests/$(TIER) $(PYTEST_ARGS)

## test-340: the whole suite on QGIS 3.40 LTR in a cached Debian 13 root
test-340: deps
	tools/qgis340.sh tests/$(TIER) $(PYTEST_ARGS)

## test-matrix: QGIS 3.22 then QGIS 3.40 (the README's test command; what CI runs)
test-matrix: test test-340

## package: dist/coal_monitor.zip for "Install from ZIP"
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
	rm -rf dist tests/output demo-output .pytest_cache tests/.pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
