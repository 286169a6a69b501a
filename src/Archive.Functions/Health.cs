using Archive.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Archive.Functions;

/// <summary><c>GET /api/health</c>: <c>ok</c> or <c>unavailable</c> per dependency (no exception text); 503 when either is down.</summary>
public sealed class Health(HealthProbe probe)
{
    [Function(nameof(Health))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var report = await probe.CheckAsync(cancellationToken).ConfigureAwait(false);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new ObjectResult(report) { StatusCode = report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable };
    }
}
