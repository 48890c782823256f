using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Vigil.Ingest;
using Vigil.Tests.Cli;

namespace Vigil.Tests.Ingest;

/// <summary>Slow URLs (issue 16): a server that accepts the connection and never answers costs two short waits, not four long ones.</summary>
public sealed class SlowUrlTests : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = [];
    private readonly CancellationTokenSource stop = new();
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-slow-").FullName;

    public SlowUrlTests()
    {
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    // Accepted and held open, never read from nor answered.
                    var client = await listener.AcceptTcpClientAsync(stop.Token);
                    lock (held)
                    {
                        held.Add(client);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }
            }
        });
    }

    private string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/never";

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        lock (held)
        {
            held.ForEach(client => client.Dispose());
        }

        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task AServerThatNeverAnswersIsTriedOnceMoreWithProgressShown()
    {
        var progress = new List<string>();
        using var fetcher = new PageFetcher(new FetchOptions
        {
            Timeout = TimeSpan.FromMilliseconds(500),
            Backoff = TimeSpan.FromMilliseconds(50),
            PolitenessDelay = TimeSpan.Zero,
            Progress = progress.Add,
        });
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<InputException>(() => fetcher.FetchAsync(Url));

        Assert.Equal("timed out after 0.5 s (after 2 attempts)", failure.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
        var line = Assert.Single(progress);
        Assert.Contains("trying again", line, StringComparison.Ordinal);
        Assert.True(fetcher.Options.ConnectTimeout < new FetchOptions().Timeout);
    }

    [Fact]
    public void IngestTimeoutSetsTheWaitAndTheRunEndsWithOneLine()
    {
        var clock = Stopwatch.StartNew();
        var (exit, _, error) = CliRunner.Run("ingest", Url, "--db", Path.Combine(folder, "v.db"), "--timeout", "0.5");

        Assert.NotEqual(0, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains(Url, StringComparison.Ordinal));
        Assert.Contains("timed out after 0.5 s", line, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.NotEqual(0, CliRunner.Run("ingest", Url, "--db", Path.Combine(folder, "v.db"), "--timeout", "0").Exit);
    }
}
