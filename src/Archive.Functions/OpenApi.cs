using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Archive.Functions;

/// <summary><c>GET /api/openapi.json</c>: the OpenAPI 3 description of the HTTP API (hand-written, embedded).</summary>
public sealed class OpenApi
{
    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = typeof(OpenApi).Assembly.GetManifestResourceStream("Archive.Functions.openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    [Function(nameof(OpenApi))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ContentResult { Content = Document.Value, ContentType = "application/json", StatusCode = StatusCodes.Status200OK };
    }
}
