using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Printernizer.Simulators.Networking;

namespace Printernizer.Bridge.IntegrationTests.Files;

/// <summary>
/// Debian's vsftpd on a loopback port, configured the way Bambu printers run it: implicit TLS,
/// <c>require_ssl_reuse=YES</c>, user <c>bblp</c>. The user is a system account whose password is
/// the access code (vsftpd authenticates through PAM); CI runs as root and installs vsftpd.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class VsftpdServer : IAsyncDisposable
{
    public const string AccessCode = "12345678";
    private const string Binary = "/usr/sbin/vsftpd";

    private readonly Process _process;
    private readonly string _directory;

    private VsftpdServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>What the printer's storage looks like; world-readable so vsftpd's unprivileged side can read it.</summary>
    public string Root => Path.Combine(_directory, "root");

    public string LogFile => Path.Combine(_directory, "vsftpd.log");

    /// <summary>
    /// vsftpd needs its binary and root (it authenticates through PAM against a system user).
    /// A developer machine without them skips the FTPS tests; CI sets PRINTERNIZER_REQUIRE_VSFTPD=1,
    /// which turns a missing vsftpd into a failure, so CI never skips them.
    /// </summary>
    public static bool Available =>
        Environment.GetEnvironmentVariable("PRINTERNIZER_REQUIRE_VSFTPD") == "1"
        || (File.Exists(Binary) && Environment.UserName == "root");

    public const string SkipReason = "needs Debian's vsftpd and root (apt-get install vsftpd; CI installs it and never skips)";

    public static async Task<VsftpdServer> StartAsync(X509Certificate2 certificate)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install Debian's vsftpd (apt-get install vsftpd; .ci/run does)");
        }

        await EnsureUserAsync();
        var directory = Directory.CreateTempSubdirectory("vsftpd-").FullName;
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(Path.Combine(directory, "root"));
        Directory.CreateDirectory("/var/run/vsftpd/empty");
        await File.WriteAllTextAsync(Path.Combine(directory, "cert.pem"), certificate.ExportCertificatePem());
        using (var key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("RSA certificate expected"))
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        }

        var port = LoopbackPorts.Reserve();
        var passive = 30000 + Random.Shared.Next(0, 30000);
        var config = Path.Combine(directory, "vsftpd.conf");
        await File.WriteAllTextAsync(config, Config(directory, port, passive));
        var process = Process.Start(new ProcessStartInfo(Binary, config)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("vsftpd did not start");
        var server = new VsftpdServer(process, directory, port);
        await server.WaitListeningAsync();
        return server;
    }

    public string AddFile(string path, byte[] content, DateTime? modifiedUtc = null)
    {
        var full = Path.Combine(Root, path.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        if (modifiedUtc is { } modified)
        {
            File.SetLastWriteTimeUtc(full, modified);
        }

        MakeReadable();
        return full;
    }

    public void MakeReadable()
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(_directory, "*", SearchOption.AllDirectories).Append(Root))
        {
            File.SetUnixFileMode(entry, Directory.Exists(entry) ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Config(string directory, int port, int passive) => new StringBuilder()
        .AppendLine("listen=YES").AppendLine("listen_address=127.0.0.1").AppendLine($"listen_port={port}")
        .AppendLine("background=NO").AppendLine("anonymous_enable=NO").AppendLine("local_enable=YES")
        .AppendLine($"local_root={directory}/root").AppendLine("chroot_local_user=YES").AppendLine("allow_writeable_chroot=YES")
        .AppendLine("pam_service_name=vsftpd").AppendLine("check_shell=NO").AppendLine("write_enable=NO")
        .AppendLine("ssl_enable=YES").AppendLine("implicit_ssl=YES").AppendLine("force_local_logins_ssl=YES")
        .AppendLine("force_local_data_ssl=YES").AppendLine("require_ssl_reuse=YES")
        .AppendLine("ssl_sslv2=NO").AppendLine("ssl_sslv3=NO").AppendLine("ssl_ciphers=HIGH")
        .AppendLine($"rsa_cert_file={directory}/cert.pem").AppendLine($"rsa_private_key_file={directory}/key.pem")
        .AppendLine("pasv_enable=YES").AppendLine("pasv_address=127.0.0.1")
        .AppendLine($"pasv_min_port={passive}").AppendLine($"pasv_max_port={passive + 50}")
        .AppendLine("seccomp_sandbox=NO").AppendLine("secure_chroot_dir=/var/run/vsftpd/empty")
        .AppendLine("xferlog_enable=YES").AppendLine("log_ftp_protocol=YES").AppendLine($"vsftpd_log_file={directory}/vsftpd.log")
        .ToString();

    private static async Task EnsureUserAsync()
    {
        if (!File.ReadAllLines("/etc/passwd").Any(l => l.StartsWith("bblp:", StringComparison.Ordinal)))
        {
            await RunAsync("useradd", "--no-create-home --home-dir / --shell /bin/sh bblp", null);
        }

        await RunAsync("chpasswd", "", $"bblp:{AccessCode}\n");
    }

    private static async Task RunAsync(string file, string arguments, string? input)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false })!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {await process.StandardError.ReadToEndAsync()}");
        }
    }

    private async Task WaitListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"vsftpd exited: {await _process.StandardOutput.ReadToEndAsync()}{await _process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("vsftpd did not listen within 20 s");
    }
}
