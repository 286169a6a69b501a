namespace Archive.Testing;

/// <summary>The settings the Functions app needs to run against a test Azurite and search emulator (as environment variables).</summary>
public static class ArchiveAppSettings
{
    public static Dictionary<string, string> For(AzuriteFixture azurite, SearchEmulatorFixture search, string indexName)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        ArgumentNullException.ThrowIfNull(search);
        return new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["ArticlesStorage"] = azurite.ConnectionString,
            ["Archive__ArticlesContainer"] = "articles",
            ["Archive__RejectedContainer"] = "articles-rejected",
            ["Archive__DeletionsQueue"] = "article-deletions",
            ["Archive__ReconcileSchedule"] = "0 0 3 * * *",
            ["Archive__ReconcileQueue"] = "article-reconcile",
            ["Search__Endpoint"] = search.Endpoint.ToString().TrimEnd('/'),
            ["Search__IndexName"] = indexName,
            ["Search__Credential"] = "apikey",
            ["Search__ApiKey"] = search.ApiKey,
            ["Search__CertificatePath"] = search.CertificatePath,
        };
    }
}
