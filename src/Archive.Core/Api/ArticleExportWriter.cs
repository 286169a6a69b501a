using System.Globalization;
using System.Text;
using System.Text.Json;
using Archive.Core.Search;

namespace Archive.Core.Api;

/// <summary>
/// Writes exported rows. CSV follows RFC 4180 (CRLF line ends; a field with a comma, quote, CR or LF is quoted and its
/// quotes doubled); a text cell beginning with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or CR, which
/// spreadsheets also read as a formula lead) is prefixed with <c>'</c> so a spreadsheet shows it instead of
/// evaluating it (OWASP "CSV injection"). Lists are joined with "; ". JSONL writes one object per line with the
/// fields' JSON types.
/// </summary>
public sealed class ArticleExportWriter
{
    private readonly ExportFormats format;
    private readonly IReadOnlyList<string> fields;
    private readonly StringBuilder line = new();

    public ArticleExportWriter(ExportFormats format, IReadOnlyList<string> fields)
    {
        this.format = format;
        this.fields = fields ?? throw new ArgumentNullException(nameof(fields));
    }

    /// <summary>The media type of the response.</summary>
    public string ContentType => format == ExportFormats.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";

    /// <summary>The file extension of a download.</summary>
    public string Extension => format == ExportFormats.Csv ? "csv" : "jsonl";

    /// <summary>Writes the CSV header line (nothing for JSONL).</summary>
    public async Task WriteHeaderAsync(TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (format == ExportFormats.Csv)
        {
            await writer.WriteAsync(string.Join(',', fields).AsMemory(), cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync("\r\n".AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes one row.</summary>
    public Task WriteRowAsync(TextWriter writer, ArticleDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        line.Clear();
        if (format == ExportFormats.Csv)
        {
            AppendCsv(document);
        }
        else
        {
            AppendJson(document);
        }

        line.Append(format == ExportFormats.Csv ? "\r\n" : "\n");
        return writer.WriteAsync(line, cancellationToken);
    }

    /// <summary>One CSV cell as written: neutralised when it could run as a formula, quoted when it must be.</summary>
    public static string CsvCell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private void AppendCsv(ArticleDocument document)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var text = ExportFields.Read(document, fields[i]) switch
            {
                null => "",
                string s => CsvCell(s),
                DateTimeOffset d => ExportFields.FormatDate(d),
                int n => n.ToString(CultureInfo.InvariantCulture),
                IEnumerable<string> list => CsvCell(string.Join("; ", list)),
                var other => CsvCell(Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""),
            };
            line.Append(text);
        }
    }

    private void AppendJson(ArticleDocument document)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var field in fields)
            {
                switch (ExportFields.Read(document, field))
                {
                    case null:
                        json.WriteNull(field);
                        break;
                    case string s:
                        json.WriteString(field, s);
                        break;
                    case DateTimeOffset d:
                        json.WriteString(field, ExportFields.FormatDate(d));
                        break;
                    case int n:
                        json.WriteNumber(field, n);
                        break;
                    case IEnumerable<string> list:
                        json.WriteStartArray(field);
                        foreach (var item in list)
                        {
                            json.WriteStringValue(item);
                        }

                        json.WriteEndArray();
                        break;
                    default:
                        json.WriteNull(field);
                        break;
                }
            }

            json.WriteEndObject();
        }

        line.Append(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
