using Archive.Core.Search;
using Archive.Testing;
using Azure;
using Azure.Search.Documents;

namespace Archive.Web.Tests;

/// <summary>
/// The fictional articles the browser tests search. They are written straight into the index (not extracted from
/// blobs), so the page sees exactly these values, hostile ones included.
/// </summary>
public static class SearchPageArticles
{
    /// <summary>The word every article mentions.</summary>
    public const string Word = "lighthouse";

    /// <summary>What the hostile article would set if any of its markup ran.</summary>
    public const string PwnedFlag = "__pwned";

    public const string HostileScript = "<script>window.__pwned = true</script>";

    public const string HostileImage = "<img src=x onerror=\"window.__pwned = true\">";

    public const string HostileLink = "<a href=\"javascript:window.__pwned = true\">read more</a>";

    public static ArticleDocument GullRock { get; } = Article(
        "coastal/gull-rock.txt", "Lighthouse keepers return to Gull Rock", "Coastal Courier", ["Maren Holt"], "2023-04-12", "en",
        "Two keepers moved back into the Gull Rock lighthouse this spring, the first in forty years.\n\n" +
        "The Coast Guard Trust restored the lamp room and the keepers' cottage. Maren Holt, who led the work, said the lighthouse would open to visitors in the summer.",
        people: ["Maren Holt"], places: ["Gull Rock"], organizations: ["Coast Guard Trust"]);

    public static ArticleDocument Lens { get; } = Article(
        "coastal/new-lens.txt", "Old lighthouse lamp gets a new lens", "Coastal Courier", ["Tomas Reyes"], "2024-02-01", "en",
        "Glass makers in Port Alder cut a new lens for the lighthouse on the north cape.\n\nThe old lens cracked in a winter storm.",
        places: ["Port Alder"]);

    public static ArticleDocument Museum { get; } = Article(
        "valley/harbour-museum.txt", "Harbour lighthouse becomes a museum", "Valley Times", ["Ines Varga"], "2022-09-30", "en",
        "The harbour lighthouse closed as a working light and opened as a small museum of maps and bells.",
        places: ["Port Alder"], organizations: ["Valley Heritage Society"]);

    public static ArticleDocument Leuchtturm { get; } = Article(
        "nord/leuchtturm.txt", "Der Leuchtturm am Kap wird renoviert", "Nordblatt", ["Jonas Albrecht"], "2021-06-05", "de",
        "Der Leuchtturm (lighthouse) am Nordkap wird im Sommer renoviert. Besucher können den Turm im Herbst wieder besteigen.");

    /// <summary>Every field a person could put markup into does; none of it may become markup on the page.</summary>
    public static ArticleDocument Hostile { get; } = Article(
        "hostile/markup.html", HostileScript + HostileImage + " Lighthouse night tours", "<b>Night</b> Owl Gazette",
        ["<img src=x onerror=\"window.__pwned = true\">"], "2020-10-31", "en",
        "Night tours of the lighthouse start in October. " + HostileScript + "\n\n" + HostileImage + " " + HostileLink,
        people: [HostileScript], url: "javascript:window.__pwned = true");

    /// <summary>A second copy of <see cref="GullRock"/>: hidden unless duplicates are shown.</summary>
    public static ArticleDocument GullRockCopy { get; } = Duplicate(GullRock, "mirror/gull-rock.txt");

    /// <summary>The word the tide tables mention: more of them than fit on one page.</summary>
    public const string PagingWord = "tide";

    /// <summary>Weekly tide tables, one more than a page of ten.</summary>
    public static IReadOnlyList<ArticleDocument> TideTables { get; } =
    [
        .. Enumerable.Range(1, 11).Select(week => Article(
            $"almanac/tides-week-{week:D2}.txt", $"Tide table for week {week}", "Harbour Almanac", ["Almanac Desk"],
            $"2019-{(week % 12) + 1:D2}-0{(week % 9) + 1}", "en",
            $"High tide at the north pier in week {week} comes at {6 + (week % 5)} in the morning.")),
    ];

    public static IReadOnlyList<ArticleDocument> All { get; } = [GullRock, Lens, Museum, Leuchtturm, Hostile, GullRockCopy, .. TideTables];

    /// <summary>Upserts <see cref="All"/> and waits until a search for <see cref="Word"/> finds every original.</summary>
    public static async Task IndexAsync(ArchiveStackFixture stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        // The app's serializer (camelCase), as the app writes documents.
        var options = SearchClientOptionsFactory.Create(stack.Search.CertificatePath);
        options.Serializer = ArticleIndex.Serializer;
        var client = new SearchClient(stack.Search.Endpoint, ArchiveStackFixture.IndexName, new AzureKeyCredential(stack.Search.ApiKey), options);
        await client.MergeOrUploadDocumentsAsync(All);
        var originals = All.Count(a => a.DuplicateOf is null) - TideTables.Count;
        await stack.SearchUntilAsync("q=" + Word, r => r.GetProperty("total").GetInt64() == originals);
        await stack.SearchUntilAsync("q=" + PagingWord, r => r.GetProperty("total").GetInt64() == TideTables.Count);
    }

    private static ArticleDocument Article(
        string path, string title, string site, string[] authors, string date, string language, string body,
        string[]? people = null, string[]? places = null, string[]? organizations = null, string? url = null) =>
        new()
        {
            Id = ArchiveStackFixture.IdOf(path),
            BlobContainer = ArchiveStackFixture.ArticlesContainer,
            BlobPath = path,
            BlobContentType = "text/plain",
            BlobSize = body.Length,
            IngestedAt = DateTimeOffset.UtcNow,
            ContentHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body))),
            Format = "text",
            Title = title,
            PublishedAt = DateTimeOffset.Parse(date + "T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            Authors = authors,
            SiteName = site,
            Url = url ?? "https://example.org/" + path,
            Language = language,
            Summary = body.Split('\n')[0],
            Body = body,
            WordCount = body.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length,
            People = people ?? [],
            Places = places ?? [],
            Organizations = organizations ?? [],
        };

    private static ArticleDocument Duplicate(ArticleDocument original, string path)
    {
        var copy = Article(path, original.Title, "Mirror Weekly", [.. original.Authors], "2023-04-13", "en", original.Body);
        copy.DuplicateOf = original.Id;
        return copy;
    }
}
