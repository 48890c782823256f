using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Vigil.Events;
using Vigil.Ingest;
using Vigil.Places;
using Vigil.Storage;

namespace Vigil.Server.Tests;

/// <summary>What the server logged: category, level, the named values of the message, and the exception.</summary>
public sealed record LogEntry(string Category, LogLevel Level, IReadOnlyDictionary<string, object?> Values, Exception? Exception);

/// <summary>Keeps every entry the server logs, for the tests to read.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
            entries.Enqueue(new LogEntry(category, logLevel, values, exception));
        }
    }
}

/// <summary>A server over one stored event whose log the tests read.</summary>
public sealed class LoggedServer() : ServerFixture("vigil-logged-")
{
    public CapturingLoggerProvider Log { get; } = new();

    public string EventId { get; private set; } = "";

    protected override Action<ILoggingBuilder>? Logging => logging => logging.AddProvider(Log);

    protected override Task FillAsync(string database)
    {
        using var store = SqliteEventStore.Open(database);
        const string text = "Gunmen killed four people in an attack on a market in Maiduguri on Monday, police said.";
        var incident = new ConflictEvent(EventTaxonomy.ViolenceAgainstCivilians, "Attack", null, new EventDate(new DateOnly(2024, 3, 4), DatePrecision.Day),
            new EventLocation("Maiduguri", 11.83, 13.15, "NG", null, PlacePrecision.Town), [], [], [], new CasualtyCount(4, 4, 4), null, null, null,
            [new SourceClaim("police", SourceKind.Government, "said", false)], 0.8, []);
        var stored = store.StorePage(new ProcessedPage(new Vigil.Articles.Article("https://news.example/m", "Attack", null, null, "2024-03-05", "Example", "https://news.example/m", "en", text, [text]), [incident]));
        EventId = stored.EventIds.Single();
        return Task.CompletedTask;
    }

    /// <summary>The request log's entries for this method and path.</summary>
    public List<LogEntry> RequestsTo(string method, string path) =>
        [.. Log.Entries.Where(e => e.Category == "Vigil.Server.Requests" && Equals(e.Values.GetValueOrDefault("Method"), method) && Equals(e.Values.GetValueOrDefault("Path"), path))];
}

public sealed class RequestLogTests(LoggedServer server) : IClassFixture<LoggedServer>
{
    private readonly HttpClient client = new();

    private async Task<HttpResponseMessage> Review(string? token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{server.BaseUrl}/api/events/{server.EventId}/review") { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AWriteIsLoggedWithItsStatusTimeAndTheTokenHolder()
    {
        Assert.Equal(HttpStatusCode.OK, (await Review(TestServer.Token, new { action = "correct", field = "killed", value = "5", note = "hospital list", who = "ana" })).StatusCode);

        var entry = Assert.Single(server.RequestsTo("POST", $"/api/events/{server.EventId}/review"), e => Equals(e.Values["Status"], 200));
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("token holder", entry.Values["Caller"]);
        Assert.IsType<double>(entry.Values["ElapsedMs"]);
    }

    [Fact]
    public async Task ARefusedWriteIsLoggedAsAWarning()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Review("wrong-token", new { action = "confirm" })).StatusCode);

        var entry = Assert.Single(server.RequestsTo("POST", $"/api/events/{server.EventId}/review"), e => Equals(e.Values["Status"], 401));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("no token", entry.Values["Caller"]);
    }

    [Fact]
    public async Task ReadsAreNotLoggedByDefault()
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{server.BaseUrl}/api/stats")).StatusCode);
        Assert.Empty(server.RequestsTo("GET", "/api/stats"));
    }

    [Fact]
    public async Task AForeignHostGetsAJsonErrorAndALoggedRefusal()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{server.BaseUrl}/api/events?q=rebind");
        request.Headers.Host = "rebind.attacker.example:" + new Uri(server.BaseUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Contains("rebind.attacker.example", error, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Warning, Assert.Single(server.RequestsTo("GET", "/api/events")).Level);
    }
}

/// <summary>A 500 is logged with its exception: here the store breaks under the running server.</summary>
public sealed class FailureLogTests(LoggedServer server) : IClassFixture<LoggedServer>
{
    [Fact]
    public async Task A500IsLoggedWithItsException()
    {
        using (var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys = OFF; DROP TABLE reviews;";
            command.ExecuteNonQuery();
        }

        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{server.BaseUrl}/api/events/{server.EventId}/review") { Content = JsonContent.Create(new { action = "confirm" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestServer.Token);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(LogLevel.Error, Assert.Single(server.RequestsTo("POST", $"/api/events/{server.EventId}/review")).Level);
        var failure = Assert.Single(server.Log.Entries, e => e.Category == "Vigil.Server" && e.Level == LogLevel.Error);
        Assert.IsType<SqliteException>(failure.Exception);
    }
}
