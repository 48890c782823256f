using System.Diagnostics;
using System.Threading.Channels;
using Vigil.Events;
using Vigil.Storage;

namespace Vigil.Ingest;

/// <summary>What one ingest run did.</summary>
public sealed record IngestSummary(int PagesRead, int Articles, int NewEvents, int MergedClaims, int Duplicates, int Failed)
{
    /// <summary>Pages stored whose language is known and not English: kept as articles, not run through the English event rules.</summary>
    public int NotEnglish { get; init; }

    public override string ToString() =>
        $"{PagesRead} pages read, {Articles} articles stored, {NewEvents} new events, {MergedClaims} reports merged into earlier events, " +
        $"{Duplicates} skipped as duplicates, " + (NotEnglish > 0 ? $"{NotEnglish} not in English (stored, not coded), " : string.Empty) + $"{Failed} failed";
}

/// <summary>An ingest run stopped by a failure of the store; <see cref="Summary"/> is what it had done until then.</summary>
public sealed class IngestAbortedException(IngestSummary summary, Exception cause) : Exception(cause.Message, cause)
{
    public IngestSummary Summary { get; } = summary;
}

/// <summary>
/// Runs the pipeline over many pages and stores the results. Pages are read and processed in parallel (<c>jobs</c>
/// workers) but written in input order, one transaction each, so the database is the same for any number of jobs, and a
/// run killed at any moment can be rerun to completion: stored pages are recognized as duplicates and skipped.
/// </summary>
public sealed class Ingester(IEventStore store, PageProcessor processor, int jobs = 1)
{
    /// <summary>Called on the writing thread for each input that failed: the input and the reason.</summary>
    public Action<string, string>? OnFailure { get; init; }

    /// <summary>Called on the writing thread after each page: pages done so far, the input files fully done and their total.</summary>
    public Action<int, int, int>? OnProgress { get; init; }

    /// <summary>Called once before the first page with the number of pages the inputs hold, when that is cheap to know (<see cref="IngestInputs.ExpectedPages"/>).</summary>
    public Action<int>? OnPagesExpected { get; init; }

    /// <summary>True when a URL is already stored, to skip it before fetching. It runs on the listing thread, so it must not share the writer's connection.</summary>
    public Func<string, bool>? IsKnownUrl { get; init; }

    public PageFetcher? Fetcher { get; init; }

    /// <summary>Pages the store has read before (<see cref="IEventStore.StoredPageKeys"/>) are skipped once read, before any parsing; off only to measure the difference.</summary>
    public bool SkipStoredPages { get; init; } = true;

    public async Task<IngestSummary> RunAsync(IReadOnlyList<string> inputs, CancellationToken cancellation = default)
    {
        using var ownFetcher = Fetcher is null ? new PageFetcher() : null;
        var fetcher = Fetcher ?? ownFetcher!;
        var workers = Math.Max(1, jobs);
        var results = Channel.CreateBounded<(PageWork Work, Task<ProcessedPage?> Result)>(workers * 4);
        var storedPages = SkipStoredPages ? store.StoredPageKeys() : new HashSet<string>();
        var slots = new SemaphoreSlim(workers);
        var knownSkipped = 0;
        // When writing fails (the database, not an input), the listing and the workers stop too.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // Folders are listed up front so that progress (and its ETA) counts files, not the few paths the user typed.
        var units = inputs.SelectMany(input => PageFetcher.IsHttpUrl(input) ? [input] : InputFiles.Expand([input], IngestInputs.IsIngestFile)).ToList();
        if (OnPagesExpected is not null && IngestInputs.ExpectedPages(units) is { } expected)
        {
            OnPagesExpected(expected);
        }

        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var work in IngestInputs.Enumerate(units, fetcher, IsKnownUrl, _ => Interlocked.Increment(ref knownSkipped)))
                    {
                        await slots.WaitAsync(stop.Token).ConfigureAwait(false);
                        var task = Task.Run(
                            async () =>
                            {
                                try
                                {
                                    return await ProcessAsync(work, storedPages, stop.Token).ConfigureAwait(false);
                                }
                                finally
                                {
                                    slots.Release();
                                }
                            },
                            stop.Token);
                        await results.Writer.WriteAsync((work, task), stop.Token).ConfigureAwait(false);
                    }

