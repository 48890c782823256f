using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Places;

namespace Vigil.Server.Tests;

public sealed class ApiTests(TestServer server) : IClassFixture<TestServer>
{
    private readonly HttpClient client = new();

    private async Task<JsonElement> Get(string path)
    {
        var response = await client.GetAsync(server.BaseUrl + path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task ListsEventsNewestFirstAndFiltersByTypeCountryAndBox()
    {
        var all = await Get("/api/events");
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal("2024-03-06", all.GetProperty("items")[0].GetProperty("date").GetString());

        var battles = await Get("/api/events?type=Battles");
        Assert.Equal("Goma", Assert.Single(battles.GetProperty("items").EnumerateArray()).GetProperty("location").GetString());

        var kenya = await Get("/api/events?country=ke");
        Assert.Equal("Nairobi", Assert.Single(kenya.GetProperty("items").EnumerateArray()).GetProperty("location").GetString());

        var europe = await Get("/api/events?bbox=20,40,45,60");
        Assert.Equal("Kharkiv", Assert.Single(europe.GetProperty("items").EnumerateArray()).GetProperty("location").GetString());

        var range = await Get("/api/events?from=2024-03-05&to=2024-03-05");
        Assert.Equal(1, range.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/events?from=yesterday", "'from'")]
    [InlineData("/api/events?type=Skirmish", "'type'")]
    [InlineData("/api/events?bbox=1,2,3", "'bbox'")]
    [InlineData("/api/events?pageSize=0", "'pageSize'")]
    [InlineData("/api/events?country=Syria", "'country'")]
    public async Task BadFiltersGet400WithTheParameterNamed(string path, string named)
    {
        var response = await client.GetAsync(server.BaseUrl + path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownIdsGet404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(server.BaseUrl + "/api/events/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(server.BaseUrl + "/api/articles/nope")).StatusCode);
    }

    [Fact]
    public async Task EventDetailListsThePlaceReadingsNotTaken()
    {
        var id = (await Get("/api/events?country=UA")).GetProperty("items")[0].GetProperty("id").GetString();
        var location = (await Get($"/api/events/{id}")).GetProperty("location");
        Assert.Equal("Kharkiv", location.GetProperty("name").GetString());
        var reading = Assert.Single(location.GetProperty("runnersUp").EnumerateArray());
        Assert.Equal(TestServer.KharkivOblast, reading.Deserialize<PlaceReading>(VigilJson.Options));

        var other = (await Get("/api/events?country=KE")).GetProperty("items")[0].GetProperty("id").GetString();
        Assert.False((await Get($"/api/events/{other}")).GetProperty("location").TryGetProperty("runnersUp", out _));
    }

    [Fact]
    public async Task EventDetailCarriesClaimsAndEvidenceThatPointIntoTheArticle()
    {
        var id = (await Get("/api/events?type=Battles")).GetProperty("items")[0].GetProperty("id").GetString();
        var detail = await Get($"/api/events/{id}");
        var claim = Assert.Single(detail.GetProperty("claims").EnumerateArray());
        var article = await Get($"/api/articles/{claim.GetProperty("articleId").GetString()}");
        var text = article.GetProperty("text").GetString()!;
        foreach (var evidence in claim.GetProperty("evidence").EnumerateArray())
        {
            var start = evidence.GetProperty("start").GetInt32();
            var end = evidence.GetProperty("end").GetInt32();
            Assert.Equal(evidence.GetProperty("text").GetString(), text[start..end]);
        }

        Assert.Contains(article.GetProperty("annotations").EnumerateArray(), a => a.GetProperty("label").GetString() == "killed");
        // No party is named: ACLED's name for the side that fought unnamed.
        Assert.Equal("Unidentified Armed Group (Democratic Republic of Congo)", detail.GetProperty("actor1").GetString());
        Assert.Equal(TestServer.GomaLicence, article.GetProperty("licence").GetString());
        Assert.Equal(TestServer.GomaAttribution, article.GetProperty("attribution").GetString());
        Assert.Equal(TestServer.GomaLicence, claim.GetProperty("licence").GetString());
        Assert.Equal(TestServer.GomaAttribution, claim.GetProperty("attribution").GetString());
    }

    [Fact]
    public async Task AnArticleWithoutALicenceSaysSoWithNulls()
    {
        var id = (await Get("/api/events?type=Protests")).GetProperty("items")[0].GetProperty("id").GetString();
        var claim = Assert.Single((await Get($"/api/events/{id}")).GetProperty("claims").EnumerateArray());
        var article = await Get($"/api/articles/{claim.GetProperty("articleId").GetString()}");

        Assert.Equal(JsonValueKind.Null, article.GetProperty("licence").ValueKind);
        Assert.Equal(JsonValueKind.Null, article.GetProperty("attribution").ValueKind);
        Assert.Equal(JsonValueKind.Null, claim.GetProperty("attribution").ValueKind);
    }

    [Fact]
    public async Task WritesNeedTheTokenAndAreAudited()
    {
        var id = (await Get("/api/events?type=Protests")).GetProperty("items")[0].GetProperty("id").GetString();
        var anonymous = await client.PostAsJsonAsync($"{server.BaseUrl}/api/events/{id}/review", new { action = "confirm" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{server.BaseUrl}/api/events/{id}/review")
        {
            Content = JsonContent.Create(new { action = "correct", field = "killed", value = "many" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestServer.Token);
        var badCorrection = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, badCorrection.StatusCode);
        Assert.Contains("whole number", await badCorrection.Content.ReadAsStringAsync());

        using var confirm = new HttpRequestMessage(HttpMethod.Post, $"{server.BaseUrl}/api/events/{id}/review")
        {
            Content = JsonContent.Create(new { action = "confirm", note = "checked against two outlets", who = "tester" }),
        };
        confirm.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestServer.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(confirm)).StatusCode);

        Assert.Equal("confirmed", (await Get($"/api/events/{id}")).GetProperty("reviewStatus").GetString());
        var audit = await Get("/api/audit");
        Assert.Contains(audit.EnumerateArray(), entry => entry.GetProperty("action").GetString() == "review-confirm" && entry.GetProperty("eventId").GetString() == id);
    }

    [Fact]
    public async Task MalformedJsonBodyGets400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{server.BaseUrl}/api/events/x/review")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestServer.Token);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task TheMapGathersEventsIntoGridCellsThatShrinkWithTheZoom()
    {
        // 45-degree cells: Nairobi and Goma share one south of the equator; Kharkiv has its own.
        var world = await Get("/api/map?zoom=0");
        Assert.Equal(45, world.GetProperty("cellDegrees").GetDouble());
        var cells = world.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal([1, 2], cells.Select(c => c.GetProperty("count").GetInt32()).Order());
        var africa = cells.Single(c => c.GetProperty("count").GetInt32() == 2);
        Assert.Equal(11, africa.GetProperty("killed").GetInt32());
        Assert.True(africa.GetProperty("latitude").GetDouble() is > -2 and < -1);

        Assert.Equal(3, (await Get("/api/map?zoom=5")).GetProperty("cells").GetArrayLength());
        Assert.Single((await Get("/api/map?zoom=5&country=KE")).GetProperty("cells").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(server.BaseUrl + "/api/map?zoom=13")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(server.BaseUrl + "/api/map?actor=army")).StatusCode);
    }

    [Fact]
    public async Task TheListCountsAndPagesInTheStoreAndFiltersByActorInMemory()
    {
        var second = await Get("/api/events?pageSize=1&page=2&sort=date");
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal("2024-03-05", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("date").GetString());
        var confident = await Get("/api/events?minConfidence=0.99");
        Assert.Equal(0, confident.GetProperty("total").GetInt32());
        var byActor = await Get("/api/events?actor=nobody-by-this-name");
        Assert.Equal(0, byActor.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ExportsTheFilteredEventsInEachFormat()
    {
        var csv = await (await client.GetAsync(server.BaseUrl + "/api/export?format=acled-csv&type=Battles")).Content.ReadAsStringAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event_id_cnty,event_date,time_precision,event_type,sub_event_type", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Armed clash", lines[1]);

        var geo = JsonDocument.Parse(await (await client.GetAsync(server.BaseUrl + "/api/export?format=geojson")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        Assert.Equal(3, geo.GetProperty("features").GetArrayLength());

        var bad = await client.GetAsync(server.BaseUrl + "/api/export?format=xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task StatsAndOpenApiAreServed()
    {
        var stats = await Get("/api/stats");
        Assert.Equal(3, stats.GetProperty("events").GetInt32());
        Assert.Equal(3, stats.GetProperty("byDay").GetArrayLength());
        Assert.Equal("day", stats.GetProperty("grain").GetString());

        // A grain asked for: the periods are named by their first day, in the store and in memory (a filter on an actor's name).
        foreach (var path in new[] { "/api/stats?grain=month", "/api/stats?grain=Month&actor=a" })
        {
            var monthly = await Get(path);
            Assert.Equal("month", monthly.GetProperty("grain").GetString());
            var periods = monthly.GetProperty("byDay").EnumerateArray().ToList();
            Assert.All(periods, p => Assert.Equal("2024-03-01", p.GetProperty("day").GetString()));
            Assert.Equal(monthly.GetProperty("events").GetInt32(), periods.Sum(p => p.GetProperty("count").GetInt32()));
        }

        var openApi = await Get("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/events", out _));
    }
}
