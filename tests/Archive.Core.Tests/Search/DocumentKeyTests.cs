using System.Buffers.Text;
using System.Text;
using Archive.Core.Search;

namespace Archive.Core.Tests.Search;

public sealed class DocumentKeyTests
{
    [Theory]
    [InlineData("2024/05/a.html")]
    [InlineData("ünïcode names/with spaces & signs?.md")]
    [InlineData("x")]
    public void For_ShortPath_IsUrlSafeBase64OfContainerAndPath(string path)
    {
        // Act
        var key = DocumentKey.For("articles", path);

        // Assert
        Assert.True(DocumentKey.IsWellFormed(key), key);
        Assert.DoesNotContain('=', key);
        Assert.Equal("articles/" + path, Encoding.UTF8.GetString(Base64Url.DecodeFromChars(key)));
    }

    [Fact]
    public void For_PathTooLongForAKey_UsesAWellFormedHashKey()
    {
        // Arrange: 800 bytes encode to 1,068 characters, above the 1,024 limit.
        var longPath = new string('a', 790);
        var otherPath = new string('a', 789) + "b";

        // Act
        var key = DocumentKey.For("articles", longPath);

        // Assert
        Assert.StartsWith("h-", key, StringComparison.Ordinal);
        Assert.True(DocumentKey.IsWellFormed(key));
        Assert.True(key.Length <= DocumentKey.MaxLength);
        Assert.NotEqual(key, DocumentKey.For("articles", otherPath));
        Assert.Equal(key, DocumentKey.For("articles", longPath));
    }

    [Fact]
    public void For_SamePathInOtherContainer_GivesOtherKey()
    {
        Assert.NotEqual(DocumentKey.For("articles", "a.txt"), DocumentKey.For("articles-rejected", "a.txt"));
    }

    [Theory]
    [InlineData("abc-_=", true)]
    [InlineData("_abc", false)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("a'b", false)]
    [InlineData("../etc", false)]
    [InlineData("a/b", false)]
    public void IsWellFormed_Key_ReturnsExpected(string key, bool expected)
    {
        Assert.Equal(expected, DocumentKey.IsWellFormed(key));
    }
}
