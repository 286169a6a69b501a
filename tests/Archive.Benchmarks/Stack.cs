using Archive.Core;
using Archive.Core.Extraction;
using Archive.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Archive.Benchmarks;

/// <summary>Azurite and the search emulator started as for the tests, and Archive.Core composed as the app does.</summary>
internal sealed class Stack : IAsyncDisposable
{
    public AzuriteFixture Azurite { get; } = new();

    // Writes visible at once: the benchmarks measure throughput, not how the archive waits for Azure's refresh.
    public SearchEmulatorFixture Emulator { get; } = SearchEmulatorFixture.WithRefreshDelay(0);

    public async Task StartAsync()
    {
        await Azurite.InitializeAsync();
        await Emulator.InitializeAsync();
    }

    public ServiceProvider Compose(string suffix, out bool realExtractor)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ArticlesStorage"] = Azurite.ConnectionString,
            ["Archive:ArticlesContainer"] = "articles-" + suffix,
            ["Archive:RejectedContainer"] = "rejected-" + suffix,
            ["Search:Endpoint"] = Emulator.Endpoint.ToString(),
            ["Search:IndexName"] = "bench-" + suffix,
            ["Search:Credential"] = "apikey",
            ["Search:ApiKey"] = Emulator.ApiKey,
            ["Search:CertificatePath"] = Emulator.CertificatePath,
        };
        var services = new ServiceCollection().AddLogging().AddArchiveCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        realExtractor = services.Any(d => d.ServiceType == typeof(IArticleExtractor));
        services.TryAddSingleton<IArticleExtractor, SimpleTextExtractor>();
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
