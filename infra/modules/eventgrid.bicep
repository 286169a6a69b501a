// Event Grid system topic on the storage account. BlobDeleted events under the articles container go to the
// deletions queue (RemoveArticle consumes it), delivered with a managed identity because shared keys are off.
// The BlobCreated subscription to the function's blob extension webhook needs the extension's system key, which
// exists only once the code is deployed: scripts/hooks/postdeploy creates it on this same topic.

@description('System topic name.')
param name string

@description('Region of the storage account (a system topic lives with its source).')
param location string

@description('Tags for every resource.')
param tags object

@description('Storage account raising the events.')
param storageAccountName string

@description('Container whose deletions are forwarded.')
param articlesContainerName string

@description('Queue receiving the BlobDeleted events.')
param deletionsQueueName string

@description('Container receiving the events that could not be delivered (archive replay-deadletters replays them).')
param deadLetterContainerName string

@description('Resource id of the user-assigned identity Event Grid delivers with (Storage Queue Data Message Sender on the queue).')
param deliveryIdentityId string

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${deliveryIdentityId}': {}
    }
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource blobDeleted 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'article-deletions'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobDeleted'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${articlesContainerName}/'
    }
    deliveryWithResourceIdentity: {
      identity: {
        type: 'UserAssigned'
        userAssignedIdentity: deliveryIdentityId
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: deletionsQueueName
          queueMessageTimeToLiveInSeconds: -1 // never expire: a deletion must not be lost
        }
      }
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    // An event still undelivered after its retries is kept as a blob instead of dropped.
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'UserAssigned'
        userAssignedIdentity: deliveryIdentityId
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output name string = systemTopic.name
output id string = systemTopic.id
