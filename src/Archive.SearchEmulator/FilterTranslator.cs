using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Microsoft.OData;
using Microsoft.OData.UriParser;

namespace Archive.SearchEmulator;

/// <summary>
/// Translates an OData <c>$filter</c> (bound by Microsoft.OData.Core against the index's model) into a Lucene
/// query over the exact, non-analyzed values. Filterability and Azure's extra rules are checked here.
/// </summary>
internal sealed class FilterTranslator
{
    private readonly IndexSchema schema;
    private readonly string parameter;

    private FilterTranslator(IndexSchema schema, string parameter)
    {
        this.schema = schema;
        this.parameter = parameter;
    }

    /// <summary>Parses and translates; throws 400 in Azure's wording when the filter is invalid.</summary>
    public static Query Translate(IndexSchema schema, string filter, string parameter = "$filter")
    {
        var context = EdmModelFactory.Get(schema);
        SingleValueNode expression;
        try
        {
            var parser = new ODataQueryOptionParser(context.Model, context.Type, context.Set, new Dictionary<string, string> { ["$filter"] = filter });
            expression = parser.ParseFilter().Expression;
        }
        catch (ODataException ex)
        {
            throw SearchApiException.InvalidExpression(ex.Message, parameter);
        }

        return new FilterTranslator(schema, parameter).Node(expression, null, negated: false);
    }

    private static Query All() => new MatchAllDocsQuery();

    private static Query None() => new BooleanQuery();

