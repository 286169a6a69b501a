using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.SearchEmulator;

/// <summary>
/// Autocomplete (<c>search.post.autocomplete</c>): completions of the last typed word drawn from the terms of a
/// suggester's source fields, in the three documented modes (Learn, "Add autocomplete and search suggestions"; REST
/// "Autocomplete"): <c>oneTerm</c> completes the last word, <c>twoTerms</c> completes it and adds the word that follows it
/// in the text, <c>oneTermWithContext</c> completes it where it follows the other typed words. Completions are ranked by
/// the number of matching documents they occur in.
/// </summary>
internal static class AutocompleteExecutor
{
    public static JsonObject Execute(LuceneIndex index, JsonObject body)
    {
        UnsupportedFeatures.CheckAutocomplete(body);
        var schema = index.Schema;
        var search = body["search"]?.GetValue<string>() ?? string.Empty;
        if (search.Length is < 1 or > 100)
        {
            throw SearchApiException.BadRequest("The request is invalid. Details: search : The search text of an autocomplete request must be between 1 and 100 characters long.");
        }

        var suggesterName = body["suggesterName"]?.GetValue<string>();
        if (suggesterName is null || !schema.Suggesters.TryGetValue(suggesterName, out var suggester))
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: The specified suggester name '{suggesterName}' does not exist in this index definition.");
        }

