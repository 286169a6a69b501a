using Archive.Extraction.Tooling.Evaluation;

namespace Archive.Core.Tests.Extraction.Html;

public sealed class ExtractionScorerTests
{
    [Theory]
    [InlineData("Fish &amp; Chips \u2013 \u201CBest\u201D  in town", "fish & chips - \"best\" in town")]
    [InlineData("  It\u2019s   here\n", "it's here")]
    [InlineData("\uFF21BC", "abc")]
    public void NormalizeTitle_TypographyAndCase_AreFolded(string title, string expected)
    {
        // Act
        var normalized = ExtractionScorer.NormalizeTitle(title);

        // Assert
        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void TitleMatches_DifferentWords_IsFalse()
    {
        // Act & Assert
        Assert.False(ExtractionScorer.TitleMatches("Park stays open", "Park will close"));
        Assert.False(ExtractionScorer.TitleMatches(null, "Park will close"));
        Assert.True(ExtractionScorer.TitleMatches("PARK \u2014 OPEN", "park - open"));
        Assert.False(ExtractionScorer.TitleMatches("PARK - OPEN", "park - open", foldCase: false));
    }

    [Fact]
    public void DateMatches_OffsetKeepsTheLocalDay()
    {
        // Arrange
        var evening = new DateTimeOffset(2019, 10, 8, 22, 5, 0, TimeSpan.FromHours(-5));

        // Act & Assert
        Assert.True(ExtractionScorer.DateMatches(evening, "2019-10-08"));
        Assert.False(ExtractionScorer.DateMatches(evening.ToUniversalTime(), "2019-10-08"));
        Assert.False(ExtractionScorer.DateMatches(null, "2019-10-08"));
    }

    [Theory]
    [InlineData(new[] { "Ana Costa", "Ben Ode" }, "Ana Costa and Ben Ode", true)]
    [InlineData(new[] { "Ana Costa" }, "Ana Costa and Ben Ode", false)]
    [InlineData(new[] { "ANA COSTA" }, "Ana Costa", true)]
    [InlineData(new[] { "J. Lind", "K. Moe" }, "J. LIND / K. MOE", true)]
    [InlineData(new string[0], "Ana Costa", false)]
    public void AuthorMatches_EveryGoldSurnameMustAppear(string[] predicted, string gold, bool expected)
    {
        // Act
        var matches = ExtractionScorer.AuthorMatches(predicted, gold);

        // Assert
        Assert.Equal(expected, matches);
    }

    [Fact]
    public void SnippetCounts_MixedResults_GivesMicroAveragedPrecisionRecallF1()
    {
        // Arrange
        var counts = new SnippetCounts();

        // Act
        counts.Add("The council   voted to keep the park. Share this story", ["council voted", "keep the park", "pool repairs"], ["Share this", "Newsletter"]);
        counts.Add(string.Empty, ["anything"], ["Share this"]);

        // Assert: both "with" snippets of the first body are found (whitespace collapses), "pool repairs" and the empty body miss: TP 2, FN 2, FP 1, TN 2.
        Assert.Equal(2, counts.TruePositives);
        Assert.Equal(2, counts.FalseNegatives);
        Assert.Equal(1, counts.FalsePositives);
        Assert.Equal(2, counts.TrueNegatives);
        Assert.Equal(2.0 / 3.0, counts.Precision, 10);
        Assert.Equal(0.5, counts.Recall, 10);
        Assert.Equal(4.0 / 7.0, counts.F1, 10);
    }

    [Fact]
    public void ShingleScores_PerfectAndPartialDocuments_MacroAveragesAndTakesHarmonicMean()
    {
        // Arrange
        var scores = new ShingleScores();

        // Act: document 1 is exact; document 2 predicts the 5 gold tokens plus 1 extra (gold shingles 2, predicted 3, common 2).
        scores.Add("one two three four five", "one two three four five");
        scores.Add("a b c d e f", "a b c d e");

        // Assert: doc 2 rescaled: TP 2/3, FP 1/3, FN 0 → precision 2/3, recall 1.
        Assert.Equal((1 + (2.0 / 3.0)) / 2, scores.Precision, 10);
        Assert.Equal(1.0, scores.Recall, 10);
        Assert.Equal(2 * scores.Precision / (scores.Precision + 1), scores.F1, 10);
        Assert.Equal(0.5, scores.Accuracy, 10);
    }

    [Fact]
    public void ShingleScores_EmptyPrediction_LowersOnlyRecall()
    {
        // Arrange
        var scores = new ShingleScores();

        // Act
        scores.Add("alpha beta gamma delta", "alpha beta gamma delta");
        scores.Add(string.Empty, "epsilon zeta eta theta");

        // Assert
        Assert.Equal(1.0, scores.Precision, 10);
        Assert.Equal(0.5, scores.Recall, 10);
    }

    [Fact]
    public void Shingles_ShortText_GivesOneShorterShingle()
    {
        // Act
        var shingles = ShingleScores.Shingles(ShingleScores.Tokens("hello, world!"));

        // Assert
        Assert.Single(shingles);
        Assert.Empty(ShingleScores.Shingles(ShingleScores.Tokens("  ... ")));
    }
}
