namespace Archive.Cli.Tests;

public sealed class ArchiveSettingsTests
{
    [Fact]
    public void BuildConfiguration_OptionsGiven_OverrideAndSelectApiKey()
    {
        // Arrange
        var parse = ArchiveCommand.Create().Parse(
            ["index", "stats", "--search-endpoint", "https://localhost:9999", "--search-key", "k", "--index", "news", "--container", "box", "--connection", "UseDevelopmentStorage=true"]);

        // Act
        var configuration = ArchiveSettings.BuildConfiguration(parse);

        // Assert
        Assert.Empty(parse.Errors);
        Assert.Equal("https://localhost:9999", configuration["Search:Endpoint"]);
        Assert.Equal("k", configuration["Search:ApiKey"]);
        Assert.Equal("apikey", configuration["Search:Credential"]);
        Assert.Equal("news", configuration["Search:IndexName"]);
        Assert.Equal("box", configuration["Archive:ArticlesContainer"]);
        Assert.Equal("UseDevelopmentStorage=true", configuration["ArticlesStorage"]);
    }

    [Fact]
    public void ApiBase_OptionGiven_UsesIt()
    {
        var parse = ArchiveCommand.Create().Parse(["search", "x", "--api", "http://archive.test:8080/"]);

        var api = ArchiveSettings.ApiBase(parse);

        Assert.Equal(new Uri("http://archive.test:8080/"), api);
    }
}
