using System.Globalization;
using System.Text;

namespace Archive.Reliability;

/// <summary>
/// One line of the reliability table. <see cref="Lost"/>: blobs not indexed at their final version (nor rejected).
/// <see cref="Duplicated"/>: documents that should not exist or point wrongly: documents without a blob, stale
/// documents, and documents marked as a duplicate (every generated article body is unique).
/// </summary>
public sealed record ScenarioRow(string Scenario, int Uploads, int Indexed, int Rejected, int Poisoned, int Lost, int Duplicated, TimeSpan Time, string Note)
{
    /// <summary>What a reconcile pass after the scenario repaired (scenario 8); zero means the index already matched storage.</summary>
    public int ReconcileDifferences { get; init; }

    /// <summary>Exit code of <c>archive replay-poison</c> (scenario 1b).</summary>
    public int? ReplayExitCode { get; init; }

    public static ScenarioRow From(string scenario, int uploads, Snapshot end, int poisoned, TimeSpan time, string note) =>
        new(scenario, uploads, end.Current, end.Rejected, poisoned, end.Lost, end.Orphans + end.Stale + end.MarkedDuplicate, time, note);

    public static string Header =>
        "| scenario | uploads | indexed | rejected | poisoned | lost | duplicated | time | notes |\n" +
        "|---|---:|---:|---:|---:|---:|---:|---:|---|";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"| {Scenario} | {Uploads} | {Indexed} | {Rejected} | {Poisoned} | {Lost} | {Duplicated} | {Time.TotalSeconds:F0} s | {Note} |");

    public static string Table(IEnumerable<ScenarioRow> rows)
    {
        var text = new StringBuilder(Header).AppendLine();
        foreach (var row in rows)
        {
            text.AppendLine(row.ToString());
        }

        return text.ToString();
    }
}
