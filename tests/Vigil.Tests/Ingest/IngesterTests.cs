using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Vigil.Ingest;
using Vigil.Storage;
using Vigil.Tests.Storage;

namespace Vigil.Tests.Ingest;

public sealed class IngesterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-ingest-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static readonly string[] ContentTables = ["articles", "events", "claims", "claim_actors", "claim_victims", "claim_sources", "evidence"];

    /// <summary>Everything but the audit log's clock time.</summary>
    private static List<string> Snapshot(SqlEventStore store) =>
        [.. store.Dump(ContentTables), .. store.AuditLog().Select(entry => $"audit: {entry.Action} {entry.EventId} {entry.OtherEventId} {string.Join(",", entry.ClaimIds)} {entry.Reason}")];

    [Fact]
    public async Task ParallelJobsWriteTheSameDatabaseAsOne()
    {
        using var serial = SqliteEventStore.Open(Path.Combine(folder, "one.db"));
        using var parallel = SqliteEventStore.Open(Path.Combine(folder, "four.db"));
        await new Ingester(serial, DedupFixtures.Process, jobs: 1).RunAsync([DedupFixtures.Folder]);
        await new Ingester(parallel, DedupFixtures.Process, jobs: 4).RunAsync([DedupFixtures.Folder]);

        var expected = Snapshot(serial);
        Assert.True(expected.Count > 50);
        Assert.Equal(expected, Snapshot(parallel));
    }

    [Fact]
    public async Task ASecondRunAddsNothing()
    {
        using var store = SqliteEventStore.Open(Path.Combine(folder, "v.db"));
        var first = await new Ingester(store, DedupFixtures.Process, jobs: 2).RunAsync([DedupFixtures.Folder]);
        var before = Snapshot(store);
        var second = await new Ingester(store, DedupFixtures.Process, jobs: 2).RunAsync([DedupFixtures.Folder]);

        Assert.Equal(DedupFixtures.Pages.Count, first.Articles);
        Assert.Equal(0, second.Articles);
        Assert.Equal(DedupFixtures.Pages.Count, second.Duplicates);
        Assert.Equal(before, Snapshot(store));
    }

    [Fact]
    public async Task BadInputsFailOneByOneAndTheRestIsStored()
    {
        var good = Path.Combine(folder, "good.txt");
        File.WriteAllText(good, "A headline\n\nA body paragraph that reports something.\n");
        var empty = Path.Combine(folder, "empty.txt");
        File.WriteAllText(empty, "");
        var lines = Path.Combine(folder, "notes.jsonl");
        File.WriteAllLines(lines,
        [
            """{"id": "N1", "text": "On 3 May 2020, two people were killed in a clash.", "published": "2020-05-03"}""",
            """{"id": "N2" "text": broken""",
            """{"id": "N3"}""",
            "",
            """{"id": "N4", "html": "<html><body><article><h1>Title</h1><p>Police said a market was attacked on Monday and shops burned.</p></article></body></html>", "url": "https://example.org/n4"}""",
        ]);
        var failures = new List<string>();
        using var store = SqliteEventStore.Open(Path.Combine(folder, "v.db"));
        var summary = await new Ingester(store, PageProcessors.ArticleOnly) { OnFailure = (input, reason) => failures.Add($"{input}: {reason}") }
            .RunAsync([empty, good, lines, Path.Combine(folder, "missing.html")]);

        Assert.Equal(3, summary.Articles);
        Assert.Equal(4, summary.Failed);
        Assert.Contains(failures, f => f.EndsWith("empty.txt: empty", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("notes.jsonl:2: invalid JSON", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("notes.jsonl:3: no \"text\" or \"html\" field", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("missing.html: no such file", StringComparison.Ordinal));
        Assert.True(store.ContainsUrl("https://example.org/n4"));
        Assert.Equal("2020-05-03", Published(store, "two people were killed"));
    }

    [Fact]
    public async Task JsonLinesKeepTheirLicenceAttributionAndTitleInTheStore()
    {
        var lines = Path.Combine(folder, "open.jsonl");
        File.WriteAllLines(lines,
        [
            """{"id": "wikinews-en:Strike", "published": "2020-01-03", "url": "https://en.wikinews.org/wiki/Strike", "title": "Strike kills general", "text": "A drone strike killed a general near the airport on Friday.\n\nOfficials confirmed the death.", "licence": "CC BY 2.5 (Wikinews contributors)", "attribution": "Wikinews contributors, \"Strike kills general\", https://en.wikinews.org/wiki/Strike"}""",
            """{"id": "plain", "text": "The council met on Monday and agreed a budget.", "url": "https://example.org/plain"}""",
            """{"id": "us", "text": "The court sat on Tuesday and heard the appeal.", "license": "CC0", "attribution": "  "}""",
        ]);
        var database = Path.Combine(folder, "open.db");
        using (var store = SqliteEventStore.Open(database))
        {
            var summary = await new Ingester(store, PageProcessors.ArticleOnly).RunAsync([lines]);
            Assert.Equal(3, summary.Articles);
        }

        using var reopened = SqliteEventStore.Open(database);
        var articles = reopened.Dump("articles").Select(line => ArticleId(line)).Select(id => reopened.GetArticle(id)!).ToList();
        var strike = Assert.Single(articles, a => a.Url == "https://en.wikinews.org/wiki/Strike");
        Assert.Equal("CC BY 2.5 (Wikinews contributors)", strike.Licence);
        Assert.Equal("Wikinews contributors, \"Strike kills general\", https://en.wikinews.org/wiki/Strike", strike.Attribution);
        Assert.Equal("Strike kills general", strike.Headline);
        Assert.Equal("2020-01-03", strike.Published);
        Assert.StartsWith("A drone strike killed a general", strike.Text, StringComparison.Ordinal);

        var plain = Assert.Single(articles, a => a.Url == "https://example.org/plain");
        Assert.Null(plain.Licence);
        Assert.Null(plain.Attribution);
        var spelledTheAmericanWay = Assert.Single(articles, a => a.Text.Contains("the appeal", StringComparison.Ordinal));
        Assert.Equal("CC0", spelledTheAmericanWay.Licence);
        Assert.Null(spelledTheAmericanWay.Attribution); // blank is none
    }

    private static string ArticleId(string dumpLine) => dumpLine["articles: ".Length..].Split(" | ")[0];

    [Fact]
    public async Task TheInputsPageCountIsKnownForPagesAndPlainJsonLinesOnly()
    {
        var lines = Path.Combine(folder, "three.jsonl");
        File.WriteAllText(lines, "{\"text\": \"a\"}\n\n{\"text\": \"b\"}\n{\"text\": \"c\"}\n");
        var page = Path.Combine(folder, "one.txt");
        File.WriteAllText(page, "A page.\n");

        Assert.Equal(4, IngestInputs.ExpectedPages([lines, page]));
        Assert.Null(IngestInputs.ExpectedPages([lines, Path.Combine(folder, "crawl.warc.gz")]));
        Assert.Null(IngestInputs.ExpectedPages(["https://example.org/feed"]));

        if (OperatingSystem.IsLinux() && File.Exists("/usr/bin/mkfifo"))
        {
            // A named pipe is not drained (nor waited on) to count it: it holds no known number of pages.
            var pipe = Path.Combine(folder, "stream.jsonl");
            using (var mkfifo = Process.Start("/usr/bin/mkfifo", [pipe]))
            {
                mkfifo.WaitForExit();
            }

            Assert.Equal(0, await Task.Run(() => IngestInputs.ExpectedPages([pipe])).WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    private sealed class BrokenStore : IEventStore
    {
        public int SchemaVersion => 1;

        public bool ContainsUrl(string url) => false;

        public StoreResult StorePage(ProcessedPage page) => throw new InvalidOperationException("disk full");

        public StoredEvent? GetEvent(string id) => null;

        public StoredArticle? GetArticle(string id) => null;

        public IReadOnlyList<(string EventId, Vigil.Events.FieldEvidence Evidence)> EvidenceOfArticle(string articleId) => [];

        public IReadOnlyList<StoredEvent> Search(EventQuery query) => [];

        public void MergeEvents(string keepId, string otherId, string reason) => throw new NotSupportedException();

        public string SplitClaim(string eventId, string claimId, string reason) => throw new NotSupportedException();

        public IReadOnlyList<AuditEntry> AuditLog() => [];

        public StoreCounts Counts() => new(0, 0, 0);

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task ADatabaseFailureStopsTheRunInsteadOfHangingIt()
    {
        var pages = Path.Combine(folder, "many");
        Directory.CreateDirectory(pages);
        for (var i = 0; i < 100; i++)
        {
            File.WriteAllText(Path.Combine(pages, $"p{i:D3}.txt"), $"Headline {i}\n\nBody {i}.\n");
        }

        var run = new Ingester(new BrokenStore(), PageProcessors.ArticleOnly, jobs: 2).RunAsync([pages]);

        // The run stops with the store's reason and what it had stored until then (issue 17).
        var error = await Assert.ThrowsAsync<IngestAbortedException>(() => run.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal("disk full", error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal(0, error.Summary.Articles);
    }

    private static string? Published(SqlEventStore store, string text) =>
        store.Dump("articles").Single(line => line.Contains(text, StringComparison.Ordinal)).Split(" | ")[8];

    /// <summary>
    /// Kills a real `vigil ingest` process (kill -9) in the middle of a run, reruns it, and checks the database holds
    /// every page exactly once, as a run that was never interrupted does.
    /// </summary>
    [Fact]
    public async Task AKilledIngestIsCompletedByARerunWithNothingLostOrDuplicated()
    {
        var pages = Path.Combine(folder, "pages");
        Directory.CreateDirectory(pages);
        const int PageCount = 4000;
        for (var i = 0; i < PageCount; i++)
        {
            File.WriteAllText(Path.Combine(pages, $"page{i:D5}.txt"), $"Report {i}\n\nThe council met on day {i} and agreed measure number {i * 7919 % 10007}.\n\nIt adjourned.\n");
        }

        var database = Path.Combine(folder, "killed.db");
        var cli = Path.Combine(AppContext.BaseDirectory, "Vigil.Cli.dll");
        using (var child = Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "ingest", pages, "--db", database, "--jobs", "2"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!)
        {
            var stored = 0L;
            var clock = Stopwatch.StartNew();
            while (stored < 200 && !child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(20);
                stored = CountArticles(database);
            }

            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            Assert.InRange(CountArticles(database), 1, PageCount - 1); // it was killed mid-run
        }

        var rerun = Cli.CliRunner.Run("ingest", pages, "--db", database, "--jobs", "2");
        Assert.Equal(0, rerun.Exit);

        using var clean = SqliteEventStore.Open(Path.Combine(folder, "clean.db"));
        await new Ingester(clean, PageProcessors.ArticleOnly, jobs: 2).RunAsync([pages]);
        using var resumed = SqliteEventStore.Open(database);
        Assert.Equal(PageCount, resumed.Counts().Articles);
        // Writes go in input order, so the killed run stored a prefix and the rerun the rest: even the order matches.
        Assert.Equal(clean.Dump("articles"), resumed.Dump("articles"));
    }

    private static long CountArticles(string database)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM articles";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }
}
