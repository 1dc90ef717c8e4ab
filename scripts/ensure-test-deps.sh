#!/usr/bin/env bash
# Installs the system tools the tests use, when they are missing, from Debian's packages:
# poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm) as an independent PDF checker, and
# chromium, the real browser the page tests (test/browser) drive with playwright-core.
# Runs before `npm test`. Never downloads a browser build of its own.
set -euo pipefail

missing=()
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  missing+=(poppler-utils)
fi
if [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need: ${missing[*]}. Install them, e.g.: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "Installing ${missing[*]} for the tests…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
