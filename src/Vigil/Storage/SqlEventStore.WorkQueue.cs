using System.Globalization;

namespace Vigil.Storage;

/// <summary>
/// The work queue, in the same database as the events it feeds (PostgreSQL is the team store already; no other broker).
/// Claims are one UPDATE of the oldest ready row: PostgreSQL adds FOR UPDATE SKIP LOCKED so concurrent workers pass
/// each other's rows instead of queueing behind them; SQLite writes one statement at a time anyway. Times are the
/// database's clock, so workers on machines whose clocks differ agree on when a lease ends.
/// </summary>
public abstract partial class SqlEventStore : IWorkQueue
{
    /// <summary>The row lock a claim's subquery takes, if the engine has one.</summary>
    protected virtual string ClaimLock => "";

    /// <summary>The database's current UTC time as ISO text (yyyy-MM-ddTHH:mm:ss.fffZ), like every stored time.</summary>
    protected abstract string NowSql { get; }

    /// <summary>The queue's table; <paramref name="integer"/> and <paramref name="identity"/> are the dialect's column types.</summary>
    protected static string WorkQueueSchema(string integer, string identity) =>
        $"""
        CREATE TABLE work_jobs (
          id {identity}, job_key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, label TEXT NOT NULL, payload TEXT NOT NULL, state TEXT NOT NULL,
          attempts {integer} NOT NULL, max_attempts {integer} NOT NULL, not_before TEXT NOT NULL, lease_until TEXT, worker TEXT,
          enqueued_at TEXT NOT NULL, finished_at TEXT, error TEXT, result TEXT);
        CREATE INDEX work_jobs_ready ON work_jobs (state, not_before);
        """;

    public int Enqueue(IReadOnlyList<NewJob> jobs, int maxAttempts = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        var added = 0;
        // Batches keep one transaction from holding the writer lock for a whole large enqueue.
        foreach (var batch in jobs.Chunk(500))
        {
            added += InTransaction(() =>
            {
                var now = DatabaseNow();
                var count = 0;
                foreach (var job in batch)
                {
                    using var command = Command(
                        """
                        INSERT INTO work_jobs (job_key, kind, label, payload, state, attempts, max_attempts, not_before, enqueued_at)
                        VALUES (@key, @kind, @label, @payload, 'pending', 0, @max, @now, @now) ON CONFLICT (job_key) DO NOTHING
                        """,
                        ("@key", job.Key), ("@kind", KindName(job.Kind)), ("@label", job.Label), ("@payload", job.Payload), ("@max", maxAttempts), ("@now", now));
                    count += command.ExecuteNonQuery();
                }

                return count;
            });
        }

        return added;
    }

    public ClaimedJob? Claim(string worker, TimeSpan lease)
    {
        var now = DatabaseNow();
        // A job whose lease ran out as often as it may be tried is a dead letter: its workers keep dying on it.
        Execute(
            """
            UPDATE work_jobs SET state = 'dead', finished_at = @now, lease_until = NULL,
              error = 'lease expired on attempt ' || attempts || ' of ' || max_attempts || ' (the worker stopped or was killed)'
              || CASE WHEN error IS NULL THEN '' ELSE '; earlier: ' || error END
            WHERE state = 'running' AND lease_until < @now AND attempts >= max_attempts
            """,
            ("@now", now));
        var until = Iso(ParseIso(now) + lease);
        using var command = Command(
            $"""
            UPDATE work_jobs SET state = 'running', worker = @worker, attempts = attempts + 1, lease_until = @until
            WHERE id = (
              SELECT id FROM work_jobs
              WHERE (state = 'pending' AND not_before <= @now) OR (state = 'running' AND lease_until < @now)
              ORDER BY id LIMIT 1{ClaimLock})
            RETURNING id, kind, label, payload, attempts, max_attempts
            """,
            ("@worker", worker), ("@until", until), ("@now", now));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new ClaimedJob(
            Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), ParseKind(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
            Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
            ParseIso(until));
    }

    /// <summary>
    /// The attempt number names the claim, not only the job: should two workers be given one name, the one that lost
    /// the job does not renew the other's claim on it. A lease that ran out but was not taken yet is still held.
    /// </summary>
    public bool RenewLease(ClaimedJob job, string worker, TimeSpan lease) =>
        Update(
            "UPDATE work_jobs SET lease_until = @until WHERE id = @id AND worker = @worker AND attempts = @attempt AND state = 'running'",
            ("@until", Iso(ParseIso(DatabaseNow()) + lease)), ("@id", job.Id), ("@worker", worker), ("@attempt", job.Attempt));

    public bool Complete(ClaimedJob job, string worker, string result) =>
        Update(
            "UPDATE work_jobs SET state = 'done', result = @result, error = NULL, finished_at = @now, lease_until = NULL WHERE id = @id AND worker = @worker AND attempts = @attempt AND state = 'running'",
            ("@result", result), ("@now", DatabaseNow()), ("@id", job.Id), ("@worker", worker), ("@attempt", job.Attempt));

    public bool Fail(ClaimedJob job, string worker, string reason, bool permanent, TimeSpan retryAfter)
    {
        var now = DatabaseNow();
        if (permanent || job.Attempt >= job.MaxAttempts)
        {
            var state = permanent ? JobStates.Failed : JobStates.Dead;
            var why = permanent ? reason : $"{reason} (attempt {job.Attempt} of {job.MaxAttempts})";
            return Update(
                "UPDATE work_jobs SET state = @state, error = @error, finished_at = @now, lease_until = NULL WHERE id = @id AND worker = @worker AND attempts = @attempt AND state = 'running'",
                ("@state", state), ("@error", why), ("@now", now), ("@id", job.Id), ("@worker", worker), ("@attempt", job.Attempt));
        }

        var notBefore = Iso(ParseIso(now) + retryAfter);
        return Update(
            "UPDATE work_jobs SET state = 'pending', error = @error, not_before = @after, lease_until = NULL WHERE id = @id AND worker = @worker AND attempts = @attempt AND state = 'running'",
            ("@error", reason), ("@after", notBefore), ("@id", job.Id), ("@worker", worker), ("@attempt", job.Attempt));
    }

    public IReadOnlyDictionary<string, int> QueueCounts()
    {
        var counts = JobStates.All.ToDictionary(state => state, _ => 0, StringComparer.Ordinal);
        using var command = Command("SELECT state, COUNT(*) FROM work_jobs GROUP BY state");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    public IReadOnlyList<FailedJob> FailedJobs(int limit = 100)
    {
        var jobs = new List<FailedJob>();
        using var command = Command(
            "SELECT id, label, state, attempts, error FROM work_jobs WHERE state IN ('failed', 'dead') ORDER BY id LIMIT @limit", ("@limit", limit));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            jobs.Add(new FailedJob(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2),
                Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return jobs;
    }

    private const string IsoFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    private static string Iso(DateTime utc) => utc.ToString(IsoFormat, CultureInfo.InvariantCulture);

    private static DateTime ParseIso(string text) =>
        DateTime.ParseExact(text, IsoFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private string DatabaseNow() => (string)Scalar($"SELECT {NowSql}")!;

    private bool Update(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery() > 0;
    }

    private static string KindName(JobKind kind) => kind == JobKind.Page ? "page" : "url";

    private static JobKind ParseKind(string name) => name == "page" ? JobKind.Page : JobKind.Url;
}
