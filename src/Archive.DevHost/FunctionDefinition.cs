using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace Archive.DevHost;

/// <summary>A function of the worker: its id, its metadata (echoed on load) and its parsed bindings.</summary>
public sealed class FunctionDefinition
{
    public FunctionDefinition(string name, string functionId, IReadOnlyList<BindingDescription> bindings, RpcFunctionMetadata? metadata = null)
    {
        Name = name;
        FunctionId = functionId;
        Bindings = bindings;
        Metadata = metadata;
    }

    public string Name { get; }

    /// <summary>The worker's own function id (from the metadata response); empty for functions.metadata entries.</summary>
    public string FunctionId { get; }

    public IReadOnlyList<BindingDescription> Bindings { get; }

    /// <summary>The worker's metadata object, sent back unchanged in the load request.</summary>
    internal RpcFunctionMetadata? Metadata { get; }

    /// <summary>The trigger binding, or null when the function has none.</summary>
    public BindingDescription? Trigger => Bindings.FirstOrDefault(b => b.IsTrigger);

    /// <summary>The id the real host gives the function in the WebJobs SDK (receipts, poison messages, Event Grid).</summary>
    public string HostFunctionId => "Host.Functions." + Name;

    internal static FunctionDefinition FromRpc(RpcFunctionMetadata metadata) =>
        new(metadata.Name, metadata.FunctionId, [.. metadata.RawBindings.Select(BindingDescription.Parse)], metadata);

    /// <summary>Reads one entry of the functions.metadata file that the Functions SDK writes into the build output.</summary>
    public static FunctionDefinition FromMetadataJson(JsonElement element)
    {
        var name = element.GetProperty("name").GetString() ?? throw new InvalidOperationException("A function has no name.");
        var bindings = element.TryGetProperty("bindings", out var b) && b.ValueKind == JsonValueKind.Array
            ? b.EnumerateArray().Select(BindingDescription.Parse).ToList()
            : [];
        return new FunctionDefinition(name, string.Empty, bindings);
    }
}
