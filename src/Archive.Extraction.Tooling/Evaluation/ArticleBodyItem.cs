namespace Archive.Extraction.Tooling.Evaluation;

/// <summary>One page of the article-body corpus: its id (file stem), URL and gold article body.</summary>
public sealed record ArticleBodyItem(string Id, string Url, string Body);
