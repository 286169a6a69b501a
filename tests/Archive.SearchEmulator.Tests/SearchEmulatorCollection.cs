using Archive.Testing;

namespace Archive.SearchEmulator.Tests;

/// <summary>All emulator tests share one emulator process and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SearchEmulatorCollection : ICollectionFixture<SearchEmulatorFixture>
{
    public const string Name = "search-emulator";
}
