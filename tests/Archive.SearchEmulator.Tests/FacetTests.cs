using Archive.Testing;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

[Collection(SearchEmulatorCollection.Name)]
public sealed class FacetTests(SearchEmulatorFixture fixture)
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
    public async Task Search_FacetOnNonFacetableField_Throws400()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => FacetsAsync(client, null, "notes"));

        Assert.Equal(400, error.Status);
    }
}
