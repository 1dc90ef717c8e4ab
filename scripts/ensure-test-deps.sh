#!/usr/bin/env bash
# Installs the system tools the tests use as independent checkers, when they are missing:
# poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm). Runs before `npm test`.
set -euo pipefail

if command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need poppler-utils (pdftotext). Install it, e.g.: sudo apt-get install poppler-utils" >&2
  exit 1
fi

echo "Installing poppler-utils for the PDF tests…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
