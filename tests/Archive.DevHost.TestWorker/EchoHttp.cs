using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Archive.DevHost.TestWorker;

/// <summary>GET /api/echo/{id}?q=...: returns the route value, the query and the method it saw.</summary>
public sealed class EchoHttp
{
    [Function(nameof(EchoHttp))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "echo/{id}")] HttpRequest request,
        string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new OkObjectResult(new { id, q = request.Query["q"].ToString(), method = request.Method });
    }
}
