namespace Printernizer.Bridge.HomeAssistant;

/// <summary>
/// The Jinja value templates. A JSON null renders as <c>None</c>, which the MQTT sensor maps to
/// "unknown"; a lookup through a null object would render empty instead (and log a template
/// warning), which a numeric sensor ignores and so keeps a stale value. Hence the guards.
/// </summary>
internal static class ValueTemplates
{
    /// <summary>No-error state of the error sensor: a known state, unlike "unknown".</summary>
    public const string NoError = "none";

    /// <summary><c>code: text</c>, the code alone without text, or <see cref="NoError"/>; capped at HA's 255 characters.</summary>
    public const string Error =
        "{% set e = value_json.error %}{% if not e %}" + NoError + "{% elif e.text %}"
        + "{{ (e.code ~ ': ' ~ e.text)[:255] }}{% else %}{{ e.code }}{% endif %}";

    public const string HmsCount = "{{ (value_json.hms or []) | length }}";

    public const string HmsAttributes = "{{ {'hms': value_json.hms or []} | tojson }}";

    /// <summary>A top-level key of the payload.</summary>
    public static string Field(string key) => $"{{{{ value_json.{key} }}}}";

    /// <summary>
    /// A key of a nested object that may itself be null (SPEC §3.2 temperatures). The statement
    /// form keeps <c>validate_discovery.py</c> from reading the guarded lookup as a bare one.
    /// </summary>
    public static string NestedField(string parent, string key) =>
        $"{{% if value_json.{parent} %}}{{{{ value_json.{parent}.{key} }}}}{{% else %}}None{{% endif %}}";
}
