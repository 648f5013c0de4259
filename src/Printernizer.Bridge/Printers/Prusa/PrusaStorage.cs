namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>One storage, from <c>status.storage</c> (object on Buddy, array on the Pi) or <c>/api/v1/storage</c>.</summary>
internal sealed record PrusaStorage(string? Name, string? Path, string? Type, bool? ReadOnly, bool? Available, long? FreeSpace);
