using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>Pending commands by <c>sequence_id</c>; the printer's echo completes them.</summary>
internal sealed class BambuCommandTracker
{
    /// <summary>0x05024007: "mqtt message verify failed", the firmware wants signed commands.</summary>
    public const long SignatureRequired = 84033543;

    private readonly ConcurrentDictionary<string, (string Command, TaskCompletionSource<CommandResult> Result)> _pending = new();
    private readonly string _printerId;

    public BambuCommandTracker(string printerId)
    {
        _printerId = printerId;
    }

    public Task<CommandResult> Register(string sequenceId, string command)
    {
        var completion = new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[sequenceId] = (command, completion);
        return completion.Task;
    }

    public void Forget(string sequenceId) => _pending.TryRemove(sequenceId, out _);

    public static bool IsLockedReply(JsonObject acknowledgement) =>
        BambuJson.Long(acknowledgement["err_code"]) is SignatureRequired or 0x05024009;

    /// <summary>Completes the matching command, if the echo answers one of ours (other clients share the topic).</summary>
    public void Complete(JsonObject acknowledgement)
    {
        if (BambuJson.String(acknowledgement["sequence_id"]) is not { } sequenceId || !_pending.TryRemove(sequenceId, out var pending))
        {
            return;
        }

        pending.Result.TrySetResult(ToResult(acknowledgement, pending.Command));
    }

    private CommandResult ToResult(JsonObject acknowledgement, string command)
    {
        var result = BambuJson.String(acknowledgement["result"]);
        var reason = BambuJson.Text(acknowledgement["reason"]);
        var errorCode = BambuJson.Long(acknowledgement["err_code"]) ?? 0;
        if (IsLockedReply(acknowledgement))
        {
            return CommandResult.Failure(
                $"printer '{_printerId}' refused '{command}': its firmware requires signed commands; turn on LAN Only Mode and Developer Mode on the printer");
        }

        if (string.Equals(result, "success", StringComparison.OrdinalIgnoreCase) && errorCode == 0)
        {
            return CommandResult.Success;
        }

        var why = reason ?? result ?? (errorCode != 0 ? $"error {BambuPrintErrorFormatter.Format(errorCode)}" : "no reason given");
        return CommandResult.Failure($"printer '{_printerId}' refused '{command}': {why}");
    }
}
