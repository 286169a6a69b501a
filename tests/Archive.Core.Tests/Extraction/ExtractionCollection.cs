namespace Archive.Core.Tests.Extraction;

/// <summary>
/// The extraction tests run as one collection, after the parallel ones: several of them are CPU-heavy (a 10 MB
/// line, a zip bomb, language models loading), and on a two-core machine they would starve the Azurite fixture's
/// start-up running beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExtractionCollection
{
    public const string Name = "Extraction";
}
