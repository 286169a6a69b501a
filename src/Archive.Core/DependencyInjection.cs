using Archive.Core.Api;
using Archive.Core.Extraction;
using Archive.Core.Ingestion;
using Archive.Core.Options;
using Archive.Core.Search;
using Archive.Core.Storage;
using Azure.Search.Documents.Indexes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Archive.Core;

/// <summary>Registers Archive.Core: options validated at start, singleton Azure clients, ingestion and the read API.</summary>
public static class DependencyInjection
{
    /// <summary>Adds everything the Functions app and the CLI need from Archive.Core.</summary>
    public static IServiceCollection AddArchiveCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ArchiveOptions>().Bind(configuration.GetSection(ArchiveOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidator>();
        services.AddOptions<SearchServiceOptions>().Bind(configuration.GetSection(SearchServiceOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SearchServiceOptions>, SearchServiceOptionsValidator>();
        services.AddOptions<ArticlesStorageOptions>().Configure(o => ArticlesStorage.Bind(configuration, o)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ArticlesStorageOptions>, ArticlesStorageOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => ArticlesStorage.CreateBlobServiceClient(sp.GetRequiredService<IOptions<ArticlesStorageOptions>>().Value));
        services.TryAddSingleton(sp => ArticlesStorage.CreateQueueServiceClient(sp.GetRequiredService<IOptions<ArticlesStorageOptions>>().Value));
        services.TryAddSingleton(sp => SearchConnection.CreateIndexClient(sp.GetRequiredService<IOptions<SearchServiceOptions>>().Value));
        services.TryAddSingleton(sp => sp.GetRequiredService<SearchIndexClient>().GetSearchClient(sp.GetRequiredService<IOptions<SearchServiceOptions>>().Value.IndexName));

        // Extraction limits may be set as Extraction__MaxBytes etc. (the Bicep fits the size cap to the instance memory).
        services.AddArticleExtraction(o => configuration.GetSection("Extraction").Bind(o));

        services.TryAddSingleton<ArticleStore>();
        services.TryAddSingleton<RejectionReports>();
        services.TryAddSingleton<IngestionMemoryGate>();
        services.TryAddSingleton<IArticleIngestor, ArticleIngestor>();
        services.TryAddSingleton<ArticleRemover>();
        services.TryAddSingleton<ReconcileCheckpoints>();
        services.TryAddSingleton<Reconciler>();
        services.TryAddSingleton<Reindexer>();
        services.TryAddSingleton<SearchIndexCheck>();
        services.TryAddSingleton<ArticleSearchService>();
        services.TryAddSingleton<ArticleExporter>();
        services.TryAddSingleton<TimelineService>();
        services.TryAddSingleton<ArticleFeedService>();
        services.TryAddSingleton<StatsService>();
        services.TryAddSingleton<HealthProbe>();
        return services;
    }
}
