using Xunit.Abstractions;

namespace Archive.Reliability.Tests;

/// <summary>
/// The reliability scenarios at small sizes (./reliability.sh runs them with 2,000 uploads). Each asserts that
/// nothing was lost or duplicated; the row is printed to the test output.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ScenarioTests(ReliabilityFixture fixture, ITestOutputHelper output)
{
    private const int Burst = 50;

    [Fact]
    public async Task Throttling_TwentyPercent429Or503_BurstFullyIndexed_NoRejectionNoPoison()
    {
        var row = await RunAsync(() => Scenarios.ThrottlingAsync(fixture.Stack, Burst));

        AssertNothingLost(row, Burst);
        Assert.Equal(0, row.Rejected);
        Assert.Equal(0, row.Poisoned);
    }

    [Fact]
    public async Task HostCrash_KillNineMidBurst_EachArticleIndexedOnce()
    {
        var row = await RunAsync(() => Scenarios.HostCrashAsync(fixture.Stack, Burst));

        AssertNothingLost(row, Burst);
    }

    [Fact]
    public async Task StorageRestart_AzuriteRestartedMidBurst_NothingLost()
    {
        var row = await RunAsync(() => Scenarios.StorageRestartAsync(fixture.Stack, Burst));

        AssertNothingLost(row, Burst);
    }

    [Fact]
    public async Task EmulatorCrash_KillNineMidBurst_EverythingEndsIndexed()
    {
        var row = await RunAsync(() => Scenarios.EmulatorCrashAsync(fixture.Stack, Burst));

        AssertNothingLost(row, Burst);
    }

    [Fact]
    public async Task DuplicateDelivery_SameEventTwiceAtOnce_OneDocumentNotMarkedDuplicate()
    {
        var row = await RunAsync(() => Scenarios.DuplicateDeliveryAsync(fixture.Stack, 30));

        AssertNothingLost(row, 30);
    }

    [Fact]
    public async Task Interleaved_UploadsOverwritesDeletesOfSameNames_IndexConvergesToContainer()
    {
        var row = await RunAsync(() => Scenarios.InterleavedAsync(fixture.Stack, 100));

        Assert.Equal(0, row.Lost);
        Assert.Equal(0, row.Duplicated);
        Assert.Equal(0, row.ReconcileDifferences);
    }

    private async Task<ScenarioRow> RunAsync(Func<Task<ScenarioRow>> scenario)
    {
        var row = await scenario();
        output.WriteLine(ScenarioRow.Table([row]));
        return row;
    }

    private void AssertNothingLost(ScenarioRow row, int uploads)
    {
        var context = $"{row}\n--- dev host output (tail) ---\n{Tail(fixture.Stack.Host.Output)}";
        Assert.True(row.Indexed == uploads, $"indexed {row.Indexed} of {uploads}: {context}");
        Assert.True(row.Lost == 0, "lost: " + context);
        Assert.True(row.Duplicated == 0, "duplicated: " + context);
    }

    private static string Tail(string text) => text.Length > 6000 ? text[^6000..] : text;
}
