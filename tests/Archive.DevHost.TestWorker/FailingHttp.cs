using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Archive.DevHost.TestWorker;

/// <summary>GET /api/boom: always throws, to check the host returns the worker's 500 at once.</summary>
public sealed class FailingHttp
{
    [Function(nameof(FailingHttp))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "boom")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        throw new InvalidOperationException("boom on purpose");
    }
}
