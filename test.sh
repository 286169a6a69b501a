#!/usr/bin/env bash
# The one test command: installs what is missing, builds Archive.sln and runs every test project in it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash scripts/bootstrap.sh

echo "== dotnet restore"
dotnet restore Archive.sln --verbosity quiet
echo "== dotnet build"
dotnet build Archive.sln --no-restore --nologo --verbosity quiet

echo "== dotnet test"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test Archive.sln --no-build --nologo --blame-hang-timeout 10m "$@" 2>&1 | tee "$log" || status=$?

# One closing line for every runner: "N passed, N failed, N skipped".
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(/,/, ""); for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
if [ "$status" -eq 0 ] && ! grep -qE '(Passed|Failed)! +- +Failed:' "$log"; then
  echo "error: no test ran" >&2
  status=1
fi
exit "$status"
