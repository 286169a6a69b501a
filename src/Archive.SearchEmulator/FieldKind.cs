namespace Archive.SearchEmulator;

/// <summary>The Edm types a field can have (collections are flagged on <see cref="SchemaField"/>).</summary>
internal enum FieldKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    DateTimeOffset,
    GeographyPoint,
    Complex,
    Single,
}
