using System.ComponentModel.DataAnnotations;

namespace Archive.Core.Options;

/// <summary>Where the originals, rejection reports and deletion events live (configuration section <c>Archive</c>).</summary>
public sealed class ArchiveOptions
{
    public const string SectionName = "Archive";

    /// <summary>Blob container names: 3-63 lower-case letters, digits and single dashes.</summary>
    internal const string ContainerNamePattern = "^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$";

    /// <summary>The container holding the original articles. Setting <c>Archive__ArticlesContainer</c>.</summary>
    [Required]
    [RegularExpression(ContainerNamePattern, ErrorMessage = "Archive:ArticlesContainer must be a valid blob container name (3-63 lower-case letters, digits and single dashes).")]
    public string ArticlesContainer { get; set; } = "articles";

    /// <summary>The container receiving rejection reports. Setting <c>Archive__RejectedContainer</c>.</summary>
    [Required]
    [RegularExpression(ContainerNamePattern, ErrorMessage = "Archive:RejectedContainer must be a valid blob container name (3-63 lower-case letters, digits and single dashes).")]
    public string RejectedContainer { get; set; } = "articles-rejected";

    /// <summary>The storage queue Event Grid delivers BlobDeleted events to. Setting <c>Archive__DeletionsQueue</c>.</summary>
    [Required]
    [RegularExpression(ContainerNamePattern, ErrorMessage = "Archive:DeletionsQueue must be a valid queue name (3-63 lower-case letters, digits and single dashes).")]
    public string DeletionsQueue { get; set; } = "article-deletions";

    /// <summary>The NCRONTAB schedule of the nightly reconcile. Setting <c>Archive__ReconcileSchedule</c>.</summary>
    [Required]
    public string ReconcileSchedule { get; set; } = "0 0 3 * * *";

    /// <summary>How many blobs the reconcile ingests, and how many blobs it checks, at once. Setting <c>Archive__ReconcileParallelism</c>.</summary>
    [Range(1, 256)]
    public int ReconcileParallelism { get; set; } = 16;

    /// <summary>
    /// How long one reconcile invocation works before it saves its place and hands on to the next (minutes; below the
    /// 30-minute function timeout of host.json). Setting <c>Archive__ReconcileSliceMinutes</c>.
    /// </summary>
    [Range(1, 25)]
    public int ReconcileSliceMinutes { get; set; } = 20;

    /// <summary>
    /// The memory the ingestions of one process may expect to use at once, in MB (see <see cref="Ingestion.IngestionMemoryGate"/>).
    /// Setting <c>Archive__IngestMemoryBudgetMB</c>; the Bicep sets half the instance memory.
    /// </summary>
    [Range(16, 65536)]
    public int IngestMemoryBudgetMB { get; set; } = 1024;

    /// <summary>
    /// The memory one ingestion is expected to need per byte of input (measured: a 10 MB text file allocates about
    /// 300 MB during extraction). Setting <c>Archive__IngestCostPerByte</c>.
    /// </summary>
    [Range(1, 1000)]
    public int IngestCostPerByte { get; set; } = 30;

    /// <summary>The queue that carries a reconcile run from one invocation to the next. Setting <c>Archive__ReconcileQueue</c>.</summary>
    [Required]
    [RegularExpression(ContainerNamePattern, ErrorMessage = "Archive:ReconcileQueue must be a valid queue name (3-63 lower-case letters, digits and single dashes).")]
    public string ReconcileQueue { get; set; } = "article-reconcile";
}
