using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Archive.Core.Search;

/// <summary>
/// Document keys: URL-safe base64 without padding of the UTF-8 <c>container/path</c>. Valid UTF-8 never starts with a
/// byte that encodes to '-' or '_', so the key is always valid. When the key would exceed the service's 1,024 characters,
/// it is <c>h-</c> plus the SHA-256 hex of the same text (the path itself is stored in the document).
/// </summary>
public static class DocumentKey
{
    /// <summary>The longest key Azure AI Search accepts.</summary>
    public const int MaxLength = 1024;

    /// <summary>The key of the document for <paramref name="blobName"/> in <paramref name="container"/>.</summary>
    public static string For(string container, string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        var bytes = Encoding.UTF8.GetBytes(container + "/" + blobName);
        if (Base64Url.GetEncodedLength(bytes.Length) <= MaxLength)
        {
            return Base64Url.EncodeToString(bytes);
        }

        return "h-" + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Whether <paramref name="key"/> has the shape of a key (letters, digits, '-', '_', '='; not leading '_'; ≤ 1,024).</summary>
    public static bool IsWellFormed(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength || key[0] == '_')
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '='))
            {
                return false;
            }
        }

        return true;
    }
}
