using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Vigil.Ingest;
using Vigil.Storage;

namespace Vigil.Tests.Ingest;

/// <summary>A small web server on 127.0.0.1 for fetch tests; never the internet.</summary>
internal sealed class LocalServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, Func<HttpListenerContext, int, Task>> routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> hits = new(StringComparer.Ordinal);
    private readonly Task loop;

    public LocalServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(BaseUrl);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public List<(string Path, DateTime At, string? UserAgent)> Requests { get; } = [];

    public void Route(string path, Func<HttpListenerContext, int, Task> handler) => routes[path] = handler;

    public void Page(string path, string body, string contentType = "text/html; charset=utf-8", int status = 200) =>
        Route(path, (context, _) => Respond(context, body, contentType, status));

    public int Hits(string path)
    {
        lock (hits)
        {
            return hits.GetValueOrDefault(path);
        }
    }

    public static async Task Respond(HttpListenerContext context, string body, string contentType = "text/html; charset=utf-8", int status = 200)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            int count;
            lock (hits)
            {
                count = hits[path] = hits.GetValueOrDefault(path) + 1;
                Requests.Add((path, DateTime.UtcNow, context.Request.UserAgent));
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    if (routes.TryGetValue(path, out var handler))
                    {
                        await handler(context, count);
                    }
                    else
                    {
                        await Respond(context, "not found", "text/plain", 404);
                    }
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    // the client went away (a timeout test) or the server stopped first
                }
            });
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}

public sealed class PageFetcherTests : IDisposable
{
    private const string Article = "<html><body><article><h1>Strike on depot</h1><p>An air strike hit a fuel depot on the outskirts of the city on Friday, officials said.</p><p>No casualties were reported.</p></article></body></html>";

    private readonly LocalServer server = new();
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-fetch-").FullName;

