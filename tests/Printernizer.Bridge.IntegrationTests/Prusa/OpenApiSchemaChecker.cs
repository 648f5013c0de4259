using System.Globalization;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

/// <summary>
/// Checks JSON against the subset of OpenAPI 3.0 schema the PrusaLink spec uses: <c>type</c>,
/// <c>required</c>, <c>properties</c>, <c>enum</c>, <c>nullable</c>, <c>$ref</c>, <c>items</c>,
/// <c>allOf</c>, <c>oneOf</c>. Extra properties are allowed (the spec never forbids them).
/// </summary>
internal sealed class OpenApiSchemaChecker
{
    private readonly YamlMappingNode _root;

    public OpenApiSchemaChecker(string yamlPath)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(yamlPath);
        stream.Load(reader);
        _root = (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>Violations of the 200 <c>application/json</c> schema of <c>GET path</c>, as <c>$.a.b: problem</c>.</summary>
    public IReadOnlyList<string> CheckGetResponse(string path, string json)
    {
        var schema = Walk(_root, "paths", path, "get", "responses", "200", "content", "application/json", "schema")
            ?? throw new ArgumentException($"no 200 JSON schema for GET {path}", nameof(path));
        using var document = JsonDocument.Parse(json);
        var errors = new List<string>();
        Check(document.RootElement, schema, "$", errors);
        return errors;
    }

    private void Check(JsonElement value, YamlNode schema, string at, List<string> errors)
    {
        if (Scalar(schema, "$ref") is { } reference)
        {
            Check(value, Resolve(reference), at, errors);
            return;
        }

        if (Child(schema, "allOf") is YamlSequenceNode all)
        {
            foreach (var part in all)
            {
                Check(value, part, at, errors);
            }
        }

        if (Child(schema, "oneOf") is YamlSequenceNode one)
        {
            // Read as "any of": the spec's alternatives (e.g. JobSerialPrint/JobFilePrint) have no
            // required fields, so every object matches all of them and a strict oneOf never holds.
            var matches = one.Count(alternative => CheckQuietly(value, alternative, at));
            if (matches == 0)
            {
                errors.Add($"{at}: matches none of the oneOf alternatives");
            }
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (Scalar(schema, "type") is not null && Scalar(schema, "nullable") != "true")
            {
                errors.Add($"{at}: null but not nullable");
            }

            return;
        }

        if (Scalar(schema, "type") is { } type && !HasType(value, type))
        {
            errors.Add($"{at}: expected {type}, got {value.ValueKind.ToString().ToLowerInvariant()}");
            return;
        }

        if (Child(schema, "enum") is YamlSequenceNode options && value.ValueKind == JsonValueKind.String
            && !options.OfType<YamlScalarNode>().Any(o => o.Value == value.GetString()))
        {
            errors.Add($"{at}: '{value.GetString()}' is not one of the enum values");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(value, schema, at, errors);
        }

        if (value.ValueKind == JsonValueKind.Array && Child(schema, "items") is { } items)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(item, items, $"{at}[{index++}]", errors);
            }
        }
    }

    private void CheckObject(JsonElement value, YamlNode schema, string at, List<string> errors)
    {
        if (Child(schema, "required") is YamlSequenceNode required)
        {
            foreach (var name in required.OfType<YamlScalarNode>().Select(n => n.Value!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{at}.{name}: required property missing");
                }
            }
        }

        if (Child(schema, "properties") is YamlMappingNode properties)
        {
            foreach (var (key, propertySchema) in properties.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                if (value.TryGetProperty(name, out var property))
                {
                    Check(property, propertySchema, $"{at}.{name}", errors);
                }
            }
        }
    }

    private bool CheckQuietly(JsonElement value, YamlNode schema, string at)
    {
        var errors = new List<string>();
        Check(value, schema, at, errors);
        return errors.Count == 0;
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && IsWhole(value),
        _ => throw new NotSupportedException($"schema type '{type}'"),
    };

    private static bool IsWhole(JsonElement value) =>
        value.TryGetInt64(out _) || (double.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d));

    private YamlNode Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"external $ref '{reference}'");
        }

        return Walk(_root, reference[2..].Split('/')) ?? throw new InvalidOperationException($"unresolved $ref '{reference}'");
    }

    private static YamlNode? Walk(YamlNode node, params string[] keys)
    {
        YamlNode? current = node;
        foreach (var key in keys)
        {
            current = current is null ? null : Child(current, key);
        }

        return current;
    }

    private static YamlNode? Child(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
