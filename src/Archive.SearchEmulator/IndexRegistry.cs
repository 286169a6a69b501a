using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.SearchEmulator;

/// <summary>All indexes of the emulated service, persisted under <c>{data-dir}/indexes/{name}</c> unless in memory.</summary>
internal sealed class IndexRegistry(EmulatorOptions options, ILogger<IndexRegistry> logger) : IDisposable
{
    private const string DefinitionFile = "index.json";
    private readonly ConcurrentDictionary<string, LuceneIndex> indexes = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    private string? Root => options.InMemory || options.DataDirectory is null ? null : Path.Combine(options.DataDirectory, "indexes");

    public IEnumerable<LuceneIndex> All => indexes.Values.OrderBy(i => i.Schema.Name, StringComparer.Ordinal);

    public void Load()
    {
        if (Root is null)
        {
            return;
        }

        Directory.CreateDirectory(Root);
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var file = Path.Combine(folder, DefinitionFile);
            if (!File.Exists(file))
            {
                continue;
            }

            try
            {
                var definition = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
                var schema = IndexSchema.Parse(definition, null);
                indexes[schema.Name] = new LuceneIndex(schema, folder, TimeSpan.FromMilliseconds(options.RefreshDelayMs));
            }
            catch (Exception ex) when (ex is IOException or JsonException or SearchApiException or Lucene.Net.Index.CorruptIndexException)
            {
                Log.IndexLoadFailed(logger, ex, folder);
            }
        }

        Log.IndexesLoaded(logger, indexes.Count, Root);
    }

    public LuceneIndex Get(string name) =>
        indexes.TryGetValue(name, out var index) ? index : throw SearchApiException.IndexNotFound(name);

    public bool TryGet(string name, out LuceneIndex? index) => indexes.TryGetValue(name, out index);

    /// <summary>Creates the index; false when it already exists.</summary>
    public bool TryCreate(IndexSchema schema, out LuceneIndex created)
    {
        lock (gate)
        {
            if (indexes.TryGetValue(schema.Name, out var existing))
            {
                created = existing;
                return false;
            }

            string? folder = null;
            if (Root is not null)
            {
                folder = Path.Combine(Root, schema.Name);
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                Directory.CreateDirectory(folder);
            }

            created = new LuceneIndex(schema, folder, TimeSpan.FromMilliseconds(options.RefreshDelayMs));
            Save(created);
            indexes[schema.Name] = created;
            Log.IndexCreated(logger, schema.Name);
            return true;
        }
    }

    /// <summary>Replaces the schema of an existing index after checking the change is allowed.</summary>
    public void Update(LuceneIndex index, IndexSchema updated)
    {
        lock (gate)
        {
            foreach (var old in index.Schema.Fields)
            {
                if (!updated.FieldsByName.TryGetValue(old.Name, out var now))
                {
                    throw SearchApiException.BadRequest($"The request is invalid. Details: fields : Existing field '{old.Name}' cannot be removed from index '{updated.Name}'.", "CannotChangeExistingField");
                }

                if (now with { Retrievable = old.Retrievable, SearchAnalyzer = old.SearchAnalyzer, SynonymMap = old.SynonymMap } != old)
                {
                    throw SearchApiException.BadRequest($"The request is invalid. Details: fields : Existing field '{old.Name}' cannot be changed. Only 'retrievable', 'searchAnalyzer' and 'synonymMaps' of an existing field can be updated.", "CannotChangeExistingField");
                }
            }

            // Only newly created fields can be added to a suggester (Learn, REST "Update Index").
            foreach (var suggester in updated.Suggesters.Values)
            {
                index.Schema.Suggesters.TryGetValue(suggester.Name, out var before);
                foreach (var source in suggester.SourceFields)
                {
                    if (index.Schema.FieldsByName.ContainsKey(source) && before?.SourceFields.Contains(source) != true)
                    {
                        throw SearchApiException.BadRequest($"The request is invalid. Details: suggesters : Existing field '{source}' cannot be added to suggester '{suggester.Name}'. Only newly created fields can be added to a suggester.", "CannotChangeExistingField");
                    }
                }
            }

            index.UpdateSchema(updated);
            Save(index);
        }
    }

    public bool Delete(string name)
    {
        lock (gate)
        {
            if (!indexes.TryRemove(name, out var index))
            {
                return false;
            }

            index.Dispose();
            if (index.Folder is not null)
            {
                Directory.Delete(index.Folder, recursive: true);
            }

            Log.IndexDeleted(logger, name);
            return true;
        }
    }

    public void Dispose()
    {
        foreach (var index in indexes.Values)
        {
            index.Dispose();
        }

        indexes.Clear();
    }

    private static void Save(LuceneIndex index)
    {
        if (index.Folder is not null)
        {
            DurableFile.WriteAllText(Path.Combine(index.Folder, DefinitionFile), index.Schema.Definition.ToJsonString());
        }
    }
}
