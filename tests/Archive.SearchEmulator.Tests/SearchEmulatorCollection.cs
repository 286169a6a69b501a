
namespace Archive.SearchEmulator.Tests;

/// <summary>All emulator tests share one emulator process and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SearchEmulatorCollection : ICollectionFixture<ImmediateSearchEmulatorFixture>
{
    public const string Name = "search-emulator";
}
