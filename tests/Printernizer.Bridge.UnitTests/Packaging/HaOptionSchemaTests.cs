namespace Printernizer.Bridge.UnitTests.Packaging;

/// <summary>The checker must refuse what the Supervisor refuses, or the manifest tests prove nothing.</summary>
public sealed class HaOptionSchemaTests
{
    private const string Schema = """
        printers:
          - id: match(^[a-z0-9_-]{1,64}$)
            type: list(bambu_lab|prusa)
            host: str
            port: port?
            access_code: password?
            tls_insecure: bool?
        base_topic: str
        retries: int(1,5)?
        tags:
          - str?
        """;

    [Theory]
    [InlineData("printers: []\nbase_topic: printernizer")]
    [InlineData("printers: [{id: x1c, type: bambu_lab, host: 10.0.0.5}]\nbase_topic: p")]
    [InlineData("printers: [{id: mk4, type: prusa, host: h, port: 8080, access_code: '0123', tls_insecure: 'yes'}]\nbase_topic: p\nretries: 5\ntags: [a, b]")]
    public void Validate_AcceptableOptions_NoProblems(string options)
    {
        Assert.Empty(HaOptionSchema.Validate(YamlValues.LoadMapping(Schema), YamlValues.LoadMapping(options)));
    }

    [Theory]
    [InlineData("base_topic: p", "printers: missing required option")]
    [InlineData("printers: []", "base_topic: missing required option")]
    [InlineData("printers: [{id: x1c, type: bambu_lab}]\nbase_topic: p", "printers[0].host: missing required option")]
    [InlineData("printers: [{id: X1C, type: bambu_lab, host: h}]\nbase_topic: p", "printers[0].id: does not match")]
    [InlineData("printers: [{id: x1c, type: bambu, host: h}]\nbase_topic: p", "printers[0].type: expected one of bambu_lab|prusa")]
    [InlineData("printers: [{id: x1c, type: prusa, host: h, port: 0}]\nbase_topic: p", "printers[0].port: expected a port")]
    [InlineData("printers: [{id: x1c, type: prusa, host: h, port: 70000}]\nbase_topic: p", "printers[0].port: expected a port")]
    [InlineData("printers: [{id: x1c, type: prusa, host: h, tls_insecure: maybe}]\nbase_topic: p", "printers[0].tls_insecure: expected a boolean")]
    [InlineData("printers: [{id: x1c, type: prusa, host: h, port: null}]\nbase_topic: p", "printers[0].port: missing required option (null)")]
    [InlineData("printers: [{id: x1c, type: prusa, host: h, colour: red}]\nbase_topic: p", "printers[0].colour: not in the schema")]
    [InlineData("printers: {id: x1c}\nbase_topic: p", "printers: expected a list")]
    [InlineData("printers: []\nbase_topic: [a]", "base_topic: expected a single value")]
    [InlineData("printers: []\nbase_topic: p\nretries: 6", "retries: value 6 outside 1,5")]
    [InlineData("printers: []\nbase_topic: p\nretries: many", "retries: expected an integer")]
    public void Validate_RefusedOptions_NamesThePath(string options, string expected)
    {
        var problems = HaOptionSchema.Validate(YamlValues.LoadMapping(Schema), YamlValues.LoadMapping(options));

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a: str")]
    [InlineData("a: password?")]
    [InlineData("a: int(1,5)")]
    [InlineData("a: float(,2.5)?")]
    [InlineData("a: 'list(x|y)?'")]
    [InlineData("a: match(^\\d+$)")]
    [InlineData("a: [{b: port, c: [email?]}]")]
    public void CheckSchema_KnownTypes_NoProblems(string schema)
    {
        Assert.Empty(HaOptionSchema.CheckSchema(YamlValues.LoadMapping(schema)));
    }

    [Theory]
    [InlineData("a: strng", "a: unknown type 'strng'")]
    [InlineData("a: [[str]]", "a[]: a list may not directly contain another list")]
    [InlineData("a: [str, int]", "a: a list schema has exactly one element")]
    [InlineData("a: {b: integer?}", "a.b: unknown type 'integer?'")]
    [InlineData("a: 5", "a: expected a type string")]
    public void CheckSchema_UnknownTypes_NamesThePath(string schema, string expected)
    {
        Assert.Contains(HaOptionSchema.CheckSchema(YamlValues.LoadMapping(schema)), p => p.StartsWith(expected, StringComparison.Ordinal));
    }
}
