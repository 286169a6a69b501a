using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;

namespace Archive.SearchEmulator;

/// <summary>
/// Routes the Azure AI Search data-plane REST API (both the SDK's <c>indexes('x')</c> form and the documented
/// <c>indexes/x</c> form) after checking the <c>api-key</c> header, and answers failures in Azure's error shape.
/// </summary>
internal sealed partial class RequestRouter(IndexRegistry registry, SynonymMapRegistry synonymMaps, EmulatorOptions options, FaultInjector faults, ILogger<RequestRouter> logger)
{
    private const string MinimalMetadata = "application/json; odata.metadata=minimal";
    private const string NoMetadata = "application/json; odata.metadata=none";

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            // Azure reports the server-side time in milliseconds in this header.
            context.Response.Headers["elapsed-time"] = ((long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        try
        {
            if (!string.Equals(context.Request.Headers["api-key"].ToString(), options.ApiKey, StringComparison.Ordinal))
            {
                throw new SearchApiException(403, string.Empty, "Authorization failed: the api-key header is missing or wrong.");
            }

            var path = RawPath(context);
            if (path.TrimEnd('/') == FaultInjector.AdminPath)
            {
                await faults.HandleAdminAsync(context, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (!FaultInjector.IsExempt(path) && await faults.BeforeRequestAsync(cancellationToken).ConfigureAwait(false) is { } status)
            {
                await FaultInjector.WriteFaultAsync(context, status, cancellationToken).ConfigureAwait(false);
                return;
            }

            ServiceLimits.LimitBody(context);
            await RouteAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == 413)
        {
            var tooLarge = ServiceLimits.TooLarge();
            await WriteErrorAsync(context, tooLarge.Status, tooLarge.Code, tooLarge.Message, cancellationToken).ConfigureAwait(false);
        }
        catch (SearchApiException ex)
        {
            await WriteErrorAsync(context, ex.Status, ex.Code, ex.Message, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await WriteErrorAsync(context, 400, string.Empty, $"The request is invalid. Details: The request body is not valid JSON: {ex.Message}", cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (ex.Source == "System.Text.Json")
        {
            await WriteErrorAsync(context, 400, string.Empty, $"The request is invalid. Details: {ex.Message}", cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.RequestFailed(logger, ex, context.Request.Method, context.Request.Path);
            await WriteErrorAsync(context, 500, "InternalServerError", $"The emulator failed to handle the request: {ex.Message}", cancellationToken).ConfigureAwait(false);
        }
    }

    private static string RawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var q = raw.IndexOf('?', StringComparison.Ordinal);
        return q >= 0 ? raw[..q] : raw;
    }

    private async Task RouteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var method = context.Request.Method;
        var path = RawPath(context);
        if (path.TrimEnd('/') == "/servicestats" && method == "GET")
        {
            await WriteJsonAsync(context, 200, ServiceStatistics(), MinimalMetadata, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (path.TrimEnd('/') == "/indexes")
        {
            switch (method)
            {
                case "GET":
                    await WriteJsonAsync(context, 200, ListIndexes(context.Request.Query["$select"].ToString()), MinimalMetadata, cancellationToken).ConfigureAwait(false);
                    return;
                case "POST":
                    await CreateIndexAsync(context, cancellationToken).ConfigureAwait(false);
                    return;
                default:
                    throw MethodNotAllowed();
            }
        }

        if (path.StartsWith("/synonymmaps", StringComparison.Ordinal))
        {
            await SynonymMapRoutes.HandleAsync(context, path, synonymMaps, cancellationToken).ConfigureAwait(false);
            return;
        }

        var match = IndexPath().Match(path);
        if (!match.Success)
        {
            throw new SearchApiException(404, string.Empty, $"The resource '{path}' was not found.");
        }

        var name = Uri.UnescapeDataString(match.Groups["idx"].Success ? match.Groups["idx"].Value.Replace("''", "'", StringComparison.Ordinal) : match.Groups["idx2"].Value);
        var rest = match.Groups["rest"].Value.TrimEnd('/');
        switch (rest, method)
        {
            case ("", "GET"):
                var index = registry.TryGet(name, out var found) ? found! : throw NoIndex(name);
                await WriteIndexAsync(context, 200, index, cancellationToken).ConfigureAwait(false);
                return;
            case ("", "PUT"):
                await CreateOrUpdateIndexAsync(context, name, cancellationToken).ConfigureAwait(false);
                return;
            case ("", "DELETE"):
                if (!registry.Delete(name))
                {
                    throw NoIndex(name);
                }

                context.Response.StatusCode = 204;
                return;
            case ("/search.stats" or "/stats", "GET"):
                var stats = registry.Get(name);
                await WriteJsonAsync(context, 200, new JsonObject { ["documentCount"] = stats.Count(), ["storageSize"] = StorageSize(stats), ["vectorIndexSize"] = 0 }, MinimalMetadata, cancellationToken).ConfigureAwait(false);
                return;
            case ("/docs/$count", "GET"):
                var count = registry.Get(name).Count();
                context.Response.StatusCode = 200;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(count.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                return;
            case ("/docs/search.index" or "/docs/index", "POST"):
                await IndexDocumentsAsync(context, registry.Get(name), cancellationToken).ConfigureAwait(false);
                return;
            case ("/docs/search.post.search" or "/docs/search", "POST"):
                var searchIndex = registry.Get(name);
                var body = await ReadObjectAsync(context, cancellationToken).ConfigureAwait(false);
                await WriteJsonAsync(context, 200, SearchExecutor.Execute(searchIndex, body, NextLink(context, name), synonymMaps.Find), NoMetadata, cancellationToken).ConfigureAwait(false);
                return;
            case ("/docs", "GET"):
                var getIndex = registry.Get(name);
                await WriteJsonAsync(context, 200, SearchExecutor.Execute(getIndex, SearchRequest.BodyFromQuery(context.Request.Query), NextLink(context, name), synonymMaps.Find), NoMetadata, cancellationToken).ConfigureAwait(false);
                return;
            case ("/docs/search.post.suggest" or "/docs/suggest", "POST"):
                var suggestIndex = registry.Get(name);
                var suggestBody = await ReadObjectAsync(context, cancellationToken).ConfigureAwait(false);
                await WriteJsonAsync(context, 200, SuggestExecutor.Execute(suggestIndex, suggestBody), NoMetadata, cancellationToken).ConfigureAwait(false);
                return;
            case ("/docs/search.post.autocomplete" or "/docs/autocomplete", "POST"):
                var autocompleteIndex = registry.Get(name);
                var autocompleteBody = await ReadObjectAsync(context, cancellationToken).ConfigureAwait(false);
                await WriteJsonAsync(context, 200, AutocompleteExecutor.Execute(autocompleteIndex, autocompleteBody), NoMetadata, cancellationToken).ConfigureAwait(false);
                return;
            case ("/docs/autocomplete" or "/docs/search.autocomplete", "GET"):
                var autocompleteGetIndex = registry.Get(name);
                await WriteJsonAsync(context, 200, AutocompleteExecutor.Execute(autocompleteGetIndex, SearchRequest.BodyFromQuery(context.Request.Query)), NoMetadata, cancellationToken).ConfigureAwait(false);
                return;
            case ("/search.analyze" or "/analyze", "POST"):
                var analyzeIndex = registry.TryGet(name, out var foundAnalyze) ? foundAnalyze! : throw NoIndex(name);
                var analyzeBody = await ReadObjectAsync(context, cancellationToken).ConfigureAwait(false);
                await WriteJsonAsync(context, 200, AnalyzeEndpoint.Execute(analyzeIndex.Schema, analyzeBody), MinimalMetadata, cancellationToken).ConfigureAwait(false);
                return;
            case ("/docs/suggest", "GET"):
                var suggestGetIndex = registry.Get(name);
                await WriteJsonAsync(context, 200, SuggestExecutor.Execute(suggestGetIndex, SearchRequest.BodyFromQuery(context.Request.Query)), NoMetadata, cancellationToken).ConfigureAwait(false);
                return;
        }

        var key = KeyPath().Match(rest);
        if (key.Success && method == "GET")
        {
            UnsupportedFeatures.CheckLookup(context.Request.Query);
            var lookupIndex = registry.Get(name);
            var keyText = Uri.UnescapeDataString(key.Groups["key"].Success ? key.Groups["key"].Value.Replace("''", "'", StringComparison.Ordinal) : key.Groups["key2"].Value);
            var select = DocumentProjection.Resolve(lookupIndex.Schema, context.Request.Query["$select"].ToString());
            var document = lookupIndex.Lookup(keyText) ?? throw new SearchApiException(404, string.Empty, $"Document with key '{keyText}' was not found.");
            var result = new JsonObject();
            DocumentProjection.CopyInto(result, document, select);
            await WriteJsonAsync(context, 200, result, NoMetadata, cancellationToken).ConfigureAwait(false);
            return;
        }

        throw rest.Length == 0 || rest.StartsWith("/docs", StringComparison.Ordinal)
            ? MethodNotAllowed()
            : new SearchApiException(404, string.Empty, $"The resource '{path}' was not found.");
    }

    private async Task CreateIndexAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var definition = await ReadObjectAsync(context, cancellationToken).ConfigureAwait(false);
        var schema = IndexSchema.Parse(StripOData(definition), null);
        RequireSynonymMaps(schema);
        if (!registry.TryCreate(schema, out var index))
        {
            throw new SearchApiException(409, "ResourceNameAlreadyInUse", $"Cannot create index '{schema.Name}' because it already exists.");
        }

        await WriteIndexAsync(context, 201, index, cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateOrUpdateIndexAsync(HttpContext context, string name, CancellationToken cancellationToken)
    {
        var definition = await ReadObjectAsync(context, cancellationToken).ConfigureAwait(false);
        var schema = IndexSchema.Parse(StripOData(definition), name);
        RequireSynonymMaps(schema);
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        if (registry.TryGet(name, out var existing))
        {
            if ((ifMatch.Length > 0 && ifMatch != "*" && ifMatch != ETag(existing!)) || ifNoneMatch == "*")
            {
                throw new SearchApiException(412, string.Empty, "The precondition given in one of the request headers evaluated to false. No change was made to the resource from this request.");
            }

            registry.Update(existing!, schema);
            if (context.Request.Headers["Prefer"].ToString().Contains("return=representation", StringComparison.OrdinalIgnoreCase))
            {
                await WriteIndexAsync(context, 200, existing!, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                context.Response.Headers.ETag = ETag(existing!);
                context.Response.StatusCode = 204;
            }

            return;
        }

        if (ifMatch.Length > 0)
        {
            throw new SearchApiException(412, string.Empty, "The precondition given in one of the request headers evaluated to false. No change was made to the resource from this request.");
        }

        if (!registry.TryCreate(schema, out var created))
        {
            throw new SearchApiException(409, string.Empty, $"The index '{name}' was created concurrently.");
        }

        await WriteIndexAsync(context, 201, created, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every synonym map a field names must exist.</summary>
    private void RequireSynonymMaps(IndexSchema schema)
    {
        foreach (var field in schema.Fields.Where(f => f.SynonymMap is not null))
        {
            if (synonymMaps.Find(field.SynonymMap!) is null)
            {
                throw SearchApiException.BadRequest($"The request is invalid. Details: fields : The synonym map '{field.SynonymMap}' of field '{field.Name}' does not exist.");
            }
        }
    }

    private async Task IndexDocumentsAsync(HttpContext context, LuceneIndex index, CancellationToken cancellationToken)
    {
        var body = await ReadObjectAsync(context, cancellationToken).ConfigureAwait(false);
        UnsupportedFeatures.CheckBatch(body);
        var actions = IndexBatchParser.Parse(index.Schema, body);
        var results = await ItemOutcomes.ApplyAsync(index, actions, faults.PickItemFaults(actions.Count), cancellationToken).ConfigureAwait(false);
        var values = new JsonArray();
        foreach (var r in results)
        {
            values.Add(new JsonObject { ["key"] = r.Key, ["status"] = r.Succeeded, ["errorMessage"] = r.ErrorMessage, ["statusCode"] = r.StatusCode });
        }

        var status = results.All(r => r.Succeeded) ? 200 : 207;
        await WriteJsonAsync(context, status, new JsonObject { ["value"] = values }, NoMetadata, cancellationToken).ConfigureAwait(false);
    }

    private JsonObject ListIndexes(string select)
    {
        var values = new JsonArray();
        foreach (var index in registry.All)
        {
            if (select.Trim() == "name")
            {
                values.Add(new JsonObject { ["name"] = index.Schema.Name });
            }
            else
            {
                values.Add(IndexJson(index, withContext: false));
            }
        }

        return new JsonObject { ["@odata.context"] = "https://localhost/$metadata#indexes", ["value"] = values };
    }

    private JsonObject ServiceStatistics()
    {
        var documents = registry.All.Sum(i => i.Count());
        static JsonObject Counter(long usage, long? quota) => new() { ["usage"] = usage, ["quota"] = quota };
        return new JsonObject
        {
            ["@odata.context"] = "https://localhost/$metadata#Microsoft.Azure.Search.V2023_11_01.ServiceStatistics",
            ["counters"] = new JsonObject
            {
                ["documentCount"] = Counter(documents, null),
                ["indexesCount"] = Counter(registry.All.Count(), 50),
                ["indexersCount"] = Counter(0, 50),
                ["dataSourcesCount"] = Counter(0, 50),
                ["storageSize"] = Counter(registry.All.Sum(StorageSize), null),
                ["synonymMaps"] = Counter(synonymMaps.Count, SynonymMapRegistry.MaxMaps),
                ["skillsetCount"] = Counter(0, 50),
                ["aliasesCount"] = Counter(0, 100),
                ["vectorIndexSize"] = Counter(0, null),
            },
            ["limits"] = new JsonObject
            {
                ["maxFieldsPerIndex"] = 1000,
                ["maxFieldNestingDepthPerIndex"] = 10,
                ["maxComplexCollectionFieldsPerIndex"] = 40,
                ["maxComplexObjectsInCollectionsPerDocument"] = 3000,
                ["maxStoragePerIndex"] = null,
            },
        };
    }

    private static long StorageSize(LuceneIndex index) =>
        index.Folder is null ? 0 : new DirectoryInfo(index.Folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static JsonObject StripOData(JsonObject definition)
    {
        foreach (var name in definition.Select(p => p.Key).Where(k => k.StartsWith("@odata.", StringComparison.Ordinal)).ToList())
        {
            definition.Remove(name);
        }

        return definition;
    }

    private static JsonObject IndexJson(LuceneIndex index, bool withContext)
    {
        var json = new JsonObject();
        if (withContext)
        {
            json["@odata.context"] = "https://localhost/$metadata#indexes/$entity";
        }

        json["@odata.etag"] = ETag(index);
        foreach (var (name, value) in index.Schema.Definition)
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }

    private static string ETag(LuceneIndex index) =>
        "\"0x" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(index.Schema.Definition.ToJsonString())).AsSpan(0, 8)) + "\"";

    private static async Task WriteIndexAsync(HttpContext context, int status, LuceneIndex index, CancellationToken cancellationToken)
    {
        context.Response.Headers.ETag = ETag(index);
        await WriteJsonAsync(context, status, IndexJson(index, withContext: true), MinimalMetadata, cancellationToken).ConfigureAwait(false);
    }

    private static string NextLink(HttpContext context, string name) =>
        $"https://{context.Request.Host}/indexes('{name}')/docs/search.post.search?api-version={Uri.EscapeDataString(context.Request.Query["api-version"].ToString())}";

    internal static async Task<JsonObject> ReadObjectAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        return node as JsonObject ?? throw SearchApiException.BadRequest("The request is invalid. Details: The request body must be a JSON object.");
    }

    internal static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body, string contentType, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body), cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.Clear();
        var error = new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
        return WriteJsonAsync(context, status, error, "application/json; charset=utf-8", cancellationToken);
    }

    private static SearchApiException NoIndex(string name) =>
        new(404, string.Empty, $"No index with the name '{name}' was found in the service 'emulator'.");

    private static SearchApiException MethodNotAllowed() => new(405, string.Empty, "The HTTP method is not allowed for this resource.");

    [GeneratedRegex(@"^/indexes(?:\('(?<idx>(?:[^']|'')*)'\)|/(?<idx2>[^/('$]+))(?<rest>/.*)?$")]
    private static partial Regex IndexPath();

    [GeneratedRegex(@"^/docs(?:\('(?<key>(?:[^']|'')*)'\)|/(?<key2>[^/]+))$")]
    private static partial Regex KeyPath();
}
