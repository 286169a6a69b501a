using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Archive.Infra.Tests;

/// <summary>
/// One level of a compiled template: main.bicep, or a module compiled to a nested deployment. Resolves ARM
/// expressions textually: <c>variables('x')</c> and <c>parameters('x')</c> are replaced by their definitions (a
/// parameter by the value the parent passed, resolved in the parent, else its default), and a module output read by
/// the parent (<c>reference(...'Microsoft.Resources/deployments', 'm'...).outputs.o.value</c>) by that output's
/// expression in the module. What stays is in terms of top-level parameters and ARM functions, so two expressions
/// that denote the same thing compare equal.
/// </summary>
public sealed partial class ArmDeployment
{
    private readonly List<ArmDeployment> children = [];

    internal ArmDeployment(string name, JsonObject template, JsonObject? passedParameters, ArmDeployment? parent)
    {
        Name = name;
        Template = template;
        PassedParameters = passedParameters;
        Parent = parent;
    }

    public string Name { get; }

    public JsonObject Template { get; }

    /// <summary>The parameters the parent passes (<c>properties.parameters</c> of the deployment resource).</summary>
    public JsonObject? PassedParameters { get; }

    public ArmDeployment? Parent { get; }

    public IReadOnlyList<ArmDeployment> Children => children;

    /// <summary>The outputs this level declares, by name.</summary>
    public JsonObject Outputs => Template["outputs"] as JsonObject ?? [];

