namespace Archive.SearchEmulator;

/// <summary>A suggester: a name and the searchable string fields it draws suggestions from.</summary>
internal sealed record Suggester(string Name, IReadOnlyList<string> SourceFields)
{
    public static string SuggestField(string sourceField) => "__sg_" + sourceField;
}
