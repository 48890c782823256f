using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigil.Storage;

namespace Vigil.Ingest;

/// <summary>What one worker did: jobs it finished, by outcome.</summary>
public sealed record WorkerSummary(int Jobs, int Articles, int Duplicates, int NewEvents, int Failed, int Retried, int Abandoned = 0)
{
    public override string ToString() =>
        $"{Jobs} jobs: {Articles} articles stored, {NewEvents} new events, {Duplicates} already stored, {Failed} failed, {Retried} to retry"
        + (Abandoned > 0 ? $", {Abandoned} given up (their lease was lost)" : "");
}

/// <summary>Turns inputs into queue jobs, and job payloads back into pages.</summary>
public static class WorkJobs
{
    /// <summary>
    /// The jobs for the user's inputs: a URL stays a URL (a worker fetches it); a file's pages are read here and travel in
    /// the job, so workers need no shared disk. An input that cannot be read is reported to <paramref name="onFailure"/>.
    /// </summary>
    public static async Task<List<NewJob>> FromInputsAsync(IReadOnlyList<string> inputs, PageFetcher fetcher, Action<string, string> onFailure, CancellationToken cancellation = default)
    {
        var jobs = new List<NewJob>();
        foreach (var input in inputs)
        {
            if (PageFetcher.IsHttpUrl(input))
            {
                jobs.Add(ForUrl(input));
                continue;
            }

            foreach (var work in IngestInputs.Enumerate([input], fetcher))
            {
                // A feed file's items are pages elsewhere: named by their URL, they are fetched by the worker, not here.
                if (work.Error is null && work.Url is not null && work.Label == work.Url && PageFetcher.IsHttpUrl(work.Url))
                {
                    jobs.Add(ForUrl(work.Url));
                    continue;
                }

                try
                {
                    var page = work.Error is null ? await work.Load!(cancellation).ConfigureAwait(false) : throw work.Error;
                    jobs.Add(ForPage(page));
                }
                catch (InputException e)
                {
                    onFailure(e.Input, e.Reason);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    onFailure(work.Label, e.Message);
                }
            }
        }

        return jobs;
    }

    public static NewJob ForUrl(string url) => new("url:" + (ContentIdentity.CanonicalUrl(url) ?? url), JobKind.Url, url, url);

    /// <summary>Keyed by where the page came from and what it says, so enqueueing the same input twice queues it once.</summary>
    public static NewJob ForPage(RawPage page)
    {
        var payload = JsonSerializer.Serialize(new PagePayload(page.Source, page.Content, page.Format, page.Url, page.Published, page.Title, page.Licence, page.Attribution), VigilJson.Options);
        var key = "page:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(page.Source + "\n" + page.Content)));
        return new NewJob(key, JobKind.Page, page.Source, payload);
    }

    public static RawPage ReadPage(string payload)
    {
        var page = JsonSerializer.Deserialize<PagePayload>(payload, VigilJson.Options) ?? throw new InvalidDataException("empty page job");
        return new RawPage(page.Source, page.Content, page.Format, page.Url, page.Published) { Title = page.Title, Licence = page.Licence, Attribution = page.Attribution };
    }

    private sealed record PagePayload(string Source, string Content, PageFormat Format, string? Url, string? Published, string? Title, string? Licence, string? Attribution);
}

/// <summary>
/// One worker: claims a job, does it, records the outcome, and again, until stopped. Any number run at once, on any
/// number of machines, against one database. A job is done at least once; storing a page twice stores it once (the
/// store recognizes its content and URL), so a job redone after a crash changes nothing.
/// </summary>
public sealed class QueueWorker(IWorkQueue queue, IEventStore store, PageProcessor processor, PageFetcher fetcher, string name)
{
    /// <summary>How long a claim holds without news from this worker; while a job runs, the heartbeat renews it every third of it.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Opens the queue the lease heartbeat renews through, once per run, and closes it at the end. It is a connection of
    /// its own because a store wraps one DbConnection, which is not safe for concurrent use, and the heartbeat ticks
    /// while the job in hand uses the worker's connections; a renewal sent inside the job's write transaction would not
    /// be seen before that commits either. Renewing between the job's steps instead would not help when one step (one
    /// huge page, one slow URL) outlasts the lease. Null: no heartbeat, and <see cref="Lease"/> must outlast the slowest job.
    /// </summary>
    public Func<IWorkQueue>? OpenHeartbeatQueue { get; init; }

