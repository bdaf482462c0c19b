#!/usr/bin/env bash
# Installs Debian's chromium (driven by playwright-core in tests/e2e) plus CJK
# fonts so Chinese text renders in screenshots. `npx playwright install` can't
# be used here (no access to Playwright's CDN). Idempotent: does nothing when
# the browser and fonts are already present. Needs root (or sudo) on Debian.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
export DEBIAN_FRONTEND=noninteractive

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# fonts-noto-cjk is checked separately: a machine may have chromium but no CJK
# font, and then Chinese renders as tofu boxes without any error (and the PDF that
# tests/ingest/formats-pdf.test.ts prints from a seed would have no Chinese text).
have_fonts() { dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed"; }

if [ -x "$CHROMIUM" ] && have_fonts; then
  echo "chromium and fonts-noto-cjk already installed"
else
  start=$(date +%s)
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends chromium fonts-noto-cjk
  echo "apt install took $(( $(date +%s) - start ))s"
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "error: $CHROMIUM not found after install (set CHROMIUM_PATH if it lives elsewhere)" >&2
  exit 1
fi
"$CHROMIUM" --version
