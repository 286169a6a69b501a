# azd postdeploy hook (Windows): subscribe the IngestArticle blob trigger to BlobCreated events under the articles
# container. Same steps as postdeploy.sh: see there for the why.
$ErrorActionPreference = 'Stop'

foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'SERVICE_FUNCTIONS_URI', 'EVENTGRID_SYSTEM_TOPIC_NAME') {
  if (-not [Environment]::GetEnvironmentVariable($name)) { throw "$name is not set: run this through azd (azd deploy / azd up)" }
}
$container = if ($env:ARTICLES_CONTAINER_NAME) { $env:ARTICLES_CONTAINER_NAME } else { 'articles' }
$subscription = 'article-ingest'
$attempts = if ($env:ARCHIVE_HOOK_ATTEMPTS) { [int]$env:ARCHIVE_HOOK_ATTEMPTS } else { 20 }
$delay = if ($env:ARCHIVE_HOOK_DELAY_SECONDS) { [int]$env:ARCHIVE_HOOK_DELAY_SECONDS } else { 15 }

# az may be signed in to another default subscription than azd: pass azd's explicitly.
$sub = if ($env:AZURE_SUBSCRIPTION_ID) { @('--subscription', $env:AZURE_SUBSCRIPTION_ID) } else { @() }

$key = ''
for ($i = 1; -not $key; $i++) {
  $key = az functionapp keys list --name $env:AZURE_FUNCTION_APP_NAME --resource-group $env:AZURE_RESOURCE_GROUP `
    --query systemKeys.blobs_extension --output tsv @sub 2>$null
  if (-not $key) {
    if ($i -ge $attempts) { throw "the blobs_extension key of $env:AZURE_FUNCTION_APP_NAME did not appear; is IngestArticle deployed?" }
    Start-Sleep -Seconds $delay
  }
}

# The key is part of the URL: never print it.
$endpoint = "$($env:SERVICE_FUNCTIONS_URI.TrimEnd('/'))/runtime/webhooks/blobs?functionName=Host.Functions.IngestArticle&code=$key"
$filter = "/blobServices/default/containers/$container/"
$common = $sub + @('--name', $subscription, '--resource-group', $env:AZURE_RESOURCE_GROUP, '--system-topic-name', $env:EVENTGRID_SYSTEM_TOPIC_NAME)

az eventgrid system-topic event-subscription show @common --output none 2>$null
if ($LASTEXITCODE -eq 0) {
  $action = 'update'
  az eventgrid system-topic event-subscription update @common --endpoint $endpoint `
    --included-event-types Microsoft.Storage.BlobCreated --subject-begins-with $filter --output none
} else {
  $action = 'create'
  az eventgrid system-topic event-subscription create @common --endpoint-type webhook --endpoint $endpoint `
    --event-delivery-schema eventgridschema --included-event-types Microsoft.Storage.BlobCreated `
    --subject-begins-with $filter --max-delivery-attempts 30 --event-ttl 1440 --output none
}
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

Write-Host "== ${action}: Event Grid subscription '$subscription' (BlobCreated under $filter) -> IngestArticle"

# Undeliverable events go to the dead-letter container, written with the topic's delivery identity (see postdeploy.sh).
if ($env:EVENTGRID_DELIVERY_IDENTITY_ID -and $env:AZURE_STORAGE_ACCOUNT_ID) {
  $id = az eventgrid system-topic event-subscription show @common --query id --output tsv
  $deadLetters = if ($env:DEADLETTER_CONTAINER_NAME) { $env:DEADLETTER_CONTAINER_NAME } else { 'event-deadletters' }
  $body = @{ properties = @{ deadLetterWithResourceIdentity = @{
    identity = @{ type = 'UserAssigned'; userAssignedIdentity = $env:EVENTGRID_DELIVERY_IDENTITY_ID }
    deadLetterDestination = @{ endpointType = 'StorageBlob'; properties = @{ resourceId = $env:AZURE_STORAGE_ACCOUNT_ID; blobContainerName = $deadLetters } }
  } } } | ConvertTo-Json -Depth 8 -Compress
  $file = New-TemporaryFile
  Set-Content -Path $file -Value $body
  az rest --method patch --url "https://management.azure.com${id}?api-version=2025-02-15" --body "@$file" --output none
  Remove-Item $file
  if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
  Write-Host "== dead letters of '$subscription' -> container $deadLetters"
}
