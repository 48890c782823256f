using System.Runtime.InteropServices;

namespace Vigil.Cli.Commands;

/// <summary>SIGTERM and Ctrl-C (SIGINT) as a cancellation: long-running commands finish the item in hand and stop cleanly.</summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly List<PosixSignalRegistration> registrations = [];

    public StopSignal()
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
        {
            registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Handled here: the process is not killed, the loop sees the token and ends after the current item.
                context.Cancel = true;
                source.Cancel();
            }));
        }
    }

    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        registrations.ForEach(registration => registration.Dispose());
        source.Dispose();
    }
}
