using Lucene.Net.Search;

namespace Archive.SearchEmulator;

/// <summary>
/// Azure's refresh timing (<c>--refresh-delay-ms</c>): what searches, lookups by key and counts see. Each write batch,
/// once committed and acknowledged, is opened as a point-in-time searcher that is published only when the delay has
/// passed, so a write is invisible before its delay and visible after it, and a later batch never makes an earlier
/// one show early or late. The writer itself always works on the latest state (merges, existence checks).
/// </summary>
internal sealed class DelayedVisibility : IDisposable
{
    private readonly TimeSpan delay;
    private readonly Action<IndexSearcher> release;
    private readonly Lock gate = new();
    private readonly Queue<(long Due, IndexSearcher Searcher)> pending = new();
    private readonly Timer timer;
    private IndexSearcher current;
    private bool disposed;

    /// <param name="initial">The searcher visible at first, already acquired; <paramref name="release"/> gives it back.</param>
    /// <param name="delay">How long after its acknowledgement a write becomes visible.</param>
    /// <param name="release">Releases a searcher given to <see cref="Schedule"/> once it is no longer the visible one.</param>
    public DelayedVisibility(IndexSearcher initial, TimeSpan delay, Action<IndexSearcher> release)
    {
        current = initial;
        this.delay = delay;
        this.release = release;
        timer = new Timer(_ => PublishDue(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>The searcher visible now; give it back with <see cref="Release"/>.</summary>
    public IndexSearcher Acquire()
    {
        lock (gate)
        {
            current.IndexReader.IncRef();
            return current;
        }
    }

    public static void Release(IndexSearcher searcher) => searcher.IndexReader.DecRef();

    /// <summary>Makes <paramref name="searcher"/> (acquired, holding the batch just acknowledged) visible after the delay.</summary>
    public void Schedule(IndexSearcher searcher)
    {
        lock (gate)
        {
            if (disposed)
            {
                release(searcher);
                return;
            }

            pending.Enqueue((Environment.TickCount64 + (long)delay.TotalMilliseconds, searcher));
            if (pending.Count == 1)
            {
                timer.Change(delay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        List<IndexSearcher> toRelease;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            toRelease = [current, .. pending.Select(p => p.Searcher)];
            pending.Clear();
        }

        timer.Dispose();
        foreach (var searcher in toRelease)
        {
            release(searcher);
        }
    }

    private void PublishDue()
    {
        var retired = new List<IndexSearcher>();
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            var now = Environment.TickCount64;
            while (pending.Count > 0 && pending.Peek().Due <= now)
            {
                retired.Add(current);
                current = pending.Dequeue().Searcher;
            }

            if (pending.Count > 0)
            {
                timer.Change(TimeSpan.FromMilliseconds(Math.Max(1, pending.Peek().Due - now)), Timeout.InfiniteTimeSpan);
            }
        }

        foreach (var searcher in retired)
        {
            try
            {
                release(searcher);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The index closed meanwhile (this runs on a timer thread, where an exception would end the process).
            }
        }
    }
}
