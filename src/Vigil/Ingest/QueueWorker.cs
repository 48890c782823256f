using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigil.Storage;

namespace Vigil.Ingest;

/// <summary>What one worker did: jobs it finished, by outcome.</summary>
public sealed record WorkerSummary(int Jobs, int Articles, int Duplicates, int NewEvents, int Failed, int Retried)
{
    public override string ToString() =>
        $"{Jobs} jobs: {Articles} articles stored, {NewEvents} new events, {Duplicates} already stored, {Failed} failed, {Retried} to retry";
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
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long to wait before asking again when no job is ready.</summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The first wait before a job that failed transiently is tried again; it doubles with each attempt.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Stop once no job is waiting or running (for batches and benchmarks), instead of waiting for more.</summary>
    public bool UntilEmpty { get; init; }

    /// <summary>Called after each job with the label, the outcome and the running totals.</summary>
    public Action<string, string, WorkerSummary>? OnJob { get; init; }

    /// <summary>Called for each job that failed, with its label and reason.</summary>
    public Action<string, string>? OnFailure { get; init; }

    private WorkerSummary summary = new(0, 0, 0, 0, 0, 0);

    /// <summary>Runs until <paramref name="stop"/> fires (the job in hand is finished first) or, with <see cref="UntilEmpty"/>, the queue is empty.</summary>
    public async Task<WorkerSummary> RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var job = queue.Claim(name, Lease);
            if (job is null)
            {
                if (UntilEmpty && queue.QueueCounts() is var counts && counts[JobStates.Pending] + counts[JobStates.Running] == 0)
                {
                    break;
                }

                try
                {
                    await Task.Delay(IdlePoll, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                continue;
            }

            // The job in hand is finished even when a stop is asked for: it is short, and leaving it would cost a lease.
            var outcome = await RunJobAsync(job).ConfigureAwait(false);
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

        var stored = store.StorePage(page);
        if (stored.Status == StoreStatus.Duplicate)
        {
            summary = summary with { Duplicates = summary.Duplicates + 1 };
            return $"already stored as article {stored.ArticleId[..12]}";
        }

        summary = summary with { Articles = summary.Articles + 1, NewEvents = summary.NewEvents + stored.NewEvents };
        return $"stored article {stored.ArticleId[..12]}: {stored.NewEvents} new events, {stored.MergedClaims} merged";
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

        var added = queue.Enqueue([.. works.Select(work => WorkJobs.ForUrl(work.Url ?? work.Label))], job.MaxAttempts);
        return $"feed: {works.Count} new items, {added} jobs added";
    }
}
