using Archive.Testing;
using Azure.Storage.Blobs;

namespace Archive.Cli.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class UploaderTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("archive-upload-").FullName;
    private readonly BlobContainerClient container = azurite.CreateBlobServiceClient().GetBlobContainerClient("up-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task UploadAsync_Folder_UploadsRelativeNamesWithContentTypes()
    {
        // Arrange
        Write("2024/a.html", "<html>a</html>");
        Write("b.md", "# b");
        Write("c.unknown", "c");

        // Act
        var summary = await new Uploader(container).UploadAsync(Uploader.Expand([folder], "batch1"), 4, null, default);

        // Assert
        Assert.Equal(3, summary.Uploaded);
        Assert.Equal(0, summary.Skipped);
        Assert.Empty(summary.Failures);
        Assert.Equal("text/html", (await container.GetBlobClient("batch1/2024/a.html").GetPropertiesAsync()).Value.ContentType);
        Assert.Equal("text/markdown", (await container.GetBlobClient("batch1/b.md").GetPropertiesAsync()).Value.ContentType);
        Assert.Equal("application/octet-stream", (await container.GetBlobClient("batch1/c.unknown").GetPropertiesAsync()).Value.ContentType);
    }

    [Fact]
    public async Task UploadAsync_SecondRunWithOneChangedFile_SkipsTheUnchanged()
    {
        // Arrange
        Write("a.txt", "one");
        var changed = Write("b.txt", "two");
        var uploader = new Uploader(container);
        await uploader.UploadAsync(Uploader.Expand([folder], null), 4, null, default);
        var etagBefore = (await container.GetBlobClient("a.txt").GetPropertiesAsync()).Value.ETag;
        File.WriteAllText(changed, "two, edited");

        // Act
        var done = 0;
        var summary = await uploader.UploadAsync(Uploader.Expand([folder], null), 4, () => Interlocked.Increment(ref done), default);

        // Assert
        Assert.Equal(1, summary.Uploaded);
        Assert.Equal(1, summary.Skipped);
        Assert.Equal(2, done);
        Assert.Equal(etagBefore, (await container.GetBlobClient("a.txt").GetPropertiesAsync()).Value.ETag);
        Assert.Equal("two, edited", (await container.GetBlobClient("b.txt").DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public void Expand_MissingPath_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => Uploader.Expand([Path.Combine(folder, "nope")], null));
    }

    [Fact]
    public void Expand_SingleFile_KeepsItsName()
    {
        var file = Write("deep/x.json", "{}");

        var files = Uploader.Expand([file], "/p/");

        Assert.Equal([(file, "p/x.json")], files);
    }
}
