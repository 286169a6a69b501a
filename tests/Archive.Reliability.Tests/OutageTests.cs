namespace Archive.Reliability.Tests;

/// <summary>Scenario 1b on its own stack: search down for longer than the retries, then <c>archive replay-poison</c>.</summary>
[Collection(OutageCollection.Name)]
public sealed class OutageTests(ReliabilityFixture fixture)
{
    [Fact]
    public async Task SearchOutage_LongerThanRetries_PoisonsThenReplayPoisonIndexesAll()
    {
        const int uploads = 4;

        var row = await Scenarios.SearchOutageAsync(fixture.Stack, uploads);

        Assert.Equal(uploads, row.Poisoned);
        Assert.Equal(0, row.ReplayExitCode);
        Assert.Equal(uploads, row.Indexed);
        Assert.Equal(0, row.Lost);
        Assert.Equal(0, row.Duplicated);
    }
}
