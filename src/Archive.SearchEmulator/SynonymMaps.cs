using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.SearchEmulator;

/// <summary>
/// A synonym map in Solr format: equivalences (<c>a, b, c</c>: a query on any one also finds the others) and explicit
/// mappings (<c>a, b =&gt; c</c>: a query on a or b is rewritten to c). Terms are compared lower-cased; a multi-word
/// synonym is searched as a phrase (Learn, "Add synonyms in Azure AI Search").
/// </summary>
internal sealed class SynonymMap
{
    public const int MaxRules = 20000;
    public const int MaxTermsPerRule = 20;

    private readonly Dictionary<string, Expansion> expansions;

    private SynonymMap(string name, JsonObject definition, Dictionary<string, Expansion> expansions)
    {
        Name = name;
        Definition = definition;
        this.expansions = expansions;
    }

    public string Name { get; }

    /// <summary>The definition as stored and returned (name, format, synonyms).</summary>
    public JsonObject Definition { get; }

    public string ETag => "\"0x" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Definition.ToJsonString())).AsSpan(0, 8)) + "\"";

    /// <summary>Parses and validates a definition; 400 when it is not a valid Solr-format map.</summary>
    public static SynonymMap Parse(JsonObject definition, string? expectedName)
    {
        foreach (var key in definition.Select(p => p.Key).Where(k => k.StartsWith("@odata.", StringComparison.Ordinal)).ToList())
        {
            definition.Remove(key);
        }

        var name = definition["name"] is JsonValue n && n.TryGetValue<string>(out var s) ? s : expectedName;
        definition["name"] = name;
        if (expectedName is not null && name != expectedName)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: The synonym map name '{name}' in the request body does not match the name '{expectedName}' in the request URI.");
        }

        if (name is null || !IndexSchema.IsValidIndexName(name))
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: synonymMap name '{name}': Synonym map names must be 2-128 characters long, contain only lowercase letters, digits or dashes, start with a letter or digit and not contain consecutive dashes.", "InvalidName");
        }

        foreach (var (property, value) in definition)
        {
            if (property is not ("name" or "format" or "synonyms") && value is not null)
            {
                throw SearchApiException.BadRequest($"The request is invalid. Details: The synonym map property '{property}' is not supported by the emulator.", "FeatureNotSupportedByEmulator");
            }
        }

        var format = definition["format"] is JsonValue f && f.TryGetValue<string>(out var fs) ? fs : "solr";
        if (format != "solr")
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: format : The synonym map format '{format}' is not supported; the only format is 'solr'.");
        }

        definition["format"] = format;
        var synonyms = definition["synonyms"] is JsonValue t && t.TryGetValue<string>(out var ts) ? ts
            : throw SearchApiException.BadRequest("The request is invalid. Details: synonyms : The synonym map must have a 'synonyms' string of rules separated by new lines.");
        return new SynonymMap(name, definition, ParseRules(synonyms));
    }

    /// <summary>
    /// The alternatives of a query term or phrase: what to search instead (<see cref="Expansion.Replace"/>) or as well;
    /// null when no rule names it.
    /// </summary>
    public Expansion? Expand(string text) => expansions.GetValueOrDefault(Normalize(text));

    private static Dictionary<string, Expansion> ParseRules(string synonyms)
    {
        var result = new Dictionary<string, Expansion>(StringComparer.Ordinal);
        var lines = synonyms.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (lines.Count > MaxRules)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: synonyms : The synonym map has {lines.Count} rules; the maximum is {MaxRules}.");
        }

        foreach (var line in lines)
        {
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            var left = Terms(arrow < 0 ? line : line[..arrow], line);
            if (arrow < 0)
            {
                foreach (var term in left)
                {
                    Add(result, term, left, replace: false);
                }

                continue;
            }

            var right = Terms(line[(arrow + 2)..], line);
            if (right.Contains("=>", StringComparer.Ordinal) || left.Count == 0 || right.Count == 0)
            {
                throw SearchApiException.BadRequest($"The request is invalid. Details: synonyms : The rule '{line}' is not a valid Solr rule.");
            }

            foreach (var term in left)
            {
                Add(result, term, right, replace: true);
            }
        }

        return result;
    }

    private static void Add(Dictionary<string, Expansion> result, string term, IReadOnlyList<string> alternatives, bool replace)
    {
        if (result.TryGetValue(term, out var existing))
        {
            // A term in several rules takes the union; it keeps itself when any of its rules is an equivalence.
            result[term] = new Expansion(existing.Alternatives.Union(alternatives).ToList(), existing.Replace && replace);
        }
        else
        {
            result[term] = new Expansion(alternatives.ToList(), replace);
        }
    }

    /// <summary>The comma-separated terms of one side of a rule (<c>\,</c> is a literal comma), lower-cased.</summary>
    private static List<string> Terms(string side, string line)
    {
        var terms = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < side.Length; i++)
        {
            if (side[i] == '\\' && i + 1 < side.Length)
            {
                current.Append(side[++i]);
            }
            else if (side[i] == ',')
            {
                terms.Add(Normalize(current.ToString()));
                current.Clear();
            }
            else
            {
                current.Append(side[i]);
            }
        }

        terms.Add(Normalize(current.ToString()));
        terms.RemoveAll(t => t.Length == 0);
        if (terms.Count > MaxTermsPerRule)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: synonyms : The rule '{line}' has {terms.Count} terms; the maximum is {MaxTermsPerRule}.");
        }

        return terms;
    }

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>The field's <c>synonymMaps</c> (one name at most, on searchable fields), or null.</summary>
    public static string? FieldMap(JsonObject json, string field, bool searchable)
    {
        if (json["synonymMaps"] is not JsonArray maps || maps.Count == 0)
        {
            return null;
        }

        if (maps.Count > 1)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: fields : The field '{field}' has {maps.Count} synonym maps; a field can have only one.");
        }

        if (!searchable)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: fields : Synonym maps can be set only on searchable fields; the field '{field}' is not searchable.");
        }

        return maps[0]?.GetValue<string>();
    }
}

