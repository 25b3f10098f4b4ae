#!/usr/bin/env bash
# What the test suite needs from the machine, in one place: the README's test command and
# .ci/run both call this. On Debian as root it installs what is missing; without root it
# names the exact packages and the command, and stops, so nobody reads a wall of test
# failures that only say "chromium not found".
set -euo pipefail

# build-essential/python3: better-sqlite3 compiles from source. Fonts: CJK faces for layout
# tests and LibreOffice renderings (the export itself also works with none, from bundled faces).
# chromium: the e2e suite. poppler-utils: PDFs read back. libreoffice-writer-nogui: DOCX read
# back. pandoc: the DOCX benchmark's reference. postgresql: the team server's tests start a
# throwaway cluster of their own.
packages=(build-essential python3 fontconfig fonts-noto-cjk fonts-lxgw-wenkai fonts-arphic-ukai
  fonts-wqy-zenhei fonts-liberation chromium poppler-utils libreoffice-writer-nogui pandoc postgresql)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup-machine: not a Debian system; the tests expect these Debian packages or their equivalents:" >&2
  echo "  ${packages[*]}" >&2
  for tool in chromium pdftotext soffice pandoc fc-list; do
    command -v "$tool" >/dev/null 2>&1 || echo "  missing on PATH: $tool" >&2
  done
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-machine: the tests need these Debian packages, not installed here:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "setup-machine: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
