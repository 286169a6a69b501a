using Archive.Testing;

namespace Archive.Functions.Tests;

/// <summary>Tests in this collection share one Azurite process.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
