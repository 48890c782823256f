using Npgsql;
using Vigil.Storage;
using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Storage;

/// <summary>Two processes writing one PostgreSQL database (issue 17): migrations take turns, writers never abort each other.</summary>
public sealed class ConcurrentWriterTests : IDisposable
{
    private readonly TestPostgres.Schema? schema = TestPostgres.CreateSchema();

    [SkippableFact]
    public void StoresOpeningAFreshDatabaseAtOnceMigrateItOnce()
    {
        Skip.If(schema is null, TestPostgres.SkipReason);
        using var start = new Barrier(4);
        var opened = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return PostgresEventStore.Open(schema!.ConnectionString);
        })).ToList();

        // Before the migration lock, all but one died with 42P07 "relation already exists".
        var stores = opened.Select(task => task.GetAwaiter().GetResult()).ToList();
        try
        {
            Assert.All(stores, store => Assert.Equal(store.LatestSchemaVersion, store.SchemaVersion));
            Assert.Equal(stores[0].LatestSchemaVersion, stores[0].Dump("schema_version").Count);
        }
        finally
        {
            stores.ForEach(store => store.Dispose());
        }
    }

    [SkippableFact]
    public void TwoWritersStoringDisjointPagesAtOnceBothFinish()
    {
        Skip.If(schema is null, TestPostgres.SkipReason);
        using (PostgresEventStore.Open(schema!.ConnectionString))
        {
        }

        // Each page reports an incident, so every write reads the events table (the search for the same incident) and
        // adds to it: the read/write pattern that made the second ingest fail with 40001 after a few pages.
        const int PagesEach = 25;
        using var start = new Barrier(2);
        var writers = Enumerable.Range(0, 2).Select(writer => Task.Run(() =>
        {
            using var store = PostgresEventStore.Open(schema.ConnectionString);
            start.SignalAndWait();
            for (var i = 0; i < PagesEach; i++)
            {
                var day = $"2024-{1 + (writer * 6) + (i % 6):00}-{1 + i:00}";
                store.StorePage(Page(
                    $"Writer {writer} page {i}: three people were killed in clashes.",
                    $"https://w{writer}.example/{i}",
                    Event("Armed clash", day, $"Town {writer}-{i}", 10 + writer + (i * 0.5), 20 + i, "NG", killed: Count(3))));
            }
        })).ToArray();
        Task.WaitAll(writers);

        using var check = PostgresEventStore.Open(schema.ConnectionString);
        Assert.Equal(2 * PagesEach, check.Counts().Articles);
        Assert.Equal(2 * PagesEach, check.Counts().Claims);
    }

    [SkippableFact]
    public void AWriterChosenAsADeadlockVictimRetriesAndSucceeds()
    {
        Skip.If(schema is null, TestPostgres.SkipReason);
        using var store = PostgresEventStore.Open(schema!.ConnectionString);
        store.Retry = RetryPolicy.Default with { FirstDelay = TimeSpan.FromMilliseconds(1) };

        // Another client holds the claims table, so the store's write stops at its first claim while holding the
        // writer lock; the client then asks for the writer lock: a real deadlock, which PostgreSQL breaks by aborting
        // the store's transaction (it waited first, so its deadlock check runs first) with 40P01.
        using var other = new NpgsqlConnection(schema.ConnectionString);
        other.Open();
        using var otherTransaction = other.BeginTransaction();
        Run(other, otherTransaction, "LOCK TABLE claims IN EXCLUSIVE MODE");
        var storing = Task.Run(() => store.StorePage(
            Page("Five people were killed in a clash.", "https://a.example/deadlock", Event("Armed clash", "2024-02-01", "Maiduguri", 11.8, 13.1, "NG", killed: Count(5)))));
        WaitUntil(() => Waiting(schema.ConnectionString) > 0);

        // Returns only once the store's first attempt has given the writer lock back, i.e. was aborted mid-write.
        Run(other, otherTransaction, $"SELECT pg_advisory_xact_lock({PostgresEventStore.WriterLock})");
        otherTransaction.Commit();

        var stored = storing.GetAwaiter().GetResult();
        Assert.Equal(StoreStatus.Added, stored.Status);
        Assert.Equal(new StoreCounts(1, 1, 1), store.Counts());
    }

    [Fact]
    public void RetryGivesUpAfterTheLastAttemptAndSaysWhy()
    {
        var attempts = 0;
        var waits = new List<TimeSpan>();
        var policy = new RetryPolicy { MaxAttempts = 4, FirstDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(250) };
        var failure = Assert.Throws<TransientFailureException>(() => TransientRetry.Run<int>(
            () =>
            {
                attempts++;
                throw new PostgresException("could not serialize access", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure);
            },
            e => e is PostgresException,
            policy,
            waits.Add));

        Assert.Equal(4, attempts);
        Assert.Contains("could not serialize access", failure.Message, StringComparison.Ordinal);
        Assert.Contains("after 4 attempts", failure.Message, StringComparison.Ordinal);
        // Each wait lies in the upper half of a doubling ceiling that stops at the maximum.
        Assert.Equal(3, waits.Count);
        double[] ceilings = [100, 200, 250];
        for (var i = 0; i < waits.Count; i++)
        {
            Assert.InRange(waits[i].TotalMilliseconds, ceilings[i] / 2, ceilings[i]);
        }
    }

    [Fact]
    public void RetryLetsOtherFailuresThroughAtOnce()
    {
        var attempts = 0;
        Assert.Throws<InvalidOperationException>(() => TransientRetry.Run<int>(
            () =>
            {
                attempts++;
                throw new InvalidOperationException("broken");
            },
            e => e is PostgresException,
            RetryPolicy.Default,
            _ => { }));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public void RetryReturnsTheResultOfTheFirstAttemptThatSucceeds()
    {
        var attempts = 0;
        var result = TransientRetry.Run(
            () => ++attempts < 3 ? throw new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected) : attempts,
            e => e is PostgresException,
            RetryPolicy.Default,
            _ => { });
        Assert.Equal(3, result);
    }

    private static void Run(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    /// <summary>Sessions of this database waiting for a lock on a table (the store's stalled write).</summary>
    private static long Waiting(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND locktype = 'relation'", connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            Thread.Sleep(20);
        }
    }

    public void Dispose() => schema?.Dispose();
}