        var mode = body["autocompleteMode"]?.GetValue<string>() ?? "oneTerm";
        if (mode is not ("oneTerm" or "twoTerms" or "oneTermWithContext"))
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: autocompleteMode : '{mode}' is not a valid autocomplete mode; use oneTerm, twoTerms or oneTermWithContext.");
        }

        var top = body["top"] is JsonValue t ? t.GetValue<int>() : 5;
        if (top is < 1 or > 100)
        {
            throw new SearchApiException(400, "ParameterValueOutOfRange", "Value must be between 1 and 100.\r\nParameter name: $top");
        }

        var fields = SuggestTerms.Fields(suggester, body["searchFields"]?.GetValue<string>());
        var fuzzy = body["fuzzy"]?.GetValue<bool>() ?? false;
        var (pre, post) = SuggestTerms.Tags(body);
        var filterText = body["filter"]?.GetValue<string>();
        if (filterText is not null && filterText.Contains("search.ismatch", StringComparison.Ordinal))
        {
            throw SearchApiException.InvalidExpression("search.ismatch and search.ismatchscoring are not allowed in autocomplete filters.", "$filter");
        }

        var filter = string.IsNullOrWhiteSpace(filterText) ? null : FilterTranslator.Translate(schema, filterText);
        var response = new JsonObject();
        if (body["minimumCoverage"] is not null)
        {
            response["@search.coverage"] = 100.0;
        }

        var values = new JsonArray();
        response["value"] = values;
        using var analyzer = AnalyzerCatalog.Standard();
        var words = SuggestTerms.Tokens(analyzer, search);
        if (words.Count == 0)
        {
            return response;
        }

        var context = mode == "oneTermWithContext" ? words.Take(words.Count - 1).Select(w => w.Term).ToList() : [];
        var last = words[^1];
        var before = search[..(mode == "oneTermWithContext" ? words[0].Start : last.Start)];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        index.WithSearcher(searcher =>
        {
            var matches = new HashSet<string>(StringComparer.Ordinal);
            var query = new BooleanQuery();
            foreach (var field in fields)
            {
                var terms = SuggestTerms.Matching(searcher.IndexReader, Suggester.SuggestField(field), last.Term, prefix: true, fuzzy);
                matches.UnionWith(terms);
                foreach (var term in terms)
                {
                    query.Add(new TermQuery(new Term(Suggester.SuggestField(field), term)), Occur.SHOULD);
                }
            }

            if (query.Clauses.Count == 0)
            {
                return 0;
            }

            if (mode == "oneTerm")
            {
                CountTerms(searcher, fields, matches, filter, counts);
                return 0;
            }

            Query final = filter is null ? query : new FilteredQuery(query, new QueryWrapperFilter(filter));
            var collector = new AllDocs();
            searcher.Search(final, collector);
            foreach (var doc in collector.Docs)
            {
                var source = LuceneIndex.ReadSource(searcher, doc);
                var inDocument = new HashSet<string>(StringComparer.Ordinal);
                foreach (var text in fields.SelectMany(f => SuggestTerms.Texts(source[f])))
                {
                    var tokens = SuggestTerms.Tokens(analyzer, text).Select(x => x.Term).ToList();
                    for (var i = 0; i < tokens.Count; i++)
                    {
                        if (!matches.Contains(tokens[i]))
                        {
                            continue;
                        }

                        var completion = mode switch
                        {
                            "twoTerms" => i + 1 < tokens.Count ? tokens[i] + " " + tokens[i + 1] : null,
                            "oneTermWithContext" => i >= context.Count && tokens.Skip(i - context.Count).Take(context.Count).SequenceEqual(context)
                                ? string.Join(' ', context.Append(tokens[i]))
                                : null,
                            _ => tokens[i],
                        };
                        if (completion is not null)
                        {
                            inDocument.Add(completion);
                        }
                    }
                }

                foreach (var completion in inDocument)
                {
                    counts[completion] = counts.GetValueOrDefault(completion) + 1;
                }
            }

            return 0;
        });

        foreach (var (completion, _) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(top))
        {
            var shown = pre + completion + post;
            values.Add(new JsonObject { ["text"] = shown, ["queryPlusText"] = before + shown });
        }

        return response;
    }

    /// <summary>
    /// oneTerm needs no text around the term: the number of (filtered, live) documents holding each completion in any
    /// of the fields is read from the postings, without loading documents.
    /// </summary>
    private static void CountTerms(IndexSearcher searcher, List<string> fields, HashSet<string> terms, Query? filter, Dictionary<string, int> counts)
    {
        var wrapped = filter is null ? null : new QueryWrapperFilter(filter);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            FixedBitSet? allowed = null;
            if (wrapped is not null)
            {
                allowed = new FixedBitSet(reader.MaxDoc);
                var iterator = wrapped.GetDocIdSet(leaf, reader.LiveDocs)?.GetIterator();
                if (iterator is not null)
                {
                    allowed.Or(iterator);
                }
            }

            foreach (var term in terms)
            {
                var docs = new HashSet<int>();
                foreach (var field in fields)
                {
                    var postings = reader.GetTermDocsEnum(new Term(Suggester.SuggestField(field), term));
                    if (postings is null)
                    {
                        continue;
                    }

                    while (postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        var doc = postings.DocID;
                        if ((reader.LiveDocs is null || reader.LiveDocs.Get(doc)) && (allowed is null || allowed.Get(doc)))
                        {
                            docs.Add(doc);
                        }
                    }
                }

                if (docs.Count > 0)
                {
                    counts[term] = counts.GetValueOrDefault(term) + docs.Count;
                }
            }
        }
    }

    /// <summary>Collects every matching document id.</summary>
    private sealed class AllDocs : ICollector
    {
        private int docBase;

        public List<int> Docs { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void Collect(int doc) => Docs.Add(docBase + doc);

        public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;
    }
}

/// <summary>What suggest and autocomplete share: source fields, tags, tokens and (fuzzy) prefix matching of terms.</summary>
internal static class SuggestTerms
{
    /// <summary>The fields to read: <paramref name="searchFields"/> (each a source field of the suggester) or all source fields.</summary>
    public static List<string> Fields(Suggester suggester, string? searchFields)
    {
        if (string.IsNullOrWhiteSpace(searchFields))
        {
            return suggester.SourceFields.ToList();
        }

        var fields = searchFields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (fields.Any(f => !suggester.SourceFields.Contains(f)))
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: searchFields : Every search field must be a source field of suggester '{suggester.Name}'.");
        }

