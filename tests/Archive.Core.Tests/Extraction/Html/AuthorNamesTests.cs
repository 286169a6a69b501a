using Archive.Core.Extraction.Html;

namespace Archive.Core.Tests.Extraction.Html;

public sealed class AuthorNamesTests
{
    [Theory]
    [InlineData("By Jane Roe and John Poe", null, new[] { "Jane Roe", "John Poe" })]
    [InlineData("Von Erika Muster und Max Beispiel", null, new[] { "Erika Muster", "Max Beispiel" })]
    [InlineData("Por María López | Diario Sur", null, new[] { "María López" })]
    [InlineData("Tomas Reyes, Senior Reporter", null, new[] { "Tomas Reyes" })]
    [InlineData("jane@example.test", null, new string[0])]
    [InlineData("https://www.facebook.com/someone", null, new string[0])]
    [InlineData("Published by", null, new string[0])]
    [InlineData("Valley Herald", "Valley Herald", new string[0])]
    [InlineData("El Diario", "ElDiario.com", new string[0])]
    public void Clean_RawByline_ReturnsPersonNames(string raw, string? siteName, string[] expected)
    {
        // Act
        var names = AuthorNames.Clean(raw, siteName);

        // Assert
        Assert.Equal(expected, names);
    }
}
