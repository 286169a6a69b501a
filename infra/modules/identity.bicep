// The user-assigned managed identities: one for the function app (every data connection it makes) and one that
// Event Grid uses to deliver BlobDeleted events to the deletions queue. Neither ever holds a key.

@description('Name of the function app identity.')
param appIdentityName string

@description('Name of the identity Event Grid delivers events with.')
param eventDeliveryIdentityName string

@description('Region of the identities.')
param location string

@description('Tags for every resource.')
param tags object

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: appIdentityName
  location: location
  tags: tags
}

resource eventDeliveryIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: eventDeliveryIdentityName
  location: location
  tags: tags
}

output appIdentityId string = appIdentity.id
output appIdentityName string = appIdentity.name
output appIdentityPrincipalId string = appIdentity.properties.principalId
output appIdentityClientId string = appIdentity.properties.clientId
output eventDeliveryIdentityId string = eventDeliveryIdentity.id
output eventDeliveryIdentityPrincipalId string = eventDeliveryIdentity.properties.principalId
