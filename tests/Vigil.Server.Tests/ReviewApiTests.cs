using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vigil.Server.Tests;

/// <summary>Requests against the shared test server: reads open on loopback, writes with the token.</summary>
internal static class Api
{
    public static async Task<JsonElement> Get(this HttpClient client, TestServer server, string path)
    {
        var response = await client.GetAsync(server.BaseUrl + path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public static async Task<string> Text(this HttpClient client, TestServer server, string path)
    {
        var response = await client.GetAsync(server.BaseUrl + path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<HttpResponseMessage> Post(this HttpClient client, TestServer server, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestServer.Token);
        return await client.SendAsync(request);
    }

    public static async Task<string> IdOf(this HttpClient client, TestServer server, string location) =>
        (await client.Get(server, "/api/events")).GetProperty("items").EnumerateArray()
            .Single(item => item.GetProperty("location").GetString() == location).GetProperty("id").GetString()!;
}

public sealed class MergeApiTests(TestServer server) : IClassFixture<TestServer>
{
    private readonly HttpClient client = new();

    [Fact]
    public async Task MergingAReviewedEventKeepsItsReviews()
    {
        var kharkiv = await client.IdOf(server, "Kharkiv");
        var goma = await client.IdOf(server, "Goma");
        Assert.Equal(HttpStatusCode.OK, (await client.Post(server, $"/api/events/{kharkiv}/review", new { action = "confirm", note = "two outlets", who = "ana" })).StatusCode);

        var merged = await client.Post(server, "/api/events/merge", new { keep = goma, other = kharkiv, reason = "one front line" });

        var body = await merged.Content.ReadAsStringAsync();
        Assert.True(merged.StatusCode == HttpStatusCode.OK, $"{(int)merged.StatusCode}: {body}");
        Assert.Equal(2, JsonDocument.Parse(body).RootElement.GetProperty("claims").GetInt32());
        var detail = await client.Get(server, $"/api/events/{goma}");
        Assert.Equal("confirmed", detail.GetProperty("reviewStatus").GetString());
        var review = Assert.Single(detail.GetProperty("reviews").EnumerateArray());
        Assert.Equal("two outlets", review.GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{server.BaseUrl}/api/events/{kharkiv}")).StatusCode);

        var history = (await client.Get(server, $"/api/events/{goma}/history")).EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("eventId").GetString())).ToList();
        Assert.Equal([("review-confirm", kharkiv), ("merge", goma)], history);
    }
}

public sealed class CorrectionApiTests(TestServer server) : IClassFixture<TestServer>
{
    private readonly HttpClient client = new();

    [Fact]
    public async Task ACorrectionShowsInEveryViewAndEveryExport()
    {
        var kharkiv = await client.IdOf(server, "Kharkiv");
        Assert.Equal(HttpStatusCode.OK, (await client.Post(server, $"/api/events/{kharkiv}/review", new { action = "correct", field = "killed", value = "9" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Post(server, $"/api/events/{kharkiv}/review", new { action = "correct", field = "subEventType", value = "Armed clash" })).StatusCode);

        var battles = await client.Get(server, "/api/events?type=Battles");
        Assert.Equal(2, battles.GetProperty("total").GetInt32());
        var item = battles.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == kharkiv);
        Assert.Equal(9, item.GetProperty("killed").GetInt32());
        Assert.Equal("Armed clash", item.GetProperty("subEventType").GetString());

        var stats = await client.Get(server, "/api/stats");
        Assert.Equal(2, stats.GetProperty("byType").EnumerateArray().Single(k => k.GetProperty("key").GetString() == "Battles").GetProperty("count").GetInt32());

        var acled = (await client.Text(server, "/api/export?format=acled-csv")).Split("\r\n").Single(line => line.StartsWith(kharkiv, StringComparison.Ordinal));
        Assert.Contains(",Battles,Armed clash,", acled, StringComparison.Ordinal);
        Assert.Contains(",9,", acled, StringComparison.Ordinal);

        var ucdp = (await client.Text(server, "/api/export?format=ucdp-csv")).Split("\r\n");
        var header = ucdp[0].Split(',');
        Assert.Equal(["best", "high", "low", "gwnoa", "gwnob"], header[^5..]);
        Assert.Equal("9", ucdp.Single(line => line.StartsWith(kharkiv, StringComparison.Ordinal)).Split(',')[^5]); // counted from the end: earlier cells hold commas

        var geo = JsonDocument.Parse(await client.Text(server, "/api/export?format=geojson")).RootElement;
        var feature = geo.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == kharkiv);
        Assert.Equal(9, feature.GetProperty("properties").GetProperty("killed").GetProperty("best").GetInt32());

        var jsonl = (await client.Text(server, "/api/export?format=jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).Single(e => e.GetProperty("id").GetString() == kharkiv);
        Assert.Equal("Armed clash", jsonl.GetProperty("subEventType").GetString());

        var plover = JsonDocument.Parse(await client.Text(server, "/api/export?format=plover-json")).RootElement.EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == kharkiv);
        Assert.Equal(9, plover.GetProperty("fatalities").GetInt32());
    }

    [Fact]
    public async Task TheUcdpExportSaysHowManyEventsItLeftOut()
    {
        var response = await client.GetAsync(server.BaseUrl + "/api/export?format=ucdp-csv");
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.DoesNotContain(rows, row => row.Contains("Nairobi", StringComparison.Ordinal)); // a peaceful march: not organised violence
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("X-Vigil-Left-Out")));
        Assert.Contains("not organised violence", Assert.Single(response.Headers.GetValues("X-Vigil-Left-Out-Reason")), StringComparison.Ordinal);
    }
}

public sealed class ServerFailureTests(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task AFailureIsA500WithAJsonBody()
    {
        // Break the database behind the server's back: a request that needs the reviews table now fails inside the store.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={server.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE reviews";
            command.ExecuteNonQuery();
        }

        using var client = new HttpClient();
        var response = await client.GetAsync(server.BaseUrl + "/api/events");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
