using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vigil.Server.Tests;

/// <summary>What the server refuses: malformed and oversized bodies, foreign hosts and cross-site writes; and what it pages.</summary>
public sealed class HardeningTests(TestServer server) : IClassFixture<TestServer>
{
    private readonly HttpClient client = new();

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(error));
        return error!;
    }

    private async Task<HttpResponseMessage> PostRaw(string path, HttpContent content, string? origin = null, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + path) { Content = content };
        request.Headers.ExpectContinue = expectContinue;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestServer.Token);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public async Task AMalformedJsonBodyGets400WithAJsonError(string body)
    {
        var id = await client.IdOf(server, "Nairobi");
        var response = await PostRaw($"/api/events/{id}/review", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON", await ErrorOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReviewNoteOver64KbIsRefused()
    {
        var id = await client.IdOf(server, "Nairobi");
        var response = await client.Post(server, $"/api/events/{id}/review", new { action = "confirm", note = new string('x', 64 * 1024 + 1) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("64", await ErrorOf(response), StringComparison.Ordinal);
        Assert.DoesNotContain((await client.Get(server, $"/api/events/{id}/history")).EnumerateArray(), e => e.GetProperty("action").GetString() == "review-confirm");
    }

    [Fact]
    public async Task ABodyOver1MbIsRefused()
    {
        var id = await client.IdOf(server, "Nairobi");
        var body = JsonSerializer.Serialize(new { action = "confirm", who = new string('x', 1024 * 1024 + 10) });
        // As curl does for a body this long, the client waits for the server's word before sending it: the 413 comes first.
        var response = await PostRaw($"/api/events/{id}/review", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), expectContinue: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("1 MB", await ErrorOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAuditLogIsPaged()
    {
        var id = await client.IdOf(server, "Goma");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Post(server, $"/api/events/{id}/review", new { action = "confirm", note = $"check {i}" })).StatusCode);
        }

        var response = await client.GetAsync(server.BaseUrl + "/api/audit?limit=2&offset=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var total = int.Parse(Assert.Single(response.Headers.GetValues("X-Total-Count")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total >= 5);
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => e.GetProperty("reason").GetString()).ToList();
        var all = (await client.Get(server, "/api/audit?limit=1000")).EnumerateArray().Select(e => e.GetProperty("reason").GetString()).ToList();
        Assert.Equal(all.Skip(1).Take(2), page);

        foreach (var bad in new[] { "limit=0", "limit=1001", "offset=-1", "limit=ten" })
        {
            var refused = await client.GetAsync($"{server.BaseUrl}/api/audit?{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            await ErrorOf(refused);
        }
    }

    [Fact]
    public async Task HealthzAnswers200WithJson()
    {
        var response = await client.GetAsync(server.BaseUrl + "/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ok", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("rebind.attacker.example")]
    [InlineData("192.168.1.50")]
    public async Task AReadThroughAForeignHostNameIsRefused(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + "/api/events");
        request.Headers.Host = host + ":" + new Uri(server.BaseUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Nairobi", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task TheBoundAndLoopbackHostNamesAreServed(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + "/api/events");
        request.Headers.Host = host + ":" + new Uri(server.BaseUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("https://attacker.example")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1:1")]
    public async Task ACrossSiteWriteIsRefused(string origin)
    {
        var id = await client.IdOf(server, "Kharkiv");
        var response = await PostRaw($"/api/events/{id}/review", JsonContent.Create(new { action = "reject", note = "cross-site" }), origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Origin", await ErrorOf(response), StringComparison.Ordinal);
        Assert.DoesNotContain((await client.Get(server, $"/api/events/{id}/history")).EnumerateArray(), e => e.GetProperty("reason").GetString()!.Contains("cross-site", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASameOriginWriteAndAWriteWithoutOriginAreServed()
    {
        var id = await client.IdOf(server, "Kharkiv");
        Assert.Equal(HttpStatusCode.OK, (await PostRaw($"/api/events/{id}/review", JsonContent.Create(new { action = "confirm" }), server.BaseUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostRaw($"/api/events/{id}/review", JsonContent.Create(new { action = "confirm" }))).StatusCode);
    }
}
