using Archive.Testing;

namespace Archive.Functions.Tests.Integration;

/// <summary>API tests sharing one Azurite and one search emulator process.</summary>
[CollectionDefinition(Name)]
public sealed class LocalStackCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<SearchEmulatorFixture>
{
    public const string Name = "LocalStack";
}
