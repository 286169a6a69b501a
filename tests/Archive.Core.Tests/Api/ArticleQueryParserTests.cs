using Archive.Core.Api;
using Microsoft.Extensions.Primitives;

namespace Archive.Core.Tests.Api;

public sealed class ArticleQueryParserTests
{
    private static ArticleQuery? Parse(out IReadOnlyDictionary<string, string[]> errors, params (string Key, string Value)[] pairs) =>
        ArticleQueryParser.Parse(pairs.GroupBy(p => p.Key).Select(g => new KeyValuePair<string, StringValues>(g.Key, g.Select(p => p.Value).ToArray())), out errors);

    [Fact]
    public void Parse_NoParameters_ReturnsDefaults()
    {
        // Act
        var query = Parse(out var errors);

        // Assert
        Assert.Empty(errors);
        Assert.NotNull(query);
        Assert.Null(query.Text);
        Assert.Equal(1, query.Page);
        Assert.Equal(10, query.PageSize);
        Assert.Equal(SortOrders.Relevance, query.Sort);
        Assert.False(query.IncludeDuplicates);
    }

    [Fact]
    public void Parse_EveryParameter_ReadsThem()
    {
        // Act
        var query = Parse(
            out var errors,
            ("q", "climate"), ("author", "Ann Lee"), ("author", "Bo"), ("site", "Daily"), ("language", "en"), ("tag", "energy"),
            ("person", "Ann"), ("place", "Oslo"), ("org", "UN"), ("from", "2024-01-01"), ("to", "2024-12-31"),
            ("sort", "NEWEST"), ("page", "3"), ("pageSize", "100"), ("includeDuplicates", "true"));

        // Assert
        Assert.Empty(errors);
        Assert.NotNull(query);
        Assert.Equal("climate", query.Text);
        Assert.Equal(["Ann Lee", "Bo"], query.Authors);
        Assert.Equal(["Daily"], query.Sites);
        Assert.Equal(["en"], query.Languages);
        Assert.Equal(["energy"], query.Tags);
        Assert.Equal(["Ann"], query.People);
        Assert.Equal(["Oslo"], query.Places);
        Assert.Equal(["UN"], query.Organizations);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), query.From);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), query.Before);
        Assert.Equal(SortOrders.Newest, query.Sort);
        Assert.Equal(3, query.Page);
        Assert.Equal(100, query.PageSize);
        Assert.True(query.IncludeDuplicates);
    }

    [Theory]
    [InlineData("2024-05-31T12:30:00Z", "2024-05-31T12:30:00+00:00")]
    [InlineData("2024-05-31T12:30:00+02:00", "2024-05-31T10:30:00+00:00")]
    [InlineData("2024-05-31T12:30", "2024-05-31T12:30:00+00:00")]
    public void Parse_FromDateTime_ReadsTheInstant(string from, string expected)
    {
        var query = Parse(out var errors, ("from", from));

        Assert.Empty(errors);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), query!.From);
    }

    [Theory]
    [InlineData("q", null, "'q' is 1001 characters long; the limit is 1000.")]
    [InlineData("pageSize", "101", "'pageSize' must be a whole number from 1 to 100.")]
    [InlineData("pageSize", "0", "'pageSize' must be a whole number from 1 to 100.")]
    [InlineData("pageSize", "ten", "'pageSize' must be a whole number from 1 to 100.")]
    [InlineData("page", "0", "'page' must be a whole number from 1 to 2147483647.")]
    [InlineData("page", "-1", "'page' must be a whole number from 1 to 2147483647.")]
    [InlineData("page", "99999999999", "'page' must be a whole number from 1 to 2147483647.")]
    [InlineData("page", "1001", "page × pageSize must be at most 10000; narrow the query instead of paging this deep.")]
    [InlineData("sort", "score", "'sort' must be relevance, newest or oldest.")]
    [InlineData("from", "yesterday", "'from' must be a date (2024-05-31) or an ISO 8601 date-time (2024-05-31T12:00:00Z).")]
    [InlineData("from", "2024-13-01", "'from' must be a date (2024-05-31) or an ISO 8601 date-time (2024-05-31T12:00:00Z).")]
    [InlineData("to", "31/05/2024", "'to' must be a date (2024-05-31) or an ISO 8601 date-time (2024-05-31T12:00:00Z).")]
    [InlineData("includeDuplicates", "maybe", "'includeDuplicates' must be true or false.")]
    public void Parse_InvalidValue_ReportsWhatIsWrong(string parameter, string? value, string expected)
    {
        // Arrange
        value ??= new string('a', 1001);

        // Act
        var query = Parse(out var errors, (parameter, value));

        // Assert
        Assert.Null(query);
        Assert.Equal(expected, Assert.Single(Assert.Single(errors).Value));
    }

    [Fact]
    public void Parse_ToBeforeFrom_Reports()
    {
        var query = Parse(out var errors, ("from", "2024-05-02"), ("to", "2024-05-01"));

        Assert.Null(query);
        Assert.Equal(["'to' must not be before 'from'."], errors["to"]);
    }

    [Fact]
    public void Parse_RepeatedSingleParameter_Reports()
    {
        var query = Parse(out var errors, ("q", "a"), ("q", "b"));

        Assert.Null(query);
        Assert.Equal(["'q' may be given only once."], errors["q"]);
    }

    [Fact]
    public void Parse_TooManyOrTooLongFilterValues_Reports()
    {
        var pairs = Enumerable.Range(0, 11).Select(i => ("author", "a" + i)).Append(("site", new string('s', 201))).ToArray();

        var query = Parse(out var errors, pairs);

        Assert.Null(query);
        Assert.Equal(["'author' may be given at most 10 times."], errors["author"]);
        Assert.Equal(["Each 'site' value may be at most 200 characters."], errors["site"]);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEach()
    {
        var query = Parse(out var errors, ("pageSize", "500"), ("sort", "x"), ("from", "x"));

        Assert.Null(query);
        Assert.Equal(["from", "pageSize", "sort"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
