using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Executors;

namespace Archive.DevHost.WebJobs;

/// <summary>Hands the WebJobs SDK the generated stub type, creates its instances and fixes the host id.</summary>
internal sealed class StubHostServices(Type stubType, StubDispatcher dispatcher, string hostId) : ITypeLocator, IJobActivator, IHostIdProvider
{
    public IReadOnlyList<Type> GetTypes() => [stubType];

    public T CreateInstance<T>()
    {
        var instance = Activator.CreateInstance<T>();
        if (instance is FunctionStubs stubs)
        {
            stubs.Dispatcher = dispatcher;
        }

        return instance;
    }

    public Task<string> GetHostIdAsync(CancellationToken cancellationToken) => Task.FromResult(hostId);
}