    public void Dispose()
    {
        server.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static PageFetcher Fast(int retries = 2, int maxBytes = 1_000_000, double politeness = 0) => new(new FetchOptions
    {
        Backoff = TimeSpan.FromMilliseconds(20),
        Retries = retries,
        MaxBytes = maxBytes,
        PolitenessDelay = TimeSpan.FromSeconds(politeness),
        Timeout = TimeSpan.FromSeconds(2),
        MaxRedirects = 3,
    });

    [Fact]
    public async Task FollowsRedirectsWithALimitAndSendsAClearUserAgent()
    {
        server.Page("/page", Article);
        server.Route("/moved", (context, _) =>
        {
            context.Response.Redirect(server.BaseUrl + "page");
            context.Response.Close();
            return Task.CompletedTask;
        });
        server.Route("/loop", (context, _) =>
        {
            context.Response.Redirect(server.BaseUrl + "loop");
            context.Response.Close();
            return Task.CompletedTask;
        });
        using var fetcher = Fast();

        var page = await fetcher.FetchAsync(server.BaseUrl + "moved");
        Assert.Equal(server.BaseUrl + "page", page.Url.ToString());
        Assert.Equal("text/html", page.MediaType);
        Assert.StartsWith("Vigil/", server.Requests[0].UserAgent, StringComparison.Ordinal);

        var loop = await Assert.ThrowsAsync<InputException>(() => fetcher.FetchAsync(server.BaseUrl + "loop"));
        Assert.Contains("more than 3 redirects", loop.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriesServerErrorsButNotClientErrors()
    {
        server.Route("/flaky", (context, count) => count < 3 ? LocalServer.Respond(context, "busy", "text/plain", 503) : LocalServer.Respond(context, Article));
        server.Page("/missing", "no", "text/plain", 404);
        using var fetcher = Fast(retries: 3);

        var page = await fetcher.FetchAsync(server.BaseUrl + "flaky");
        Assert.Equal(3, server.Hits("/flaky"));
        Assert.Contains("fuel depot", Encoding.UTF8.GetString(page.Body), StringComparison.Ordinal);

        var missing = await Assert.ThrowsAsync<InputException>(() => fetcher.FetchAsync(server.BaseUrl + "missing"));
        Assert.Equal("HTTP 404 Not Found", missing.Reason);
        Assert.Equal(1, server.Hits("/missing"));
    }

    [Fact]
    public async Task GivesUpAfterTheRetriesAndOnOversizedBodies()
    {
        server.Page("/down", "down", "text/plain", 500);
        server.Page("/big", new string('x', 50_000), "text/html");
        using var fetcher = Fast(retries: 1, maxBytes: 10_000);

        var down = await Assert.ThrowsAsync<InputException>(() => fetcher.FetchAsync(server.BaseUrl + "down"));
        Assert.Contains("after 2 attempts", down.Reason, StringComparison.Ordinal);
        var big = await Assert.ThrowsAsync<InputException>(() => fetcher.FetchAsync(server.BaseUrl + "big"));
        Assert.Contains("too large", big.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASlowServerTimesOut()
    {
        server.Route("/slow", async (context, _) =>
        {
            // Far longer than the timeout, so that a loaded machine's slowness cannot pass for an answer.
            await Task.Delay(TimeSpan.FromSeconds(6));
            await LocalServer.Respond(context, Article);
        });
        using var fetcher = new PageFetcher(new FetchOptions { Timeout = TimeSpan.FromMilliseconds(300), Retries = 0, PolitenessDelay = TimeSpan.Zero });

        var clock = Stopwatch.StartNew();
        var slow = await Assert.ThrowsAsync<InputException>(() => fetcher.FetchAsync(server.BaseUrl + "slow"));

        Assert.StartsWith("timed out after 0.3 s", slow.Reason, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task WaitsBetweenRequestsToOneHost()
    {
        server.Page("/a", Article);
        server.Page("/b", Article);
        using var fetcher = Fast(politeness: 0.3);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(fetcher.FetchAsync(server.BaseUrl + "a"), fetcher.FetchAsync(server.BaseUrl + "b"), fetcher.FetchAsync(server.BaseUrl + "a"));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(550), $"three requests took only {clock.ElapsedMilliseconds} ms");
        var times = server.Requests.Select(r => r.At).Order().ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(250)));
    }

    [Fact]
    public async Task AFeedUrlIsExpandedIntoItsItemsAndKnownItemsAreNotFetchedAgain()
    {
        server.Page("/news/1", Article);
        server.Page("/news/2", Article.Replace("fuel depot", "water plant", StringComparison.Ordinal));
        server.Page("/feed", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Test news</title><link>{server.BaseUrl}</link><description>d</description>
            <item><title>One</title><link>{server.BaseUrl}news/1</link><pubDate>Fri, 03 May 2024 10:00:00 GMT</pubDate></item>
            <item><title>Two</title><link>{server.BaseUrl}news/2</link></item>
            </channel></rss>
            """, "application/rss+xml");
        using var fetcher = Fast();
        using var store = SqliteEventStore.Open(Path.Combine(folder, "feed.db"));
        using var lookup = SqliteEventStore.Open(Path.Combine(folder, "feed.db"));

        var first = await new Ingester(store, PageProcessors.ArticleOnly) { Fetcher = fetcher, IsKnownUrl = lookup.ContainsUrl }.RunAsync([server.BaseUrl + "feed"]);
        var second = await new Ingester(store, PageProcessors.ArticleOnly) { Fetcher = fetcher, IsKnownUrl = lookup.ContainsUrl }.RunAsync([server.BaseUrl + "feed"]);

        Assert.Equal(2, first.Articles);
        Assert.Equal(0, second.Articles);
        Assert.Equal(2, second.Duplicates);
        Assert.Equal(1, server.Hits("/news/1"));
        Assert.Equal(1, server.Hits("/news/2"));
        Assert.True(store.ContainsUrl(server.BaseUrl + "news/1"));
        Assert.Contains("2024-05-03", string.Join("\n", store.Dump("articles")), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAtomFileListsItsLinks()
    {
        var atom = Path.Combine(folder, "feed.atom");
        File.WriteAllText(atom, """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id><updated>2024-05-01T00:00:00Z</updated>
            <entry><title>A</title><id>urn:a</id><updated>2024-05-01T08:00:00Z</updated><link rel="alternate" href="https://news.example/a"/></entry>
            <entry><title>B</title><id>https://news.example/b</id><updated>2024-05-02T08:00:00Z</updated></entry>
            </feed>
            """);

        var items = FeedReader.Read(atom, File.ReadAllBytes(atom));

        Assert.Equal(["https://news.example/a", "https://news.example/b"], items.Select(i => i.Url));
        Assert.StartsWith("2024-05-01", items[0].Published, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => FeedReader.Read("bad.rss", "<rss><channel><item>"u8.ToArray()));
    }
}
