// Archive on Azure: `azd up` provisions this, deploys src/Archive.Functions, then runs the hooks in azure.yaml
// (postprovision: create the search index; postdeploy: subscribe the blob trigger to BlobCreated events).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it seeds the unique names of every resource.')
param environmentName string

@minLength(1)
@description('Region of every resource. It must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deployer (user or service principal), granted index management and data access. Empty grants nothing.')
param principalId string = deployer().objectId

@description('Resource group name; empty for rg-<environmentName>.')
param resourceGroupName string = ''

@description('Azure AI Search pricing tier.')
@allowed(['free', 'basic', 'standard', 'standard2', 'standard3', 'storage_optimized_l1', 'storage_optimized_l2'])
param searchSku string = 'basic'

@description('Azure AI Search replicas.')
@minValue(1)
@maxValue(12)
param searchReplicaCount int = 1

@description('Memory of each function instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Upper bound of the function app scale-out.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('NCRONTAB schedule (UTC) of the nightly Reconcile (six fields: second minute hour day month weekday).')
param reconcileSchedule string = '0 0 3 * * *'

@description('Address the alerts are mailed to; empty creates the action group without a receiver.')
param alertEmail string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

// Names the app reads through its settings (see README "Configuration").
var articlesContainerName = 'articles'
var rejectedContainerName = 'articles-rejected'
var deploymentContainerName = 'app-package'
var deadLetterContainerName = 'event-deadletters'
var deletionsQueueName = 'article-deletions'
var reconcileQueueName = 'article-reconcile'
var searchIndexName = 'articles'
var functionsServiceName = 'functions'

// Resource names are known before deployment (what-if can predict everything that depends on them).
var storageAccountName = 'st${resourceToken}'
var searchServiceName = 'srch-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var logAnalyticsName = 'log-${resourceToken}'
var functionAppName = 'func-${resourceToken}'
var systemTopicName = 'evgt-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-11-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    appIdentityName: 'id-func-${resourceToken}'
    eventDeliveryIdentityName: 'id-evgt-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    articlesContainerName: articlesContainerName
    rejectedContainerName: rejectedContainerName
    deploymentContainerName: deploymentContainerName
    deadLetterContainerName: deadLetterContainerName
    deletionsQueueName: deletionsQueueName
    reconcileQueueName: reconcileQueueName
  }
}

module search 'modules/search.bicep' = {
  name: 'search'
  scope: rg
  params: {
    name: searchServiceName
    location: location
    tags: tags
    sku: searchSku
    replicaCount: searchReplicaCount
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: logAnalyticsName
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storageAccountName
    deletionsQueueName: deletionsQueueName
    deadLetterContainerName: deadLetterContainerName
    searchServiceName: searchServiceName
    applicationInsightsName: applicationInsightsName
    // Principal ids exist only once the identities do; assignment names include them on purpose, so a re-created
    // identity gets new assignments instead of a conflict with the old ones.
    #disable-next-line what-if-short-circuiting
    appPrincipalId: identity.outputs.appIdentityPrincipalId
    #disable-next-line what-if-short-circuiting
    eventDeliveryPrincipalId: identity.outputs.eventDeliveryIdentityPrincipalId
    deployerPrincipalId: principalId
  }
  dependsOn: [
    storage
    search
    monitoring
  ]
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: functionsServiceName
    identityId: identity.outputs.appIdentityId
    identityClientId: identity.outputs.appIdentityClientId
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: applicationInsightsName
    searchEndpoint: search.outputs.endpoint
    searchIndexName: searchIndexName
    articlesContainerName: articlesContainerName
    rejectedContainerName: rejectedContainerName
    deletionsQueueName: deletionsQueueName
    reconcileSchedule: reconcileSchedule
    reconcileQueueName: reconcileQueueName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
  // The host reads its storage and the deployment package with the identity from its first start.
  dependsOn: [
    rbac
  ]
}

module eventGrid 'modules/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    name: systemTopicName
    location: location
    tags: tags
    storageAccountName: storageAccountName
    articlesContainerName: articlesContainerName
    deletionsQueueName: deletionsQueueName
    deadLetterContainerName: deadLetterContainerName
    deliveryIdentityId: identity.outputs.eventDeliveryIdentityId
  }
  // Event Grid checks that its identity may send to the queue when the subscription is created.
  dependsOn: [
    rbac
  ]
}

// Diagnostic settings, the availability test of /api/health and the alert rules.
module operations 'modules/operations.bicep' = {
  name: 'operations'
  scope: rg
  params: {
    logAnalyticsName: logAnalyticsName
    storageAccountName: storageAccountName
    systemTopicName: systemTopicName
    searchServiceName: searchServiceName
    functionAppName: functionAppName
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    alertEmail: alertEmail
  }
  dependsOn: [
    monitoring
    storage
    search
    functionApp
    eventGrid
  ]
}

// Outputs become azd environment values, read by the hooks and by `archive` commands.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_FUNCTIONS_NAME string = functionApp.outputs.name
output SERVICE_FUNCTIONS_URI string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.appIdentityClientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output ARTICLES_CONTAINER_NAME string = articlesContainerName
output REJECTED_CONTAINER_NAME string = rejectedContainerName
output DELETIONS_QUEUE_NAME string = deletionsQueueName
output DEADLETTER_CONTAINER_NAME string = deadLetterContainerName
output EVENTGRID_DELIVERY_IDENTITY_ID string = identity.outputs.eventDeliveryIdentityId
output AZURE_STORAGE_ACCOUNT_ID string = storage.outputs.id
output EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output AZURE_SEARCH_SERVICE_NAME string = search.outputs.name
output AZURE_SEARCH_ENDPOINT string = search.outputs.endpoint
output AZURE_SEARCH_INDEX_NAME string = searchIndexName
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
