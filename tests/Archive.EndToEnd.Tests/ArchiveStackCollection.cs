using Archive.Testing;

namespace Archive.EndToEnd.Tests;

/// <summary>Tests in this collection share one local stack: Azurite, the search emulator and the dev host running the real worker.</summary>
[CollectionDefinition(Name)]
public sealed class ArchiveStackCollection : ICollectionFixture<ArchiveStackFixture>
{
    public const string Name = "ArchiveStack";
}
