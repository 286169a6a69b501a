using System.Globalization;

namespace Archive.Cli;

/// <summary>
/// Streams <c>GET /api/export</c> into a file: first into <c>&lt;file&gt;.partial</c>, renamed to the file only when
/// the number of rows received equals the API's <c>X-Total-Count</c>, so a cut-short export never looks complete.
/// </summary>
internal static class ExportDownload
{
    /// <summary>The outcome: the HTTP status, the problem body when it failed, the rows written and the rows announced.</summary>
    public sealed record Result(int Status, string? Problem, long Rows, long? Total)
    {
        public bool Complete => Problem is null && (Total is null || Rows == Total);
    }

    public static async Task<Result> RunAsync(HttpClient http, Uri uri, string output, bool csv, Action<long?> started, Action<long> rowsDone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(started);
        ArgumentNullException.ThrowIfNull(rowsDone);
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new Result((int)response.StatusCode, body, 0, null);
        }

        long? total = response.Headers.TryGetValues("X-Total-Count", out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;
        started(total);
        var partial = output + ".partial";
        var counter = new ExportRowCounter(csv);
        var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                var buffer = new byte[1 << 16];
                try
                {
                    int read;
                    while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        rowsDone(counter.Add(buffer.AsSpan(0, read)));
                    }
                }
                catch (Exception e) when (e is IOException or HttpRequestException)
                {
                    // The connection broke: keep what arrived in the .partial file; the row count tells how far it got.
                }
            }
        }

        var result = new Result(200, null, counter.Rows, total);
        if (result.Complete)
        {
            File.Move(partial, output, overwrite: true);
        }

        return result;
    }
}

/// <summary>
/// Counts complete rows in an export as its bytes arrive: JSONL rows end with LF; CSV rows end with a line break
/// outside quotes (RFC 4180 fields may hold line breaks inside quotes), and the header line is not a row.
/// </summary>
internal sealed class ExportRowCounter(bool csv)
{
    private bool quoted;
    private long lines;

    /// <summary>Complete rows so far.</summary>
    public long Rows => csv ? Math.Max(0, lines - 1) : lines;

    /// <summary>Feeds the next bytes; returns <see cref="Rows"/>.</summary>
    public long Add(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (csv && b == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (b == (byte)'\n' && !quoted)
            {
                lines++;
            }
        }

        return Rows;
    }
}
