using Archive.Core.Search;
using Azure.Search.Documents.Indexes.Models;

namespace Archive.Core.Tests.Search;

public sealed class ArticleIndexTests
{
    private static readonly SearchIndex Index = ArticleIndex.Build("articles");

    private static SearchField Field(string name) => Assert.Single(Index.Fields, f => f.Name == name);

    [Fact]
    public void Build_Schema_KeyIsIdAndNamesAreCamelCase()
    {
        Assert.True(Field("id").IsKey);
        Assert.All(Index.Fields, f => Assert.True(char.IsLower(f.Name[0]), f.Name));
    }

    [Theory]
    [InlineData("siteName")]
    [InlineData("authors")]
    [InlineData("language")]
    [InlineData("keywords")]
    [InlineData("people")]
    [InlineData("places")]
    [InlineData("organizations")]
    [InlineData("publishedAt")]
    public void Build_FacetField_IsFacetableAndFilterable(string name)
    {
        Assert.True(Field(name).IsFacetable, name);
        Assert.True(Field(name).IsFilterable, name);
    }

    [Theory]
    [InlineData("publishedAt")]
    [InlineData("ingestedAt")]
    [InlineData("wordCount")]
    public void Build_SortField_IsSortable(string name)
    {
        Assert.True(Field(name).IsSortable, name);
    }

    [Theory]
    [InlineData("blobPath")]
    [InlineData("blobETag")]
    [InlineData("blobContentType")]
    [InlineData("blobSize")]
    [InlineData("blobLastModified")]
    [InlineData("ingestedAt")]
    [InlineData("duplicateOf")]
    [InlineData("contentHash")]
    [InlineData("title")]
    [InlineData("body")]
    [InlineData("summary")]
    [InlineData("url")]
    [InlineData("wordCount")]
    [InlineData("warnings")]
    public void Build_StoredField_IsRetrievable(string name)
    {
        Assert.NotEqual(true, Field(name).IsHidden);
    }

    [Fact]
    public void Build_Suggester_CoversTitleAndEntities()
    {
        var suggester = Assert.Single(Index.Suggesters);
        Assert.Equal(ArticleIndex.SuggesterName, suggester.Name);
        Assert.Equal(["title", "people", "places", "organizations"], suggester.SourceFields);
    }
}
