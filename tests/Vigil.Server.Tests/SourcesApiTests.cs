using System.Net;
using System.Text.Json;
using Vigil.Storage;

namespace Vigil.Server.Tests;

/// <summary>Two watched sources, one healthy and one whose last poll failed.</summary>
public sealed class SourcesServer() : ServerFixture("vigil-sources-api-")
{
    protected override Task FillAsync(string database)
    {
        using var store = SqliteEventStore.Open(database);
        var ok = store.AddSource("https://news.example/feed.rss", "news", TimeSpan.FromMinutes(30));
        var down = store.AddSource("https://down.example/feed.atom", null, TimeSpan.FromHours(1));
        var at = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        store.RecordCheck(ok, new SourceCheck(true, 12, 4, null, "\"v1\""), at, at.AddMinutes(30));
        store.RecordCheck(down, new SourceCheck(false, 0, 0, "HTTP 503 Service Unavailable"), at, at.AddHours(1));
        return Task.CompletedTask;
    }
}

public sealed class SourcesApiTests(SourcesServer server) : IClassFixture<SourcesServer>
{
    [Fact]
    public async Task ListsEachSourceWithItsHealth()
    {
        using var client = new HttpClient();
        var response = await client.GetAsync(server.BaseUrl + "/api/sources");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sources = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();

        Assert.Equal(2, sources.Count);
        Assert.Equal(("news", "ok", 12, 4), (sources[0].GetProperty("name").GetString(), sources[0].GetProperty("status").GetString(),
            sources[0].GetProperty("itemsFound").GetInt32(), sources[0].GetProperty("itemsNew").GetInt32()));
        Assert.Equal("2026-12-01T10:00:00.000Z", sources[0].GetProperty("lastSuccess").GetString());
        Assert.Equal(("failing", "HTTP 503 Service Unavailable", 1), (sources[1].GetProperty("status").GetString(),
            sources[1].GetProperty("lastError").GetString(), sources[1].GetProperty("failuresInARow").GetInt32()));
        Assert.Equal(JsonValueKind.Null, sources[1].GetProperty("lastSuccess").ValueKind);
    }
}
