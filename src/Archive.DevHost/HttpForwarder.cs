using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace Archive.DevHost;

/// <summary>
/// Forwards a matched request to the worker's own HTTP server with <c>x-ms-invocation-id</c> and sends the
/// InvocationRequest at the same moment (the worker pairs the two); the client gets the worker's response as soon as it
/// is complete, whatever the invocation response is still doing.
/// </summary>
public sealed class HttpForwarder(FunctionInvoker invoker, ILogger<HttpForwarder> logger) : IDisposable
{
    private static readonly HashSet<string> HopByHop = new(
        ["Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "Upgrade", "TE", "Trailer", "Proxy-Authenticate", "Proxy-Authorization", "Host"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly TimeSpan InvocationGrace = TimeSpan.FromSeconds(1);

    private readonly HttpClient client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    })
    {
        Timeout = TimeSpan.FromMinutes(5),
    };

    public async Task ForwardAsync(HttpContext context, HttpRoute route, Microsoft.AspNetCore.Routing.RouteValueDictionary routeValues, Uri workerHttpUri)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(routeValues);
        var request = Invocations.Create(route.Function);
        var url = new Uri(context.Request.GetDisplayUrl());
        Invocations.AddHttp(
            request,
            route.Trigger,
            context.Request.Method,
            url,
            routeValues.Select(kv => new KeyValuePair<string, string?>(kv.Key, Convert.ToString(kv.Value, CultureInfo.InvariantCulture))),
            context.Request.Query.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value.ToString())));

        using var forward = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(workerHttpUri, context.Request.Path + context.Request.QueryString));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            forward.Content = new StreamContent(context.Request.Body);
        }

        foreach (var header in context.Request.Headers)
        {
            if (HopByHop.Contains(header.Key))
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value))
            {
                forward.Content?.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value);
            }
        }

        forward.Headers.Host = context.Request.Host.Value;
        forward.Headers.TryAddWithoutValidation("x-ms-invocation-id", request.InvocationId);

        // Both at the same moment: the worker waits at most 5 s for the invocation and 15 s for the request.
        var invocation = invoker.InvokeAsync(route.Function, request, $"HTTP {context.Request.Method} {context.Request.Path}", CancellationToken.None);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            Log.ForwardFailed(logger, route.Function.Name, ex.Message);
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            await context.Response.WriteAsync($"The worker did not answer: {ex.Message}", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        using (response)
        {
            // A function that throws still lets the worker's server answer 200 with an empty body; the Functions host
            // answers 500 then. The invocation response normally arrives with the headers, so wait for it briefly (never
            // for the worker's pairing timeouts: a slower outcome is only logged).
            await Task.WhenAny(invocation, Task.Delay(InvocationGrace, CancellationToken.None)).ConfigureAwait(false);
            if (invocation.IsCompletedSuccessfully && invocation.Result.Result?.Status != StatusResult.Types.Status.Success)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopByHop.Contains(header.Key))
                {
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                }
            }

            await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted).ConfigureAwait(false);
            await body.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    public void Dispose() => client.Dispose();
}
