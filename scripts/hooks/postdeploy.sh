#!/bin/sh
# azd postdeploy hook: subscribe the IngestArticle blob trigger to BlobCreated events under the articles container.
# On Flex Consumption the blob trigger only works with the Event Grid source, whose webhook
# (/runtime/webhooks/blobs) needs the blobs_extension system key: it exists once the code is deployed, so this
# subscription cannot be part of the Bicep. Re-running updates the subscription in place.
# Environment (azd sets these from the Bicep outputs): AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME,
# SERVICE_FUNCTIONS_URI, EVENTGRID_SYSTEM_TOPIC_NAME, ARTICLES_CONTAINER_NAME.
set -eu

: "${AZURE_RESOURCE_GROUP:?is not set: run this through azd (azd deploy / azd up)}"
: "${AZURE_FUNCTION_APP_NAME:?is not set: run this through azd (azd deploy / azd up)}"
: "${SERVICE_FUNCTIONS_URI:?is not set: run this through azd (azd deploy / azd up)}"
: "${EVENTGRID_SYSTEM_TOPIC_NAME:?is not set: run this through azd (azd deploy / azd up)}"
container="${ARTICLES_CONTAINER_NAME:-articles}"
subscription="article-ingest"
attempts="${ARCHIVE_HOOK_ATTEMPTS:-20}"
delay="${ARCHIVE_HOOK_DELAY_SECONDS:-15}"

command -v az >/dev/null 2>&1 || { echo "error: the Azure CLI (az) is required" >&2; exit 2; }

# az may be signed in to another default subscription than azd: pass azd's explicitly.
set --
if [ -n "${AZURE_SUBSCRIPTION_ID:-}" ]; then
  set -- --subscription "$AZURE_SUBSCRIPTION_ID"
fi

# The host creates the key when it first starts after the deployment: wait for it.
key=""
i=1
while [ -z "$key" ]; do
  key="$(az functionapp keys list --name "$AZURE_FUNCTION_APP_NAME" --resource-group "$AZURE_RESOURCE_GROUP" \
    --query systemKeys.blobs_extension --output tsv "$@" 2>/dev/null || true)"
  if [ -z "$key" ]; then
    if [ "$i" -ge "$attempts" ]; then
      echo "error: the blobs_extension key of $AZURE_FUNCTION_APP_NAME did not appear; is IngestArticle deployed?" >&2
      exit 1
    fi
    i=$((i + 1))
    sleep "$delay"
  fi
done

# The key is part of the URL: never print it.
endpoint="${SERVICE_FUNCTIONS_URI%/}/runtime/webhooks/blobs?functionName=Host.Functions.IngestArticle&code=${key}"
filter="/blobServices/default/containers/${container}/"

if az eventgrid system-topic event-subscription show --name "$subscription" --resource-group "$AZURE_RESOURCE_GROUP" \
  --system-topic-name "$EVENTGRID_SYSTEM_TOPIC_NAME" --output none "$@" 2>/dev/null; then
  action=update
  az eventgrid system-topic event-subscription update --name "$subscription" --resource-group "$AZURE_RESOURCE_GROUP" \
    --system-topic-name "$EVENTGRID_SYSTEM_TOPIC_NAME" --endpoint "$endpoint" \
    --included-event-types Microsoft.Storage.BlobCreated --subject-begins-with "$filter" --output none "$@"
else
  action=create
  az eventgrid system-topic event-subscription create --name "$subscription" --resource-group "$AZURE_RESOURCE_GROUP" \
    --system-topic-name "$EVENTGRID_SYSTEM_TOPIC_NAME" --endpoint-type webhook --endpoint "$endpoint" \
    --event-delivery-schema eventgridschema --included-event-types Microsoft.Storage.BlobCreated \
    --subject-begins-with "$filter" --max-delivery-attempts 30 --event-ttl 1440 --output none "$@"
fi

echo "== $action: Event Grid subscription '$subscription' (BlobCreated under $filter) -> IngestArticle"

# Undeliverable events go to the dead-letter container, written with the topic's delivery identity (the CLI's
# --deadletter-identity knows only system-assigned identities, so the property is set through the ARM API).
if [ -n "${EVENTGRID_DELIVERY_IDENTITY_ID:-}" ] && [ -n "${AZURE_STORAGE_ACCOUNT_ID:-}" ]; then
  id="$(az eventgrid system-topic event-subscription show --name "$subscription" --resource-group "$AZURE_RESOURCE_GROUP" \
    --system-topic-name "$EVENTGRID_SYSTEM_TOPIC_NAME" --query id --output tsv "$@")"
  body="{\"properties\":{\"deadLetterWithResourceIdentity\":{\"identity\":{\"type\":\"UserAssigned\",\"userAssignedIdentity\":\"${EVENTGRID_DELIVERY_IDENTITY_ID}\"},\"deadLetterDestination\":{\"endpointType\":\"StorageBlob\",\"properties\":{\"resourceId\":\"${AZURE_STORAGE_ACCOUNT_ID}\",\"blobContainerName\":\"${DEADLETTER_CONTAINER_NAME:-event-deadletters}\"}}}}}"
  az rest --method patch --url "https://management.azure.com${id}?api-version=2025-02-15" --body "$body" --output none
  echo "== dead letters of '$subscription' -> container ${DEADLETTER_CONTAINER_NAME:-event-deadletters}"
fi
