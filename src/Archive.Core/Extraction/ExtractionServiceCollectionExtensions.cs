using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Archive.Core.Extraction;

/// <summary>Registers article extraction with dependency injection.</summary>
public static class ExtractionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ExtractionOptions"/> and one <see cref="ArticleExtractor"/> as the singleton
    /// <see cref="IArticleExtractor"/> (it is thread-safe and expensive to warm, so one per process).
    /// </summary>
    public static IServiceCollection AddArticleExtraction(this IServiceCollection services, Action<ExtractionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ExtractionOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton<ArticleExtractor>(provider => new ArticleExtractor(provider.GetRequiredService<ExtractionOptions>()));
        services.TryAddSingleton<IArticleExtractor>(provider => provider.GetRequiredService<ArticleExtractor>());
        return services;
    }
}
