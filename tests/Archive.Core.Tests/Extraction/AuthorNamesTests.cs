using Archive.Core.Extraction.Text;

namespace Archive.Core.Tests.Extraction;

[Collection(ExtractionCollection.Name)]
public sealed class AuthorNamesTests
{
    [Theory]
    [InlineData("By Jane Doe", new[] { "Jane Doe" })]
    [InlineData("Fatima Hasanova Read more", new[] { "Fatima Hasanova" })]
    [InlineData("by JANE DOE and John Roe", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Jane Doe, Staff Writer", new[] { "Jane Doe" })]
    [InlineData("Written by Jane Doe | Daily Planet", new[] { "Jane Doe" })]
    [InlineData("Jane Doe <jane@planet.example>", new[] { "Jane Doe" })]
    [InlineData("Jane Doe @janedoe", new[] { "Jane Doe" })]
    [InlineData("Par Jean-Luc Martin et Amélie Roux", new[] { "Jean-Luc Martin", "Amélie Roux" })]
    [InlineData("Von Heike Buchter und Klaus Meier", new[] { "Heike Buchter", "Klaus Meier" })]
    [InlineData("Doe, Jane", new[] { "Jane Doe" })]
    [InlineData("Dr. Maria de la Cruz", new[] { "Maria de la Cruz" })]
    [InlineData("Jane Doe, 3 March 2021", new[] { "Jane Doe" })]
    [InlineData("Автор: Иван Петров", new[] { "Иван Петров" })]
    public void Parse_Bylines_ReturnsCleanNames(string byline, string[] expected)
    {
        Assert.Equal(expected, AuthorNames.Parse(byline));
    }

    [Theory]
    [InlineData("Admin")]
    [InlineData("Staff")]
    [InlineData("Reuters")]
    [InlineData("Editorial Team")]
    [InlineData("Microsoft Office User")]
    [InlineData("Published by")]
    [InlineData("2021-03-03")]
    [InlineData("the end of the year")]
    public void Parse_FillerOrNonNames_ReturnsNothing(string byline)
    {
        Assert.Empty(AuthorNames.Parse(byline));
    }
}
