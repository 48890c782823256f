using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Vigil.Alerts;
using Vigil.Events;
using Vigil.Storage;
using Vigil.Tests.Ingest;
using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Alerts;

/// <summary>The dispatcher against webhook receivers on loopback (never the network): delivery, retries, a receiver that is down.</summary>
public sealed class AlertDispatcherTests : IDisposable
{
    private static readonly RetryPolicy Quick = new() { MaxAttempts = 4, FirstDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(200) };

    private readonly string folder = Directory.CreateTempSubdirectory("vigil-dispatch-").FullName;
    private readonly SqliteEventStore store;

    public AlertDispatcherTests() => store = SqliteEventStore.Open(Path.Combine(folder, "d.db"));

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static ConflictEvent Strike(int killed) =>
        Event("Air/drone strike", "2024-03-10", "Maarrat al-Numan", 35.6476, 36.6741, "SY", "Idlib", killed: Count(killed), perpetrators: [RussianAir]);

    private void StoreStrike(int killed = 9) =>
        store.StorePage(Page($"{killed} were killed in an air strike on Maarrat al-Numan, officials said.", $"https://a.example/{killed}", Strike(killed)));

    private AlertDispatcher Dispatcher(string name = "test") => new(store, name) { Retry = Quick };

    [Fact]
    public async Task AMatchIsPostedAsJsonAndAppendedToTheFileOnce()
    {
        using var receiver = new LocalServer();
        var bodies = new List<(string Body, string? Delivery)>();
        receiver.Route("/hook", async (context, _) =>
        {
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            lock (bodies)
            {
                bodies.Add((body, context.Request.Headers["X-Vigil-Delivery"]));
            }

            await LocalServer.Respond(context, "", "text/plain", 204);
        });
        var file = Path.Combine(folder, "alerts", "matches.jsonl");
        store.AddAlert(new NewAlert("syria", receiver.BaseUrl + "hook", file, new AlertCriteria { Countries = ["SY"], MinFatalities = 5 }));
        StoreStrike(9);
        StoreStrike(2);
        using var dispatcher = Dispatcher();

        var summary = await dispatcher.DispatchDueAsync();
        Assert.Equal(new DispatchSummary(2, 2, 0, 0), summary);
        Assert.Equal(DispatchSummary.None, await dispatcher.DispatchDueAsync());

        var (body, delivery) = Assert.Single(bodies);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(delivery, json.GetProperty("delivery").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("syria", "new", 9), (json.GetProperty("alert").GetString(), json.GetProperty("change").GetString(),
            json.GetProperty("event").GetProperty("killed").GetProperty("best").GetInt32()));
        Assert.Equal("https://a.example/9", json.GetProperty("event").GetProperty("reports")[0].GetProperty("url").GetString());
        var line = Assert.Single(File.ReadAllLines(file));
        Assert.Equal("syria", JsonDocument.Parse(line).RootElement.GetProperty("alert").GetString());
        Assert.All(store.Deliveries(), d => Assert.Equal((DeliveryStates.Delivered, 1), (d.Status, d.Attempts)));
    }