/// <summary>What a query term or phrase expands to; <see cref="Replace"/> when the original is not searched (explicit mapping).</summary>
internal sealed record Expansion(IReadOnlyList<string> Alternatives, bool Replace);

/// <summary>The service's synonym maps, persisted under <c>{data-dir}/synonymmaps/{name}.json</c> unless in memory.</summary>
internal sealed class SynonymMapRegistry(EmulatorOptions options, ILogger<SynonymMapRegistry> logger)
{
    public const int MaxMaps = 20;
    private readonly ConcurrentDictionary<string, SynonymMap> maps = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    private string? Root => options.InMemory || options.DataDirectory is null ? null : Path.Combine(options.DataDirectory, "synonymmaps");

    public IEnumerable<SynonymMap> All => maps.Values.OrderBy(m => m.Name, StringComparer.Ordinal);

    public int Count => maps.Count;

    public void Load()
    {
        if (Root is null)
        {
            return;
        }

        Directory.CreateDirectory(Root);
        foreach (var file in Directory.EnumerateFiles(Root, "*.json"))
        {
            try
            {
                var map = SynonymMap.Parse(JsonNode.Parse(File.ReadAllText(file))!.AsObject(), null);
                maps[map.Name] = map;
            }
            catch (Exception ex) when (ex is IOException or JsonException or SearchApiException)
            {
                Log.IndexLoadFailed(logger, ex, file);
            }
        }
    }

    public SynonymMap? Find(string name) => maps.GetValueOrDefault(name);

    /// <summary>Creates the map; false when one with the name exists.</summary>
    public bool TryCreate(SynonymMap map)
    {
        lock (gate)
        {
            if (maps.ContainsKey(map.Name))
            {
                return false;
            }

            CheckQuota();
            Save(map);
            maps[map.Name] = map;
            return true;
        }
    }

    /// <summary>Creates or replaces the map; true when it was created.</summary>
    public bool Put(SynonymMap map)
    {
        lock (gate)
        {
            var created = !maps.ContainsKey(map.Name);
            if (created)
            {
                CheckQuota();
            }

            Save(map);
            maps[map.Name] = map;
            return created;
        }
    }

    public bool Delete(string name)
    {
        lock (gate)
        {
            if (!maps.TryRemove(name, out _))
            {
                return false;
            }

            if (Root is not null)
            {
                File.Delete(Path.Combine(Root, name + ".json"));
            }

            return true;
        }
    }

    private void CheckQuota()
    {
        if (maps.Count >= MaxMaps)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: You have reached the maximum of {MaxMaps} synonym maps for the service.", "QuotaExceeded");
        }
    }

    private void Save(SynonymMap map)
    {
        if (Root is not null)
        {
            Directory.CreateDirectory(Root);
            DurableFile.WriteAllText(Path.Combine(Root, map.Name + ".json"), map.Definition.ToJsonString());
        }
    }
}

/// <summary>The <c>/synonymmaps</c> routes: create (POST), create or update (PUT), get, list and delete.</summary>
internal static partial class SynonymMapRoutes
{
    private const string Metadata = "application/json; odata.metadata=minimal";

