namespace Archive.SearchEmulator;

/// <summary>One top-level field of an index, with its attributes resolved to Azure's defaults.</summary>
internal sealed record SchemaField(
    string Name,
    string EdmType,
    FieldKind Kind,
    bool IsCollection,
    bool Key,
    bool Searchable,
    bool Filterable,
    bool Sortable,
    bool Facetable,
    bool Retrievable,
    string? IndexAnalyzer,
    string? SearchAnalyzer)
{
    /// <summary>The synonym map the field expands queries with (Azure allows one per field), or null.</summary>
    public string? SynonymMap { get; init; }

    /// <summary>Lucene field holding the exact value for filters (terms or numeric trie terms).</summary>
    public string RawField => "__r_" + Name;

    /// <summary>Lucene doc-values field for sorting and facets.</summary>
    public string ValuesField => "__v_" + Name;

    /// <summary>Lucene sorted doc-values field for sorting strings.</summary>
    public string StringSortField => "__s_" + Name;

    /// <summary>True when the value is stored in Lucene as a 64-bit integer (integers, dates, booleans).</summary>
    public bool IsInt64Encoded => Kind is FieldKind.Int32 or FieldKind.Int64 or FieldKind.DateTimeOffset or FieldKind.Boolean;

    /// <summary>The vector length of a vector field (<c>Collection(Edm.Single)</c>), else null.</summary>
    public int? Dimensions { get; init; }

    /// <summary>The algorithm (and so the metric) of a vector field, from its <c>vectorSearchProfile</c>.</summary>
    public VectorAlgorithm? VectorAlgorithm { get; init; }

    public bool IsVector => Dimensions is not null;

    /// <summary>Lucene binary doc-values field holding a vector field's floats.</summary>
    public string VectorField => "__vec_" + Name;

    public bool IsSimple => Kind is not (FieldKind.Complex or FieldKind.GeographyPoint or FieldKind.Single);
}
