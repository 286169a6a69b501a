namespace Archive.SearchEmulator.Benchmarks;

/// <summary>A mixed query set: terms, phrases, filters, facets and highlights, in a shuffled deterministic order.</summary>
internal static class QueryMix
{
    public static List<BenchQuery> Create(ArticleGenerator generator, IReadOnlyList<BenchArticle> articles, int count)
    {
        var queries = new List<BenchQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var article = articles[generator.Next(0, articles.Count)];
            var words = article.Body.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries);
            var start = generator.Next(0, words.Length - 2);
            var year = generator.Next(2000, 2025);
            queries.Add((i % 5) switch
            {
                0 => new BenchQuery("terms", $"{generator.Word()} {generator.Word()}", new Azure.Search.Documents.SearchOptions { Size = 10 }),
                1 => new BenchQuery("phrase", $"\"{words[start]} {words[start + 1]}\"", new Azure.Search.Documents.SearchOptions { Size = 10 }),
                2 => new BenchQuery("filter", generator.Word(), new Azure.Search.Documents.SearchOptions
                {
                    Size = 10,
                    Filter = $"published ge {year}-01-01T00:00:00Z and published lt {year + 3}-01-01T00:00:00Z and author ne '{article.Author}'",
                    OrderBy = { "published desc" },
                }),
                3 => new BenchQuery("facets", generator.Word(), new Azure.Search.Documents.SearchOptions
                {
                    Size = 10,
                    IncludeTotalCount = true,
                    Facets = { "tags", "author,count:5", "published,interval:year" },
                }),
                _ => new BenchQuery("highlight", $"{words[start]} {generator.Word()}", new Azure.Search.Documents.SearchOptions
                {
                    Size = 10,
                    HighlightFields = { "body", "title" },
                    HighlightPreTag = "<b>",
                    HighlightPostTag = "</b>",
                }),
            });
        }

        return queries;
    }
}
