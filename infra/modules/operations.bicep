// Operations: diagnostic settings that send the platform logs and metrics of storage, Event Grid, search and the
// function app to the Log Analytics workspace.

@description('Log Analytics workspace that receives the diagnostics.')
param logAnalyticsName string

@description('Storage account whose blob and queue services are diagnosed.')
param storageAccountName string

@description('Event Grid system topic of the storage account.')
param systemTopicName string

@description('Azure AI Search service.')
param searchServiceName string

@description('Function app.')
param functionAppName string

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' existing = {
  name: logAnalyticsName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' existing = {
  parent: storage
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' existing = {
  parent: storage
  name: 'default'
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource search 'Microsoft.Search/searchServices@2025-05-01' existing = {
  name: searchServiceName
}

resource app 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

var diagnosticsName = 'to-log-analytics'
var allLogs = [
  {
    categoryGroup: 'allLogs'
    enabled: true
  }
]
var allMetrics = [
  {
    category: 'AllMetrics'
    enabled: true
  }
]
// Storage services publish their metrics under the category 'Transaction', not 'AllMetrics'.
var storageMetrics = [
  {
    category: 'Transaction'
    enabled: true
  }
]

resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: diagnosticsName
  scope: blobService
  properties: {
    workspaceId: logAnalytics.id
    logs: allLogs
    metrics: storageMetrics
  }
}

resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: diagnosticsName
  scope: queueService
  properties: {
    workspaceId: logAnalytics.id
    logs: allLogs
    metrics: storageMetrics
  }
}

resource systemTopicDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: diagnosticsName
  scope: systemTopic
  properties: {
    workspaceId: logAnalytics.id
    logs: allLogs
    metrics: allMetrics
  }
}

resource searchDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: diagnosticsName
  scope: search
  properties: {
    workspaceId: logAnalytics.id
    logs: allLogs
    metrics: allMetrics
  }
}

resource appDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: diagnosticsName
  scope: app
  properties: {
    workspaceId: logAnalytics.id
    logs: allLogs
    metrics: allMetrics
  }
}
