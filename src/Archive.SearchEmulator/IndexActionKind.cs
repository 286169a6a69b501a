namespace Archive.SearchEmulator;

/// <summary>The <c>@search.action</c> values.</summary>
internal enum IndexActionKind
{
    Upload,
    Merge,
    MergeOrUpload,
    Delete,
}
