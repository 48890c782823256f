using Vigil.Ingest;
using Vigil.Storage;

namespace Vigil.Tests.Ingest;

public class LeaseHeartbeatTests
{
    [Fact]
    public void ADroppedConnectionIsOpenedAfreshAndTheBeatGoesOn()
    {
        var opened = new List<ScriptedQueue>();
        using (var line = new HeartbeatLine(() =>
        {
            // The first connection is dropped by the database; the second one works.
            lock (opened)
            {
                var queue = new ScriptedQueue(broken: opened.Count == 0);
                opened.Add(queue);
                return queue;
            }
        }))
        {
            var job = new ClaimedJob(1, JobKind.Page, "page", "{}", 1, 3, DateTime.UtcNow);
            using var heartbeat = new LeaseHeartbeat(line, job, "w", TimeSpan.FromMilliseconds(60));
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (RenewalsOnTheSecond() < 2)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the heartbeat never renewed on a new connection");
                Thread.Sleep(10);
            }

            Assert.False(heartbeat.Lost);
        }

        Assert.Equal(2, opened.Count);
        Assert.All(opened, queue => Assert.True(queue.Disposed));

        int RenewalsOnTheSecond()
        {
            lock (opened)
            {
                return opened.Count < 2 ? 0 : opened[1].Renewals;
            }
        }
    }

    /// <summary>A queue whose renewals all fail, as on a connection the database dropped, or all succeed.</summary>
    private sealed class ScriptedQueue(bool broken) : IWorkQueue
    {
        private int renewals;

        public int Renewals => Volatile.Read(ref renewals);

        public bool Disposed { get; private set; }

        public bool RenewLease(ClaimedJob job, string worker, TimeSpan lease) =>
            broken ? throw new InvalidOperationException("the connection is broken") : Interlocked.Increment(ref renewals) > 0;

        public int Enqueue(IReadOnlyList<NewJob> jobs, int maxAttempts = 3) => throw new NotSupportedException();

        public ClaimedJob? Claim(string worker, TimeSpan lease) => throw new NotSupportedException();

        public bool Complete(ClaimedJob job, string worker, string result) => throw new NotSupportedException();

        public bool Fail(ClaimedJob job, string worker, string reason, bool permanent, TimeSpan retryAfter) => throw new NotSupportedException();

        public IReadOnlyDictionary<string, int> QueueCounts() => throw new NotSupportedException();

        public IReadOnlyList<FailedJob> FailedJobs(int limit = 100) => throw new NotSupportedException();

        public void Dispose() => Disposed = true;
    }
}
