using System.Reflection;
using System.Reflection.Emit;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;

namespace Archive.DevHost.WebJobs;

/// <summary>
/// Generates the <c>Host.Functions</c> class for the WebJobs SDK: one method per blob- or queue-triggered worker function,
/// with the trigger attribute built from the function's binding (path or queue name, connection).
/// </summary>
public static class StubTypeBuilder
{
    private static readonly MethodInfo InvokeBlob = typeof(FunctionStubs).GetMethod("InvokeBlobAsync", BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly MethodInfo InvokeQueue = typeof(FunctionStubs).GetMethod("InvokeQueueAsync", BindingFlags.Instance | BindingFlags.NonPublic)!;

    /// <summary>Builds the type; functions whose trigger is not blob or queue are left out.</summary>
    public static Type Build(IEnumerable<FunctionDefinition> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Host.Functions.Stubs"), AssemblyBuilderAccess.Run);
        var module = assembly.DefineDynamicModule("Host.Functions.Stubs");
        var type = module.DefineType("Host.Functions", TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Sealed, typeof(FunctionStubs));
        type.DefineDefaultConstructor(MethodAttributes.Public);
        foreach (var function in functions)
        {
            var trigger = function.Trigger;
            if (trigger is null)
            {
                continue;
            }

            if (string.Equals(trigger.Type, "blobTrigger", StringComparison.OrdinalIgnoreCase))
            {
                DefineBlob(type, function.Name, trigger);
            }
            else if (string.Equals(trigger.Type, "queueTrigger", StringComparison.OrdinalIgnoreCase))
            {
                DefineQueue(type, function.Name, trigger);
            }
        }

        return type.CreateType();
    }

    private static void DefineBlob(TypeBuilder type, string name, BindingDescription trigger)
    {
        var method = type.DefineMethod(name, MethodAttributes.Public | MethodAttributes.HideBySig, typeof(Task),
            [typeof(ParameterBindingData), typeof(string), typeof(Uri), typeof(CancellationToken)]);
        var blob = method.DefineParameter(1, ParameterAttributes.None, "triggerBlob");
        blob.SetCustomAttribute(Attribute(typeof(BlobTriggerAttribute), trigger.GetString("path") ?? string.Empty, trigger.GetString("connection")));
        method.DefineParameter(2, ParameterAttributes.None, "blobTrigger");
        method.DefineParameter(3, ParameterAttributes.None, "uri");
        method.DefineParameter(4, ParameterAttributes.None, "cancellationToken");
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldstr, name);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldarg_2);
        il.Emit(OpCodes.Ldarg_3);
        il.Emit(OpCodes.Ldarg_S, (byte)4);
        il.Emit(OpCodes.Call, InvokeBlob);
        il.Emit(OpCodes.Ret);
    }

    private static void DefineQueue(TypeBuilder type, string name, BindingDescription trigger)
    {
        var method = type.DefineMethod(name, MethodAttributes.Public | MethodAttributes.HideBySig, typeof(Task),
            [typeof(QueueMessage), typeof(CancellationToken)]);
        var message = method.DefineParameter(1, ParameterAttributes.None, "triggerMessage");
        message.SetCustomAttribute(Attribute(typeof(QueueTriggerAttribute), trigger.GetString("queueName") ?? string.Empty, trigger.GetString("connection")));
        method.DefineParameter(2, ParameterAttributes.None, "cancellationToken");
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldstr, name);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldarg_2);
        il.Emit(OpCodes.Call, InvokeQueue);
        il.Emit(OpCodes.Ret);
    }

    private static CustomAttributeBuilder Attribute(Type attributeType, string pathOrQueue, string? connection)
    {
        var constructor = attributeType.GetConstructor([typeof(string)])!;
        if (string.IsNullOrEmpty(connection))
        {
            return new CustomAttributeBuilder(constructor, [pathOrQueue]);
        }

        var connectionProperty = attributeType.GetProperty("Connection")!;
        return new CustomAttributeBuilder(constructor, [pathOrQueue], [connectionProperty], [connection]);
    }
}
