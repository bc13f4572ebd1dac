#!/usr/bin/env bash
# Installs the workstation component into a temporary prefix, as a package would, and checks
# what a desktop needs to offer it: the program, a valid desktop entry naming it, and its icon.
# Usage: reviewer-install.sh BUILD_DIR
set -euo pipefail
build="$1"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build" --prefix "$prefix" --component reviewer >/dev/null

fail() { echo "FAIL: $*" >&2; exit 1; }
program="$prefix/bin/tessera-reviewer"
entry="$prefix/share/applications/tessera-reviewer.desktop"
icon="$prefix/share/icons/hicolor/scalable/apps/tessera-reviewer.svg"
[ -x "$program" ] || fail "the program is not installed at bin/tessera-reviewer"
[ -f "$entry" ] || fail "the desktop entry is not installed in share/applications"
[ -f "$icon" ] || fail "the icon is not installed in the hicolor theme"
desktop-file-validate "$entry" || fail "the desktop entry is not valid"
grep -qx 'Exec=tessera-reviewer' "$entry" || fail "the desktop entry does not start tessera-reviewer"
grep -qx 'Icon=tessera-reviewer' "$entry" || fail "the desktop entry does not name the installed icon"
grep -q '<svg' "$icon" || fail "the icon is not an SVG image"
echo "installed: $(cd "$prefix" && find . -type f | sort | tr '\n' ' ')"
