using Azure.Search.Documents;

namespace Archive.Core.Api;

/// <summary>
/// Builds the OData filter of a query. Every value goes through <c>SearchFilter.Create</c>, which quotes and
/// escapes it; user input is never concatenated into the expression.
/// </summary>
public static class ArticleFilter
{
    /// <summary>The filter for <paramref name="query"/>, or null when nothing is filtered.</summary>
    public static string? Build(ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var clauses = new List<string>();
        clauses.AddRange(query.Authors.Select(v => SearchFilter.Create($"authors/any(x: x eq {v})")));
        clauses.AddRange(query.Sites.Select(v => SearchFilter.Create($"siteName eq {v}")));
        clauses.AddRange(query.Languages.Select(v => SearchFilter.Create($"language eq {v}")));
        clauses.AddRange(query.Tags.Select(v => SearchFilter.Create($"keywords/any(x: x eq {v})")));
        clauses.AddRange(query.People.Select(v => SearchFilter.Create($"people/any(x: x eq {v})")));
        clauses.AddRange(query.Places.Select(v => SearchFilter.Create($"places/any(x: x eq {v})")));
        clauses.AddRange(query.Organizations.Select(v => SearchFilter.Create($"organizations/any(x: x eq {v})")));
        if (query.From is { } from)
        {
            clauses.Add(SearchFilter.Create($"publishedAt ge {from}"));
        }

        if (query.Before is { } before)
        {
            clauses.Add(SearchFilter.Create($"publishedAt lt {before}"));
        }

        if (!query.IncludeDuplicates)
        {
            clauses.Add("duplicateOf eq null");
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses.Select(c => "(" + c + ")"));
    }
}
