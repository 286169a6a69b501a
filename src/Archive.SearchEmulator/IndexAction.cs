using System.Text.Json.Nodes;

namespace Archive.SearchEmulator;

/// <summary>One validated action of a <c>search.index</c> batch; the document holds normalized values only.</summary>
internal sealed record IndexAction(IndexActionKind Kind, string Key, JsonObject Document);