    [Fact]
    public async Task AReceiverThatIsDownGetsTheDeliveryOnceItIsUp()
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}/";
        store.AddAlert(new NewAlert("down", url + "hook", null, new AlertCriteria()));
        StoreStrike();
        // A back-off of 2 to 4 s: long enough that a loaded machine still asks again before it ends.
        var patient = new RetryPolicy { MaxAttempts = 4, FirstDelay = TimeSpan.FromSeconds(4), MaxDelay = TimeSpan.FromSeconds(4) };
        using var dispatcher = new AlertDispatcher(store, "test") { Retry = patient };

        Assert.Equal(new DispatchSummary(1, 0, 1, 0), await dispatcher.DispatchDueAsync());
        var waiting = Assert.Single(store.Deliveries());
        Assert.Equal((DeliveryStates.Pending, 1), (waiting.Status, waiting.Attempts));
        Assert.Contains("refused", waiting.LastError, StringComparison.OrdinalIgnoreCase);

        var received = 0;
        using var listener = new HttpListener();
        listener.Prefixes.Add(url);
        listener.Start();
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                try
                {
                    var context = await listener.GetContextAsync();
                    Interlocked.Increment(ref received);
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        });

        // Not before its back-off: the attempt right away finds nothing due.
        Assert.Equal(DispatchSummary.None, await Another().DispatchDueAsync());
        Thread.Sleep(patient.FirstDelay + TimeSpan.FromMilliseconds(200));
        var later = await Another().DispatchDueAsync();
        Assert.Equal(1, later.Delivered);
        Assert.Equal(DispatchSummary.None, await Another().DispatchDueAsync());
        Assert.Equal(1, received);
        var delivered = Assert.Single(store.Deliveries());
        Assert.Equal((DeliveryStates.Delivered, 2), (delivered.Status, delivered.Attempts));
        Assert.Contains("refused", delivered.LastError, StringComparison.OrdinalIgnoreCase);
        listener.Stop();
        await serving;

        AlertDispatcher Another() => new(store, "another") { Retry = patient };
    }

    [Fact]
    public async Task AReceiverThatRefusesTheNoticeIsNotAskedAgainAndOneThatFailsIsAskedUpToTheLimit()
    {
        using var receiver = new LocalServer();
        receiver.Page("/gone", "no such hook", "text/plain", 404);
        receiver.Page("/broken", "oops", "text/plain", 500);
        store.AddAlert(new NewAlert("gone", receiver.BaseUrl + "gone", null, new AlertCriteria()));
        store.AddAlert(new NewAlert("broken", receiver.BaseUrl + "broken", null, new AlertCriteria()));
        StoreStrike();
        using var dispatcher = Dispatcher();

        var total = DispatchSummary.None;
        for (var pass = 0; pass < 12 && store.Deliveries(status: DeliveryStates.Pending).Count + store.Deliveries(status: DeliveryStates.Sending).Count > 0 | pass == 0; pass++)
        {
            total = total.Add(await dispatcher.DispatchDueAsync());
            Thread.Sleep(Quick.MaxDelay);
        }

        Assert.Equal(1, receiver.Hits("/gone"));
        Assert.Equal(Quick.MaxAttempts, receiver.Hits("/broken"));
        var gone = Assert.Single(store.Deliveries(alert: "gone"));
        Assert.Equal((DeliveryStates.Failed, 1, "HTTP 404 Not Found"), (gone.Status, gone.Attempts, gone.LastError));
        var broken = Assert.Single(store.Deliveries(alert: "broken"));
        Assert.Equal((DeliveryStates.Failed, Quick.MaxAttempts), (broken.Status, broken.Attempts));
        Assert.Equal($"HTTP 500 Internal Server Error (attempt {Quick.MaxAttempts} of {Quick.MaxAttempts})", broken.LastError);
        Assert.Equal(2, total.Failed);
    }

    [Fact]
    public async Task RunningBesideAWriterItDeliversWhatIsStoredWithinTheTarget()
    {
        using var receiver = new LocalServer();
        receiver.Page("/hook", "", "text/plain", 200);
        store.AddAlert(new NewAlert("live", receiver.BaseUrl + "hook", null, new AlertCriteria { Types = ["Explosions/Remote violence"] }));
        using var other = SqliteEventStore.Open(Path.Combine(folder, "d.db"));
        using var dispatcher = new AlertDispatcher(other, "beside") { Retry = Quick, Poll = TimeSpan.FromMilliseconds(50) };
        using var stop = new CancellationTokenSource();
        var loop = dispatcher.RunAsync(stop.Token);

        StoreStrike();
        for (var waited = 0; receiver.Hits("/hook") == 0 && waited < 200; waited++)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        var summary = await loop;
        Assert.Equal(1, receiver.Hits("/hook"));
        Assert.Equal(1, summary.Delivered);
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
