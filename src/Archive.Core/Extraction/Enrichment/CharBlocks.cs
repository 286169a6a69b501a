using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// Blocks of 16 UTF-16 characters read as one vector, and bit masks of what they hold (bit k for the block's character
/// k), for the scans that take ASCII text 16 characters at a time.
/// </summary>
internal static class CharBlocks
{
    /// <summary>Characters in a block.</summary>
    public const int Width = 16;

    /// <summary>The <see cref="Width"/> characters of <paramref name="text"/> from <paramref name="start"/> (the caller checks they exist).</summary>
    public static Vector256<ushort> Load(ReadOnlySpan<char> text, int start) =>
        Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)start);

    /// <summary>Whether every character of the block is ASCII.</summary>
    public static bool IsAscii(Vector256<ushort> block) => (block & Vector256.Create((ushort)0xFF80)) == Vector256<ushort>.Zero;

    /// <summary>The block's ASCII letters (A-Z, a-z).</summary>
    public static uint AsciiLetters(Vector256<ushort> block) =>
        Vector256.LessThan((block | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26)).ExtractMostSignificantBits();

    /// <summary>The block's ASCII digits (0-9).</summary>
    public static uint AsciiDigits(Vector256<ushort> block) =>
        Vector256.LessThan(block - Vector256.Create((ushort)'0'), Vector256.Create((ushort)10)).ExtractMostSignificantBits();
}
