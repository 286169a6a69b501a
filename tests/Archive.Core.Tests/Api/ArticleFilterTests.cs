using Archive.Core.Api;

namespace Archive.Core.Tests.Api;

public sealed class ArticleFilterTests
{
    [Fact]
    public void Build_NoFilters_HidesDuplicatesOnly()
    {
        Assert.Equal("(duplicateOf eq null)", ArticleFilter.Build(new ArticleQuery()));
    }

    [Fact]
    public void Build_IncludeDuplicatesWithoutFilters_IsNull()
    {
        Assert.Null(ArticleFilter.Build(new ArticleQuery { IncludeDuplicates = true }));
    }

    [Fact]
    public void Build_EveryFilter_CombinesWithAnd()
    {
        // Arrange
        var query = new ArticleQuery
        {
            Authors = ["Ann"],
            Sites = ["Daily"],
            Languages = ["en"],
            Tags = ["energy"],
            People = ["Bo"],
            Places = ["Oslo"],
            Organizations = ["UN"],
            From = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Before = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
            IncludeDuplicates = true,
        };

        // Act
        var filter = ArticleFilter.Build(query);

        // Assert
        Assert.Equal(
            "(authors/any(x: x eq 'Ann')) and (siteName eq 'Daily') and (language eq 'en') and (keywords/any(x: x eq 'energy')) and " +
            "(people/any(x: x eq 'Bo')) and (places/any(x: x eq 'Oslo')) and (organizations/any(x: x eq 'UN')) and " +
            "(publishedAt ge 2024-01-01T00:00:00.0000000+00:00) and (publishedAt lt 2025-01-01T00:00:00.0000000+00:00)",
            filter);
    }

    [Theory]
    [InlineData("x' or true or siteName eq 'y", "'x'' or true or siteName eq ''y'")]
    [InlineData("') or (1 eq 1", "''') or (1 eq 1'")]
    [InlineData("O'Brien", "'O''Brien'")]
    [InlineData("a\" or \"b", "'a\" or \"b'")]
    public void Build_InjectionAttempt_StaysOneQuotedLiteral(string value, string literal)
    {
        // Act
        var filter = ArticleFilter.Build(new ArticleQuery { Sites = [value], Authors = [value], IncludeDuplicates = true });

        // Assert
        Assert.Equal($"(authors/any(x: x eq {literal})) and (siteName eq {literal})", filter);
    }
}
