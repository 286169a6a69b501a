namespace Archive.Core.Extraction;

/// <summary>The format names of <see cref="ExtractedArticle.Format"/>.</summary>
public static class ArticleFormats
{
    public const string Text = "text";
    public const string Markdown = "markdown";
    public const string Html = "html";
    public const string Json = "json";
    public const string Pdf = "pdf";
    public const string Docx = "docx";
}
