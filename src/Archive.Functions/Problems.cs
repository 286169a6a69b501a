using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Functions;

/// <summary>RFC 7807 problem+json responses.</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    public static ObjectResult Create(int status, string title, string detail, string? instance = null) =>
        Wrap(new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = instance, Type = TypeFor(status) });

    public static ObjectResult Validation(IReadOnlyDictionary<string, string[]> errors, string? instance = null) =>
        Wrap(new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
            Detail = string.Join(" ", errors.SelectMany(e => e.Value)),
            Instance = instance,
            Type = TypeFor(StatusCodes.Status400BadRequest),
        });

    public static ObjectResult NotFound(string detail, string? instance = null) =>
        Create(StatusCodes.Status404NotFound, "Not found.", detail, instance);

    public static ObjectResult Unavailable(string detail, string? instance = null) =>
        Create(StatusCodes.Status503ServiceUnavailable, "A dependency is unavailable.", detail, instance);

    private static ObjectResult Wrap(ProblemDetails problem)
    {
        var result = new ObjectResult(problem) { StatusCode = problem.Status };
        result.ContentTypes.Add(ContentType);
        return result;
    }

    private static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => "about:blank",
    };
}
