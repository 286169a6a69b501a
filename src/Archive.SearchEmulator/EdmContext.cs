using Microsoft.OData.Edm;

namespace Archive.SearchEmulator;

/// <summary>The OData model, entity type and entity set an index's expressions are bound against.</summary>
internal sealed record EdmContext(IEdmModel Model, IEdmEntityType Type, IEdmEntitySet Set);
