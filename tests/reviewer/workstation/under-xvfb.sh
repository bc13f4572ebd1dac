#!/usr/bin/env bash
# Runs a workstation test program on a real X server (Xvfb, a fresh one per run) with Qt's X11
# platform, as on a reviewer's desktop, rather than Qt's offscreen platform.
set -euo pipefail
exec xvfb-run --auto-servernum --server-args="-screen 0 1920x1080x24 -nolisten tcp" \
  env QT_QPA_PLATFORM=xcb "$@"
