using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Executors;

namespace Archive.DevHost.WebJobs;

/// <summary>
/// A second generic host running the WebJobs SDK's real blob and queue listeners against the configured storage
/// (Azurite locally): scans, receipts, the blob-trigger queue, retries and poison queues are the SDK's own.
/// </summary>
public sealed class WebJobsListenerHost : IAsyncDisposable
{
    private readonly IHost host;

    private WebJobsListenerHost(IHost host) => this.host = host;

    /// <summary>True when any function needs the listener (blob or queue trigger).</summary>
    public static bool IsNeeded(IEnumerable<FunctionDefinition> functions) =>
        functions.Any(f => f.Trigger is { } t &&
            (string.Equals(t.Type, "blobTrigger", StringComparison.OrdinalIgnoreCase) || string.Equals(t.Type, "queueTrigger", StringComparison.OrdinalIgnoreCase)));

    public static async Task<WebJobsListenerHost> StartAsync(
        IReadOnlyList<FunctionDefinition> functions,
        FunctionInvoker invoker,
        AppSettings settings,
        HostJsonSettings hostJson,
        string hostId,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(hostJson);
        var stubType = StubTypeBuilder.Build(functions);
        var dispatcher = new StubDispatcher(functions.ToDictionary(f => f.Name, StringComparer.Ordinal), invoker);
        var services = new StubHostServices(stubType, dispatcher, hostId);
        var host = new HostBuilder()
            .UseEnvironment(Environments.Development)
            .ConfigureAppConfiguration(config =>
            {
                config.Sources.Clear();
                // local.settings.json names sections with "__" (as environment variables do); configuration uses ":".
                config.AddInMemoryCollection(settings.Values.Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)));
                config.AddEnvironmentVariables();
            })
            .ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(new SharedLoggerProvider(loggerFactory));
            })
            .ConfigureWebJobs(builder =>
            {
                builder.AddAzureStorageCoreServices();
                builder.AddAzureStorageBlobs(options =>
                {
                    if (hostJson.BlobsMaxDegreeOfParallelism is { } parallelism)
                    {
                        options.MaxDegreeOfParallelism = parallelism;
                    }

                    if (hostJson.BlobsPoisonBlobThreshold is { } threshold)
                    {
                        options.PoisonBlobThreshold = threshold;
                    }
                });
                builder.AddAzureStorageQueues(options =>
                {
                    if (hostJson.QueuesBatchSize is { } batch)
                    {
                        options.BatchSize = batch;
                    }

                    if (hostJson.QueuesNewBatchThreshold is { } newBatch)
                    {
                        options.NewBatchThreshold = newBatch;
                    }

                    if (hostJson.QueuesMaxDequeueCount is { } dequeue)
                    {
                        options.MaxDequeueCount = dequeue;
                    }

                    if (hostJson.QueuesMaxPollingInterval is { } polling)
                    {
                        options.MaxPollingInterval = polling;
                    }

                    options.MessageEncoding = hostJson.QueuesPlainMessages ? Azure.Storage.Queues.QueueMessageEncoding.None : Azure.Storage.Queues.QueueMessageEncoding.Base64;
                    if (hostJson.QueuesVisibilityTimeout is { } visibility)
                    {
                        options.VisibilityTimeout = visibility;
                    }
                });
            })
            .ConfigureServices(collection =>
            {
                collection.AddSingleton<ITypeLocator>(services);
                collection.AddSingleton<IJobActivator>(services);
                collection.AddSingleton<IHostIdProvider>(services);
            })
            .Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new WebJobsListenerHost(host);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await host.StopAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            host.Dispose();
        }
    }
}
