namespace Archive.DevHost;

/// <summary>A worker that has loaded its functions: where its HTTP server is and what it can run.</summary>
public sealed class RunningWorker(Uri? httpUri, IReadOnlyList<FunctionDefinition> functions, HttpTriggerRouter router)
{
    /// <summary>The worker's own ASP.NET Core server (WorkerInitResponse capability HttpUri); null without ASP.NET Core integration.</summary>
    public Uri? HttpUri { get; } = httpUri;

    public IReadOnlyList<FunctionDefinition> Functions { get; } = functions;

    public HttpTriggerRouter Router { get; } = router;

    public FunctionDefinition? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