        return fields;
    }

    /// <summary>The highlight tags; Azure requires both or neither.</summary>
    public static (string Pre, string Post) Tags(JsonObject body)
    {
        var pre = body["highlightPreTag"]?.GetValue<string>();
        var post = body["highlightPostTag"]?.GetValue<string>();
        if ((pre is null) != (post is null))
        {
            throw SearchApiException.BadRequest("The request is invalid. Details: highlightPreTag and highlightPostTag must be given together.");
        }

        return (pre ?? string.Empty, post ?? string.Empty);
    }

    public static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(x => x?.GetValue<string>()).OfType<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };

    public static List<(string Term, int Start, int End)> Tokens(Analyzer analyzer, string text)
    {
        var result = new List<(string, int, int)>();
        using var stream = analyzer.GetTokenStream("suggest", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            result.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return result;
    }

    /// <summary>
    /// The terms of <paramref name="field"/> that match <paramref name="word"/>: equal to it (or starting with it when
    /// <paramref name="prefix"/>), or, with <paramref name="fuzzy"/>, within one edit of it (Azure's fuzzy suggest and
    /// autocomplete allow one substituted, missing or extra character).
    /// </summary>
    public static List<string> Matching(IndexReader reader, string field, string word, bool prefix, bool fuzzy)
    {
        var result = new List<string>();
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return result;
        }

        var iterator = terms.GetEnumerator();
        if (!fuzzy)
        {
            if (iterator.SeekCeil(new BytesRef(word)) == TermsEnum.SeekStatus.END)
            {
                return result;
            }

            do
            {
                var term = iterator.Term.Utf8ToString();
                if (prefix ? !term.StartsWith(word, StringComparison.Ordinal) : term != word)
                {
                    break;
                }

                result.Add(term);
            }
            while (iterator.MoveNext());
            return result;
        }

        while (iterator.MoveNext())
        {
            var term = iterator.Term.Utf8ToString();
            if (prefix ? FuzzyPrefix(term, word) : Distance(term, word) <= 1)
            {
                result.Add(term);
            }
        }

        return result;
    }

    /// <summary>How many characters of <paramref name="term"/> the typed <paramref name="prefix"/> covers, or 0 when it does not match it.</summary>
    public static int Covered(string term, string prefix, bool fuzzy)
    {
        if (term.StartsWith(prefix, StringComparison.Ordinal))
        {
            return prefix.Length;
        }

        if (!fuzzy)
        {
            return 0;
        }

        for (var k = Math.Max(1, prefix.Length - 1); k <= Math.Min(term.Length, prefix.Length + 1); k++)
        {
            if (Distance(term[..k], prefix) <= 1)
            {
                return k;
            }
        }

        return 0;
    }

    private static bool FuzzyPrefix(string term, string prefix) => Covered(term, prefix, fuzzy: true) > 0;

    /// <summary>Levenshtein distance (small strings only).</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The text with the matched words wrapped in the tags, or null when it does not match them.</summary>
    /// <param name="analyzer">The suggester's analyzer.</param>
    /// <param name="text">A source field's text.</param>
    /// <param name="complete">For each typed word before the last, the terms it matches (itself, or those within one edit).</param>
    /// <param name="prefix">The last typed word, a prefix.</param>
    /// <param name="fuzzy">Whether the prefix may be one edit away.</param>
    /// <param name="pre">The tag before a match.</param>
    /// <param name="post">The tag after a match.</param>
    public static string? Highlight(Analyzer analyzer, string text, IReadOnlyList<IReadOnlySet<string>> complete, string prefix, bool fuzzy, string pre, string post)
    {
        var tokens = Tokens(analyzer, text);
        if (!complete.All(g => tokens.Any(t => g.Contains(t.Term))) || !tokens.Any(t => Covered(t.Term, prefix, fuzzy) > 0))
        {
            return null;
        }

        var builder = new StringBuilder();
        var position = 0;
        foreach (var (term, start, end) in tokens)
        {
            var length = complete.Any(g => g.Contains(term)) ? end - start : Math.Min(Covered(term, prefix, fuzzy), end - start);
            if (length == 0)
            {
                continue;
            }

            builder.Append(text, position, start - position).Append(pre).Append(text, start, length).Append(post);
            position = start + length;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }
}
