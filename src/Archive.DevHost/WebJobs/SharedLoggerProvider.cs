
namespace Archive.DevHost.WebJobs;

/// <summary>Routes the listener host's logs into the dev host's own logger factory (same console, same filters).</summary>
internal sealed class SharedLoggerProvider(ILoggerFactory factory) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => factory.CreateLogger(categoryName);

    public void Dispose()
    {
        // The factory belongs to the dev host.
    }
}
