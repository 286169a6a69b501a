// Operations: diagnostic settings that send the platform logs and metrics of storage, Event Grid, search and the
// function app to the Log Analytics workspace; an availability test of /api/health; alert rules and their action group.

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

@description('Application Insights component that runs the availability test.')
param applicationInsightsName string

@description('Region of the availability test.')
param location string

@description('Tags for every resource.')
param tags object

@description('Address the alerts are mailed to; empty sends no mail (the alerts still fire and show in the portal).')
param alertEmail string = ''

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

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
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

// Alerts -------------------------------------------------------------------------------------------------------------

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${functionAppName}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'archive'
    enabled: true
    emailReceivers: empty(alertEmail)
      ? []
      : [
          {
            name: 'operator'
            emailAddress: alertEmail
            useCommonAlertSchema: true
          }
        ]
  }
}

var alertActions = [
  {
    actionGroupId: actionGroup.id
  }
]

// A standard test: GET /api/health every 5 minutes from three regions, expecting 200 over valid TLS.
resource healthTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: 'health-${functionAppName}'
  location: location
  // The hidden link shows the test under the component in the portal.
  tags: union(tags, {
    'hidden-link:${applicationInsights.id}': 'Resource'
  })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: 'health-${functionAppName}'
    Name: 'health'
    Kind: 'standard'
    Enabled: true
    Frequency: 300
    Timeout: 30
    RetryEnabled: true
    Locations: [
      {
        Id: 'us-va-ash-azr'
      }
      {
        Id: 'emea-nl-ams-azr'
      }
      {
        Id: 'apac-sg-sin-azr'
      }
    ]
    Request: {
      RequestUrl: 'https://${app.properties.defaultHostName}/api/health'
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

resource healthAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'health-unavailable'
  location: 'global'
  tags: union(tags, {
    'hidden-link:${applicationInsights.id}': 'Resource'
    'hidden-link:${healthTest.id}': 'Resource'
  })
  properties: {
    description: '/api/health failed from at least two of the three test locations.'
    severity: 1
    enabled: true
    scopes: [
      healthTest.id
      applicationInsights.id
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: healthTest.id
      componentId: applicationInsights.id
      failedLocationCount: 2
    }
    actions: alertActions
  }
}

// One static "greater than" criterion on one resource's platform metric.
var metricRules = [
  {
    name: 'eventgrid-deadletters'
    description: 'Event Grid dead-lettered an event into event-deadletters (archive replay-deadletters).'
    scope: systemTopic.id
    metricNamespace: 'Microsoft.EventGrid/systemTopics'
    metricName: 'DeadLetteredCount'
    timeAggregation: 'Total'
    threshold: 0
    severity: 2
  }
  {
    name: 'app-http5xx'
    description: 'The function app answered 5xx.'
    scope: app.id
    metricNamespace: 'Microsoft.Web/sites'
    metricName: 'Http5xx'
    timeAggregation: 'Total'
    threshold: 0
    severity: 2
  }
  {
    name: 'search-throttled'
    description: 'Azure AI Search throttled search queries.'
    scope: search.id
    metricNamespace: 'Microsoft.Search/searchServices'
    metricName: 'ThrottledSearchQueriesPercentage'
    timeAggregation: 'Average'
    threshold: 0
    severity: 3
  }
]

resource metricAlerts 'Microsoft.Insights/metricAlerts@2018-03-01' = [
  for rule in metricRules: {
    name: rule.name
    location: 'global'
    tags: tags
    properties: {
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        rule.scope
      ]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT5M'
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
        allOf: [
          {
            criterionType: 'StaticThresholdCriterion'
            name: rule.metricName
            metricNamespace: rule.metricNamespace
            metricName: rule.metricName
            timeAggregation: rule.timeAggregation
            operator: 'GreaterThan'
            threshold: rule.threshold
          }
        ]
      }
      actions: alertActions
    }
  }
]

// Storage queue metrics are per account (no queue dimension), so the poison queue's depth cannot be a metric alert.
// Every message that reaches webjobs-blobtrigger-poison is an ingestion that ended 'failed'; this log alert counts
// those in the app's own metric archive.ingest.outcomes (AppMetrics in the workspace).
resource ingestFailedAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'ingest-failed'
  location: location
  tags: tags
  properties: {
    description: 'Ingestions failed (archive.ingest.outcomes outcome=failed); failed blobs end in webjobs-blobtrigger-poison (archive replay-poison).'
    severity: 2
    enabled: true
    scopes: [
      logAnalytics.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'AppMetrics | where Name == "archive.ingest.outcomes" and tostring(Properties["outcome"]) == "failed" | summarize Failed = sum(Sum)'
          timeAggregation: 'Total'
          metricMeasureColumn: 'Failed'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}
