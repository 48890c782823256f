namespace Vigil.Storage;

/// <summary>What a job asks a worker to do.</summary>
public enum JobKind
{
    /// <summary>A page already read (its text travels in the job, so a worker on another machine needs no shared disk).</summary>
    Page,

    /// <summary>A URL to fetch: a page is processed, a feed's items become jobs of their own.</summary>
    Url,
}

/// <summary>Where a job stands: waiting, held by a worker under a lease, or finished one of three ways.</summary>
public static class JobStates
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Done = "done";

    /// <summary>The input itself is bad (no article text, not a page): retrying would not help; the reason is kept.</summary>
    public const string Failed = "failed";

    /// <summary>The dead letters: every attempt failed (or the workers holding it died); the last reason is kept.</summary>
    public const string Dead = "dead";

    public static readonly IReadOnlyList<string> All = [Pending, Running, Done, Failed, Dead];
}

/// <summary>A job to add. <paramref name="Key"/> identifies it: adding a job whose key is queued already adds nothing.</summary>
public sealed record NewJob(string Key, JobKind Kind, string Label, string Payload);

/// <summary>A job a worker holds until <paramref name="LeaseUntil"/> (UTC); attempt 1 is the first.</summary>
public sealed record ClaimedJob(long Id, JobKind Kind, string Label, string Payload, int Attempt, int MaxAttempts, DateTime LeaseUntil);

/// <summary>A job that ended failed or dead, with the reason.</summary>
public sealed record FailedJob(long Id, string Label, string State, int Attempts, string? Reason);

/// <summary>
/// The work queue shared by any number of workers on any number of machines. Jobs are claimed under a lease: a worker
/// that dies loses it when it expires and another takes the job again; a job that keeps failing ends as a dead letter
/// with its reason. Delivery is at least once, so what a job does must be idempotent (storing a page is).
/// </summary>
public interface IWorkQueue : IDisposable
{
    /// <summary>Adds the jobs not queued already; returns how many were added.</summary>
    int Enqueue(IReadOnlyList<NewJob> jobs, int maxAttempts = 3);

    /// <summary>The oldest job ready to run (waiting, or held under a lease that expired), or null when there is none.</summary>
    ClaimedJob? Claim(string worker, TimeSpan lease);

    /// <summary>
    /// Extends the worker's lease on the job to <paramref name="lease"/> from now, so a job that runs long is not taken
    /// over while it is still being done. False when the worker no longer holds it (another took it once the lease
    /// expired, or it ended): the worker must then drop its result.
    /// </summary>
    bool RenewLease(ClaimedJob job, string worker, TimeSpan lease);

    /// <summary>
    /// Marks the job done; false when the worker no longer holds this attempt of it (its lease expired and another
    /// claim took it, even one under the same worker name, as a restarted worker gets).
    /// </summary>
    bool Complete(ClaimedJob job, string worker, string result);

    /// <summary>
    /// Records a failure. A permanent one ends the job as failed; a transient one puts it back to wait
    /// <paramref name="retryAfter"/>, or ends it as dead once its attempts are spent. False, as for
    /// <see cref="Complete"/>, when the worker no longer holds this attempt.
    /// </summary>
    bool Fail(ClaimedJob job, string worker, string reason, bool permanent, TimeSpan retryAfter);

    /// <summary>How many jobs are in each state (every state listed, zero included).</summary>
    IReadOnlyDictionary<string, int> QueueCounts();

    /// <summary>Jobs that ended failed or dead, oldest first, with their reasons.</summary>
    IReadOnlyList<FailedJob> FailedJobs(int limit = 100);
}
