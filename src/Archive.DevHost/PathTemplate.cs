using System.Text;
using System.Text.RegularExpressions;

namespace Archive.DevHost;

/// <summary>Matches a blob path template such as <c>articles/{name}</c> against a blob path and resolves templates.</summary>
public static class PathTemplate
{
    private static readonly Regex Token = new(@"\{(?<name>[A-Za-z_][A-Za-z0-9_\-]*)\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The parameter values, e.g. <c>name = "a/b.txt"</c>; empty when the path does not fit the template.</summary>
    public static IReadOnlyDictionary<string, string> Match(string template, string path) =>
        TryMatch(template, path, out var values) ? values : new Dictionary<string, string>();

    /// <summary>True when the path fits the template; the parameter values come out.</summary>
    public static bool TryMatch(string template, string path, out IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(path);
        var pattern = new StringBuilder("^");
        var last = 0;
        foreach (Match token in Token.Matches(template))
        {
            pattern.Append(Regex.Escape(template[last..token.Index]));
            pattern.Append("(?<").Append(token.Groups["name"].Value.Replace("-", "_", StringComparison.Ordinal)).Append(">.+?)");
            last = token.Index + token.Length;
        }

        pattern.Append(Regex.Escape(template[last..])).Append('$');
        var match = Regex.Match(path, pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        values = result;
        if (!match.Success)
        {
            return false;
        }

        foreach (Match token in Token.Matches(template))
        {
            var name = token.Groups["name"].Value;
            result[name] = match.Groups[name.Replace("-", "_", StringComparison.Ordinal)].Value;
        }

        return true;
    }

    /// <summary>Replaces <c>{key}</c> tokens with values; <c>{rand-guid}</c> becomes a new GUID. Unknown tokens stay.</summary>
    public static string Resolve(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        return Token.Replace(template, m =>
        {
            var name = m.Groups["name"].Value;
            if (string.Equals(name, "rand-guid", StringComparison.OrdinalIgnoreCase))
            {
                return Guid.NewGuid().ToString();
            }

            return values.TryGetValue(name, out var value) ? value : m.Value;
        });
    }
}
