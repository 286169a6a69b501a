using System.Text.Json;
using Azure.Core.Serialization;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Indexes.Models;

namespace Archive.Core.Search;

/// <summary>The index schema, defined once from <see cref="ArticleDocument"/>.</summary>
public static class ArticleIndex
{
    /// <summary>The suggester over the title and the entity fields.</summary>
    public const string SuggesterName = "sg";

    /// <summary>The fields the suggester reads.</summary>
    public static IReadOnlyList<string> SuggesterFields { get; } = ["title", "people", "places", "organizations"];

    /// <summary>camelCase JSON, the names the schema and every client use.</summary>
    public static JsonObjectSerializer Serializer { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Builds the index definition named <paramref name="indexName"/>.</summary>
    public static SearchIndex Build(string indexName)
    {
        var index = new SearchIndex(indexName)
        {
            Fields = new FieldBuilder { Serializer = Serializer }.Build(typeof(ArticleDocument)),
        };
        index.Suggesters.Add(new SearchSuggester(SuggesterName, [.. SuggesterFields]));
        return index;
    }
}
