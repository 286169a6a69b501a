using Archive.Core.Extraction.Text;

namespace Archive.Core.Tests.Extraction;

/// <summary>A publisher's social handle in a footer names the site: a country or language code at its end is not part of the name.</summary>
public sealed class SocialHandleTests
{
    [Theory]
    [InlineData("DailyNewsUk", "DailyNews")]
    [InlineData("HarbourTimesNz", "HarbourTimes")]
    [InlineData("Radio_fr", "Radio")]
    [InlineData("CityPostDe", "CityPost")]
    [InlineData("MetroDailyXq", "MetroDailyXq")]
    [InlineData("NewsTv", "NewsTv")]
    [InlineData("TheValleyGazette", "TheValleyGazette")]
    public void SiteFromHandle_DropsATrailingCountryOrLanguageCodeOnly(string handle, string site)
    {
        Assert.Equal(site, PlainTextReader.SiteFromHandle(handle));
    }
}
