using Microsoft.AspNetCore.Routing.Template;

namespace Archive.DevHost;

/// <summary>One HTTP-triggered function's route (with the host.json prefix) and methods.</summary>
public sealed class HttpRoute
{
    private readonly TemplateMatcher matcher;

    public HttpRoute(FunctionDefinition function, BindingDescription trigger, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(trigger);
        Function = function;
        Trigger = trigger;
        var route = (trigger.GetString("route") ?? function.Name).Trim('/');
        var prefix = (routePrefix ?? string.Empty).Trim('/');
        Template = prefix.Length == 0 ? route : prefix + "/" + route;
        var parsed = TemplateParser.Parse(Template);
        matcher = new TemplateMatcher(parsed, new RouteValueDictionary());
        Precedence = RoutePrecedence.ComputeInbound(parsed);
        Methods = trigger.GetStrings("methods").Select(m => m.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    public FunctionDefinition Function { get; }

    public BindingDescription Trigger { get; }

    /// <summary>The full route template, e.g. <c>api/articles/{id}</c>.</summary>
    public string Template { get; }

    /// <summary>Methods the function accepts; empty means all.</summary>
    public IReadOnlySet<string> Methods { get; }

    /// <summary>ASP.NET Core inbound precedence: lower values are more specific and are tried first.</summary>
    public decimal Precedence { get; }

    public bool TryMatch(string path, out RouteValueDictionary values)
    {
        values = [];
        return matcher.TryMatch(path, values);
    }

    public bool Allows(string method) => Methods.Count == 0 || Methods.Contains(method.ToUpperInvariant());
}
