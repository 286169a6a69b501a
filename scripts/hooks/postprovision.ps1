# azd postprovision hook (Windows): create or update the search index with the identity that ran `azd up`.
# Same steps as postprovision.sh: see there for the why.
$ErrorActionPreference = 'Stop'
$root = Resolve-Path (Join-Path $PSScriptRoot '..' '..')

if (-not $env:AZURE_SEARCH_ENDPOINT) { throw 'AZURE_SEARCH_ENDPOINT is not set: run this through azd (azd provision / azd up)' }
$index = if ($env:AZURE_SEARCH_INDEX_NAME) { $env:AZURE_SEARCH_INDEX_NAME } else { 'articles' }
$attempts = if ($env:ARCHIVE_HOOK_ATTEMPTS) { [int]$env:ARCHIVE_HOOK_ATTEMPTS } else { 10 }
$delay = if ($env:ARCHIVE_HOOK_DELAY_SECONDS) { [int]$env:ARCHIVE_HOOK_DELAY_SECONDS } else { 30 }

$env:Search__Endpoint = $env:AZURE_SEARCH_ENDPOINT
$env:Search__IndexName = $index
$env:Search__Credential = 'developer'   # the deployer signed in with azd/az, not a managed identity

Write-Host '== building the archive CLI'
dotnet build (Join-Path $root 'src/Archive.Cli') --nologo --verbosity quiet
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

for ($i = 1; $i -le $attempts; $i++) {
  Write-Host "== archive index ensure ($index at $env:AZURE_SEARCH_ENDPOINT), attempt $i of $attempts"
  dotnet run --no-build --project (Join-Path $root 'src/Archive.Cli') -- index ensure --search-endpoint $env:AZURE_SEARCH_ENDPOINT --index $index
  if ($LASTEXITCODE -eq 0) { Write-Host "== index '$index' is ready"; exit 0 }
  if ($i -lt $attempts) { Start-Sleep -Seconds $delay }
}

Write-Error "could not create the index '$index' (role assignments may still be propagating: run 'azd hooks run postprovision' in a few minutes)"
exit 1