    public static async Task HandleAsync(HttpContext context, string path, SynonymMapRegistry maps, CancellationToken cancellationToken)
    {
        var method = context.Request.Method;
        if (path.TrimEnd('/') == "/synonymmaps")
        {
            switch (method)
            {
                case "GET":
                    var select = context.Request.Query["$select"].ToString().Trim();
                    var values = new JsonArray();
                    foreach (var map in maps.All)
                    {
                        values.Add(select == "name" ? new JsonObject { ["name"] = map.Name } : Json(map, withContext: false));
                    }

                    await RequestRouter.WriteJsonAsync(context, 200, new JsonObject { ["@odata.context"] = "https://localhost/$metadata#synonymmaps", ["value"] = values }, Metadata, cancellationToken).ConfigureAwait(false);
                    return;
                case "POST":
                    var created = SynonymMap.Parse(await RequestRouter.ReadObjectAsync(context, cancellationToken).ConfigureAwait(false), null);
                    if (!maps.TryCreate(created))
                    {
                        throw new SearchApiException(409, "ResourceNameAlreadyInUse", $"Cannot create synonym map '{created.Name}' because it already exists.");
                    }

                    await WriteAsync(context, 201, created, cancellationToken).ConfigureAwait(false);
                    return;
                default:
                    throw new SearchApiException(405, string.Empty, "The HTTP method is not allowed for this resource.");
            }
        }

        var match = MapPath().Match(path.TrimEnd('/'));
        if (!match.Success)
        {
            throw new SearchApiException(404, string.Empty, $"The resource '{path}' was not found.");
        }

        var name = Uri.UnescapeDataString(match.Groups["n"].Success ? match.Groups["n"].Value.Replace("''", "'", StringComparison.Ordinal) : match.Groups["n2"].Value);
        var existing = maps.Find(name);
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        var preconditionFailed = (ifMatch.Length > 0 && (existing is null || (ifMatch != "*" && ifMatch != existing.ETag))) || (ifNoneMatch == "*" && existing is not null);
        switch (method)
        {
            case "GET":
                await WriteAsync(context, 200, existing ?? throw NotFound(name), cancellationToken).ConfigureAwait(false);
                return;
            case "PUT":
                var map = SynonymMap.Parse(await RequestRouter.ReadObjectAsync(context, cancellationToken).ConfigureAwait(false), name);
                if (preconditionFailed)
                {
                    throw PreconditionFailed();
                }

                var isNew = maps.Put(map);
                if (isNew || context.Request.Headers["Prefer"].ToString().Contains("return=representation", StringComparison.OrdinalIgnoreCase))
                {
                    await WriteAsync(context, isNew ? 201 : 200, map, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    context.Response.Headers.ETag = map.ETag;
                    context.Response.StatusCode = 204;
                }

                return;
            case "DELETE":
                if (existing is not null && preconditionFailed)
                {
                    throw PreconditionFailed();
                }

                if (!maps.Delete(name))
                {
                    throw NotFound(name);
                }

                context.Response.StatusCode = 204;
                return;
            default:
                throw new SearchApiException(405, string.Empty, "The HTTP method is not allowed for this resource.");
        }
    }

    private static JsonObject Json(SynonymMap map, bool withContext)
    {
        var json = new JsonObject();
        if (withContext)
        {
            json["@odata.context"] = "https://localhost/$metadata#synonymmaps/$entity";
        }

        json["@odata.etag"] = map.ETag;
        foreach (var (key, value) in map.Definition)
        {
            json[key] = value?.DeepClone();
        }

        json["encryptionKey"] = null;
        return json;
    }

    private static Task WriteAsync(HttpContext context, int status, SynonymMap map, CancellationToken cancellationToken)
    {
        context.Response.Headers.ETag = map.ETag;
        return RequestRouter.WriteJsonAsync(context, status, Json(map, withContext: true), Metadata, cancellationToken);
    }

    private static SearchApiException NotFound(string name) => new(404, string.Empty, $"No synonym map with the name '{name}' was found in service 'emulator'.");

    private static SearchApiException PreconditionFailed() =>
        new(412, string.Empty, "The precondition given in one of the request headers evaluated to false. No change was made to the resource from this request.");

    [System.Text.RegularExpressions.GeneratedRegex(@"^/synonymmaps(?:\('(?<n>(?:[^']|'')*)'\)|/(?<n2>[^/('$]+))$")]
    private static partial System.Text.RegularExpressions.Regex MapPath();
}
