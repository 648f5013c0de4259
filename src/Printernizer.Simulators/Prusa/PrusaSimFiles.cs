using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Printernizer.Simulators.Prusa;

/// <summary>
/// Files from a folder of sample files, shaped like each server: storages, v1 listings (one folder
/// per request, ETag and 304 on folders, Buddy <c>ro</c> without sizes, Pi <c>read_only</c> with sizes),
/// raw downloads with <c>Range</c>, and thumbnails (a <c>&lt;file&gt;.png</c> beside the file, else a built-in PNG).
/// Names are served as they are on disk (no 8.3 short names).
/// </summary>
internal sealed class PrusaSimFiles
{
    /// <summary>A valid 1×1 PNG, for files without their own thumbnail.</summary>
    public static readonly byte[] DefaultThumbnail = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly PrusaSimulatorOptions _options;

    public PrusaSimFiles(PrusaSimulatorOptions options)
    {
        _options = options;
    }

    private bool IsBuddy => _options.Flavour == PrusaFlavour.Buddy;

    public string Storage => IsBuddy ? "usb" : "local";

    public PrusaHttpResponse StorageList()
    {
        var storage = new JsonObject
        {
            ["path"] = IsBuddy ? "/usb/" : "/local",
            ["name"] = IsBuddy ? "usb" : "PrusaLink gcodes",
            ["type"] = IsBuddy ? "USB" : "LOCAL",
            ["read_only"] = false,
            ["available"] = _options.FilesDirectory is not null,
        };
        return PrusaHttpResponse.Json(200, new JsonObject { ["storage_list"] = new JsonArray(storage) }.ToJsonString());
    }

    public PrusaHttpResponse Listing(PrusaHttpRequest request, IReadOnlyList<string> path)
    {
        if (path.Count == 0 || path[0] != Storage || Resolve(path.Skip(1)) is not { } full)
        {
            return PrusaHttpResponse.Empty(404);
        }

        if (File.Exists(full))
        {
            return PrusaHttpResponse.Json(200, Entry(new FileInfo(full), path.Skip(1), single: true).ToJsonString());
        }

        if (!Directory.Exists(full))
        {
            return PrusaHttpResponse.Empty(404);
        }

        var children = new DirectoryInfo(full).EnumerateFileSystemInfos()
            .Where(i => !i.Name.StartsWith('.') && !i.Name.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .Select(i => (JsonNode)Entry(i, path.Skip(1).Append(i.Name), single: false))
            .ToArray();
        var body = new JsonObject { ["type"] = "FOLDER", [IsBuddy ? "ro" : "read_only"] = false, ["name"] = path[^1], ["children"] = new JsonArray(children) }.ToJsonString();
        var etag = IsBuddy
            ? "\"" + BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(body))).ToString(CultureInfo.InvariantCulture) + "\""
            : "W/\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..10].ToLowerInvariant() + "\"";
        return request.Header("If-None-Match") == etag
            ? PrusaHttpResponse.Empty(304).WithHeader("ETag", etag)
            : PrusaHttpResponse.Json(200, body).WithHeader("ETag", etag);
    }

    /// <summary>The raw file; honours a single <c>Range: bytes=a-b</c>.</summary>
    public PrusaHttpResponse Download(PrusaHttpRequest request, IEnumerable<string> relative)
    {
        if (Resolve(relative) is not { } full || !File.Exists(full))
        {
            return PrusaHttpResponse.Empty(404);
        }

        using var file = File.OpenRead(full);
        var length = file.Length;
        if (!TryRange(request.Header("Range"), length, out var from, out var to))
        {
            return PrusaHttpResponse.Empty(416).WithHeader("Content-Range", $"bytes */{length}");
        }

        var body = new byte[to - from + 1];
        file.Position = from;
        file.ReadExactly(body);
        var response = new PrusaHttpResponse(request.Header("Range") is null ? 200 : 206, "application/octet-stream", body, [], false);
        return request.Header("Range") is null ? response : response.WithHeader("Content-Range", $"bytes {from}-{to}/{length}");
    }

    public PrusaHttpResponse Thumbnail(IEnumerable<string> relative, string jobFileName, string jobShortName)
    {
        var parts = relative.ToArray();
        if (Resolve(parts) is { } full && File.Exists(full + ".png"))
        {
            return new PrusaHttpResponse(200, "image/png", File.ReadAllBytes(full + ".png"), [], false);
        }

        return parts.Length > 0 && (parts[^1] == jobFileName || parts[^1] == jobShortName || (Resolve(parts) is { } existing && File.Exists(existing)))
            ? new PrusaHttpResponse(200, "image/png", DefaultThumbnail, [], false)
            : PrusaHttpResponse.Empty(404);
    }

    private JsonObject Entry(FileSystemInfo info, IEnumerable<string> relative, bool single)
    {
        var isFolder = info is DirectoryInfo;
        var entry = new JsonObject
        {
            ["name"] = info.Name,
            ["display_name"] = info.Name,
            [IsBuddy ? "ro" : "read_only"] = false,
            ["type"] = isFolder ? "FOLDER" : info.Name.EndsWith("code", StringComparison.OrdinalIgnoreCase) ? "PRINT_FILE" : "FILE",
            ["m_timestamp"] = new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeSeconds(),
        };
        if (!isFolder)
        {
            if (!IsBuddy || single)
            {
                entry["size"] = ((FileInfo)info).Length;
            }

            var path = string.Join('/', relative.Select(Uri.EscapeDataString));
            entry["refs"] = IsBuddy
                ? new JsonObject { ["download"] = $"/usb/{path}", ["icon"] = $"/thumb/s/usb/{path}", ["thumbnail"] = $"/thumb/l/usb/{path}" }
                : new JsonObject { ["download"] = $"/api/files/local/{path}/raw", ["icon"] = null, ["thumbnail"] = $"/api/thumbnails/{path}.orig.png" };
        }

        return entry;
    }

    private string? Resolve(IEnumerable<string> relative)
    {
        if (_options.FilesDirectory is not { } root)
        {
            return null;
        }

        var parts = relative.Select(Uri.UnescapeDataString).ToArray();
        if (parts.Any(p => p is "." or ".." || p.Contains('/', StringComparison.Ordinal) || p.Contains('\\', StringComparison.Ordinal)))
        {
            return null;
        }

        return Path.Combine([root, .. parts]);
    }

    private static bool TryRange(string? header, long length, out long from, out long to)
    {
        from = 0;
        to = length - 1;
        if (header is null)
        {
            return true;
        }

        var spec = header.StartsWith("bytes=", StringComparison.Ordinal) ? header[6..].Split('-') : [];
        if (spec.Length != 2 || !long.TryParse(spec[0], CultureInfo.InvariantCulture, out from) || from >= length)
        {
            return false;
        }

        to = long.TryParse(spec[1], CultureInfo.InvariantCulture, out var end) ? Math.Min(end, length - 1) : length - 1;
        return to >= from;
    }
}
