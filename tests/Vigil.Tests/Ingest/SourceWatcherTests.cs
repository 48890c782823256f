using Vigil.Ingest;
using Vigil.Storage;

namespace Vigil.Tests.Ingest;

/// <summary>`vigil watch` against a loopback server: feeds that change, one that fails every other time, robots.txt.</summary>
public sealed class SourceWatcherTests : IDisposable
{
    private readonly LocalServer server = new();
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-watch-").FullName;
    private readonly List<string> conditionalHeaders = [];
    private int feedAVersion = 1;

    public void Dispose()
    {
        server.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static string Rss(params string[] links) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>http://x/</link><description>d</description>" +
        string.Concat(links.Select(link => $"<item><title>{link}</title><link>{link}</link></item>")) + "</channel></rss>";

    private static string Atom(params string[] links) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:t</id><updated>2024-01-01T00:00:00Z</updated>" +
        string.Concat(links.Select(link => $"<entry><title>{link}</title><id>{link}</id><link href=\"{link}\"/><updated>2024-01-01T00:00:00Z</updated></entry>")) + "</feed>";

    private void Serve()
    {
        server.Page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain");
        foreach (var page in new[] { "a/1", "a/2", "a/3", "b/1", "c/1", "private/secret" })
        {
            server.Page("/" + page, $"Report {page}: officials said the market in district {page} reopened on Monday after the clashes.", "text/plain; charset=utf-8");
        }

        server.Route("/feed-a.rss", (context, _) =>
        {
            var etag = $"\"a-v{feedAVersion}\"";
            lock (conditionalHeaders)
            {
                conditionalHeaders.Add(context.Request.Headers["If-None-Match"] ?? "none");
            }

            if (context.Request.Headers["If-None-Match"] == etag)
            {
                context.Response.StatusCode = 304;
                context.Response.Close();
                return Task.CompletedTask;
            }

            context.Response.Headers["ETag"] = etag;
            var links = feedAVersion == 1 ? new[] { "a/1", "a/2" } : ["a/1", "a/2", "a/3"];
            return LocalServer.Respond(context, Rss([.. links.Select(link => server.BaseUrl + link)]), "application/rss+xml");
        });
        server.Page("/feed-b.atom", Atom(server.BaseUrl + "b/1", server.BaseUrl + "private/secret"), "application/atom+xml");
        // Fails every other time it is asked (the first time included).
        server.Route("/feed-c.rss", (context, hit) => hit % 2 == 1
            ? LocalServer.Respond(context, "down for maintenance", "text/plain", 503)
            : LocalServer.Respond(context, Rss(server.BaseUrl + "c/1"), "application/rss+xml"));
    }

    [Fact]
    public async Task WatchIngestsEachNewItemOnceHonoursIntervalsAndRobotsAndSaysWhyAFeedFails()
    {
        Serve();
        using var store = SqliteEventStore.Open(Path.Combine(folder, "w.db"));
        using var fetcher = new PageFetcher(new FetchOptions { Retries = 0, PolitenessDelay = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(5) });
        var a = store.AddSource(server.BaseUrl + "feed-a.rss", "a", TimeSpan.FromMinutes(10));
        var b = store.AddSource(server.BaseUrl + "feed-b.atom", "b", TimeSpan.FromHours(1));
        var c = store.AddSource(server.BaseUrl + "feed-c.rss", "c", TimeSpan.FromMinutes(10));
        var now = DateTime.UtcNow.AddSeconds(1);
        var skipped = new List<string>();
        var watcher = new SourceWatcher(store, store, PageProcessors.ArticleOnly, fetcher) { Clock = () => now, OnItemFailure = (item, reason) => skipped.Add($"{item}: {reason}") };

        await watcher.RunAsync(CancellationToken.None, once: true);
        Assert.Equal(3, store.Counts().Articles); // a/1, a/2, b/1; c failed
        Assert.Equal([$"{server.BaseUrl}private/secret: disallowed by the site's robots.txt"], skipped);

        // Five minutes on, nothing is due: nothing is asked.
        now = now.AddMinutes(5);
        var requests = server.Requests.Count;
        await watcher.RunAsync(CancellationToken.None, once: true);
        Assert.Equal(requests, server.Requests.Count);

        // Eleven minutes on, a (unchanged: 304) and c (backed off ten minutes, now answering) are due; b is not.
        now = now.AddMinutes(6);
        await watcher.RunAsync(CancellationToken.None, once: true);
        Assert.Equal(4, store.Counts().Articles);
        Assert.Equal(1, server.Hits("/feed-b.atom"));

        // a gains an item; c fails again.
        feedAVersion = 2;
        now = now.AddMinutes(11);
        await watcher.RunAsync(CancellationToken.None, once: true);
        Assert.Equal(5, store.Counts().Articles);

        foreach (var page in new[] { "/a/1", "/a/2", "/a/3", "/b/1", "/c/1" })
        {
            Assert.Equal(1, server.Hits(page));
        }

        Assert.Equal(0, server.Hits("/private/secret"));
        Assert.Equal(1, server.Hits("/robots.txt"));
        Assert.Equal(["none", "\"a-v1\"", "\"a-v1\""], conditionalHeaders);

        var health = store.ListSources().ToDictionary(source => source.Name!);
        Assert.Equal((null, 0, 5, 3), (health["a"].LastError, health["a"].Failures, health["a"].ItemsFound, health["a"].ItemsNew));
        Assert.Equal("\"a-v2\"", health["a"].ETag);
        Assert.Equal((1, 0), (health["b"].ItemsNew, health["b"].Failures));
        Assert.Equal(1, health["c"].Failures);
        Assert.Equal("HTTP 503 Service Unavailable", health["c"].LastError);
        Assert.NotNull(health["c"].LastSuccess);
        Assert.Equal(1, health["c"].ItemsNew);
    }

    [Fact]
    public void AFailingSourceIsAskedLessOftenUpToTheCeiling()
    {
        using var fetcher = new PageFetcher();
        using var store = SqliteEventStore.Open(Path.Combine(folder, "b.db"));
        var watcher = new SourceWatcher(store, store, PageProcessors.ArticleOnly, fetcher) { MaxBackoff = TimeSpan.FromHours(1) };
        var every = TimeSpan.FromMinutes(10);
        Assert.Equal(
            [10, 20, 40, 60, 60],
            new[] { 1, 2, 3, 4, 30 }.Select(failures => watcher.Backoff(every, failures).TotalMinutes));
        Assert.Equal(TimeSpan.FromDays(1), watcher.Backoff(TimeSpan.FromDays(1), 3));
    }
}
