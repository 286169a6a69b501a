using System.Collections.Frozen;

namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// The word lists the entity heuristics lean on, read from <c>Extraction/Data/gazetteer-*.txt</c> (each file's header
/// gives its source, licence and version): places, demonyms, well-known organizations and acronyms, organization
/// suffixes and head words, titles and roles that introduce a person, verbs of attribution, and the small words the
/// span rules use. Names are matched case-sensitively, as written; roles, verbs, sentence starters and months not.
/// </summary>
internal static class Gazetteer
{
    public static readonly FrozenSet<string> Places = Set("gazetteer-places.txt");

    public static readonly FrozenSet<string> Demonyms = Set("gazetteer-demonyms.txt");

    public static readonly FrozenSet<string> KnownOrganizations = Set("gazetteer-known-organizations.txt");

    /// <summary>Acronyms and all-caps words that are not organizations.</summary>
    public static readonly FrozenSet<string> NotOrganizations = Set("gazetteer-not-organizations.txt");

    /// <summary>A last word that makes a capitalized span an organization.</summary>
    public static readonly FrozenSet<string> OrganizationSuffixes = Set("gazetteer-organization-suffixes.txt");

    /// <summary>A first word that makes "X of Y" an organization.</summary>
    public static readonly FrozenSet<string> OrganizationHeads = Set("gazetteer-organization-heads.txt");

    /// <summary>A lowercase noun after a capitalized name that makes the name a place.</summary>
    public static readonly FrozenSet<string> PlaceNouns = Set("gazetteer-place-nouns.txt");

    /// <summary>Lowercase words before a capitalized name that make the name a place ("the city of X", "the village of X").</summary>
    public static readonly FrozenSet<string> PlaceIntroducers = Set("gazetteer-place-introducers.txt");

    /// <summary>Titles and roles that introduce a person's name (matched case-insensitively).</summary>
    public static readonly FrozenSet<string> Roles = SetIgnoreCase("gazetteer-roles.txt");

    /// <summary>Verbs that follow a person's name when their words are reported.</summary>
    public static readonly FrozenSet<string> AttributionVerbs = SetIgnoreCase("gazetteer-attribution-verbs.txt");

    /// <summary>Capitalized words that start sentences without naming anything.</summary>
    public static readonly FrozenSet<string> SentenceStarters = SetIgnoreCase("gazetteer-sentence-starters.txt");

    public static readonly FrozenSet<string> Months = SetIgnoreCase("gazetteer-months-and-days.txt");

    /// <summary>Lowercase words that continue a capitalized name: "of"/"for" in organizations, particles in people's names.</summary>
    public static readonly FrozenSet<string> Connectors = Set("gazetteer-connectors.txt");

    /// <summary>Particles inside people's names ("Charles de Gaulle", "Ludwig van Beethoven").</summary>
    public static readonly FrozenSet<string> NameParticles = Set("gazetteer-name-particles.txt");

    /// <summary>Prepositions before a capitalized word that make it a place when nothing else claims it.</summary>
    public static readonly FrozenSet<string> PlacePrepositions = Set("gazetteer-place-prepositions.txt");

    private static FrozenSet<string> Set(string file) => ExtractionData.Set(file, StringComparer.Ordinal);

    private static FrozenSet<string> SetIgnoreCase(string file) => ExtractionData.Set(file, StringComparer.OrdinalIgnoreCase);
}
