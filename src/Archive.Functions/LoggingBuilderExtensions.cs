using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Archive.Functions;

/// <summary>Logging setup of the worker.</summary>
internal static class LoggingBuilderExtensions
{
    private const string AppInsightsProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>
    /// The Application Insights SDK adds a rule that keeps only warnings; remove it so host.json's levels apply
    /// (dotnet-isolated-process-guide, "Application Insights").
    /// </summary>
    public static ILoggingBuilder RemoveAppInsightsWarningOnlyRule(this ILoggingBuilder logging)
    {
        logging.Services.Configure<LoggerFilterOptions>(options =>
        {
            var rule = options.Rules.FirstOrDefault(r => r.ProviderName == AppInsightsProvider);
            if (rule is not null)
            {
                options.Rules.Remove(rule);
            }
        });
        return logging;
    }
}
