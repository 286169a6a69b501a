// Azure AI Search: Entra ID only (API keys disabled). The index itself is created by `archive index ensure`
// (the postprovision hook) with the deployer's identity, which holds Search Service Contributor.

@description('Search service name (globally unique).')
param name string

@description('Region of the service.')
param location string

@description('Tags for every resource.')
param tags object

@description('Pricing tier. Basic is the smallest paid tier; free (one per subscription, 50 MB) suits a trial.')
@allowed(['free', 'basic', 'standard', 'standard2', 'standard3', 'storage_optimized_l1', 'storage_optimized_l2'])
param sku string

@description('Replicas (1 for development; 2 for read availability, 3 for read/write availability).')
@minValue(1)
@maxValue(12)
param replicaCount int

resource search 'Microsoft.Search/searchServices@2025-05-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    hostingMode: 'Default'
    partitionCount: 1
    replicaCount: replicaCount
    publicNetworkAccess: 'enabled'
    // Keys are off: only Entra ID tokens (managed identity, az login) are accepted.
    disableLocalAuth: true
  }
}

output id string = search.id
output name string = search.name
output endpoint string = 'https://${search.name}.search.windows.net'