                    results.Writer.Complete();
                }
                catch (Exception e)
                {
                    results.Writer.Complete(e);
                }
            },
            stop.Token);

        int read = 0, articles = 0, newEvents = 0, merged = 0, duplicates = 0, failed = 0, notEnglish = 0;
        var lastInput = -1;
        try
        {
            await foreach (var (work, task) in results.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                lastInput = work.InputIndex;
                ProcessedPage? page;
                try
                {
                    page = await task.ConfigureAwait(false);
                }
                catch (InputException e)
                {
                    failed++;
                    OnFailure?.Invoke(e.Input, e.Reason);
                    OnProgress?.Invoke(read + failed, lastInput, units.Count);
                    continue;
                }

                read++;
                if (page is null)
                {
                    duplicates++;
                    OnProgress?.Invoke(read + failed, lastInput, units.Count);
                    continue;
                }

                if (!EventPipeline.IsCodable(page.Article))
                {
                    notEnglish++;
                }

                var stored = store.StorePage(page);
                if (stored.Status == StoreStatus.Duplicate)
                {
                    duplicates++;
                }
                else
                {
                    articles++;
                    newEvents += stored.NewEvents;
                    merged += stored.MergedClaims;
                }

                OnProgress?.Invoke(read + failed, lastInput, units.Count);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store failed (not an input): the run stops, and says what it had done.
            await stop.CancelAsync().ConfigureAwait(false);
            throw new IngestAbortedException(new IngestSummary(read, articles, newEvents, merged, duplicates + knownSkipped, failed) { NotEnglish = notEnglish }, e);
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }

        await producer.ConfigureAwait(false);
        return new IngestSummary(read, articles, newEvents, merged, duplicates + knownSkipped, failed) { NotEnglish = notEnglish };
    }

    /// <summary>The page processed, or null when the store has read these very bytes before (a rerun): it is not parsed again.</summary>
    private async Task<ProcessedPage?> ProcessAsync(PageWork work, IReadOnlySet<string> storedPages, CancellationToken cancellation)
    {
        if (work.Error is not null)
        {
            throw work.Error;
        }

        try
        {
            var raw = await work.Load!(cancellation).ConfigureAwait(false);
            var key = raw.ContentKey();
            if (storedPages.Contains(key))
            {
                return null;
            }

            var page = processor(raw) with { PageKey = key };
            if (string.IsNullOrWhiteSpace(page.Article.Text))
            {
                throw new InputException(work.Label, "no article text found");
            }

            return page;
        }
        catch (InputException)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            throw new InputException(work.Label, e.Message, e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A processing bug on one page must not cost the batch; the reason names it so it can be reported.
            throw new InputException(work.Label, $"processing failed ({e.GetType().Name}: {e.Message})", e);
        }
    }
}

/// <summary>Count, rate and ETA on stderr when it is a terminal; nothing when it is piped or redirected.</summary>
public sealed class IngestProgress(TextWriter error, bool enabled)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    // A slow fetch reports from the listing thread while pages are reported from the writing thread.
    private readonly Lock writing = new();
    private TimeSpan? lastShown;
    private TimeSpan? firstPageAt;
    private int? expectedPages;
    private int lineLength;
    private bool onLine;

    public static IngestProgress ForConsole() => new(Console.Error, !Console.IsErrorRedirected);

    /// <summary>A line saying what the run is doing before pages flow (loading the models and the gazetteer).</summary>
    public void Status(string text)
    {
        if (enabled)
        {
            Show($"vigil: {text}");
        }
    }

    /// <summary>The number of pages the inputs hold, when known: progress then shows pages done of the total and an ETA by pages.</summary>
    public void ExpectPages(int pages) => expectedPages = pages;

    public void Report(int pages, int inputsBefore, int inputsTotal)
    {
        firstPageAt ??= clock.Elapsed;
        if (!enabled || (lastShown is { } shown && clock.Elapsed - shown < TimeSpan.FromMilliseconds(250)))
        {
            return;
        }

        lastShown = clock.Elapsed;
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var rate = pages / seconds;
        if (expectedPages is { } total && total >= pages)
        {
            // Timed from the first page, so that loading the models does not inflate the estimate.
            var flowing = (clock.Elapsed - firstPageAt.Value).TotalSeconds;
            var remaining = pages > 1 && flowing > 0 ? TimeSpan.FromSeconds(flowing / (pages - 1) * (total - pages)) : (TimeSpan?)null;
            var remainingText = remaining is { } r ? $", ETA {r:hh\\:mm\\:ss}" : "";
            Show($"vigil: {pages}/{total} pages, {rate:0.0}/s{remainingText}");
            return;
        }

        // Pages per input vary (a WARC holds thousands), so the ETA is by inputs finished: the honest unit we know.
        var eta = inputsBefore > 0 ? TimeSpan.FromSeconds(seconds / inputsBefore * (inputsTotal - inputsBefore)) : (TimeSpan?)null;
        var etaText = eta is { } e ? $", ETA {e:hh\\:mm\\:ss} by inputs" : "";
        Show($"vigil: {pages} pages, {rate:0.0}/s, input {Math.Min(inputsBefore + 1, inputsTotal)}/{inputsTotal}{etaText}");
    }

    /// <summary>Rewrites the progress line, blanking what is left of a longer previous one.</summary>
    private void Show(string line)
    {
        lock (writing)
        {
            error.Write($"\r{line.PadRight(Math.Max(lineLength, line.Length + 3))}");
            lineLength = line.Length + 3;
            onLine = true;
        }
    }

    /// <summary>Ends the progress line so that a message (a failed input) gets a line of its own.</summary>
    public void BeforeMessage()
    {
        if (onLine)
        {
            error.WriteLine();
            onLine = false;
            lineLength = 0;
        }
    }

    public void Finish()
    {
        BeforeMessage();
    }
}
