using Serilog;

namespace Printernizer.Bridge.Hosting.Demo;

/// <summary>Runs <c>--demo</c> in the foreground until Ctrl+C or SIGTERM.</summary>
internal static class DemoCommand
{
    public static async Task<int> RunAsync(int port)
    {
        Log.Logger = LoggingSetup.Create("information").CreateLogger();
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM,
            context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
        try
        {
            await using var session = await DemoRunner.StartAsync(port, Log.Logger, DemoRunner.DefaultJobDuration, stop.Token).ConfigureAwait(false);
            Console.WriteLine(DemoRunner.Instructions(port));
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            Log.Information("Stopping the demo");
            return 0;
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            Log.Fatal("Cannot start the demo on port {Port}: {Reason}. Try --demo --port 1884", port, ex.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
        finally
        {
            await Log.CloseAndFlushAsync().ConfigureAwait(false);
        }
    }
}
