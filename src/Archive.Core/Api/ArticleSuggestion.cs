namespace Archive.Core.Api;

/// <summary>One suggestion: the matched text (a title or an entity) and the article it comes from.</summary>
public sealed record ArticleSuggestion(string Text, string Id, string Title);
