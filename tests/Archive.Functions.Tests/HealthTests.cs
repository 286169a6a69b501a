using Archive.Core.Api;
using Archive.Core.Options;
using Archive.Testing;
using Azure;
using Azure.Search.Documents;
using Microsoft.AspNetCore.Mvc;
using NSubstitute;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Archive.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class HealthTests(AzuriteFixture azurite)
{
    private async Task<(int Status, HealthReport Report)> RunAsync(bool searchUp, bool containerExists)
    {
        var container = "health-" + Guid.NewGuid().ToString("N")[..8];
        var service = azurite.CreateBlobServiceClient();
        if (containerExists)
        {
            await service.GetBlobContainerClient(container).CreateAsync();
        }

        var search = Substitute.For<SearchClient>();
        search.GetDocumentCountAsync(Arg.Any<CancellationToken>()).Returns(_ => searchUp
            ? Task.FromResult(Response.FromValue(3L, Substitute.For<Response>()))
            : Task.FromException<Response<long>>(new RequestFailedException(503, "down")));
        var probe = new HealthProbe(search, service, MsOptions.Create(new ArchiveOptions { ArticlesContainer = container }));

        var result = Assert.IsType<ObjectResult>(await new Health(probe).RunAsync(ApiMocks.Request("/api/health"), default));
        return (result.StatusCode ?? 200, Assert.IsType<HealthReport>(result.Value));
    }

    [Fact]
    public async Task RunAsync_BothUp_Returns200()
    {
        var (status, report) = await RunAsync(searchUp: true, containerExists: true);

        Assert.Equal(200, status);
        Assert.Equal("ok", report.Status);
        Assert.True(report.Storage.Ok);
        Assert.True(report.Search.Ok);
    }

    [Fact]
    public async Task RunAsync_SearchDown_Returns503NamingSearch()
    {
        var (status, report) = await RunAsync(searchUp: false, containerExists: true);

        Assert.Equal(503, status);
        Assert.Equal("unavailable", report.Status);
        Assert.True(report.Storage.Ok);
        Assert.False(report.Search.Ok);
        Assert.Equal("503", report.Search.Error);
    }

    [Fact]
    public async Task RunAsync_StorageUnreachable_Returns503NamingStorage()
    {
        // Arrange: a port nothing listens on.
        var search = Substitute.For<SearchClient>();
        search.GetDocumentCountAsync(Arg.Any<CancellationToken>()).Returns(Task.FromResult(Response.FromValue(0L, Substitute.For<Response>())));
        var port = FreePort.Next();
        var dead = new Azure.Storage.Blobs.BlobServiceClient(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
            new Azure.Storage.Blobs.BlobClientOptions { Retry = { MaxRetries = 0 } });
        var probe = new HealthProbe(search, dead, MsOptions.Create(new ArchiveOptions()));

        // Act
        var result = Assert.IsType<ObjectResult>(await new Health(probe).RunAsync(ApiMocks.Request("/api/health"), default));

        // Assert
        Assert.Equal(503, result.StatusCode);
        var report = Assert.IsType<HealthReport>(result.Value);
        Assert.False(report.Storage.Ok);
        Assert.True(report.Search.Ok);

        // The anonymous answer says which dependency is down, never the exception's text (host, port, path).
        Assert.Equal("unavailable", report.Storage.Status);
        Assert.Equal("ok", report.Search.Status);
        Assert.Equal("unreachable", report.Storage.Error);
        var json = System.Text.Json.JsonSerializer.Serialize(report, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        Assert.DoesNotContain("127.0.0.1", json, StringComparison.Ordinal);
        Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"unavailable\"", json, StringComparison.Ordinal);
    }
}
