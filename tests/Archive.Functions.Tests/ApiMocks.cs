using Archive.Core.Api;
using Archive.Core.Options;
using Archive.Core.Search;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NSubstitute;
using AISearchOptions = Azure.Search.Documents.SearchOptions;

namespace Archive.Functions.Tests;

/// <summary>A substituted SearchClient (SDK mocking support) behind the real ArticleSearchService.</summary>
internal sealed class ApiMocks
{
    public ApiMocks(BlobServiceClient? blobService = null, string articlesContainer = "articles")
    {
        Options = new ArchiveOptions { ArticlesContainer = articlesContainer };
        Client.GetDocumentAsync<ArticleDocument>(Arg.Any<string>(), Arg.Any<GetDocumentOptions>(), Arg.Any<CancellationToken>())
            .Returns(call => Documents.TryGetValue(call.ArgAt<string>(0), out var doc)
                ? Task.FromResult(Response.FromValue(doc, Substitute.For<Response>()))
                : Task.FromException<Response<ArticleDocument>>(new RequestFailedException(404, "Document not found.")));
        Client.SearchAsync<ArticleDocument>(Arg.Any<string>(), Arg.Any<AISearchOptions>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                if (Failure is not null)
                {
                    return Task.FromException<Response<SearchResults<ArticleDocument>>>(Failure);
                }

                Searches.Add((call.ArgAt<string>(0), call.ArgAt<AISearchOptions>(1)));
                var results = SearchModelFactory.SearchResults(
                    Documents.Values.Select(d => SearchModelFactory.SearchResult(d, 1.0, new Dictionary<string, IList<string>> { ["body"] = ["an <em>x</em>"] })).ToList(),
                    Documents.Count, null, null, Substitute.For<Response>());
                return Task.FromResult(Response.FromValue(results, Substitute.For<Response>()));
            });
        Service = new ArticleSearchService(Client, blobService ?? new BlobServiceClient("UseDevelopmentStorage=true"), Microsoft.Extensions.Options.Options.Create(Options));
    }

    public SearchClient Client { get; } = Substitute.For<SearchClient>();

    public ArchiveOptions Options { get; }

    public ArticleSearchService Service { get; }

    public Dictionary<string, ArticleDocument> Documents { get; } = new(StringComparer.Ordinal);

    public List<(string Text, AISearchOptions Options)> Searches { get; } = [];

    public Exception? Failure { get; set; }

    public static HttpRequest Request(string path, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    public static ProblemDetails AssertProblem(IActionResult result, int status)
    {
        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(status, problem.StatusCode);
        Assert.Equal(["application/problem+json"], problem.ContentTypes);
        var details = Assert.IsAssignableFrom<ProblemDetails>(problem.Value);
        Assert.Equal(status, details.Status);
        return details;
    }
}
