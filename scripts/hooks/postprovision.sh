#!/bin/sh
# azd postprovision hook: create or update the search index with the identity that ran `azd up`.
# infra/modules/rbac.bicep grants that identity Search Service Contributor; a new role assignment can take a few
# minutes to apply, so a 403 is retried. Runs `archive index ensure` from src/Archive.Cli, which authenticates with
# the signed-in developer credential (az / azd login) because the service accepts no API key.
# Environment (azd sets these from the Bicep outputs): AZURE_SEARCH_ENDPOINT, AZURE_SEARCH_INDEX_NAME.
set -eu
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"

: "${AZURE_SEARCH_ENDPOINT:?is not set: run this through azd (azd provision / azd up)}"
index="${AZURE_SEARCH_INDEX_NAME:-articles}"
attempts="${ARCHIVE_HOOK_ATTEMPTS:-10}"
delay="${ARCHIVE_HOOK_DELAY_SECONDS:-30}"

command -v dotnet >/dev/null 2>&1 || { echo "error: the .NET 10 SDK is required (dotnet)" >&2; exit 2; }

# Settings for the CLI, in the same names the app reads.
export Search__Endpoint="$AZURE_SEARCH_ENDPOINT"
export Search__IndexName="$index"
export Search__Credential="developer"   # the deployer signed in with azd/az, not a managed identity

echo "== building the archive CLI"
dotnet build "$ROOT/src/Archive.Cli" --nologo --verbosity quiet

i=1
while :; do
  echo "== archive index ensure ($index at $AZURE_SEARCH_ENDPOINT), attempt $i of $attempts"
  if dotnet run --no-build --project "$ROOT/src/Archive.Cli" -- index ensure --search-endpoint "$AZURE_SEARCH_ENDPOINT" --index "$index"; then
    echo "== index '$index' is ready"
    exit 0
  fi
  if [ "$i" -ge "$attempts" ]; then
    echo "error: could not create the index '$index' (role assignments may still be propagating: run 'azd hooks run postprovision' in a few minutes)" >&2
    exit 1
  fi
  i=$((i + 1))
  sleep "$delay"
done
