#!/usr/bin/env bash
# The one run command: the whole archive on this machine, offline.
# Azurite (storage) + Archive.SearchEmulator (search) + the Functions app (func start when Core Tools is installed,
# the offline dev host otherwise), the index ensured and the sample articles uploaded. Ctrl-C stops what it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

SAMPLES=true
FUNCTIONS_PORT="${ARCHIVE_FUNCTIONS_PORT:-7071}"
SEARCH_PORT="${ARCHIVE_SEARCH_PORT:-7250}"
for arg in "$@"; do
  case "$arg" in
    --no-samples) SAMPLES=false ;;
    -h|--help)
      echo "usage: ./run.sh [--no-samples]"
      echo "  Starts Azurite (10000-10002), the search emulator (https://127.0.0.1:$SEARCH_PORT) and the Functions app"
      echo "  (http://localhost:$FUNCTIONS_PORT). Data is kept under .local/ (git-ignored); a second run reuses it."
      exit 0 ;;
    *) echo "error: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

bash scripts/bootstrap.sh
echo "== building"
dotnet build Archive.sln --nologo --verbosity quiet

DATA="$ROOT/.local"
mkdir -p "$DATA/azurite" "$DATA/search" "$DATA/logs"
API_KEY_FILE="$DATA/search/api-key"
[ -f "$API_KEY_FILE" ] || head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$API_KEY_FILE"
CERT="$DATA/search/cert.pem"

# Job control: background services get their own process groups and keep SIGINT (a non-interactive shell would
# start them with SIGINT ignored, and Azurite stops only on SIGINT). Ctrl-C reaches this script, whose trap stops them.
set -m
pids=()
azurite_pid=""
stop() {
  trap - INT TERM EXIT
  echo
  echo "== stopping"
  # Newest first: the Functions host and bridge still talk to storage and search while they stop.
  for ((i=${#pids[@]}-1; i>=0; i--)); do stop_pid "${pids[$i]}" TERM 30; done
  # Azurite ignores SIGTERM after client traffic; SIGINT stops it cleanly.
  [ -n "$azurite_pid" ] && stop_pid "$azurite_pid" INT 15
  exit 0
}
stop_pid() { # pid, signal, seconds to wait before SIGKILL (children too)
  local pid="$1" signal="$2" seconds="$3"
  kill -"$signal" "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 $((seconds * 5))); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  echo "warning: process $pid did not stop within ${seconds}s; killing it" >&2
  pkill -KILL -P "$pid" 2>/dev/null || true
  kill -KILL "$pid" 2>/dev/null || true
}
trap stop INT TERM EXIT

wait_for() { # name, command...
  local name="$1"; shift
  for _ in $(seq 1 120); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "error: $name did not come up; see $DATA/logs/" >&2
  exit 1
}

echo "== Azurite (blob 10000, queue 10001, table 10002; data in .local/azurite)"
node node_modules/azurite/dist/src/azurite.js --skipApiVersionCheck --loose --disableTelemetry --location "$DATA/azurite" \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >"$DATA/logs/azurite.log" 2>&1 &
azurite_pid=$!
wait_for Azurite bash -c "exec 3<>/dev/tcp/127.0.0.1/10000"

echo "== search emulator (https://127.0.0.1:$SEARCH_PORT; data in .local/search)"
dotnet artifacts/bin/Archive.SearchEmulator/debug/Archive.SearchEmulator.dll --port "$SEARCH_PORT" \
  --data-dir "$DATA/search/data" --api-key "$(cat "$API_KEY_FILE")" --cert-out "$CERT" >"$DATA/logs/search.log" 2>&1 &
pids+=($!)
wait_for "search emulator" test -f "$CERT"
wait_for "search emulator" curl -sf --cacert "$CERT" -H "api-key: $(cat "$API_KEY_FILE")" "https://127.0.0.1:$SEARCH_PORT/servicestats?api-version=2023-11-01"

export ArticlesStorage="UseDevelopmentStorage=true"
export AzureWebJobsStorage="UseDevelopmentStorage=true"
export Search__Endpoint="https://127.0.0.1:$SEARCH_PORT"
export Search__Credential="apikey"
export Search__ApiKey="$(cat "$API_KEY_FILE")"
export Search__CertificatePath="$CERT"
ARCHIVE=(dotnet artifacts/bin/Archive.Cli/debug/archive.dll)

echo "== index"
"${ARCHIVE[@]}" index ensure

if command -v func >/dev/null 2>&1; then
  echo "== Functions (func start, port $FUNCTIONS_PORT)"
  (cd artifacts/bin/Archive.Functions/debug && exec func start --port "$FUNCTIONS_PORT") >"$DATA/logs/functions.log" 2>&1 &
  pids+=($!)
  echo "== event bridge (Azurite → Core Tools webhook and the article-deletions queue)"
  "${ARCHIVE[@]}" bridge --functions-url "http://localhost:$FUNCTIONS_PORT" >"$DATA/logs/bridge.log" 2>&1 &
  pids+=($!)
else
  echo "== Functions (offline dev host, port $FUNCTIONS_PORT; Core Tools not found)"
  dotnet artifacts/bin/Archive.DevHost/debug/Archive.DevHost.dll --app artifacts/bin/Archive.Functions/debug \
    --port "$FUNCTIONS_PORT" --settings local.settings.json --host-id archive-local >"$DATA/logs/functions.log" 2>&1 &
  pids+=($!)
  # The dev host's WebJobs listener polls the container; Azurite's one-second LastModified lets that scan miss a blob
  # written in the same second as the previous one, so the bridge also delivers the events Event Grid would (the
  # ingestion is idempotent by ETag, so a blob seen both ways is indexed once).
  echo "== event bridge (Azurite → the dev host's blob webhook and the article-deletions queue)"
  "${ARCHIVE[@]}" bridge --functions-url "http://localhost:$FUNCTIONS_PORT" >"$DATA/logs/bridge.log" 2>&1 &
  pids+=($!)
fi
wait_for "the Functions app" curl -sf "http://localhost:$FUNCTIONS_PORT/api/health"

if [ "$SAMPLES" = true ]; then
  echo "== uploading samples/"
  "${ARCHIVE[@]}" upload samples
fi

cat <<INFO

Archive is running.
  Search page:   http://localhost:$FUNCTIONS_PORT/api/ui
  Search API:    http://localhost:$FUNCTIONS_PORT/api/search?q=bridge
  Health:        http://localhost:$FUNCTIONS_PORT/api/health
  Upload more:   dotnet artifacts/bin/Archive.Cli/debug/archive.dll upload <files or folders>
  Logs:          .local/logs/
Press Ctrl-C to stop.
INFO
wait -n "${pids[@]}" || true
echo "a component exited; see .local/logs/" >&2
