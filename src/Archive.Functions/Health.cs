using Archive.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Archive.Functions;

/// <summary>Reports that the app is up. The Functions app issue extends it with storage and search reachability.</summary>
public sealed class Health
{
    [Function(nameof(Health))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new OkObjectResult(new { status = "ok", version = ArchiveInfo.Version });
    }
}
