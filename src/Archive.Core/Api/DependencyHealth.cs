namespace Archive.Core.Api;

/// <summary>Whether one dependency answered, and why not.</summary>
public sealed record DependencyHealth(bool Ok, string? Error = null);