    /// <summary>
    /// Resolves a template string: a literal stays as it is; an expression <c>[...]</c> comes back resolved, as a
    /// plain literal when it reduces to one (e.g. <c>[variables('roleId')]</c> → the GUID).
    /// </summary>
    public string Resolve(string value)
    {
        if (!IsExpression(value))
        {
            return value.StartsWith("[[", StringComparison.Ordinal) ? value[1..] : value;
        }

        var inner = ResolveInner(value[1..^1], depth: 0);
        var literal = QuotedLiteral().Match(inner);
        return literal.Success ? literal.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal) : "[" + inner + "]";
    }

    /// <summary>The resolved value of output <paramref name="name"/>.</summary>
    public string ResolveOutput(string name) =>
        Outputs[name]?["value"] is JsonValue value && value.TryGetValue<string>(out var text)
            ? Resolve(text)
            : throw new InvalidOperationException($"Deployment '{Name}' has no string output '{name}'.");

    internal void AddChild(ArmDeployment child) => children.Add(child);

    private static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' && !value.StartsWith("[[", StringComparison.Ordinal);

    private string ResolveInner(string expression, int depth)
    {
        if (depth > 32)
        {
            throw new InvalidOperationException($"Expression nesting too deep in '{Name}': {expression}");
        }

        var substituted = Reference().Replace(expression, match =>
        {
            var kind = match.Groups["kind"].Value;
            var name = match.Groups["name"].Value;
            return kind == "variables" ? Variable(name, match.Value, depth) : Parameter(name, match.Value, depth);
        });
        return FoldLiteralFormats(InlineModuleOutputs(substituted, depth));
    }

    // format('a{0}b', 'x') with only literal arguments → 'axb' (innermost calls first).
    private static string FoldLiteralFormats(string expression)
    {
        var position = 0;
        while (true)
        {
            var start = expression.IndexOf("format(", position, StringComparison.Ordinal);
            if (start < 0)
            {
                return expression;
            }

            var close = MatchingParenthesis(expression, start + "format".Length);
            var arguments = close < 0 ? null : SplitArguments(expression[(start + "format(".Length)..close]);
            if (arguments is null || arguments.Count == 0 || !arguments.All(a => QuotedLiteral().IsMatch(a)))
            {
                position = start + 1;
                continue;
            }

            var values = arguments.Select(a => QuotedLiteral().Match(a).Groups[1].Value.Replace("''", "'", StringComparison.Ordinal)).ToArray();
            var text = string.Format(CultureInfo.InvariantCulture, values[0], values[1..]);
            var folded = "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
            expression = expression[..start] + folded + expression[(close + 1)..];
            position = 0;
        }
    }

    // Top-level comma-separated arguments, trimmed; null when quotes or parentheses do not balance.
    private static List<string>? SplitArguments(string text)
    {
        var result = new List<string>();
        var level = 0;
        var quoted = false;
        var begin = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                level++;
            }
            else if (!quoted && c == ')')
            {
                level--;
            }
            else if (!quoted && level == 0 && c == ',')
            {
                result.Add(text[begin..i].Trim());
                begin = i + 1;
            }
        }

        if (quoted || level != 0)
        {
            return null;
        }

        result.Add(text[begin..].Trim());
        return result;
    }

    private string Variable(string name, string original, int depth) =>
        Template["variables"]?[name] is JsonNode node ? AsInner(node, depth + 1) ?? original : original;

    private string Parameter(string name, string original, int depth)
    {
        if (PassedParameters?[name]?["value"] is JsonNode passed && Parent is not null)
        {
            return Parent.AsInner(passed, depth + 1) ?? original;
        }

        return Template["parameters"]?[name]?["defaultValue"] is JsonNode fallback
            ? AsInner(fallback, depth + 1) ?? original
            : original;
    }

    // A JSON value as an expression fragment in this level's terms; null when it cannot be written inline.
    private string? AsInner(JsonNode node, int depth)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<string>(out var text))
        {
            return IsExpression(text)
                ? ResolveInner(text[1..^1], depth)
                : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        if (value.TryGetValue<bool>(out var flag))
        {
            return flag ? "true()" : "false()";
        }

        return value.TryGetValue<double>(out var number) ? number.ToString(CultureInfo.InvariantCulture) : null;
    }

    // reference(<id of child deployment 'm'>, '<api>').outputs.o.value → the child's output expression.
    private string InlineModuleOutputs(string expression, int depth)
    {
        var result = new StringBuilder();
        var position = 0;
        while (true)
        {
            var start = expression.IndexOf("reference(", position, StringComparison.Ordinal);
            if (start < 0)
            {
                break;
            }

            var close = MatchingParenthesis(expression, start + "reference".Length);
            var tail = close < 0 ? null : OutputAccess().Match(expression, close + 1);
            var module = close < 0 ? null : DeploymentName().Match(expression[start..(close + 1)]);
            var child = module is { Success: true }
                ? children.FirstOrDefault(c => c.Name == module.Groups["name"].Value)
                : null;
            if (child is null || tail is not { Success: true } || tail.Index != close + 1 ||
                child.Outputs[tail.Groups["output"].Value]?["value"] is not JsonNode output)
            {
                result.Append(expression, position, start + 1 - position);
                position = start + 1;
                continue;
            }

            result.Append(expression, position, start - position);
            result.Append(child.AsInner(output, depth + 1) ?? expression[start..(tail.Index + tail.Length)]);
            position = tail.Index + tail.Length;
        }

        result.Append(expression, position, expression.Length - position);
        return result.ToString();
    }

    // Index of the ')' closing the '(' at openIndex, skipping quoted strings; -1 when unbalanced.
    private static int MatchingParenthesis(string text, int openIndex)
    {
        var level = 0;
        var quoted = false;
        for (var i = openIndex; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                level++;
            }
            else if (!quoted && c == ')' && --level == 0)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"\b(?<kind>parameters|variables)\('(?<name>[^']+)'\)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\G\.outputs\.(?<output>\w+)\.value")]
    private static partial Regex OutputAccess();

    [GeneratedRegex(@"'Microsoft\.Resources/deployments', '(?<name>[^']+)'\)")]
    private static partial Regex DeploymentName();

    [GeneratedRegex(@"^'((?:[^']|'')*)'$")]
    private static partial Regex QuotedLiteral();
}
