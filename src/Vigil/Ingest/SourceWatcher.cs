using Vigil.Storage;

namespace Vigil.Ingest;

/// <summary>
/// Follows the stored sources: polls each when it is due, and ingests (or queues) what is new. Polite: robots.txt is
/// obeyed, each host is asked at most once per the fetcher's politeness delay, requests are conditional (ETag,
/// Last-Modified), and a failing source is asked less often the longer it fails. Each poll's outcome is kept with the
/// source, so its health can be shown.
/// </summary>
public sealed class SourceWatcher(ISourceStore sources, IEventStore store, PageProcessor processor, PageFetcher fetcher)
{
    private readonly RobotsCache robots = new(fetcher);

    /// <summary>When given, new items become jobs for the workers instead of being ingested here.</summary>
    public IWorkQueue? Queue { get; init; }

    /// <summary>How long to sleep between looks for due sources.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a failing source is left before it is asked again.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(6);

    public Func<DateTime> Clock { get; init; } = () => DateTime.UtcNow;

    /// <summary>Called after each poll with the source (as it was before) and what the poll found.</summary>
    public Action<WatchedSource, SourceCheck>? OnChecked { get; init; }

    /// <summary>Called for each new item that could not be ingested: the item and the reason.</summary>
    public Action<string, string>? OnItemFailure { get; init; }

    /// <summary>Polls due sources until stopped; with <paramref name="once"/>, polls those due now and returns.</summary>
    public async Task RunAsync(CancellationToken stop, bool once = false)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var source in sources.DueSources(Clock()))
            {
                if (stop.IsCancellationRequested)
                {
                    break;
                }

                await PollAsync(source, stop).ConfigureAwait(false);
            }

            if (once)
            {
                return;
            }

            try
            {
                await Task.Delay(Tick, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Polls one source, records the outcome and schedules the next poll.</summary>
    public async Task<SourceCheck> PollAsync(WatchedSource source, CancellationToken cancellation = default)
    {
        SourceCheck check;
        try
        {
            check = await CheckAsync(source, cancellation).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            check = new SourceCheck(false, 0, 0, e.Reason);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
        {
            // An answer that cannot be decoded is the source's failure, not the watch's.
            check = new SourceCheck(false, 0, 0, e.Message);
        }

        var now = Clock();
        var next = check.Succeeded ? now + source.Every : now + Backoff(source.Every, source.Failures + 1);
        sources.RecordCheck(source, check, now, next);
        OnChecked?.Invoke(source, check);
        return check;
    }

    /// <summary>The wait after the n-th failure in a row: the interval doubled n - 1 times, at most <see cref="MaxBackoff"/> (never less than the interval).</summary>
    public TimeSpan Backoff(TimeSpan every, int failures)
    {
        var doubled = every * Math.Pow(2, Math.Min(failures - 1, 20));
        return doubled > MaxBackoff ? (every > MaxBackoff ? every : MaxBackoff) : doubled;
    }

    private async Task<SourceCheck> CheckAsync(WatchedSource source, CancellationToken cancellation)
    {
        var url = new Uri(source.Url);
        if (!await robots.IsAllowedAsync(url, cancellation).ConfigureAwait(false))
        {
            return new SourceCheck(false, 0, 0, "disallowed by the site's robots.txt (or robots.txt could not be read)");
        }

        var answer = await fetcher.FetchAnswerAsync(source.Url, new HttpValidators(source.ETag, source.LastModified), cancellation).ConfigureAwait(false);
        if (answer.NotModified)
        {
            return new SourceCheck(true, 0, 0, null, answer.Validators.ETag, answer.Validators.LastModified);
        }

        if (answer.Status is < 200 or >= 300)
        {
            return new SourceCheck(false, 0, 0, $"HTTP {answer.Status} {answer.Reason}".TrimEnd());
        }

        var (found, added) = answer.MediaType is "application/rss+xml" or "application/atom+xml" || FeedReader.LooksLikeFeed(answer.Body)
            ? await IngestFeedAsync(source, answer, cancellation).ConfigureAwait(false)
            : IngestPage(source, answer);
        return new SourceCheck(true, found, added, null, answer.Validators.ETag, answer.Validators.LastModified);
    }

    private async Task<(int Found, int Added)> IngestFeedAsync(WatchedSource source, FetchedPage answer, CancellationToken cancellation)
    {
        var items = FeedReader.Read(source.Url, answer.Body, answer.Url);
        var fresh = new List<string>();
        foreach (var item in items.Where(item => !store.ContainsUrl(item.Url)))
        {
            if (Uri.TryCreate(item.Url, UriKind.Absolute, out var itemUrl) && await robots.IsAllowedAsync(itemUrl, cancellation).ConfigureAwait(false))
            {
                fresh.Add(item.Url);
            }
            else
            {
                OnItemFailure?.Invoke(item.Url, "disallowed by the site's robots.txt");
            }
        }

        if (fresh.Count == 0)
        {
            return (items.Count, 0);
        }

        if (Queue is not null)
        {
            return (items.Count, Queue.Enqueue([.. fresh.Select(WorkJobs.ForUrl)]));
        }

        var ingester = new Ingester(store, processor) { Fetcher = fetcher, OnFailure = OnItemFailure };
        var summary = await ingester.RunAsync(fresh, cancellation).ConfigureAwait(false);
        return (items.Count, summary.Articles);
    }

    private (int Found, int Added) IngestPage(WatchedSource source, FetchedPage answer)
    {
        if (store.ContainsUrl(answer.Url.ToString()))
        {
            return (1, 0);
        }

        if (Queue is not null)
        {
            return (1, Queue.Enqueue([WorkJobs.ForUrl(answer.Url.ToString())]));
        }

        var format = answer.MediaType switch
        {
            "text/plain" => PageFormat.Text,
            "text/html" or "application/xhtml+xml" or null => PageFormat.Html,
            _ => throw new InputException(source.Url, $"neither a feed nor a page ({answer.MediaType})"),
        };
        var raw = PageLoader.Decode(source.Url, answer.Body, format, declaredCharset: answer.Charset, url: answer.Url.ToString());
        ProcessedPage page;
        try
        {
            page = processor(raw);
        }
        catch (Exception e) when (e is not (InputException or OutOfMemoryException))
        {
            // A processing bug on one page must not stop the watch; the reason names it so it can be reported.
            throw new InputException(source.Url, $"processing failed ({e.GetType().Name}: {e.Message})", e);
        }

        if (string.IsNullOrWhiteSpace(page.Article.Text))
        {
            throw new InputException(source.Url, "no article text found");
        }

        return (1, store.StorePage(page).Status == StoreStatus.Added ? 1 : 0);
    }
}
