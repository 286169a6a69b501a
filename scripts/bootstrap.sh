#!/usr/bin/env bash
# Installs what building and testing Archive needs, once per machine or checkout. Sourced by test.sh and run.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need() { command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is required: $2" >&2; exit 2; }; }
need dotnet "install the .NET 10 SDK (https://dot.net)"
need node "install Node.js 20 or newer"
need npm "install Node.js 20 or newer (npm comes with it)"

# Azurite, pinned in package-lock.json. Re-install only when the lock file changed.
stamp="$ROOT/node_modules/.archive-lock.sha256"
want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "== npm ci (Azurite)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
fi

# Headless Chromium for the search page's browser tests (tests/Archive.Web.Tests drive it with Playwright; no
# browser download: Debian's package). chromium-driver comes along for anyone who prefers WebDriver.
if [ ! -x /usr/bin/chromium ]; then
  echo "== apt-get install chromium chromium-driver (browser tests)"
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "error: /usr/bin/chromium is missing and this user cannot install it (not root, no passwordless sudo)." >&2
    echo "       Install it once with: sudo apt-get update && sudo apt-get install -y chromium chromium-driver" >&2
    exit 2
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: /usr/bin/chromium is missing and there is no apt-get here; install Chromium so that /usr/bin/chromium exists." >&2
    exit 2
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  [ -x /usr/bin/chromium ] || { echo "error: apt-get installed chromium but /usr/bin/chromium is still missing." >&2; exit 2; }
fi
