namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// Runs work on the calling thread with itself as <see cref="TaskScheduler.Current"/> and a concurrency of one, so
/// that a library's <c>Parallel.For</c> inside it (Lingua scores its candidate languages in parallel) runs its loop
/// inline instead of spreading one small detection over the thread pool. Extraction is already parallel per article
/// (one invocation per blob, several at once): spreading each call only adds hand-offs and spinning threads; measured
/// in the plain-text benchmark as CPU time on other threads.
/// </summary>
internal sealed class CallingThreadScheduler : TaskScheduler
{
    private static readonly CallingThreadScheduler Instance = new();

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Runs <paramref name="work"/> on this thread under this scheduler and returns its result (exceptions as thrown).</summary>
    public static T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var task = new Task<T>(work);
        task.RunSynchronously(Instance);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>A task queued from inside (a parallel loop's extra worker, a continuation) runs at once, on this thread.</summary>
    protected override void QueueTask(Task task) => TryExecuteTask(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [];
}
