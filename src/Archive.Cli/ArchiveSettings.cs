using System.CommandLine;
using Archive.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Archive.Cli;

/// <summary>
/// The settings every service command shares. Each one is an option, falling back to the same environment setting the
/// Functions app reads (ArticlesStorage, Archive__ArticlesContainer, Search__Endpoint, ...), then to the local stack.
/// </summary>
internal static class ArchiveSettings
{
    public const string LocalStorage = "UseDevelopmentStorage=true";
    public const string LocalApi = "http://localhost:7071";

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Storage connection string (default: $ArticlesStorage, else Azurite's UseDevelopmentStorage=true).",
        Recursive = true,
    };

    public static readonly Option<string?> Container = new("--container")
    {
        Description = "Articles container (default: $Archive__ArticlesContainer, else articles).",
        Recursive = true,
    };

    public static readonly Option<string?> SearchEndpoint = new("--search-endpoint")
    {
        Description = "Azure AI Search endpoint (default: $Search__Endpoint).",
        Recursive = true,
    };

    public static readonly Option<string?> SearchKey = new("--search-key")
    {
        Description = "Search API key (default: $Search__ApiKey; without a key, managed identity is used).",
        Recursive = true,
    };

    public static readonly Option<string?> Index = new("--index")
    {
        Description = "Index name (default: $Search__IndexName, else articles).",
        Recursive = true,
    };

    public static readonly Option<string?> Certificate = new("--search-certificate")
    {
        Description = "PEM certificate of the local search emulator to trust (default: $Search__CertificatePath).",
        Recursive = true,
    };

    public static readonly Option<string?> Api = new("--api")
    {
        Description = "Base URL of the Archive HTTP API (default: $ARCHIVE_API_URL, else http://localhost:7071).",
        Recursive = true,
    };

    /// <summary>Adds the shared options to <paramref name="command"/>.</summary>
    public static void AddStorageAndSearch(Command command)
    {
        foreach (var option in new Option[] { Connection, Container, SearchEndpoint, SearchKey, Index, Certificate })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Configuration: environment settings overlaid with the options that were given.</summary>
    public static IConfiguration BuildConfiguration(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var overrides = new Dictionary<string, string?>();
        if (string.IsNullOrEmpty(environment["ArticlesStorage"]) && string.IsNullOrEmpty(environment["ArticlesStorage:blobServiceUri"]))
        {
            overrides["ArticlesStorage"] = LocalStorage;
        }

        void Set(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                overrides[key] = value;
            }
        }

        Set("ArticlesStorage", parse.GetValue(Connection));
        Set("Archive:ArticlesContainer", parse.GetValue(Container));
        Set("Search:Endpoint", parse.GetValue(SearchEndpoint));
        Set("Search:IndexName", parse.GetValue(Index));
        Set("Search:CertificatePath", parse.GetValue(Certificate));
        var key = parse.GetValue(SearchKey) ?? environment["Search:ApiKey"];
        if (!string.IsNullOrEmpty(key))
        {
            Set("Search:ApiKey", key);
            Set("Search:Credential", "apikey");
        }

        return new ConfigurationBuilder().AddConfiguration(environment).AddInMemoryCollection(overrides).Build();
    }

    /// <summary>The Archive.Core services over <see cref="BuildConfiguration"/>.</summary>
    public static ServiceProvider BuildServices(ParseResult parse)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddArchiveCore(BuildConfiguration(parse));
        return services.BuildServiceProvider();
    }

    /// <summary>The API base URL: the option, else $ARCHIVE_API_URL, else the local Functions host.</summary>
    public static Uri ApiBase(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var text = parse.GetValue(Api) ?? Environment.GetEnvironmentVariable("ARCHIVE_API_URL") ?? LocalApi;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new ArgumentException($"The API URL '{text}' is not an absolute http(s) URL.");
    }
}