    /// <summary>How long to wait before asking again when no job is ready.</summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>With <see cref="UntilEmpty"/>, how long to wait before asking again when no job waits and others are still running.</summary>
    public TimeSpan DrainPoll { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The first wait before a job that failed transiently is tried again; it doubles with each attempt.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Stop once no job is waiting or running (for batches and benchmarks), instead of waiting for more.</summary>
    public bool UntilEmpty { get; init; }

    /// <summary>Called after each job with the label, the outcome and the running totals.</summary>
    public Action<string, string, WorkerSummary>? OnJob { get; init; }

    /// <summary>Called for each job that failed, with its label and reason.</summary>
    public Action<string, string>? OnFailure { get; init; }

    private WorkerSummary summary = new(0, 0, 0, 0, 0, 0);

    /// <summary>The heartbeat of the job in hand (the worker does one job at a time).</summary>
    private LeaseHeartbeat? heartbeat;

    /// <summary>Runs until <paramref name="stop"/> fires (the job in hand is finished first) or, with <see cref="UntilEmpty"/>, the queue is empty.</summary>
    public async Task<WorkerSummary> RunAsync(CancellationToken stop)
    {
        using var heartbeatLine = OpenHeartbeatQueue is null ? null : new HeartbeatLine(OpenHeartbeatQueue);
        while (!stop.IsCancellationRequested)
        {
            var job = queue.Claim(name, Lease);
            if (job is null)
            {
                var wait = IdlePoll;
                if (UntilEmpty && queue.QueueCounts() is var counts)
                {
                    if (counts[JobStates.Pending] + counts[JobStates.Running] == 0)
                    {
                        break;
                    }

                    // Draining a batch: the jobs still running are other workers' last ones, and this worker stays only
                    // to take any that fail back; a full idle poll would keep the whole batch waiting up to a second
                    // after its last job.
                    if (counts[JobStates.Pending] == 0)
                    {
                        wait = DrainPoll;
                    }
                }

                try
                {
                    await Task.Delay(wait, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                continue;
            }

            // The job in hand is finished even when a stop is asked for: it is short, and leaving it would cost a lease.
            string outcome;
            using (heartbeat = heartbeatLine is null ? null : new LeaseHeartbeat(heartbeatLine, job, name, Lease))
            {
                outcome = await RunJobAsync(job).ConfigureAwait(false);
            }

            heartbeat = null;
            OnJob?.Invoke(job.Label, outcome, summary);
        }

        return summary;
    }

    private async Task<string> RunJobAsync(ClaimedJob job)
    {
        try
        {
            var result = job.Kind == JobKind.Page ? StorePage(WorkJobs.ReadPage(job.Payload)) : await FetchAsync(job).ConfigureAwait(false);
            queue.Complete(job, name, result);
            summary = summary with { Jobs = summary.Jobs + 1 };
            return result;
        }
        catch (LeaseLostException)
        {
            // Another worker holds the job now and will store what this one would have (or it ended as a dead letter, with
            // its reason): storing it here too would race the holder.
            summary = summary with { Abandoned = summary.Abandoned + 1 };
            return "given up: the lease was lost (another worker took the job over, or it ended)";
        }
        catch (InputException e)
        {
            // A fetch that failed may work later (the site was down); a page that was read but is no article never will.
            var permanent = job.Kind == JobKind.Page;
            return Failed(job, e.Input == job.Label ? e.Reason : $"{e.Input}: {e.Reason}", permanent);
        }
        catch (Exception e) when (e is DbException or TransientFailureException)
        {
            // The store refused this write (not the input): the job waits and is tried again, by this worker or another.
            return Failed(job, $"database: {e.Message}", permanent: false);
        }
    }

    private string Failed(ClaimedJob job, string reason, bool permanent)
    {
        var wait = RetryBackoff * Math.Pow(2, job.Attempt - 1) * (0.5 + (Random.Shared.NextDouble() / 2));
        queue.Fail(job, name, reason, permanent, wait);
        var final = permanent || job.Attempt >= job.MaxAttempts;
        summary = final
            ? summary with { Jobs = summary.Jobs + 1, Failed = summary.Failed + 1 }
            : summary with { Retried = summary.Retried + 1 };
        OnFailure?.Invoke(job.Label, final ? reason : $"{reason} (will retry)");
        return final ? $"failed: {reason}" : $"retry: {reason}";
    }

    private string StorePage(RawPage raw)
    {
        ProcessedPage page;
        try
        {
            page = processor(raw);
        }
        catch (Exception e) when (e is not (InputException or DbException or OutOfMemoryException))
        {
            throw new InputException(raw.Source, $"processing failed ({e.GetType().Name}: {e.Message})", e);
        }

        if (string.IsNullOrWhiteSpace(page.Article.Text))
        {
            throw new InputException(raw.Source, "no article text found");
        }

        ThrowIfLeaseLost();
        var stored = store.StorePage(page);
        if (stored.Status == StoreStatus.Duplicate)
        {
            summary = summary with { Duplicates = summary.Duplicates + 1 };
            return $"already stored as article {stored.ArticleId[..12]}";
        }

        summary = summary with { Articles = summary.Articles + 1, NewEvents = summary.NewEvents + stored.NewEvents };
        return $"stored article {stored.ArticleId[..12]}: {stored.NewEvents} new events, {stored.MergedClaims} merged";
    }

    /// <summary>Called before the job's result is stored: a worker that lost the job leaves that to the one that holds it now.</summary>
    private void ThrowIfLeaseLost()
    {
        if (heartbeat is { Lost: true })
        {
            throw new LeaseLostException();
        }
    }

    /// <summary>A page URL is fetched and stored; a feed's items become jobs of their own, so many workers share them.</summary>
    private async Task<string> FetchAsync(ClaimedJob job)
    {
        var url = job.Payload;
        var works = IngestInputs.Enumerate([url], fetcher, store.ContainsUrl).ToList();
        if (works.FirstOrDefault(work => work.Error is not null) is { Error: { } error })
        {
            throw error;
        }

        if (works.Count == 1 && works[0].Label == url)
        {
            return StorePage(await works[0].Load!(CancellationToken.None).ConfigureAwait(false));
        }

        if (works.Count == 0)
        {
            return "already stored (or a feed with nothing new)";
        }

        ThrowIfLeaseLost();
        var added = queue.Enqueue([.. works.Select(work => WorkJobs.ForUrl(work.Url ?? work.Label))], job.MaxAttempts);
        return $"feed: {works.Count} new items, {added} jobs added";
    }
}

/// <summary>The worker's claim on the job in hand ended: its lease was not renewed in time, and the job was taken over or ended.</summary>
internal sealed class LeaseLostException : Exception;

/// <summary>
/// Renews a job's lease every third of it until disposed, on a thread of its own: a worker busy with one long
/// synchronous step (or a starved thread pool) must not miss the beat. A renewal that fails (the database blinked) is
/// tried again at the next beat, on a fresh connection, two more of which fit in the lease; a renewal refused means the
/// job is lost.
/// </summary>
internal sealed class LeaseHeartbeat : IDisposable
{
    private readonly ManualResetEventSlim stopped = new();
    private readonly Thread beating;
    private volatile bool lost;

    public LeaseHeartbeat(HeartbeatLine line, ClaimedJob job, string worker, TimeSpan lease)
    {
        // A third of the lease, within what a wait can take (however short or long a lease the user asked for).
        var every = TimeSpan.FromMilliseconds(Math.Clamp(lease.TotalMilliseconds / 3, 10, int.MaxValue));
        beating = new Thread(() =>
        {
            while (!stopped.Wait(every))
            {
                try
                {
                    if (!line.Renew(job, worker, lease))
                    {
                        lost = true;
                        return;
                    }
                }
                catch (Exception e) when (e is DbException or InvalidOperationException)
                {
                    // The lease still runs: the next beat tries again.
                }
            }
        })
        { IsBackground = true, Name = $"lease heartbeat for job {job.Id}" };
        beating.Start();
    }

    /// <summary>True once the queue said the worker no longer holds the job.</summary>
    public bool Lost => lost;

    /// <summary>Stops the beat and waits for a renewal in flight, so the heartbeat's connection is idle for the next job.</summary>
    public void Dispose()
    {
        stopped.Set();
        beating.Join();
        stopped.Dispose();
    }
}

/// <summary>
/// The heartbeat's own connection to the queue, opened when first needed and opened afresh after a failure: a
/// connection the database dropped (a restart, a network blip) stays broken, and every later renewal on it would fail
/// until the lease ran out and the job was lost.
/// </summary>
internal sealed class HeartbeatLine(Func<IWorkQueue> open) : IDisposable
{
    private IWorkQueue? queue;

    /// <summary>Renews the lease; on a failure the connection is closed, so the next renewal opens a new one, and the failure is thrown.</summary>
    public bool Renew(ClaimedJob job, string worker, TimeSpan lease)
    {
        try
        {
            queue ??= open();
            return queue.RenewLease(job, worker, lease);
        }
        catch
        {
            queue?.Dispose();
            queue = null;
            throw;
        }
    }

    public void Dispose() => queue?.Dispose();
}
