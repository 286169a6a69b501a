// The function app on the Flex Consumption plan (FC1, Linux, .NET 10 isolated worker). Every connection is
// identity-based through one user-assigned managed identity: no connection string, key or SAS in any setting.

@description('Function app name (globally unique: <name>.azurewebsites.net).')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Region of the plan and the app (a region that offers Flex Consumption).')
param location string

@description('Tags for every resource; the app also gets azd-service-name.')
param tags object

@description('azd service name in azure.yaml.')
param serviceName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (how the app asks for its tokens).')
param identityClientId string

@description('Storage account for host state, the articles and the deployment package.')
param storageAccountName string

@description('Blob container the deployment package is uploaded to.')
param deploymentContainerName string

@description('Application Insights component the app sends telemetry to.')
param applicationInsightsName string

@description('Azure AI Search endpoint (https).')
param searchEndpoint string

@description('Search index name.')
param searchIndexName string

@description('Container holding the original articles.')
param articlesContainerName string

@description('Container receiving the rejection reports.')
param rejectedContainerName string

@description('Queue receiving BlobDeleted events.')
param deletionsQueueName string

@description('Queue carrying a reconcile run from one slice to the next (the trigger reads %Archive:ReconcileQueue%).')
param reconcileQueueName string

@description('NCRONTAB schedule of the nightly Reconcile timer (the trigger reads %Archive:ReconcileSchedule%).')
param reconcileSchedule string

@description('Memory of each instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Upper bound of the scale-out.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('.NET version of the isolated worker.')
param runtimeVersion string = '10.0'

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }

  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // The Functions host's own storage (identity-based).
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      // The articles: blob trigger (Event Grid source), rejection reports, deletions queue.
      ArticlesStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      ArticlesStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      ArticlesStorage__credential: 'managedidentity'
      ArticlesStorage__clientId: identityClientId
      Archive__ArticlesContainer: articlesContainerName
      Archive__RejectedContainer: rejectedContainerName
      Archive__DeletionsQueue: deletionsQueueName
      Archive__ReconcileSchedule: reconcileSchedule
      Archive__ReconcileQueue: reconcileQueueName
      // Memory: ingestions in flight may expect half the instance (30 bytes per input byte, see README "Ingestion"),
      // and the largest input is 1/64 of the instance memory (32 MiB on 2,048 MB), so one at its cap fits alone.
      Archive__IngestMemoryBudgetMB: string(instanceMemoryMB / 2)
      Extraction__MaxBytes: string(instanceMemoryMB / 64 * 1048576)
      // Azure AI Search with the same identity.
      Search__Endpoint: searchEndpoint
      Search__IndexName: searchIndexName
      Search__Credential: 'managedidentity'
      Search__ClientId: identityClientId
      // Telemetry: the connection string names the endpoint; ingestion needs the identity's Entra ID token.
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    }
  }

  // No publishing user names and passwords: azd and Core Tools deploy with Entra ID tokens.
  resource ftpBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output id string = app.id
output name string = app.name
output defaultHostName string = app.properties.defaultHostName
