#!/usr/bin/env bash
# Run the test suite on a newer QGIS inside a cached Debian 13 ("trixie") chroot, one root per leg:
#   340  QGIS 3.40 LTR from trixie main
#   344  QGIS 3.44 LTR (the last Qt5 LTR) from trixie-backports
#
# Why a chroot: this machine is Debian 12 (QGIS 3.22); the plugin must also work on QGIS 3.40/3.44 with
# Python 3.13, shapely 2.1 and pyproj 3.7, which only Debian 13's packages give without building QGIS.
# The root lives outside the repository and is reused: building it takes minutes, a test run seconds.
#
# Usage (as root):
#   tools/qgis_root.sh LEG [PYTEST ARGS...]   build/refresh the leg's root if needed, run pytest inside
#                                             it (no path among the args: "tests" is added)
#   tools/qgis_root.sh LEG --build-only       only build/refresh the root
#   tools/qgis_root.sh LEG --exec CMD [ARG..] run CMD inside the root, in a fresh copy of the repo at /src
#
# Environment:
#   COAL_MONITOR_TRIXIE_ROOT     the 340 root (default /var/cache/coal-monitor/trixie-qgis340)
#   COAL_MONITOR_TRIXIE344_ROOT  the 344 root (default /var/cache/coal-monitor/trixie-qgis344)
#   COAL_MONITOR_MIRROR          Debian mirror (default: the one this machine's apt uses)
#
# The package list is tools/packages-trixie.txt (the qgis packages come from trixie-backports on the 344
# leg); the root also gets the lint venv of tools/requirements-lint.txt at /opt/coal-monitor-lint (PyQt6
# for the Qt6 check, tests/unit/test_qt6_names.py). A changed list re-runs apt and pip inside the root.
# Each run copies the repository's files (tracked and new, not git-ignored ones) to /src inside the
# root and runs there with a clean environment, QT_QPA_PLATFORM=offscreen and no network.
# Test output (tests/output inside the root) is copied to tests/output/qgis-3.40/ (or qgis-3.44/).
# Exit status: pytest's (or CMD's); 2 for a usage or set-up error.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LEG=${1:-}
case "$LEG" in
    340) ROOT=${COAL_MONITOR_TRIXIE_ROOT:-/var/cache/coal-monitor/trixie-qgis340}; QGIS_SUITE=trixie ;;
    344) ROOT=${COAL_MONITOR_TRIXIE344_ROOT:-/var/cache/coal-monitor/trixie-qgis344}; QGIS_SUITE=trixie-backports ;;
    *) echo "qgis_root.sh: first argument must be the leg, 340 or 344 (got '$LEG')" >&2; exit 2 ;;
esac
shift
LEG_VERSION=${LEG:0:1}.${LEG:1}   # 3.40, 3.44: what `dpkg-query -W qgis` must start with
PACKAGE_FILE="$REPO/tools/packages-trixie.txt"
REQUIREMENTS_FILE="$REPO/tools/requirements-lint.txt"
SUITE=trixie
VENV=/opt/coal-monitor-lint         # inside the root
# The QGIS packages of the list; on the 344 leg they (and only what they need newer) come from backports.
QGIS_PACKAGE_RE='^(python3-qgis|qgis|qgis-.*)$'
QGIS_TARGET=()                      # apt-get -t: only for backports (on 340 it would outrank -security)
[[ $QGIS_SUITE != "$SUITE" ]] && QGIS_TARGET=(-t "$QGIS_SUITE")
DONE_STAMP=.coal-monitor-debootstrap-done   # written only after debootstrap succeeded
OWNER_STAMP=.coal-monitor-root              # written before debootstrap: this script may wipe the dir
PACKAGES_STAMP=.coal-monitor-packages.sha256
CHROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

die() { echo "qgis_root.sh $LEG: $*" >&2; exit 2; }
say() { echo "qgis_root.sh $LEG: $*" >&2 || true; }

if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        exec sudo -n env COAL_MONITOR_TRIXIE_ROOT="${COAL_MONITOR_TRIXIE_ROOT:-}" \
            COAL_MONITOR_TRIXIE344_ROOT="${COAL_MONITOR_TRIXIE344_ROOT:-}" \
            ${COAL_MONITOR_MIRROR:+COAL_MONITOR_MIRROR="$COAL_MONITOR_MIRROR"} CI="${CI:-}" "$0" "$LEG" "$@"
    fi
    die "needs root (debootstrap, mount and chroot): run it as root, e.g. sudo $0 $LEG $*"
