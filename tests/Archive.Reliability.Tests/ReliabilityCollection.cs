
namespace Archive.Reliability.Tests;

/// <summary>One local stack (Azurite, search emulator, dev host running the real worker) shared by the scenario tests, which run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<ReliabilityFixture>
{
    public const string Name = "Reliability";
}

/// <summary>
/// A stack of its own for the search-outage scenario. On the shared stack the dev host's polling blob listener is still
/// re-checking the other scenarios' blobs when the outage starts. Each of those re-checks then fails through 5 attempts,
/// and the outage blobs wait behind that backlog, so the test would depend on test order.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<ReliabilityFixture>
{
    public const string Name = "Reliability outage";
}

public sealed class ReliabilityFixture : IAsyncLifetime
{
    public ReliabilityStack Stack { get; } = new();

    public Task InitializeAsync() => Stack.StartAsync();

    public Task DisposeAsync() => Stack.DisposeAsync().AsTask();
}
