#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core (no browser download needed).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null \
    || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null; }
  exit 0
fi
echo "The browser tests need Chromium: install the Debian package 'chromium' (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
command -v "${CHROMIUM_PATH:-}" >/dev/null 2>&1
