using Archive.Core.Extraction.Html;
using Archive.Extraction.Tooling.Evaluation;
using Archive.Testing;

namespace Archive.Core.Tests.Extraction.Html;

/// <summary>The quality bars on the development corpora (read from ../shared; skipped when it is absent).</summary>
public sealed class ExtractionCorpusBarsTests
{
    private readonly HtmlArticleReader reader = new();

    [SkippableFact]
    public void ScoreNewsHtml_DevelopmentCorpus_MeetsTheTitleBodyBarsAndTheMeasuredFloors()
    {
        // Arrange
        var folder = RepositoryPaths.Corpus("news-html");
        Skip.If(folder is null, "../shared/corpus/news-html is absent");

        // Act
        var score = ExtractionEvaluator.ScoreNewsHtml(folder, reader.Read);

        // Assert: the issue bars.
        Assert.Equal(75, score.Items);
        Assert.True(score.Title >= 0.92, $"title {score.Title:F3}");
        Assert.True(score.Body.F1 >= 0.92, $"body F1 {score.Body.F1:F3}");
        Assert.True(score.Date >= 0.92, $"date {score.Date:F3}");
        Assert.True(score.Author >= 0.85, $"author {score.Author:F3}");
    }

    [SkippableFact]
    public void ScoreArticleBody_DevelopmentCorpus_MeetsTheF1Bar()
    {
        // Arrange
        var folder = RepositoryPaths.Corpus("article-body");
        Skip.If(folder is null, "../shared/corpus/article-body is absent");

        // Act
        var score = ExtractionEvaluator.ScoreArticleBody(folder, reader.Read);

        // Assert
        Assert.True(score.F1 >= 0.93, $"article-body F1 {score.F1:F3}");
    }
}
