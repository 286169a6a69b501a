using System.Text.Json.Serialization;
using Azure.Search.Documents.Indexes;

namespace Archive.SearchEmulator.Tests;

/// <summary>The test document model; FieldBuilder turns its attributes into the index fields.</summary>
public sealed class Article
{
    [JsonPropertyName("id")]
    [SimpleField(IsKey = true, IsFilterable = true)]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("title")]
    [SearchableField(IsSortable = true, IsFilterable = true)]
    public string? Title { get; set; }

    [JsonPropertyName("body")]
    [SearchableField(AnalyzerName = "en.lucene")]
    public string? Body { get; set; }

    [JsonPropertyName("author")]
    [SimpleField(IsFilterable = true, IsSortable = true, IsFacetable = true)]
    public string? Author { get; set; }

    [JsonPropertyName("published")]
    [SimpleField(IsFilterable = true, IsSortable = true, IsFacetable = true)]
    public DateTimeOffset? Published { get; set; }

    [JsonPropertyName("tags")]
    [SearchableField(IsFilterable = true, IsFacetable = true)]
    public string[]? Tags { get; set; }

    [JsonPropertyName("words")]
    [SimpleField(IsFilterable = true, IsSortable = true, IsFacetable = true)]
    public int? Words { get; set; }

    [JsonPropertyName("size")]
    [SimpleField(IsFilterable = true, IsSortable = true, IsFacetable = true)]
    public long? Size { get; set; }

    [JsonPropertyName("rating")]
    [SimpleField(IsFilterable = true, IsSortable = true, IsFacetable = true)]
    public double? Rating { get; set; }

    [JsonPropertyName("featured")]
    [SimpleField(IsFilterable = true, IsFacetable = true)]
    public bool? Featured { get; set; }

    [JsonPropertyName("notes")]
    [SearchableField]
    public string? Notes { get; set; }
}
