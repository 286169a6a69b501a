namespace Archive.Core.Api;

/// <summary>
/// Whether one dependency answered (<see cref="Status"/> <c>ok</c> or <c>unavailable</c>), and a short reason that
/// never carries exception text: an HTTP status and error code, <c>timed out</c>, <c>unreachable</c> or a fixed sentence.
/// </summary>
public sealed record DependencyHealth(bool Ok, string? Error = null)
{
    /// <summary><c>ok</c> or <c>unavailable</c>.</summary>
    public string Status => Ok ? "ok" : "unavailable";
}
