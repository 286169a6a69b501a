
namespace Archive.Reliability.Tests;

/// <summary>One local stack (Azurite, search emulator, dev host running the real worker) shared by the scenario tests, which run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<ReliabilityFixture>
{
    public const string Name = "Reliability";
}

/// <summary>
/// A stack of its own for the search-outage scenario: on the shared stack, after the host-crash scenario's kill -9 and
/// restart, the dev host's polling blob listener was seen not to pick up new blobs within minutes (the outage scenario
/// relies on it, as Azure's Event Grid trigger relies on its queue), which made that test depend on test order.
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
