using Archive.Core.Extraction;

namespace Archive.Extraction.Tooling.Evaluation;

/// <summary>Runs an HTML reader over the development corpora and scores it.</summary>
public static class ExtractionEvaluator
{
    /// <summary>Scores <paramref name="read"/> on the news-html folder; <see cref="NewsHtmlScore.Misses"/> lists what went wrong.</summary>
    public static NewsHtmlScore ScoreNewsHtml(string folder, Func<string, string?, RawArticle> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var items = ExtractionCorpus.LoadNewsHtml(folder);
        int titles = 0, strictTitles = 0, dates = 0, authors = 0;
        var body = new SnippetCounts();
        var misses = new List<string>();
        foreach (var item in items)
        {
            var article = read(ExtractionCorpus.ReadNewsHtml(folder, item), item.File);
            if (ExtractionScorer.TitleMatches(article.Title, item.Title))
            {
                titles++;
            }
            else
            {
                misses.Add($"title  {item.File}: got \"{article.Title}\", gold \"{item.Title}\"");
            }

            strictTitles += ExtractionScorer.TitleMatches(article.Title, item.Title, foldCase: false) ? 1 : 0;
            if (ExtractionScorer.DateMatches(article.PublishedAt, item.Date))
            {
                dates++;
            }
            else
            {
                misses.Add($"date   {item.File}: got {article.PublishedAt:O}, gold {item.Date}");
            }

            if (ExtractionScorer.AuthorMatches(article.Authors, item.Author))
            {
                authors++;
            }
            else
            {
                misses.Add($"author {item.File}: got [{string.Join("; ", article.Authors)}], gold \"{item.Author}\"");
            }

            var before = (body.FalseNegatives, body.FalsePositives);
            body.Add(article.Body, item.With, item.Without);
            if (body.FalseNegatives > before.FalseNegatives || body.FalsePositives > before.FalsePositives)
            {
                var collapsed = ExtractionScorer.CollapseWhitespace(article.Body);
                var missing = item.With.Where(s => !collapsed.Contains(ExtractionScorer.CollapseWhitespace(s), StringComparison.Ordinal));
                var leaked = item.Without.Where(s => collapsed.Length > 0 && collapsed.Contains(ExtractionScorer.CollapseWhitespace(s), StringComparison.Ordinal));
                misses.Add($"body   {item.File}: {article.Body.Length} chars; missing [{string.Join(" | ", missing)}]; leaked [{string.Join(" | ", leaked)}]");
            }
        }

        return new NewsHtmlScore(items.Count, titles, strictTitles, dates, authors, body, misses);
    }

    /// <summary>Scores <paramref name="read"/> on the article-body folder with the benchmark's shingle method.</summary>
    public static ShingleScores ScoreArticleBody(string folder, Func<string, string?, RawArticle> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var scores = new ShingleScores();
        foreach (var item in ExtractionCorpus.LoadArticleBody(folder))
        {
            var article = read(ExtractionCorpus.ReadArticleBodyHtml(folder, item), item.Id);
            scores.Add(article.Body, item.Body);
        }

        return scores;
    }
}
