using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Archive.Core.Extraction.Pipeline;

/// <summary>
/// Turns bytes that are not a known binary format into text: byte-order marks, UTF-16 without a mark, strict UTF-8,
/// a Windows-1252 fallback for legacy single-byte exports, and replacement (with a warning) for a few bad sequences.
/// Binary junk (NUL bytes, control characters) is rejected as <c>unsupported_format</c>; text that is mostly invalid
/// UTF-8 as <c>malformed</c>.
/// </summary>
internal static class TextDecoding
{
    private const int SampleBytes = 64 * 1024;

    private static readonly Encoding Windows1252 = CreateWindows1252();

    public static string Decode(byte[] bytes, List<string> warnings)
    {
        ReadOnlySpan<byte> span = bytes;

        // Byte-order marks decide the encoding outright.
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return Clean(new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetString(span[4..]), warnings);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Clean(Encoding.Unicode.GetString(span[2..]), warnings);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Clean(Encoding.BigEndianUnicode.GetString(span[2..]), warnings);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        else if (LooksLikeUtf16WithoutBom(span, out var bigEndian))
        {
            return Clean((bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(span), warnings);
        }

        RejectBinary(span);

        if (TryDecodeStrictUtf8(span) is { } text)
        {
            return Clean(text, warnings);
        }

        CountUtf8(span, out var invalid, out var validMultiByte);
        if (validMultiByte == 0)
        {
            // No valid multi-byte sequence at all: a legacy single-byte export (Windows-1252 / Latin-1).
            warnings.Add("The text is not valid UTF-8; it was decoded as Windows-1252.");
            return Clean(Windows1252.GetString(span), warnings);
        }

        if (invalid > Math.Max(16, span.Length / 20))
        {
            throw new ExtractionFailureException(
                ExtractionErrorCodes.Malformed,
                string.Create(CultureInfo.InvariantCulture, $"The text is not valid UTF-8: {invalid:N0} invalid byte sequences in {span.Length:N0} bytes."));
        }

        warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The text is not valid UTF-8: {invalid:N0} invalid byte sequence(s) were replaced with U+FFFD."));
        return Clean(Encoding.UTF8.GetString(span), warnings);
    }

    /// <summary>The text of valid UTF-8, or null when it has an invalid sequence.</summary>
    private static string? TryDecodeStrictUtf8(ReadOnlySpan<byte> span) =>
        Utf8.IsValid(span) ? Encoding.UTF8.GetString(span) : null;

    private static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> span, out bool bigEndian)
    {
        bigEndian = false;
        var sample = span[..Math.Min(span.Length, 4096)];
        if (sample.Length < 8)
        {
            return false;
        }

        int evenZero = 0, oddZero = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0)
            {
                evenZero++;
            }

            if (sample[i + 1] == 0)
            {
                oddZero++;
            }
        }

        var pairs = sample.Length / 2;

        // ASCII-range text in UTF-16: one byte of nearly every pair is zero, the other almost never.
        if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05)
        {
            return true;
        }

        if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05)
        {
            bigEndian = true;
            return true;
        }

        return false;
    }

    /// <summary>Control bytes a text file does not carry (NUL is counted on its own): not tab, newlines, form feed or escape.</summary>
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [1, 2, 3, 4, 5, 6, 7, 8, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F]);

    /// <summary>Control characters <see cref="Clean"/> removes (form feed becomes a newline): all below U+0020 but tab and newlines.</summary>
    private static readonly SearchValues<char> RemovedControls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private static void RejectBinary(ReadOnlySpan<byte> span)
    {
        var sample = span[..Math.Min(span.Length, SampleBytes)];

        // Vectorized: text has none of these, so each scan usually runs through once.
        var nul = sample.Count((byte)0);
        var control = 0;
        for (var rest = sample; rest.IndexOfAny(ControlBytes) is var next and >= 0; rest = rest[(next + 1)..])
        {
            control++;
        }

        // A text export never carries NUL bytes beyond a stray one; binary data is full of them and of controls.
        if (nul > Math.Max(2, sample.Length / 1000) || control > Math.Max(8, sample.Length / 20))
        {
            throw new ExtractionFailureException(
                ExtractionErrorCodes.UnsupportedFormat,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The content is binary, not text ({nul:N0} NUL and {control:N0} other control bytes in the first {sample.Length:N0} bytes), and no supported format was recognized."));
        }
    }

    private static void CountUtf8(ReadOnlySpan<byte> span, out int invalid, out int validMultiByte)
    {
        invalid = 0;
        validMultiByte = 0;
        while (!span.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(span, out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                if (consumed > 1)
                {
                    validMultiByte++;
                }
            }
            else
            {
                invalid++;
            }

            span = span[Math.Max(consumed, 1)..];
        }
    }

    /// <summary>Drops C0 control characters other than tab and line breaks; a form feed becomes a line break.</summary>
    private static string Clean(string text, List<string> warnings)
    {
        if (text.AsSpan().IndexOfAny(RemovedControls) < 0)
        {
            return text;
        }

        var removed = 0;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\f')
            {
                builder.Append('\n');
            }
            else if (c < 0x20 && c is not ('\t' or '\n' or '\r'))
            {
                removed++;
            }
            else
            {
                builder.Append(c);
            }
        }

        if (removed > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{removed:N0} control character(s) were removed from the text."));
        }

        return builder.ToString();
    }

    private static Encoding CreateWindows1252()
    {
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
        catch (NotSupportedException)
        {
            return Encoding.Latin1;
        }
    }
}
