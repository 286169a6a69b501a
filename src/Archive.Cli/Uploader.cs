using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Archive.Cli;

/// <summary>
/// Uploads files and folders (recursively) to the articles container in parallel: the blob name is the path relative
/// to the folder given (a file given directly keeps its name), under an optional prefix. Files whose MD5 equals the
/// blob's are skipped, so re-running an upload sends only what changed.
/// </summary>
internal sealed class Uploader(BlobContainerClient container)
{
    /// <summary>The files <paramref name="inputs"/> name, with their blob names.</summary>
    public static IReadOnlyList<(string File, string BlobName)> Expand(IEnumerable<string> inputs, string? prefix)
    {
        var prefixPart = string.IsNullOrWhiteSpace(prefix) ? "" : prefix.Trim('/') + "/";
        var files = new List<(string, string)>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var root = Path.GetFullPath(input);
                foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    files.Add((file, prefixPart + Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/')));
                }
            }
            else if (File.Exists(input))
            {
                files.Add((Path.GetFullPath(input), prefixPart + Path.GetFileName(input)));
            }
            else
            {
                throw new FileNotFoundException($"'{input}' is neither a file nor a folder.", input);
            }
        }

        return files;
    }

    /// <summary>Uploads <paramref name="files"/>; <paramref name="onFileDone"/> is called once per file.</summary>
    public async Task<UploadSummary> UploadAsync(
        IReadOnlyList<(string File, string BlobName)> files, int parallelism, Action? onFileDone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        int uploaded = 0, skipped = 0;
        var failures = new ConcurrentBag<(string, string)>();
        await Parallel.ForEachAsync(
            files,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (item, token) =>
            {
                try
                {
                    if (await UploadOneAsync(item.File, item.BlobName, token).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref uploaded);
                    }
                    else
                    {
                        Interlocked.Increment(ref skipped);
                    }
                }
                catch (Exception e) when (e is RequestFailedException or IOException or UnauthorizedAccessException)
                {
                    failures.Add((item.File, e.Message.Split('\n')[0]));
                }

                onFileDone?.Invoke();
            }).ConfigureAwait(false);
        return new UploadSummary(uploaded, skipped, [.. failures.OrderBy(f => f.Item1, StringComparer.Ordinal)]);
    }

    private async Task<bool> UploadOneAsync(string file, string blobName, CancellationToken cancellationToken)
    {
        byte[] md5;
        var stream = File.OpenRead(file);
        await using (stream.ConfigureAwait(false))
        {
            md5 = await MD5.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            var blob = container.GetBlobClient(blobName);
            try
            {
                var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                if (properties.Value.ContentHash is { } existing && existing.AsSpan().SequenceEqual(md5))
                {
                    return false;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // New blob.
            }

            stream.Position = 0;
            await blob.UploadAsync(
                stream,
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypes.For(file), ContentHash = md5 } },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
    }
}
