namespace Archive.DevHost.Tests;

/// <summary>Tests in this collection share one Azurite and one running dev host.</summary>
[CollectionDefinition(Name)]
public sealed class DevHostCollection : ICollectionFixture<DevHostFixture>
{
    public const string Name = "DevHost";
}
