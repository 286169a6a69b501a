using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Functions.Tests;

public sealed class OpenApiTests
{
    [Fact]
    public void Run_Called_ReturnsOpenApiDocumentListingEveryRoute()
    {
        var result = Assert.IsType<ContentResult>(new OpenApi().Run(ApiMocks.Request("/api/openapi.json")));

        Assert.Equal("application/json", result.ContentType);
        using var doc = JsonDocument.Parse(result.Content!);
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/search", "/export", "/timeline", "/feed", "/stats", "/articles/{id}", "/articles/{id}/content", "/suggest", "/health", "/manage/reconcile", "/openapi.json"], paths);
    }
}
