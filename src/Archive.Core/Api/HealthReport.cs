using System.Text.Json.Serialization;

namespace Archive.Core.Api;

/// <summary>The response of <c>GET /api/health</c>.</summary>
public sealed record HealthReport(string Status, string Version, DependencyHealth Storage, DependencyHealth Search)
{
    /// <summary>True when every dependency answered.</summary>
    [JsonIgnore]
    public bool Healthy => Storage.Ok && Search.Ok;
}
