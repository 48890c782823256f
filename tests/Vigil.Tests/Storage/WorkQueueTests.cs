using Vigil.Ingest;
using Vigil.Storage;

namespace Vigil.Tests.Storage;

/// <summary>The work queue, against every store: leases, retries, dead letters.</summary>
public abstract class WorkQueueTests : StoreConnections
{
    protected static NewJob Job(string name) => new($"test:{name}", JobKind.Page, name, "{}");

    [SkippableFact]
    public void EnqueueAddsEachKeyOnce()
    {
        var queue = Open();
        Assert.Equal(2, queue.Enqueue([Job("a"), Job("b")]));
        Assert.Equal(1, queue.Enqueue([Job("b"), Job("c")]));
        Assert.Equal(3, queue.QueueCounts()[JobStates.Pending]);
    }

    [SkippableFact]
    public void ClaimsGoOutOldestFirstAndNeverTwiceWhileLeased()
    {
        var queue = Open();
        queue.Enqueue([Job("a"), Job("b")]);
        var first = queue.Claim("w1", TimeSpan.FromMinutes(1));
        var second = Another().Claim("w2", TimeSpan.FromMinutes(1));

        Assert.Equal(["a", "b"], new[] { first!.Label, second!.Label });
        Assert.Null(queue.Claim("w3", TimeSpan.FromMinutes(1)));
        Assert.True(queue.Complete(first, "w1", "ok"));
        Assert.Equal(1, queue.QueueCounts()[JobStates.Done]);
        Assert.Equal(1, queue.QueueCounts()[JobStates.Running]);
    }

    /// <summary>One job claimed by <paramref name="first"/> under a lease left to run out, then claimed again by <paramref name="second"/> on another connection.</summary>
    private (SqlEventStore Queue, ClaimedJob Lost, SqlEventStore Other, ClaimedJob? Retaken) ExpiredAndRetaken(string first, string second)
    {
        var queue = Open();
        queue.Enqueue([Job("a")]);
        var lost = queue.Claim(first, TimeSpan.FromMilliseconds(50))!;
        Thread.Sleep(150);
        var other = Another();
        return (queue, lost, other, other.Claim(second, TimeSpan.FromMinutes(1)));
    }

    [SkippableFact]
    public void AnExpiredLeaseLetsAnotherWorkerTakeTheJob()
    {
        var (queue, lost, _, retaken) = ExpiredAndRetaken("dies", "lives");
        Assert.Equal(lost.Id, retaken!.Id);
        Assert.Equal(2, retaken.Attempt);
        // The first worker comes back too late: its result is not recorded over the holder's.
        Assert.False(queue.Complete(lost, "dies", "late"));
        Assert.True(queue.Complete(retaken, "lives", "ok"));
    }

    [SkippableFact]
    public void AnOldAttemptCannotEndTheJobUnderTheSameWorkersName()
    {
        // A worker restarted under its old name claims the job again; the first run's late result or failure must not end the new attempt.
        var (queue, first, _, second) = ExpiredAndRetaken("w", "w");

        Assert.Equal(2, second!.Attempt);
        Assert.False(queue.Complete(first, "w", "late"));
        Assert.False(queue.Fail(first, "w", "late failure", permanent: true, TimeSpan.Zero));
        Assert.Equal(1, queue.QueueCounts()[JobStates.Running]);
        Assert.True(queue.Complete(second, "w", "ok"));
    }

    [SkippableFact]
    public void ARenewedLeaseIsNotTakenOverWhenTheFirstOneRunsOut()
    {
        var queue = Open();
        queue.Enqueue([Job("long")]);
        var job = queue.Claim("slow", TimeSpan.FromMilliseconds(50))!;
        Assert.True(queue.RenewLease(job, "slow", TimeSpan.FromMinutes(1)));
        Thread.Sleep(150);

        Assert.Null(Another().Claim("other", TimeSpan.FromMinutes(1)));
        Assert.True(queue.Complete(job, "slow", "ok"));
    }

    [SkippableFact]
    public void ARenewalByAWorkerThatLostTheJobIsRefused()
    {
        var (queue, lost, other, taken) = ExpiredAndRetaken("stalled", "lives");
        var retaken = taken!;

        Assert.False(queue.RenewLease(lost, "stalled", TimeSpan.FromMinutes(1)));
        // The claim is the job's attempt too: the old claim does not renew the new one, even under the holder's name.
        Assert.False(queue.RenewLease(lost, "lives", TimeSpan.FromMinutes(1)));
        Assert.True(other.RenewLease(retaken, "lives", TimeSpan.FromMinutes(1)));
        Assert.True(other.Complete(retaken, "lives", "ok"));
        Assert.False(other.RenewLease(retaken, "lives", TimeSpan.FromMinutes(1)));
    }

