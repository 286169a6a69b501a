
namespace Archive.Reliability.Tests;

/// <summary>One local stack (Azurite, search emulator, dev host running the real worker) shared by the scenario tests, which run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<ReliabilityFixture>
{
    public const string Name = "Reliability";
}

public sealed class ReliabilityFixture : IAsyncLifetime
{
    public ReliabilityStack Stack { get; } = new();

    public Task InitializeAsync() => Stack.StartAsync();

    public Task DisposeAsync() => Stack.DisposeAsync().AsTask();
}
