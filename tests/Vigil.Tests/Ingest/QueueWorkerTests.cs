using System.Diagnostics;
using Vigil.Ingest;
using Vigil.Storage;
using Vigil.Tests.Storage;

namespace Vigil.Tests.Ingest;

/// <summary>Workers over the queue: every page ends processed or failed with a reason, and redoing a page changes nothing.</summary>
public sealed class QueueWorkerTests : IDisposable
{
    private readonly TestPostgres.Schema? schema = TestPostgres.CreateSchema();
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-worker-").FullName;

    public void Dispose()
    {
        schema?.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static List<NewJob> FixtureJobs(string labelPrefix = "") =>
        [.. Directory.GetFiles(DedupFixtures.Folder).Order(StringComparer.Ordinal)
            .Select(path => WorkJobs.ForPage(PageLoader.LoadFile(path) with { Source = labelPrefix + path }))];

    private static QueueWorker Worker(SqlEventStore queue, SqlEventStore store, PageFetcher fetcher, string name) =>
        new(queue, store, DedupFixtures.Process, fetcher, name) { UntilEmpty = true, IdlePoll = TimeSpan.FromMilliseconds(20) };

    [SkippableFact]
    public void TwoWorkersGivingEveryPageTwiceStoreWhatOneWorkerStoresOnce()
    {
        Skip.If(schema is null, TestPostgres.SkipReason);
        using var fetcher = new PageFetcher();
        var once = Path.Combine(folder, "once.db");
        using (var store = SqliteEventStore.Open(once))
        {
            store.Enqueue(FixtureJobs());
            Worker(store, store, fetcher, "solo").RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        // Each page is queued twice under two names (as two feeds would list it), and two workers race over them.
        using (var setup = PostgresEventStore.Open(schema!.ConnectionString))
        {
            setup.Enqueue([.. FixtureJobs("copy-a:"), .. FixtureJobs("copy-b:")]);
        }

        var workers = Enumerable.Range(0, 2).Select(n => Task.Run(() =>
        {
            using var store = PostgresEventStore.Open(schema.ConnectionString);
            using var queue = PostgresEventStore.Open(schema.ConnectionString);
            return Worker(queue, store, fetcher, $"w{n}").RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        })).ToList();
        var summaries = workers.Select(task => task.GetAwaiter().GetResult()).ToList();

        using var single = SqliteEventStore.Open(once);
        using var twice = PostgresEventStore.Open(schema.ConnectionString);
        var pages = FixtureJobs().Count;
        Assert.Equal(2 * pages, summaries.Sum(s => s.Jobs));
        Assert.Equal(pages, summaries.Sum(s => s.Duplicates));
        Assert.Equal(single.Counts(), twice.Counts());
        Assert.Equal(pages, twice.QueueCounts()[JobStates.Done] / 2);
        Assert.Equal(Ids(single), Ids(twice));
    }

    [Fact]
    public async Task ADrainingWorkerStopsSoonAfterAnotherWorkersLastJobEndsNotAfterAFullIdlePoll()
    {
        using var fetcher = new PageFetcher();
        using var store = SqliteEventStore.Open(Path.Combine(folder, "drain.db"));
        store.Enqueue(FixtureJobs()[..1]);
        var othersLast = store.Claim("other", TimeSpan.FromMinutes(2));
        Assert.NotNull(othersLast);

        var clock = Stopwatch.StartNew();
        var draining = new QueueWorker(store, store, DedupFixtures.Process, fetcher, "drainer") { UntilEmpty = true, IdlePoll = TimeSpan.FromSeconds(30) }
            .RunAsync(CancellationToken.None);
        await Task.Delay(300);
        Assert.False(draining.IsCompleted, "a worker must wait while another's job may still fail back into the queue");
        store.Complete(othersLast!, "other", "stored");
        var summary = await draining.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, summary.Jobs);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task AJobLeftByAKilledWorkerIsDoneByTheNextOneAndAnEmptyPageFailsWithItsReason()
    {
        using var fetcher = new PageFetcher();
        using var store = SqliteEventStore.Open(Path.Combine(folder, "crash.db"));
        var jobs = FixtureJobs();
        jobs.Add(WorkJobs.ForPage(new RawPage("blank.txt", "   \n  ", PageFormat.Text)));
        store.Enqueue(jobs);

        // A worker claims a job and is killed before finishing it: its lease runs out.
        Assert.NotNull(store.Claim("killed", TimeSpan.FromMilliseconds(50)));
        Thread.Sleep(100);
        var failures = new List<string>();
        var summary = await new QueueWorker(store, store, DedupFixtures.Process, fetcher, "next") { UntilEmpty = true, OnFailure = (label, reason) => failures.Add($"{label}: {reason}") }
            .RunAsync(CancellationToken.None);

        Assert.Equal(jobs.Count, summary.Jobs);
        Assert.Equal(1, summary.Failed);
        Assert.Equal(jobs.Count - 1, store.QueueCounts()[JobStates.Done]);
        Assert.Equal(jobs.Count - 1, store.Counts().Articles);
        var failed = Assert.Single(store.FailedJobs());
        Assert.Equal((JobStates.Failed, "no article text found"), (failed.State, failed.Reason));
        Assert.Equal(["blank.txt: no article text found"], failures);
    }

    [Fact]
    public async Task AStopRequestEndsTheWorkerBetweenJobs()
    {
        using var fetcher = new PageFetcher();
        using var store = SqliteEventStore.Open(Path.Combine(folder, "stop.db"));
        store.Enqueue(FixtureJobs());
        using var stop = new CancellationTokenSource();
        var worker = new QueueWorker(store, store, DedupFixtures.Process, fetcher, "w") { OnJob = (_, _, _) => stop.Cancel() };

        var summary = await worker.RunAsync(stop.Token);

        Assert.Equal(1, summary.Jobs);
        Assert.Equal(1, store.QueueCounts()[JobStates.Done]);
        Assert.Equal(0, store.QueueCounts()[JobStates.Running]);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TheHeartbeatKeepsASlowJobFromBeingTakenOver(string engine)
    {
        var lease = TimeSpan.FromSeconds(2);
        using var fetcher = new PageFetcher();
        using var store = OpenStore(engine, "slow.db");
        using var thief = OpenStore(engine, "slow.db");
        store.Enqueue([FixtureJobs()[0]]);
        using var started = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim();
        var worker = new QueueWorker(store, store, Slow, fetcher, "slow")
        {
            Lease = lease,
            UntilEmpty = true,
            IdlePoll = TimeSpan.FromMilliseconds(20),
            OpenHeartbeatQueue = () => OpenStore(engine, "slow.db"),
        };

        var running = Task.Run(() => worker.RunAsync(CancellationToken.None));
        try
        {
            Assert.True(await started.WaitAsync(TimeSpan.FromMinutes(1)));
            // For three leases' time another worker keeps asking for work while the job is still being done.
            var asking = Stopwatch.StartNew();
            while (asking.Elapsed < 3 * lease)
            {
                Assert.Null(thief.Claim("thief", lease));
                await Task.Delay(100);
            }
        }
        finally
        {
            release.Set();
        }

        var summary = await running;
        Assert.Equal((1, 1, 0), (summary.Jobs, summary.Articles, summary.Abandoned));
        Assert.Equal(1, store.QueueCounts()[JobStates.Done]);
        Assert.Empty(store.FailedJobs());

        ProcessedPage Slow(RawPage raw)
        {
            started.Release();
            release.Wait();
            return DedupFixtures.Process(raw);
        }
    }

    [Fact]
    public async Task AWorkerThatLostItsLeaseGivesTheJobUpInsteadOfStoringIt()
    {
        var lease = TimeSpan.FromMilliseconds(600);
        var path = Path.Combine(folder, "lost.db");
        using var fetcher = new PageFetcher();
        using var store = SqliteEventStore.Open(path);
        store.Enqueue([FixtureJobs()[0]]);
        using var stop = new CancellationTokenSource();
        var outcomes = new List<string>();
        var worker = new QueueWorker(store, store, TakenOverMeanwhile, fetcher, "w")
        {
            Lease = lease,
            OpenHeartbeatQueue = () => SqliteEventStore.Open(path),
            OnJob = (_, outcome, _) =>
            {
                outcomes.Add(outcome);
                stop.Cancel();
            },
        };

        var summary = await worker.RunAsync(stop.Token);

        Assert.Equal((0, 0, 1), (summary.Jobs, summary.Articles, summary.Abandoned));
        Assert.StartsWith("given up: the lease was lost", Assert.Single(outcomes), StringComparison.Ordinal);
        Assert.Equal(0, store.Counts().Articles);
        Assert.Equal(1, store.QueueCounts()[JobStates.Running]); // the taker's to finish

        ProcessedPage TakenOverMeanwhile(RawPage raw)
        {
            // What another worker's claim does once the lease ran out (a stalled heartbeat), done in one step here.
            TestSql.OnSqlite(path, "UPDATE work_jobs SET worker = 'taker', attempts = attempts + 1");
            Thread.Sleep(3 * lease); // nine beats, any of which learns that the job is lost
            return DedupFixtures.Process(raw);
        }
    }

    private SqlEventStore OpenStore(string engine, string sqliteFile)
    {
        if (engine == "sqlite")
        {
            return SqliteEventStore.Open(Path.Combine(folder, sqliteFile));
        }

        Skip.If(schema is null, TestPostgres.SkipReason);
        return PostgresEventStore.Open(schema!.ConnectionString);
    }

    /// <summary>
    /// Each event as the set of claims it gathers. Not its id: an event is named after the first report stored, and which
    /// of two racing workers stores first is up to the scheduler.
    /// </summary>
    private static List<string> Ids(SqlEventStore store) =>
        [.. store.Search(new EventQuery()).Select(e => string.Join(",", e.Claims.Select(c => c.Id).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
}