    [SkippableFact]
    public void AJobWhoseWorkersKeepDyingEndsAsADeadLetterWithTheReason()
    {
        var queue = Open();
        queue.Enqueue([Job("poison")], maxAttempts: 2);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.NotNull(queue.Claim($"w{attempt}", TimeSpan.FromMilliseconds(20)));
            Thread.Sleep(80);
        }

        Assert.Null(queue.Claim("w9", TimeSpan.FromMinutes(1)));
        var dead = Assert.Single(queue.FailedJobs());
        Assert.Equal(JobStates.Dead, dead.State);
        Assert.Equal("poison", dead.Label);
        Assert.Contains("lease expired on attempt 2 of 2", dead.Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void TransientFailuresAreRetriedUntilTheLimitThenDead()
    {
        var queue = Open();
        queue.Enqueue([Job("flaky")], maxAttempts: 2);
        var first = queue.Claim("w", TimeSpan.FromMinutes(1))!;
        queue.Fail(first, "w", "HTTP 503", permanent: false, retryAfter: TimeSpan.FromMinutes(10));
        Assert.Null(queue.Claim("w", TimeSpan.FromMinutes(1))); // waits out its back-off
        Assert.Equal(1, queue.QueueCounts()[JobStates.Pending]);

        queue.Enqueue([Job("soon")], maxAttempts: 2);
        var other = queue.Claim("w", TimeSpan.FromMinutes(1))!;
        queue.Fail(other, "w", "HTTP 503", permanent: false, retryAfter: TimeSpan.Zero);
        var again = queue.Claim("w", TimeSpan.FromMinutes(1))!;
        Assert.Equal((other.Id, 2), (again.Id, again.Attempt));
        queue.Fail(again, "w", "HTTP 503", permanent: false, retryAfter: TimeSpan.Zero);

        var dead = Assert.Single(queue.FailedJobs());
        Assert.Equal((JobStates.Dead, "HTTP 503 (attempt 2 of 2)"), (dead.State, dead.Reason));
    }

    [SkippableFact]
    public void APermanentFailureEndsTheJobAtOnceWithItsReason()
    {
        var queue = Open();
        queue.Enqueue([Job("empty")], maxAttempts: 5);
        var job = queue.Claim("w", TimeSpan.FromMinutes(1))!;
        Assert.True(queue.Fail(job, "w", "empty: no article text found", permanent: true, retryAfter: TimeSpan.Zero));

        var failed = Assert.Single(queue.FailedJobs());
        Assert.Equal((JobStates.Failed, 1, "empty: no article text found"), (failed.State, failed.Attempts, failed.Reason));
        Assert.Null(queue.Claim("w", TimeSpan.FromMinutes(1)));
    }

    [SkippableFact]
    public void ConcurrentWorkersNeverShareAJob()
    {
        var queue = Open();
        const int Jobs = 120;
        queue.Enqueue([.. Enumerable.Range(0, Jobs).Select(i => Job($"j{i}"))]);
        var claimers = Enumerable.Range(0, 4).Select(_ => Another()).ToList();
        using var start = new Barrier(claimers.Count);
        var claimed = claimers.Select((claimer, n) => Task.Run(() =>
        {
            start.SignalAndWait();
            var ids = new List<long>();
            while (claimer.Claim($"w{n}", TimeSpan.FromMinutes(1)) is { } job)
            {
                ids.Add(job.Id);
                claimer.Complete(job, $"w{n}", "ok");
            }

            return ids;
        })).ToList();

        var all = claimed.SelectMany(task => task.GetAwaiter().GetResult()).ToList();
        Assert.Equal(Jobs, all.Count);
        Assert.Equal(Jobs, all.Distinct().Count());
        Assert.Equal(Jobs, queue.QueueCounts()[JobStates.Done]);
    }
}

public sealed class SqliteWorkQueueTests : WorkQueueTests
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-queue-").FullName;

    protected override SqlEventStore CreateStore() => SqliteEventStore.Open(Path.Combine(folder, "q.db"));

    protected override SqlEventStore OpenAgain() => CreateStore();

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}

public sealed class PostgresWorkQueueTests : WorkQueueTests
{
    private readonly TestPostgres.Schema? schema = TestPostgres.CreateSchema();

    protected override SqlEventStore CreateStore()
    {
        Skip.If(schema is null, TestPostgres.SkipReason);
        return PostgresEventStore.Open(schema!.ConnectionString);
    }

    protected override SqlEventStore OpenAgain() => CreateStore();

    public override void Dispose()
    {
        base.Dispose();
        schema?.Dispose();
    }
}
