using System.Text.RegularExpressions;
using Archive.Testing;

namespace Archive.Infra.Tests;

/// <summary>
/// Compiles infra/main.bicep and lints every .bicep file under infra/ once per test run (the two in parallel), and
/// hands the compiled template to the tests of the <see cref="BicepCollection"/>.
/// </summary>
public sealed partial class BicepFixture : IAsyncLifetime
{
    private ArmTemplate? template;

    /// <summary>The infra folder of the repository.</summary>
    public static string InfraDirectory => Path.Combine(RepositoryPaths.Root, "infra");

    /// <summary><c>bicep build main.bicep --stdout</c>.</summary>
    public BicepRun? Build { get; private set; }

    /// <summary><c>bicep lint --pattern **/*.bicep</c> in infra/.</summary>
    public BicepRun? Lint { get; private set; }

    /// <summary>The compiled main template; skips the calling test where Bicep cannot run.</summary>
    public ArmTemplate Template
    {
        get
        {
            SkipUnlessBicepRuns();
            Assert.True(Build is { ExitCode: 0 }, $"bicep build failed:\n{Build?.Output}");
            return template ?? throw new InvalidOperationException("The template was not parsed.");
        }
    }

    /// <summary>Diagnostics (<c>file(line,col) : Level code: message</c>) in a Bicep CLI output.</summary>
    public static IReadOnlyList<string> Diagnostics(string output) =>
        [.. DiagnosticLine().Matches(output).Select(m => m.Value.Trim())];

    /// <summary>Skips the calling test, with the reason, where the restored Bicep binary cannot run.</summary>
    public static void SkipUnlessBicepRuns() => Skip.If(BicepCli.UnsupportedReason is not null, BicepCli.UnsupportedReason);

    public async Task InitializeAsync()
    {
        if (BicepCli.UnsupportedReason is not null)
        {
            return;
        }

        var build = BicepCli.RunAsync(InfraDirectory, "build", "main.bicep", "--stdout");
        var lint = BicepCli.RunAsync(InfraDirectory, "lint", "--pattern", "**/*.bicep");
        Build = await build.ConfigureAwait(false);
        Lint = await lint.ConfigureAwait(false);
        if (Build.ExitCode == 0)
        {
            template = ArmTemplate.Parse(Build.StandardOutput);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [GeneratedRegex(@"^.*\(\d+,\d+\) : (Error|Warning|Info) .*$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}

/// <summary>Tests in this collection share one compilation of the Bicep templates.</summary>
[CollectionDefinition(Name)]
public sealed class BicepCollection : ICollectionFixture<BicepFixture>
{
    public const string Name = "Bicep";
}
