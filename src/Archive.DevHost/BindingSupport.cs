namespace Archive.DevHost;

/// <summary>Which binding types the dev host can serve, and a clear message for the rest.</summary>
public static class BindingSupport
{
    /// <summary>Trigger types the dev host drives.</summary>
    public static readonly IReadOnlySet<string> Triggers =
        new HashSet<string>(["httpTrigger", "blobTrigger", "queueTrigger", "timerTrigger"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Other bindings: the HTTP response (proxied), and blob/queue outputs the dev host writes for the worker.</summary>
    public static readonly IReadOnlySet<string> OtherBindings =
        new HashSet<string>(["http", "queue", "blob"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns one message per unsupported binding; empty when everything can run.</summary>
    public static IReadOnlyList<string> FindUnsupported(IEnumerable<FunctionDefinition> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var problems = new List<string>();
        foreach (var function in functions)
        {
            if (function.Trigger is null)
            {
                problems.Add($"Function '{function.Name}' has no trigger binding.");
            }

            foreach (var binding in function.Bindings)
            {
                var supported = binding.IsTrigger
                    ? Triggers.Contains(binding.Type)
                    : OtherBindings.Contains(binding.Type) &&
                      (string.Equals(binding.Type, "http", StringComparison.OrdinalIgnoreCase) ||
                       string.Equals(binding.Direction, "Out", StringComparison.OrdinalIgnoreCase));
                if (!supported)
                {
                    problems.Add($"Function '{function.Name}': binding '{binding.Name}' of type '{binding.Type}' ({binding.Direction}) is not supported by the dev host " +
                        "(supported: httpTrigger, blobTrigger, queueTrigger, timerTrigger, http output, queue and blob outputs). Use Core Tools (func start) for it.");
                }
            }
        }

        return problems;
    }
}
