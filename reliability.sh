#!/usr/bin/env bash
# Reliability harness at full size: the scenarios of issue #9 on one local stack (Azurite, the search emulator, the
# dev host running the real worker), 2,000 uploads per burst by default; prints the table.
# Options go to the harness: --uploads N, --only search-outage,throttling,host-crash,storage-restart,emulator-crash,duplicate-delivery,interleaved
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash scripts/bootstrap.sh
echo "== dotnet build (harness, dev host, worker, emulator, CLI)"
dotnet build tests/Archive.Reliability/Archive.Reliability.csproj --nologo --verbosity quiet
exec dotnet artifacts/bin/Archive.Reliability/debug/Archive.Reliability.dll "$@"
