using Archive.Core.Extraction;
using Archive.Testing;

namespace Archive.Core.Tests.Extraction;

/// <summary>The seed export in ../shared/corpus/seed, end to end, every field (skipped when the corpus is absent).</summary>
[Collection(ExtractionCollection.Name)]
public sealed class SeedArticleTests
{
    private const string SeedFile = "azernews-2023-01-11-un-peacekeepers.txt";

    [SkippableFact]
    public async Task Extract_SeedExport_EveryFieldAsExpected()
    {
        var folder = RepositoryPaths.Corpus("seed");
        Skip.If(folder is null || !File.Exists(Path.Combine(folder, SeedFile)), "../shared/corpus/seed is not present");
        var path = Path.Combine(folder!, SeedFile);

        var article = await Extract.ArticleAsync(await File.ReadAllBytesAsync(path), path);

        Assert.Equal(path, article.Path);
        Assert.Equal(ArticleFormats.Text, article.Format);
        Assert.Equal("The sending of UN peacekeepers to Karabakh is up to Baku and Yerevan", article.Title);
        Assert.Equal("derived", article.TitleSource);
        Assert.Equal(new DateTimeOffset(2023, 1, 11, 17, 39, 0, TimeSpan.FromHours(4)), article.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(4), article.PublishedAt!.Value.Offset);
        Assert.Null(article.PublishedAtPrecision);
        Assert.Equal(["Fatima Hasanova"], article.Authors);
        Assert.Equal("AzerNews", article.SiteName);
        Assert.Null(article.Url);
        Assert.Equal("en", article.Language);
        Assert.Equal(
            "The sending of UN peacekeepers to Karabakh is up to Baku and Yerevan, Spokesperson for the Russian president Dmitriy Peskov told reporters on January 10",
            article.Summary);

        var paragraphs = article.Body.Split("\n\n");
        Assert.Equal(7, paragraphs.Length);
        Assert.Equal(article.Summary, paragraphs[0]);
        Assert.StartsWith("\"The topic of sending UN peacekeepers", paragraphs[1], StringComparison.Ordinal);
        Assert.EndsWith("along the Lachin-Khankandi road.", paragraphs[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("Read more", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Follow us", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("2023-01-11", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("---", article.Body, StringComparison.Ordinal);
        Assert.Equal(330, article.WordCount);

        Assert.Equal(["Karabakh", "Baku", "Yerevan", "Peskov"], article.Keywords.Take(4));
        Assert.Contains("peacekeepers", article.Keywords);
        Assert.True(article.Keywords.Count is >= 5 and <= 15);

        Assert.Equal(["Dmitriy Peskov", "Nikol Pashinyan"], article.People);
        Assert.Equal(["Karabakh", "Baku", "Yerevan", "Russia", "Armenia", "Azerbaijan", "Lachin", "Khankandi"], article.Places);
        Assert.Contains("UN Security Council", article.Organizations);
        Assert.Contains("European Court of Human Rights", article.Organizations);
        Assert.Contains("AzerGold CJSC", article.Organizations);
        Assert.Contains("Ministry of Economy", article.Organizations);
        Assert.Contains("State Service for Property Issues", article.Organizations);
        Assert.DoesNotContain(article.Organizations, o => o is "NGO" or "Azerbaijani");

        Assert.Equal(Archive.Core.Extraction.Enrichment.ContentHash.Compute(article.Body), article.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", article.ContentHash);
        Assert.Empty(article.Warnings);
    }

    [SkippableFact]
    public async Task Extract_SeedBodyAsJson_HashesLikeTheText()
    {
        var folder = RepositoryPaths.Corpus("seed");
        Skip.If(folder is null || !File.Exists(Path.Combine(folder, SeedFile)), "../shared/corpus/seed is not present");
        var fromText = await Extract.ArticleAsync(await File.ReadAllBytesAsync(Path.Combine(folder!, SeedFile)), SeedFile);

        var json = System.Text.Json.JsonSerializer.Serialize(new { headline = fromText.Title, articleBody = fromText.Body });
        var fromJson = await Extract.ArticleAsync(json, "seed.json");

        Assert.Equal(fromText.ContentHash, fromJson.ContentHash);
    }
}
