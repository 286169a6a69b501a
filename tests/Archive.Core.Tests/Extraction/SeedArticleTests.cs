using Archive.Core.Extraction;
using Archive.Testing;

namespace Archive.Core.Tests.Extraction;

/// <summary>The seed export in ../shared/corpus/seed, end to end (skipped when the corpus is absent).</summary>
[Collection(ExtractionCollection.Name)]
public sealed class SeedArticleTests
{
    private const string SeedFile = "azernews-2023-01-11-un-peacekeepers.txt";

    /// <summary>
    /// Facts a reader of the seed export sees, not the code's incidental output: it is an English text published on
    /// 11 January 2023 at 17:39 at UTC+04:00 (the loose " date" header), by Fatima Hasanova (a byline with a "Read more"
    /// tail), from AzerNews (the social-handle footer "@AzerNewsAz"); it names Dmitriy Peskov and Nikol Pashinyan;
    /// Karabakh, Baku, Yerevan, Russia, Armenia, Azerbaijan, Lachin and Khankandi; the UN, its Security Council, the
    /// European Court of Human Rights, AzerGold CJSC, the Ministry of Economy and the State Service for Property Issues.
    /// The header, byline and footer are not body text.
    /// </summary>
    [SkippableFact]
    public async Task Extract_SeedExport_FindsTheArticlesFacts()
    {
        var folder = RepositoryPaths.Corpus("seed");
        Skip.If(folder is null || !File.Exists(Path.Combine(folder, SeedFile)), "../shared/corpus/seed is not present");
        var path = Path.Combine(folder!, SeedFile);
        var source = await File.ReadAllTextAsync(path);

        var article = await Extract.ArticleAsync(await File.ReadAllBytesAsync(path), path);

        // Where, when, by whom.
        Assert.Equal(ArticleFormats.Text, article.Format);
        Assert.Equal(new DateTimeOffset(2023, 1, 11, 17, 39, 0, TimeSpan.FromHours(4)), article.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(4), article.PublishedAt!.Value.Offset);
        Assert.Null(article.PublishedAtPrecision);
        Assert.Equal(["Fatima Hasanova"], article.Authors);
        Assert.Equal("AzerNews", article.SiteName);
        Assert.Null(article.Url);
        Assert.Equal("en", article.Language);

        // The headline the export lacks is its first sentence; the body is the article's prose and nothing else.
        Assert.Equal("derived", article.TitleSource);
        Assert.StartsWith(article.Title, article.Body, StringComparison.Ordinal);
        Assert.StartsWith("The sending of UN peacekeepers to Karabakh", article.Body, StringComparison.Ordinal);
        Assert.EndsWith("along the Lachin-Khankandi road.", article.Body, StringComparison.Ordinal);
        Assert.StartsWith("The sending of UN peacekeepers", article.Summary, StringComparison.Ordinal);
        foreach (var furniture in new[] { "Read more", "Follow us", "@AzerNewsAz", "2023-01-11", "(UTC+04:00)", "---" })
        {
            Assert.DoesNotContain(furniture, article.Body, StringComparison.Ordinal);
        }

        // Every paragraph of the export's body is in the body, in order, and the word count is that of the body.
        var prose = source.Split("\n\n").Select(p => p.Trim()).Where(p => p.Split(' ').Length > 12).ToList();
        Assert.Equal(7, prose.Count);
        Assert.Equal(prose, article.Body.Split("\n\n"));
        Assert.InRange(article.WordCount, 300, 360);

        // Who and what it names.
        Assert.Equal(["Dmitriy Peskov", "Nikol Pashinyan"], article.People.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["Armenia", "Azerbaijan", "Baku", "Karabakh", "Khankandi", "Lachin", "Russia", "Yerevan"],
            article.Places.Order(StringComparer.Ordinal));
        foreach (var organization in new[] { "UN Security Council", "European Court of Human Rights", "AzerGold CJSC", "Ministry of Economy", "State Service for Property Issues" })
        {
            Assert.Contains(organization, article.Organizations);
        }

        Assert.DoesNotContain(article.Organizations, o => o is "NGO" or "Azerbaijani");
        Assert.DoesNotContain(article.People, p => p is "Azerbaijani" or "Peskov");

        // The article is about Karabakh, Baku and Yerevan: they are among its keywords; no stop word is.
        Assert.Contains("Karabakh", article.Keywords);
        Assert.Contains("Baku", article.Keywords);
        Assert.Contains("Yerevan", article.Keywords);
        Assert.DoesNotContain(article.Keywords, k => k is "the" or "and" or "said");

        Assert.Equal(Archive.Core.Extraction.Enrichment.ContentHash.Compute(article.Body), article.ContentHash);
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
