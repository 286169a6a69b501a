using System.Net;
using System.Text;

namespace Archive.Cli.Tests;

public sealed class ExportDownloadTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("archive-export-").FullName;

    private sealed class StubHandler(HttpStatusCode status, string body, long? total) : HttpMessageHandler
    {
        public Uri? Requested { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requested = request.RequestUri;
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, status == HttpStatusCode.OK ? "text/csv" : "application/problem+json") };
            if (total is not null)
            {
                response.Headers.Add("X-Total-Count", total.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return Task.FromResult(response);
        }
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private const string Csv = "id,title\r\na,\"two\r\nlines, and \"\"quotes\"\"\"\r\nb,plain\r\nc,\"x\"\r\n";

    [Fact]
    public async Task RunAsync_AllRowsArrive_WritesTheFileAndCountsQuotedLineBreaksAsOneRow()
    {
        // Arrange
        using var handler = new StubHandler(HttpStatusCode.OK, Csv, total: 3);
        using var http = new HttpClient(handler);
        var output = Path.Combine(directory, "out.csv");
        var client = new ArchiveApiClient(http, new Uri("http://api.test/"));
        long? announced = null;
        var progress = new List<long>();

        // Act
        var result = await ExportDownload.RunAsync(http, client.ExportUri([new("q", "wind"), new("format", "csv")]), output, csv: true, t => announced = t, progress.Add, default);

        // Assert
        Assert.True(result.Complete);
        Assert.Equal(3, result.Rows);
        Assert.Equal(3, announced);
        Assert.Equal(3, progress[^1]);
        Assert.Equal(Csv, await File.ReadAllTextAsync(output));
        Assert.False(File.Exists(output + ".partial"));
        Assert.Equal("http://api.test/api/export?q=wind&format=csv", handler.Requested!.AbsoluteUri);
    }

    [Fact]
    public async Task RunAsync_FewerRowsThanAnnounced_KeepsOnlyThePartialFile()
    {
        using var handler = new StubHandler(HttpStatusCode.OK, Csv, total: 5);
        using var http = new HttpClient(handler);
        var output = Path.Combine(directory, "out.csv");

        var result = await ExportDownload.RunAsync(http, new Uri("http://api.test/api/export"), output, csv: true, _ => { }, _ => { }, default);

        Assert.False(result.Complete);
        Assert.Equal((3L, (long?)5), (result.Rows, result.Total));
        Assert.False(File.Exists(output));
        Assert.True(File.Exists(output + ".partial"));
    }

    [Fact]
    public async Task RunAsync_Problem_ReturnsItsBodyAndWritesNothing()
    {
        using var handler = new StubHandler(HttpStatusCode.BadRequest, """{"title":"The request is invalid.","detail":"'format' must be csv or jsonl."}""", total: null);
        using var http = new HttpClient(handler);
        var output = Path.Combine(directory, "out.csv");

        var result = await ExportDownload.RunAsync(http, new Uri("http://api.test/api/export"), output, csv: true, _ => { }, _ => { }, default);

        Assert.Equal("400: 'format' must be csv or jsonl.", ArchiveApiClient.Describe(result.Status, result.Problem!));
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void RowCounter_ChunksSplitInsideQuotes_CountsEachRowOnce()
    {
        var bytes = Encoding.UTF8.GetBytes(Csv);
        var counter = new ExportRowCounter(csv: true);

        foreach (var chunk in bytes.Chunk(3))
        {
            counter.Add(chunk);
        }

        Assert.Equal(3, counter.Rows);
        Assert.Equal(2, new ExportRowCounter(csv: false).Add("{\"a\":\"x\\ny\"}\n{\"a\":1}\n"u8));
    }
}