    private static Query Not(Query query) => new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST }, { query, Occur.MUST_NOT } };

    private static QueryNode Unwrap(QueryNode node) => node is ConvertNode convert ? Unwrap(convert.Source) : node;

    private static BinaryOperatorKind Negate(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Equal => BinaryOperatorKind.NotEqual,
        BinaryOperatorKind.NotEqual => BinaryOperatorKind.Equal,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThanOrEqual,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThan,
        _ => kind,
    };

    private static BinaryOperatorKind Flip(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        _ => kind,
    };

    /// <summary>Translates a boolean node. Inside a lambda, negation is pushed down to the comparisons.</summary>
    private Query Node(QueryNode node, Lambda? lambda, bool negated)
    {
        node = Unwrap(node);
        switch (node)
        {
            case BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or } logical:
                var left = Node(logical.Left, lambda, negated);
                var right = Node(logical.Right, lambda, negated);
                var isAnd = (logical.OperatorKind == BinaryOperatorKind.And) != negated;
                var occur = isAnd ? Occur.MUST : Occur.SHOULD;
                return new BooleanQuery { { left, occur }, { right, occur } };
            case BinaryOperatorNode comparison:
                return Comparison(comparison, lambda, negated);
            case UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not:
                if (lambda is not null)
                {
                    return Node(not.Operand, lambda, !negated);
                }

                return negated ? Node(not.Operand, null, false) : Not(Node(not.Operand, null, false));
            case ConstantNode { Value: bool value }:
                return value != negated ? All() : None();
            case SingleValuePropertyAccessNode property when lambda is null:
                var boolField = Field(property);
                if (boolField.Kind != FieldKind.Boolean)
                {
                    throw Invalid("A boolean expression was expected.");
                }

                return Int64Compare(boolField, BinaryOperatorKind.Equal, negated ? 0 : 1);
            case NonResourceRangeVariableReferenceNode when lambda is { Field.Kind: FieldKind.Boolean } booleanLambda:
                return Int64Compare(booleanLambda.Field, BinaryOperatorKind.Equal, negated ? 0 : 1);
            case AnyNode any when lambda is null:
                return negated ? Not(AnyQuery(any.Source, any.CurrentRangeVariable, any.Body, false)) : AnyQuery(any.Source, any.CurrentRangeVariable, any.Body, false);
            case AllNode all when lambda is null:
                // all(x: P) is not any(x: not P).
                var none = AnyQuery(all.Source, all.CurrentRangeVariable, all.Body, true);
                return negated ? none : Not(none);
            case AnyNode or AllNode:
                throw Invalid("Nested lambda expressions are not supported.");
            case SingleValueFunctionCallNode function:
                return Function(function, lambda, negated);
            case InNode:
                throw Invalid("The 'in' operator is not supported. Use search.in instead.");
            default:
                throw Invalid($"The expression of kind '{node.Kind}' is not supported in a filter.");
        }
    }

    private Query AnyQuery(CollectionNode source, RangeVariable? variable, SingleValueNode body, bool negatedBody)
    {
        if (Unwrap(source) is not CollectionPropertyAccessNode collection || collection.Source is not ResourceRangeVariableReferenceNode)
        {
            throw Invalid("Lambda expressions are only supported on top-level collection fields.");
        }

        var field = CheckFilterable(collection.Property.Name);
        if (Unwrap(body) is ConstantNode { Value: true } && variable is null)
        {
            // tags/any(): the collection is not empty.
            var present = new TermQuery(new Term(DocumentCodec.PresenceField, field.Name));
            return negatedBody ? Not(present) : present;
        }

        return Node(body, new Lambda(variable?.Name ?? string.Empty, field), negatedBody);
    }

    private Query Function(SingleValueFunctionCallNode function, Lambda? lambda, bool negated)
    {
        var args = function.Parameters.Select(Unwrap).ToList();
        switch (function.Name)
        {
            case "search.in":
                var field = Operand(args[0], lambda);
                if (field.Kind != FieldKind.String)
                {
                    throw Invalid("search.in can only be used with string fields.");
                }

                if (args.Skip(1).Any(a => a is not ConstantNode { Value: string }))
                {
                    throw Invalid("The arguments of search.in after the field must be string literals.");
                }

                var values = ((ConstantNode)args[1]).Value.ToString()!;
                var delimiters = args.Count > 2 ? ((ConstantNode)args[2]).Value.ToString()!.ToCharArray() : [' ', ','];
                var terms = values.Split(delimiters, StringSplitOptions.RemoveEmptyEntries)
                    .Select(v => new Term(field.RawField, v)).ToList();
                Query query = terms.Count == 0 ? None() : new ConstantScoreQuery(new TermsFilter(terms));
                if (negated && lambda is not null)
                {
                    throw Invalid("Only 'not search.in' inside 'all' and 'search.in' inside 'any' are supported on string collections.");
                }

                return negated ? Not(query) : query;
            case "search.ismatch" or "search.ismatchscoring":
                throw Invalid($"The function '{function.Name}' is not supported by the emulator.");
            default:
                throw Invalid($"Unknown function '{function.Name}'.");
        }
    }

    private Query Comparison(BinaryOperatorNode node, Lambda? lambda, bool negated)
    {
        var left = Unwrap(node.Left);
        var right = Unwrap(node.Right);
        var op = node.OperatorKind;
        if (left is ConstantNode && right is not ConstantNode)
        {
            (left, right) = (right, left);
            op = Flip(op);
        }

        if (right is not ConstantNode constant)
        {
            throw Invalid("Comparisons must be between a field and a literal value.");
        }

        var field = Operand(left, lambda);
        if (negated)
        {
            op = Negate(op);
        }

        if (lambda is not null && op == BinaryOperatorKind.NotEqual)
        {
            throw Invalid("Inside 'any' only 'eq' comparisons (combined with 'or') are supported on collections, and inside 'all' only 'ne' comparisons (combined with 'and').");
        }

        if (constant.Value is null)
        {
            if (op is not (BinaryOperatorKind.Equal or BinaryOperatorKind.NotEqual))
            {
                throw Invalid("null can only be compared with 'eq' or 'ne'.");
            }

            var present = new TermQuery(new Term(DocumentCodec.PresenceField, field.Name));
            return op == BinaryOperatorKind.Equal ? Not(present) : present;
        }

        switch (field.Kind)
        {
            case FieldKind.String:
                var text = constant.Value as string ?? throw Invalid("A string literal was expected.");
                return op switch
                {
                    BinaryOperatorKind.Equal => new TermQuery(new Term(field.RawField, text)),
                    BinaryOperatorKind.NotEqual => Not(new TermQuery(new Term(field.RawField, text))),
                    BinaryOperatorKind.GreaterThan => TermRangeQuery.NewStringRange(field.RawField, text, null, false, false),
                    BinaryOperatorKind.GreaterThanOrEqual => TermRangeQuery.NewStringRange(field.RawField, text, null, true, false),
                    BinaryOperatorKind.LessThan => TermRangeQuery.NewStringRange(field.RawField, null, text, false, false),
                    _ => TermRangeQuery.NewStringRange(field.RawField, null, text, false, true),
                };
            case FieldKind.Double:
                var d = Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
                if (double.IsNaN(d))
                {
                    return op == BinaryOperatorKind.NotEqual ? All() : None();
                }

                return op switch
                {
                    BinaryOperatorKind.Equal => NumericRangeQuery.NewDoubleRange(field.RawField, d, d, true, true),
                    BinaryOperatorKind.NotEqual => Not(NumericRangeQuery.NewDoubleRange(field.RawField, d, d, true, true)),
                    BinaryOperatorKind.GreaterThan => NumericRangeQuery.NewDoubleRange(field.RawField, d, null, false, false),
                    BinaryOperatorKind.GreaterThanOrEqual => NumericRangeQuery.NewDoubleRange(field.RawField, d, null, true, false),
                    BinaryOperatorKind.LessThan => NumericRangeQuery.NewDoubleRange(field.RawField, null, d, false, false),
                    _ => NumericRangeQuery.NewDoubleRange(field.RawField, null, d, false, true),
                };
            case FieldKind.DateTimeOffset:
                if (constant.Value is not DateTimeOffset date)
                {
                    throw Invalid($"The field '{field.Name}' is of type Edm.DateTimeOffset; compare it with a DateTimeOffset literal such as 2020-01-01T00:00:00Z.");
                }

                return Int64Compare(field, op, DocumentCodec.ToMilliseconds(date));
            case FieldKind.Boolean:
                if (constant.Value is not bool flag)
                {
                    throw Invalid("A boolean literal was expected.");
                }

                return Int64Compare(field, op, flag ? 1 : 0);
            case FieldKind.Int32 or FieldKind.Int64:
                return IntegerCompare(field, op, constant.Value);
            default:
                throw Invalid($"Filtering on fields of type '{field.EdmType}' is not supported by the emulator.");
        }
    }

    private Query IntegerCompare(SchemaField field, BinaryOperatorKind op, object value)
    {
        if (value is double or float or decimal)
        {
            var d = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            if (double.IsNaN(d) || double.IsInfinity(d))
            {
                throw Invalid($"The field '{field.Name}' is an integer field; it cannot be compared with NaN or INF.");
            }

            if (d != Math.Floor(d))
            {
                return op switch
                {
                    BinaryOperatorKind.Equal => None(),
                    BinaryOperatorKind.NotEqual => All(),
                    BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual => Int64Compare(field, BinaryOperatorKind.GreaterThanOrEqual, (long)Math.Ceiling(d)),
                    _ => Int64Compare(field, BinaryOperatorKind.LessThanOrEqual, (long)Math.Floor(d)),
                };
            }
        }

        return Int64Compare(field, op, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Query Int64Compare(SchemaField field, BinaryOperatorKind op, long v) => op switch
    {
        BinaryOperatorKind.Equal => NumericRangeQuery.NewInt64Range(field.RawField, v, v, true, true),
        BinaryOperatorKind.NotEqual => Not(NumericRangeQuery.NewInt64Range(field.RawField, v, v, true, true)),
        BinaryOperatorKind.GreaterThan => NumericRangeQuery.NewInt64Range(field.RawField, v, null, false, false),
        BinaryOperatorKind.GreaterThanOrEqual => NumericRangeQuery.NewInt64Range(field.RawField, v, null, true, false),
        BinaryOperatorKind.LessThan => NumericRangeQuery.NewInt64Range(field.RawField, null, v, false, false),
        _ => NumericRangeQuery.NewInt64Range(field.RawField, null, v, false, true),
    };

    private SchemaField Operand(QueryNode node, Lambda? lambda) => node switch
    {
        SingleValuePropertyAccessNode property when lambda is null => Field(property),
        SingleValuePropertyAccessNode => throw Invalid("Inside a lambda expression only the range variable can be compared."),
        NonResourceRangeVariableReferenceNode variable when lambda is not null && variable.Name == lambda.Variable => lambda.Field,
        _ => throw Invalid("The left side of a comparison must be a field."),
    };

    private SchemaField Field(SingleValuePropertyAccessNode property)
    {
        if (property.Source is not ResourceRangeVariableReferenceNode)
        {
            throw Invalid("Filtering on sub-fields of complex fields is not supported by the emulator.");
        }

        return CheckFilterable(property.Property.Name);
    }

    private SchemaField CheckFilterable(string name)
    {
        var field = schema.FieldsByName[name];
        if (!field.Filterable)
        {
            throw Invalid($"'{name}' is not a filterable field. Only filterable fields can be used in filter expressions.");
        }

        return field;
    }

    private SearchApiException Invalid(string message) => SearchApiException.InvalidExpression(message, parameter);

    private sealed record Lambda(string Variable, SchemaField Field);
}