fi

ROOT=$(realpath -m "$ROOT")
case "$ROOT" in
    / | /usr | /var | /var/cache | /tmp | /root | /home) die "refusing to use $ROOT as the Debian 13 root: choose a dedicated directory" ;;
esac
case "$ROOT/" in
    "$REPO"/*) die "the Debian 13 root $ROOT is inside the repository; set COAL_MONITOR_TRIXIE_ROOT to a directory outside $REPO" ;;
esac

# --- mirror -------------------------------------------------------------------------------------

# The first enabled Debian archive URI in this machine's apt sources (deb822 .sources or one-line .list).
host_uri() {  # $1: "debian" or "debian-security"
    local want=$1 file uri
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [[ -f $file ]] || continue
        uri=$(awk -v want="$want" '
            /^[[:space:]]*#/ { next }
            /^URIs:/ { for (i = 2; i <= NF; i++) print $i; next }
            $1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }
        ' "$file" | sed 's:/*$::' | awk -v want="$want" '{ n = split($0, p, "/"); if (p[n] == want) { print; exit } }')
        if [[ -n $uri ]]; then echo "$uri"; return; fi
    done
}

MIRROR=${COAL_MONITOR_MIRROR:-$(host_uri debian)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=$(host_uri debian-security)

# --- mounts -------------------------------------------------------------------------------------

MOUNTED=()

# Each mount is recorded right after it succeeds, so the trap undoes exactly what was done.
# Bind mounts are made private: on a host whose /dev is a shared mount (systemd), mounting
# /dev/pts inside the root would otherwise propagate back onto the host's /dev.
bind() {  # $1: host path
    mkdir -p "$ROOT$1"
    mount --bind "$1" "$ROOT$1"
    MOUNTED+=("$ROOT$1")
    mount --make-private "$ROOT$1"
}

mount_all() {
    local target
    mkdir -p "$ROOT/proc"
    mount -t proc proc "$ROOT/proc"
    MOUNTED+=("$ROOT/proc")
    bind /sys
    bind /dev
    for target in /dev/pts /dev/shm; do
        if mountpoint -q "$target"; then bind "$target"; fi
    done
}

# Processes left inside the root (an Xvfb a test forgot, a QGIS that hung) keep the mounts busy.
kill_root_processes() {
    local link pid found=()
    for link in /proc/[0-9]*/root; do
        pid=${link#/proc/}; pid=${pid%/root}
        [[ $(readlink "$link" 2>/dev/null) == "$ROOT" ]] && found+=("$pid")
    done
    if ((${#found[@]})); then
        say "ending processes left inside the root: ${found[*]}"
        kill -TERM "${found[@]}" 2>/dev/null || true
        sleep 2
        kill -KILL "${found[@]}" 2>/dev/null || true
    fi
}

unmount_all() {
    local i mnt
    for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
        mnt=${MOUNTED[i]}
        umount "$mnt" 2>/dev/null || umount -l "$mnt" || say "could not unmount $mnt"
    done
    MOUNTED=()
}

# Anything still mounted under the root (an earlier run killed with -9, debootstrap's own mounts).
unmount_stale() {
    local mnt
    awk -v root="$ROOT/" 'index($2 "/", root) == 1 { print $2 }' /proc/mounts | sort -r | while read -r mnt; do
        say "unmounting stale $mnt"
        umount "$mnt" 2>/dev/null || umount -l "$mnt"
    done
}

cleanup() {
    kill_root_processes
    unmount_all
}

# --- building the root --------------------------------------------------------------------------

package_list() { sed -e 's/#.*//' -e 's/[[:space:]]\+/\n/g' "$PACKAGE_FILE" | sed '/^$/d' | sort -u; }
qgis_packages() { package_list | grep -E "$QGIS_PACKAGE_RE" || true; }
other_packages() { package_list | grep -vE "$QGIS_PACKAGE_RE" || true; }

packages_hash() {
    { package_list; echo "mirror=$MIRROR security=$SECURITY_MIRROR qgis-suite=$QGIS_SUITE"; cat "$REQUIREMENTS_FILE"; } |
        sha256sum | cut -d' ' -f1
}

run_debootstrap() {
    local started=$SECONDS
    if [[ -e $ROOT && ! -e $ROOT/$DONE_STAMP ]]; then
        if [[ -e $ROOT/$OWNER_STAMP || -z $(ls -A "$ROOT") ]]; then
            say "removing the incomplete root $ROOT (an earlier debootstrap did not finish)"
            rm -rf --one-file-system "$ROOT"
        else
            die "$ROOT exists but was not made by this script; remove it or set COAL_MONITOR_TRIXIE_ROOT"
        fi
    fi
    [[ -e $ROOT/$DONE_STAMP ]] && return
    command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install debootstrap (make deps installs it)"
    mkdir -p "$ROOT"
    touch "$ROOT/$OWNER_STAMP"
    say "debootstrap --variant=minbase $SUITE $ROOT $MIRROR"
    debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR" >&2
    unmount_stale
    touch "$ROOT/$DONE_STAMP"
    say "debootstrap took $((SECONDS - started)) s"
}

write_apt_config() {
    {
        echo "deb $MIRROR $SUITE main"
        echo "deb $MIRROR $SUITE-updates main"
        [[ -n $SECURITY_MIRROR ]] && echo "deb $SECURITY_MIRROR $SUITE-security main"
        [[ $QGIS_SUITE != "$SUITE" ]] && echo "deb $MIRROR $QGIS_SUITE main"
        true
    } >"$ROOT/etc/apt/sources.list"
    cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
    # No service may start inside the root while packages install.
    printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
    chmod 755 "$ROOT/usr/sbin/policy-rc.d"
}

in_root() {  # run a command inside the root with a clean environment
    chroot "$ROOT" /usr/bin/env -i HOME=/root PATH="$CHROOT_PATH" LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}

install_packages() {
    local want have="" started=$SECONDS
    want=$(packages_hash)
    [[ -f $ROOT/$PACKAGES_STAMP ]] && have=$(cat "$ROOT/$PACKAGES_STAMP")
    [[ $want == "$have" ]] && return
    say "installing $(package_list | wc -l) packages from $PACKAGE_FILE into $ROOT"
    write_apt_config
    rm -f "$ROOT/$PACKAGES_STAMP"
    mount_all
    in_root dpkg --configure -a >&2  # finishes a dpkg run an earlier interrupted install left half done
    in_root apt-get update >&2
    # shellcheck disable=SC2046  # one word per package
    in_root apt-get install -y --no-install-recommends $(other_packages) >&2
    # shellcheck disable=SC2046
    in_root apt-get install -y --no-install-recommends "${QGIS_TARGET[@]}" $(qgis_packages) >&2
    in_root apt-get clean
    check_qgis_version
    install_venv
    unmount_all
    echo "$want" >"$ROOT/$PACKAGES_STAMP"
    say "apt inside the root took $((SECONDS - started)) s"
}

# The leg must run the QGIS it is named after (a backports suite missing from the mirror would
# silently give trixie's 3.40 on the 344 leg).
check_qgis_version() {
    local version
    version=$(in_root dpkg-query -W -f='${Version}' python3-qgis)
    [[ $version == "$LEG_VERSION".* || $version == *:"$LEG_VERSION".* ]] ||
        die "python3-qgis $version is installed in $ROOT, not QGIS $LEG_VERSION (is $QGIS_SUITE on $MIRROR?)"
    say "python3-qgis $version"
}

# PyPI is reachable while the root is built (tests run without network): the same pinned venv as the
# host's .venv-lint, so the Qt6 check runs on every leg. The host's CA bundle is what pip trusts here.
install_venv() {
    rm -rf --one-file-system "$ROOT$VENV"
    cp "$REQUIREMENTS_FILE" "$ROOT/tmp/requirements-lint.txt"
    local cert=()
    if [[ -f /etc/ssl/certs/ca-certificates.crt ]]; then
        cp /etc/ssl/certs/ca-certificates.crt "$ROOT/tmp/host-ca.crt"
        cert=(--cert /tmp/host-ca.crt)
    fi
    in_root python3 -m venv "$VENV" >&2
    in_root "$VENV/bin/pip" install -q --disable-pip-version-check "${cert[@]}" \
        -r /tmp/requirements-lint.txt >&2
    rm -f "$ROOT/tmp/requirements-lint.txt" "$ROOT/tmp/host-ca.crt"
}

ensure_root() {
    [[ -f $PACKAGE_FILE ]] || die "missing package list $PACKAGE_FILE"
    mkdir -p "$(dirname "$ROOT")"
    # We hold the lock, so whatever still runs or is mounted there was left by a killed run.
    kill_root_processes
    unmount_stale
    run_debootstrap
    install_packages
}

# --- running ------------------------------------------------------------------------------------

# /src gets what a fresh clone would hold plus files not yet committed, without what git ignores
# (sample .aux.xml files GDAL left, dist/, tests/output/, caches), so the run sees what CI sees.
copy_repo() {
    rm -rf --one-file-system "$ROOT/src"
    mkdir -p "$ROOT/src"
    if git -C "$REPO" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git -C "$REPO" ls-files -z --cached --others --exclude-standard |
            (cd "$REPO" && while IFS= read -r -d '' f; do
                if [[ -e $f || -L $f ]]; then printf '%s\0' "$f"; fi  # skip files deleted but still tracked
            done) |
            tar -C "$REPO" --null -T - -cf - | tar -C "$ROOT/src" -xf -
    else
        tar -C "$REPO" --exclude=./.git --exclude=./dist --exclude=./tests/output \
            --exclude=__pycache__ --exclude='*.pyc' --exclude=.pytest_cache --exclude=.hypothesis \
            -cf - . | tar -C "$ROOT/src" -xf -
    fi
}

copy_output_back() {
    local out="$REPO/tests/output/qgis-$LEG_VERSION"
    rm -rf "$out"
    if [[ -d $ROOT/src/tests/output ]]; then
        mkdir -p "$out"
        cp -a "$ROOT/src/tests/output/." "$out/"
        say "test output copied to ${out#"$REPO"/}"
    fi
}

run_in_root() {  # $@: the command, run in /src
    local status=0
    copy_repo
    mount_all
    # Its own network namespace: X servers also listen on abstract sockets, which a chroot shares with
    # the host, so `xvfb-run -a` inside (blind to the host's /tmp/.X*-lock) would pick :99 while a host
    # test's Xvfb holds :99, and QGIS would fail or draw on the host's display. Tests need no network.
    local isolate=()
    if unshare --net true 2>/dev/null; then
        isolate=(unshare --net -- sh -c 'ip link set lo up 2>/dev/null; exec "$@"' isolate)
    else
        say "unshare --net is not possible here: the root shares the host's X display numbers"
    fi
    set +e
    "${isolate[@]}" chroot "$ROOT" /usr/bin/env -i HOME=/root PATH="$CHROOT_PATH" QT_QPA_PLATFORM=offscreen \
        LANG=C.UTF-8 LC_ALL=C.UTF-8 CI="${CI:-}" COAL_MONITOR_QGIS_LEG="$LEG_VERSION" \
        COAL_MONITOR_LINT_PYTHON="$VENV/bin/python" \
        bash -c 'cd /src && exec "$@"' "qgis$LEG" "$@"
    status=$?
    set -e
    cleanup
    copy_output_back
    return "$status"
}

main() {
    local mode=pytest arg has_path=0
    case "${1:-}" in
        --build-only) mode=build; shift ;;
        --exec) mode=exec; shift; [[ $# -gt 0 ]] || die "--exec needs a command" ;;
    esac

    # One run at a time per root: mounts and /src are shared.
    mkdir -p "$(dirname "$ROOT")"
    exec 9>"$ROOT.lock"
    flock -n 9 || { say "waiting for another run on $ROOT"; flock 9; }
    trap cleanup EXIT
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 141' PIPE  # e.g. `tools/qgis_root.sh 340 ... | head`: still unmount
    trap 'exit 143' TERM

    local started=$SECONDS
    ensure_root
    say "root ready after $((SECONDS - started)) s: $ROOT"
    case $mode in
        build) return 0 ;;
        exec) run_in_root "$@" ;;
        pytest)
            for arg in "$@"; do
                [[ $arg != -* && -e $REPO/${arg%%::*} ]] && has_path=1
            done
            ((has_path)) || set -- tests "$@"
            run_in_root python3 -m pytest "$@"
            ;;
    esac
}

main "$@"; exit  # on one line: bash reads no further, so editing this file mid-run is safe
