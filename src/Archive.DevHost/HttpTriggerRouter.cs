
namespace Archive.DevHost;

/// <summary>Finds the HTTP-triggered function for a request path and method.</summary>
public sealed class HttpTriggerRouter
{
    private readonly IReadOnlyList<HttpRoute> routes;

    public HttpTriggerRouter(IEnumerable<FunctionDefinition> functions, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(functions);
        routes = [.. functions
            .Select(f => (Function: f, Trigger: f.Trigger))
            .Where(x => x.Trigger is not null && string.Equals(x.Trigger.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase))
            .Select(x => new HttpRoute(x.Function, x.Trigger!, routePrefix))
            .OrderBy(r => r.Precedence)];
    }

    public IReadOnlyList<HttpRoute> Routes => routes;

    /// <summary>The first route (most specific first) whose template and method fit, or null.</summary>
    public HttpRoute? Match(string path, string method, out RouteValueDictionary values)
    {
        foreach (var route in routes)
        {
            if (route.TryMatch(path, out values) && route.Allows(method))
            {
                return route;
            }
        }

        values = [];
        return null;
    }
}
