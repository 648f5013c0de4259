using System.Collections;
using System.Text.Json.Nodes;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// The objects of a JSON array, other elements skipped. A struct that is its own enumerator, so
/// the readers' <c>foreach</c> on every report allocates nothing; LINQ still works through the interface.
/// </summary>
internal struct BambuObjectElements : IEnumerable<JsonObject>
{
    private readonly JsonArray? _array;
    private int _index;

    public BambuObjectElements(JsonArray? array)
    {
        _array = array;
        _index = -1;
        Current = null!;
    }

    public JsonObject Current { get; private set; }

    public readonly BambuObjectElements GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_array is not null && ++_index < _array.Count)
        {
            if (_array[_index] is JsonObject element)
            {
                Current = element;
                return true;
            }
        }

        return false;
    }

    readonly IEnumerator<JsonObject> IEnumerable<JsonObject>.GetEnumerator() =>
        (_array?.OfType<JsonObject>() ?? []).GetEnumerator();

    readonly IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<JsonObject>)this).GetEnumerator();
}
