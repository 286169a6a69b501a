using System.Runtime.CompilerServices;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Archive.SearchEmulator;

/// <summary>
/// The OData model of an index (entity type <c>search.document</c>) that Microsoft.OData.Core binds $filter
/// against, and the <c>search.*</c> functions registered once per process.
/// </summary>
internal static class EdmModelFactory
{
    private static readonly ConditionalWeakTable<IndexSchema, EdmContext> Cache = new();
    private static readonly Lock RegistrationGate = new();
    private static bool registered;

    public static EdmContext Get(IndexSchema schema)
    {
        RegisterFunctions();
        return Cache.GetValue(schema, Build);
    }

    private static EdmContext Build(IndexSchema schema)
    {
        var model = new EdmModel();
        var type = new EdmEntityType("search", "document");
        var complexCount = 0;
        foreach (var field in schema.Fields)
        {
            var element = field.Kind == FieldKind.Complex
                ? ComplexType(model, schema.Definition["fields"]!.AsArray().First(f => f?["name"]?.GetValue<string>() == field.Name)!.AsObject(), ref complexCount)
                : EdmCoreModel.Instance.GetPrimitive(PrimitiveKind(field.Kind), true);
            IEdmTypeReference reference = field.IsCollection
                ? new EdmCollectionTypeReference(new EdmCollectionType(element))
                : element;
            var property = type.AddStructuralProperty(field.Name, reference);
            if (field.Key)
            {
                type.AddKeys(property);
            }
        }

        model.AddElement(type);
        var container = new EdmEntityContainer("search", "service");
        var set = container.AddEntitySet("docs", type);
        model.AddElement(container);
        return new EdmContext(model, type, set);
    }

    private static IEdmTypeReference ComplexType(EdmModel model, System.Text.Json.Nodes.JsonObject json, ref int count)
    {
        var complex = new EdmComplexType("search", "complex" + count++);
        foreach (var sub in json["fields"]?.AsArray() ?? [])
        {
            var name = sub!["name"]!.GetValue<string>();
            var typeName = sub["type"]!.GetValue<string>();
            var isCollection = typeName.StartsWith("Collection(", StringComparison.Ordinal);
            var elementName = isCollection ? typeName["Collection(".Length..^1] : typeName;
            IEdmTypeReference element = elementName == "Edm.ComplexType"
                ? ComplexType(model, sub.AsObject(), ref count)
                : EdmCoreModel.Instance.GetPrimitive(elementName switch
                {
                    "Edm.Int32" => EdmPrimitiveTypeKind.Int32,
                    "Edm.Int64" => EdmPrimitiveTypeKind.Int64,
                    "Edm.Double" => EdmPrimitiveTypeKind.Double,
                    "Edm.Boolean" => EdmPrimitiveTypeKind.Boolean,
                    "Edm.DateTimeOffset" => EdmPrimitiveTypeKind.DateTimeOffset,
                    "Edm.GeographyPoint" => EdmPrimitiveTypeKind.GeographyPoint,
                    _ => EdmPrimitiveTypeKind.String,
                }, true);
            complex.AddStructuralProperty(name, isCollection ? new EdmCollectionTypeReference(new EdmCollectionType(element)) : element);
        }

        model.AddElement(complex);
        return new EdmComplexTypeReference(complex, true);
    }

    private static EdmPrimitiveTypeKind PrimitiveKind(FieldKind kind) => kind switch
    {
        FieldKind.String => EdmPrimitiveTypeKind.String,
        FieldKind.Int32 => EdmPrimitiveTypeKind.Int32,
        FieldKind.Int64 => EdmPrimitiveTypeKind.Int64,
        FieldKind.Double => EdmPrimitiveTypeKind.Double,
        FieldKind.Single => EdmPrimitiveTypeKind.Single,
        FieldKind.Boolean => EdmPrimitiveTypeKind.Boolean,
        FieldKind.DateTimeOffset => EdmPrimitiveTypeKind.DateTimeOffset,
        _ => EdmPrimitiveTypeKind.GeographyPoint,
    };

    private static void RegisterFunctions()
    {
        lock (RegistrationGate)
        {
            if (registered)
            {
                return;
            }

            var boolean = EdmCoreModel.Instance.GetBoolean(false);
            var text = EdmCoreModel.Instance.GetString(true);
            Add("search.in", new FunctionSignatureWithReturnType(boolean, text, text));
            Add("search.in", new FunctionSignatureWithReturnType(boolean, text, text, text));
            foreach (var name in new[] { "search.ismatch", "search.ismatchscoring" })
            {
                Add(name, new FunctionSignatureWithReturnType(boolean, text));
                Add(name, new FunctionSignatureWithReturnType(boolean, text, text));
                Add(name, new FunctionSignatureWithReturnType(boolean, text, text, text, text));
            }

            registered = true;
        }
    }

    private static void Add(string name, FunctionSignatureWithReturnType signature)
    {
        try
        {
            CustomUriFunctions.AddCustomUriFunction(name, signature);
        }
        catch (Microsoft.OData.ODataException)
        {
            // Already registered by an earlier model in this process.
        }
    }
}
