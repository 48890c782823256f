using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Events;
using Vigil.Storage;

namespace Vigil.Server.Tests;

/// <summary>One alert saved, and one event it matched whose delivery failed once and waits to be tried again.</summary>
public sealed class AlertsServer() : ServerFixture("vigil-alerts-api-")
{
    protected override Task FillAsync(string database)
    {
        using var store = SqliteEventStore.Open(database);
        store.AddAlert(new NewAlert("kharkiv", "http://127.0.0.1:9/hook", null, new AlertCriteria { Countries = ["UA"], MinFatalities = 1 }));
        store.StorePage(KharkivStrike());
        store.MatchChanges();
        // Tried once and waiting an hour for the next attempt: the server's own dispatcher leaves it alone meanwhile.
        var delivery = store.ClaimDelivery("fill", TimeSpan.FromMinutes(1))!;
        store.DeliveryFailed(delivery, "fill", "Connection refused", TimeSpan.FromHours(1));
        return Task.CompletedTask;
    }

    /// <summary>A shelling in Kharkiv that killed four.</summary>
    public static Vigil.ProcessedPage KharkivStrike()
    {
        const string text = "Artillery shelled the market in Kharkiv on Monday, killing four civilians, the regional governor said.";
        var strike = new ConflictEvent(
            EventTaxonomy.ExplosionsRemoteViolence, "Shelling/artillery/missile attack", null, new EventDate(new DateOnly(2024, 3, 4), DatePrecision.Day),
            new EventLocation("Kharkiv", 49.99, 36.23, "UA", null, null), [], [], [], new CasualtyCount(4, 4, 4), null, null, null, [], 0.8, []);
        return new Vigil.ProcessedPage(
            new Vigil.Articles.Article("test:kharkiv", "Shelling hits Kharkiv market", null, null, "2024-03-04", null, "https://news.example/kharkiv", "en", text, [text]), [strike]);
    }
}


public sealed class AlertsApiTests(AlertsServer server) : IClassFixture<AlertsServer>
{
    private readonly HttpClient client = new();

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body = null, bool token = true)
    {
        using var request = new HttpRequestMessage(method, server.BaseUrl + path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestServer.Token);
        }

        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task ListsTheAlertsAndTheirDeliveries()
    {
        var alerts = (await Json(await client.GetAsync(server.BaseUrl + "/api/alerts"))).EnumerateArray().ToList();
        var kharkiv = alerts.Single(a => a.GetProperty("name").GetString() == "kharkiv");
        Assert.Equal("UA", kharkiv.GetProperty("criteria").GetProperty("countries")[0].GetString());
        Assert.Equal(1, kharkiv.GetProperty("criteria").GetProperty("minFatalities").GetInt32());

        var deliveries = (await Json(await client.GetAsync(server.BaseUrl + "/api/alerts/deliveries?alert=kharkiv&status=pending"))).EnumerateArray().ToList();
        var waiting = Assert.Single(deliveries);
        Assert.Equal(("webhook", "new", 1, "Connection refused"), (waiting.GetProperty("target").GetString(), waiting.GetProperty("change").GetString(),
            waiting.GetProperty("attempts").GetInt32(), waiting.GetProperty("lastError").GetString()));
        Assert.Empty((await Json(await client.GetAsync(server.BaseUrl + "/api/alerts/deliveries?status=delivered"))).EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(server.BaseUrl + "/api/alerts/deliveries?limit=5000")).StatusCode);
    }

    [Fact]
    public async Task SavingAnAlertNeedsTheTokenAndValidCriteria()
    {
        var alert = new { name = "sahel", webhook = "https://hooks.example/sahel", countries = new[] { "ml", "BF" }, types = new[] { "Battles" }, minFatalities = 10, actors = new[] { "JNIM" } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Post, "/api/alerts", alert, token: false)).StatusCode);

        var created = await Send(HttpMethod.Post, "/api/alerts", alert);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var saved = await Json(created);
        Assert.Equal($"/api/alerts/{saved.GetProperty("id").GetInt64()}", created.Headers.Location!.OriginalString);
        Assert.Equal(["ML", "BF"], saved.GetProperty("criteria").GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains((await Json(await client.GetAsync(server.BaseUrl + "/api/alerts"))).EnumerateArray(), a => a.GetProperty("name").GetString() == "sahel");

        foreach (var (bad, reason) in new (object, string)[]
        {
            (alert, "already"),
            (new { name = "f", webhook = "https://hooks.example/f", file = "/etc/passwd" }, "'file' cannot be set over the API"),
            (new { name = "b", webhook = "https://hooks.example/b", bbox = "1,2" }, "bbox"),
            (new { name = "t", webhook = "https://hooks.example/t", types = new[] { "Skirmish" } }, "unknown event type"),
            (new { name = "w", webhook = "file:///tmp/x" }, "not an http(s) URL"),
        })
        {
            var refused = await Send(HttpMethod.Post, "/api/alerts", bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(reason, (await Json(refused)).GetProperty("error").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RemovingAnAlertTakesTheToken()
    {
        Assert.Equal(HttpStatusCode.Created, (await Send(HttpMethod.Post, "/api/alerts", new { name = "brief", webhook = "https://hooks.example/brief" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Delete, "/api/alerts/brief", token: false)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, "/api/alerts/brief")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Delete, "/api/alerts/brief")).StatusCode);
    }
}

/// <summary>The Kharkiv strike alone, for a server whose own dispatcher sends what the API changes.</summary>
public sealed class AlertsDispatchServer() : ServerFixture("vigil-alerts-send-")
{
    protected override Task FillAsync(string database)
    {
        using var store = SqliteEventStore.Open(database);
        store.StorePage(AlertsServer.KharkivStrike());
        return Task.CompletedTask;
    }
}

public sealed class ServerSendsAlertsTests(AlertsDispatchServer server) : IClassFixture<AlertsDispatchServer>
{
    [Fact]
    public async Task ACorrectionMadeThroughTheApiIsSentToTheWebhook()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        probe.Stop();
        using var listener = new HttpListener();
        listener.Prefixes.Add(url);
        listener.Start();
        var received = listener.GetContextAsync();

        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestServer.Token);
        var alert = await client.PostAsJsonAsync(server.BaseUrl + "/api/alerts", new { name = "ua-deadly", webhook = url + "hook", countries = new[] { "UA" }, minFatalities = 5 });
        Assert.Equal(HttpStatusCode.Created, alert.StatusCode);
        var id = JsonDocument.Parse(await client.GetStringAsync(server.BaseUrl + "/api/events")).RootElement.GetProperty("items")[0].GetProperty("id").GetString();
        // Four killed: not enough for the alert, until an analyst corrects the count to six.
        var review = await client.PostAsJsonAsync($"{server.BaseUrl}/api/events/{id}/review", new { action = "correct", field = "killed", value = "6", note = "hospital list" });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);

        Assert.Same(received, await Task.WhenAny(received, Task.Delay(TimeSpan.FromSeconds(20))));
        var context = await received;
        using var reader = new StreamReader(context.Request.InputStream);
        var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
        context.Response.StatusCode = 200;
        context.Response.Close();
        Assert.Equal(("ua-deadly", "updated", id, 6), (body.GetProperty("alert").GetString(), body.GetProperty("change").GetString(),
            body.GetProperty("event").GetProperty("id").GetString(), body.GetProperty("event").GetProperty("killed").GetProperty("best").GetInt32()));
    }
}
