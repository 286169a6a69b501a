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
