using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Archive.Functions;

/// <summary>
/// Worker middleware: every HTTP response says <c>X-Content-Type-Options: nosniff</c>, so a browser never reads a JSON
/// answer (search hits carry text from uploaded articles) as HTML or script.
/// </summary>
internal sealed class SecurityHeaders : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http)
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
        }

        return next(context);
    }
}
