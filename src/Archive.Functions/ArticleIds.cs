namespace Archive.Functions;

/// <summary>Messages about article ids in API responses.</summary>
internal static class ArticleIds
{
    public const string Malformed = "'id' must be an article id: up to 1,024 letters, digits, '-', '_' or '=', not starting with '_'.";
}
