using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

[Collection(SearchEmulatorCollection.Name)]
public sealed class FacetTests(ImmediateSearchEmulatorFixture fixture)
{
    private static async Task<IDictionary<string, IList<FacetResult>>> FacetsAsync(SearchClient client, string? filter, params string[] facets)
    {
        var options = new SearchOptions { Filter = filter, Size = 0 };
        foreach (var facet in facets)
        {
            options.Facets.Add(facet);
        }

        return (await client.SearchAsync<Article>("*", options)).Value.Facets;
    }

    [Fact]
    public async Task Search_ValueFacet_CountsPerValueSortedByCountThenValue()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var facets = await FacetsAsync(client, null, "tags", "author,count:2");

        Assert.Equal([("business", 2L), ("local", 2L), ("politics", 1L), ("tourism", 1L), ("weather", 1L)], facets["tags"].Select(f => ((string)f.Value, f.Count!.Value)));
        Assert.Equal([("Ada", 2L), ("Ben", 1L)], facets["author"].Select(f => ((string)f.Value, f.Count!.Value)));
    }

    [Fact]
    public async Task Search_ValueFacetSortByValueDescending_OrdersValues()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var facets = await FacetsAsync(client, null, "author,sort:-value");

        Assert.Equal(["Cleo", "Ben", "Ada"], facets["author"].Select(f => (string)f.Value));
    }

    [Fact]
    public async Task Search_FacetsWithFilter_CountOnlyMatchingDocuments()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var facets = await FacetsAsync(client, "author eq 'Ada'", "tags");

        Assert.Equal([("business", 1L), ("local", 1L), ("weather", 1L)], facets["tags"].Select(f => ((string)f.Value, f.Count!.Value)));
    }

    [Fact]
    public async Task Search_ValuesFacet_ReturnsRangeBucketsIncludingEmptyOnes()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var facets = await FacetsAsync(client, null, "words,values:100|250|1000");
        var buckets = facets["words"];

        Assert.Equal(4, buckets.Count);
        Assert.Null(buckets[0].From);
        Assert.Equal(100L, Convert.ToInt64(buckets[0].To, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, buckets[0].Count);
        Assert.Equal(2, buckets[1].Count);
        Assert.Equal(1, buckets[2].Count);
        Assert.Equal(0, buckets[3].Count);
        Assert.Equal(1000L, Convert.ToInt64(buckets[3].From, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(buckets[3].To);
        Assert.Equal(FacetType.Range, buckets[1].FacetType);
    }

    [Fact]
    public async Task Search_DateValuesFacet_ReturnsDateRangeBuckets()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var buckets = (await FacetsAsync(client, null, "published,values:2022-01-01T00:00:00Z|2023-01-01T00:00:00Z"))["published"];

        Assert.Equal([1L, 2L, 1L], buckets.Select(b => b.Count!.Value));
        Assert.Equal(TestIndex.Date(2022, 1, 1), buckets[1].AsRangeFacetResult<DateTimeOffset>().From);
        Assert.Equal(TestIndex.Date(2023, 1, 1), buckets[1].AsRangeFacetResult<DateTimeOffset>().To);
    }

    [Fact]
    public async Task Search_DateIntervalFacet_ReturnsValueBucketsForNonEmptyYears()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var buckets = (await FacetsAsync(client, null, "published,interval:year"))["published"];

        Assert.Equal([(TestIndex.Date(2021, 1, 1), 1L), (TestIndex.Date(2022, 1, 1), 2L), (TestIndex.Date(2023, 1, 1), 1L)], buckets.Select(b => (b.AsValueFacetResult<DateTimeOffset>().Value, b.Count!.Value)));
        Assert.All(buckets, b => Assert.Equal(FacetType.Value, b.FacetType));
    }

    [Fact]
    public async Task Search_DateMonthIntervalFacet_BucketsByMonthStart()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var buckets = (await FacetsAsync(client, null, "published,interval:month"))["published"];

        Assert.Equal([TestIndex.Date(2021, 3, 1), TestIndex.Date(2022, 7, 1), TestIndex.Date(2022, 11, 1), TestIndex.Date(2023, 6, 1)], buckets.Select(b => b.AsValueFacetResult<DateTimeOffset>().Value));
    }

    [Fact]
    public async Task Search_NumericIntervalFacet_BucketsByIntervalStart()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var buckets = (await FacetsAsync(client, null, "size,interval:1000"))["size"];

        Assert.Equal([(0L, 3L), (1000L, 1L), (2000L, 1L)], buckets.Select(b => (Convert.ToInt64(b.Value, System.Globalization.CultureInfo.InvariantCulture), b.Count!.Value)));
    }

    [Fact]
    public async Task Search_FacetsOverSeveralBatches_CountLiveDocumentsOnlyWithTheirCurrentValues()
    {
        // Each batch is a commit, so the documents lie in several segments; a replaced or deleted document must count
        // with its current values only.
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());
        var options = new IndexDocumentsOptions { ThrowOnAnyError = true };
        await client.IndexDocumentsAsync(IndexDocumentsBatch.Upload(
        [
            new Article { Id = "b1", Author = "Ben", Published = TestIndex.Date(2022, 1, 3), Tags = ["local", "sport"], Words = 90, Rating = 1.5 },
            new Article { Id = "b2", Author = "Dora", Published = TestIndex.Date(2024, 2, 29), Tags = ["sport"], Words = 1900, Rating = 4.5 },
        ]), options);
        _ = await FacetsAsync(client, null, "author");
        await client.IndexDocumentsAsync(IndexDocumentsBatch.Upload(
        [
            new Article { Id = "a1", Author = "Dora", Published = TestIndex.Date(2024, 3, 1), Tags = ["sport"], Words = 100, Rating = 4.5 },
        ]), options);
        await client.IndexDocumentsAsync(IndexDocumentsBatch.Delete("id", ["a3"]), options);

        var facets = await FacetsAsync(client, null, "author,count:0", "tags", "published,interval:year", "words,interval:1000", "rating");

        Assert.Equal([("Ben", 2L), ("Dora", 2L), ("Cleo", 1L)], facets["author"].Select(f => ((string)f.Value, f.Count!.Value)));
        Assert.Equal([("sport", 3L), ("local", 2L), ("business", 1L), ("politics", 1L), ("tourism", 1L)], facets["tags"].Select(f => ((string)f.Value, f.Count!.Value)));
        Assert.Equal([(TestIndex.Date(2022, 1, 1), 2L), (TestIndex.Date(2023, 1, 1), 1L), (TestIndex.Date(2024, 1, 1), 2L)], facets["published"].Select(f => (f.AsValueFacetResult<DateTimeOffset>().Value, f.Count!.Value)));
        Assert.Equal([(0L, 5L), (1000L, 1L)], facets["words"].Select(f => (Convert.ToInt64(f.Value, System.Globalization.CultureInfo.InvariantCulture), f.Count!.Value)));
        Assert.Equal([(4.5, 2L), (1.5, 1L), (2.5, 1L), (3.0, 1L)], facets["rating"].Select(f => (Convert.ToDouble(f.Value, System.Globalization.CultureInfo.InvariantCulture), f.Count!.Value)));
    }

    [Fact]
    public async Task Search_FacetsWithSearchText_CountOnlyTheMatches()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var facets = (await client.SearchAsync<Article>("storm", new SearchOptions { Size = 0, Facets = { "author", "published,interval:month", "tags" } })).Value.Facets;

        Assert.Equal([("Ada", 2L)], facets["author"].Select(f => ((string)f.Value, f.Count!.Value)));
        Assert.Equal([TestIndex.Date(2021, 3, 1), TestIndex.Date(2022, 11, 1)], facets["published"].Select(f => f.AsValueFacetResult<DateTimeOffset>().Value));
        Assert.Equal([("business", 1L), ("local", 1L), ("weather", 1L)], facets["tags"].Select(f => ((string)f.Value, f.Count!.Value)));
    }

    [Fact]
    public async Task Search_DateIntervalFacetsWithTimeOffset_BucketByLocalIntervalStart()
    {
        var client = await TestIndex.CreateAsync(fixture,
        [
            new Article { Id = "d1", Published = new DateTimeOffset(2024, 3, 31, 22, 30, 0, TimeSpan.Zero) },
            new Article { Id = "d2", Published = new DateTimeOffset(2024, 4, 1, 1, 0, 0, TimeSpan.Zero) },
            new Article { Id = "d3", Published = new DateTimeOffset(2024, 4, 7, 23, 59, 0, TimeSpan.Zero) },
            new Article { Id = "d4", Published = new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero) },
            new Article { Id = "d5", Published = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) },
        ]);

        var quarters = await FacetsAsync(client, null, "published,interval:quarter,timeoffset:+02:00");
        var weeks = await FacetsAsync(client, null, "published,interval:week,timeoffset:-05:00");
        var days = await FacetsAsync(client, null, "published,interval:day");

        var plusTwo = TimeSpan.FromHours(2);
        Assert.Equal(
            [(new DateTimeOffset(2024, 4, 1, 0, 0, 0, plusTwo), 3L), (new DateTimeOffset(2025, 1, 1, 0, 0, 0, plusTwo), 2L)],
            quarters["published"].Select(f => (f.AsValueFacetResult<DateTimeOffset>().Value, f.Count!.Value)));
        var minusFive = TimeSpan.FromHours(-5);
        Assert.Equal(
            [(new DateTimeOffset(2024, 3, 25, 0, 0, 0, minusFive), 2L), (new DateTimeOffset(2024, 4, 1, 0, 0, 0, minusFive), 1L), (new DateTimeOffset(2024, 12, 30, 0, 0, 0, minusFive), 2L)],
            weeks["published"].Select(f => (f.AsValueFacetResult<DateTimeOffset>().Value, f.Count!.Value)));
        Assert.Equal(
            [TestIndex.Date(2024, 3, 31), TestIndex.Date(2024, 4, 1), TestIndex.Date(2024, 4, 7), TestIndex.Date(2024, 12, 31), TestIndex.Date(2025, 1, 1)],
            days["published"].Select(f => f.AsValueFacetResult<DateTimeOffset>().Value));
    }

    [Fact]
    public async Task Search_FacetOnNonFacetableField_Throws400()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => FacetsAsync(client, null, "notes"));

        Assert.Equal(400, error.Status);
    }
}
