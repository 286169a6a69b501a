using Archive.Core.Options;
using Microsoft.Extensions.Options;

namespace Archive.Core.Ingestion;

/// <summary>
/// Bounds the memory of the ingestions running at once in this process by what they are expected to need, not by
/// their count: an ingestion of a blob of <c>n</c> bytes weighs <c>n × Archive__IngestCostPerByte</c> and waits until
/// the weights in flight leave room for it under <c>Archive__IngestMemoryBudgetMB</c>. A blob heavier than the whole
/// budget runs alone. First come, first served: a large blob is not starved by small ones behind it.
/// </summary>
public sealed class IngestionMemoryGate
{
    private readonly object sync = new();
    private readonly LinkedList<(long Weight, TaskCompletionSource Ready)> waiting = new();
    private long inFlight;

    public IngestionMemoryGate(IOptions<ArchiveOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Budget = options.Value.IngestMemoryBudgetMB * 1024L * 1024L;
        CostPerByte = options.Value.IngestCostPerByte;
    }

    /// <summary>The budget, in bytes.</summary>
    public long Budget { get; }

    /// <summary>Expected bytes of memory per byte of input.</summary>
    public int CostPerByte { get; }

    /// <summary>The weight in flight now.</summary>
    public long InFlight
    {
        get
        {
            lock (sync)
            {
                return inFlight;
            }
        }
    }

    /// <summary>The highest weight that was ever in flight at once (a measure for tests and benchmarks).</summary>
    public long PeakInFlight { get; private set; }

    /// <summary>The weight of a blob of <paramref name="contentLength"/> bytes: its expected memory, at most the budget.</summary>
    public long WeightOf(long contentLength) => Math.Clamp(Math.Max(contentLength, 1) * CostPerByte, 1, Budget);

    /// <summary>Waits until <paramref name="contentLength"/>'s weight fits, and holds it until the lease is disposed.</summary>
    public async Task<IDisposable> AcquireAsync(long contentLength, CancellationToken cancellationToken)
    {
        var weight = WeightOf(contentLength);
        LinkedListNode<(long Weight, TaskCompletionSource Ready)> node;
        lock (sync)
        {
            if (waiting.Count == 0 && inFlight + weight <= Budget)
            {
                Take(weight);
                return new Lease(this, weight);
            }

            node = waiting.AddLast((weight, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
        }

        try
        {
            await node.Value.Ready.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new Lease(this, weight);
        }
        catch (OperationCanceledException)
        {
            bool stillWaiting;
            lock (sync)
            {
                stillWaiting = node.List is not null;
                if (stillWaiting)
                {
                    waiting.Remove(node);
                }
            }

            // Granted just as it was cancelled: give the weight back. Either way, those behind may fit now.
            Release(stillWaiting ? 0 : weight);
            throw;
        }
    }

    private void Take(long weight)
    {
        inFlight += weight;
        PeakInFlight = Math.Max(PeakInFlight, inFlight);
    }

    private void Release(long weight)
    {
        lock (sync)
        {
            inFlight -= weight;
            while (waiting.First is { } first && inFlight + first.Value.Weight <= Budget)
            {
                waiting.RemoveFirst();
                Take(first.Value.Weight);
                first.Value.Ready.SetResult();
            }
        }
    }

    private sealed class Lease(IngestionMemoryGate gate, long weight) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                gate.Release(weight);
            }
        }
    }
}
