using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace Vigil.Ingest;

/// <summary>How <see cref="PageFetcher"/> behaves towards the sites it reads.</summary>
public sealed record FetchOptions
{
    /// <summary>The longest wait for the answer once connected (its headers, then its body): `vigil ingest --timeout`.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest wait to connect (name lookup, TCP, TLS), shorter than <see cref="Timeout"/>: a host that is down is
    /// known in seconds, while a slow page may take longer to arrive. Never more than <see cref="Timeout"/>.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Attempts after a timed-out one: a server that stayed silent for the whole <see cref="Timeout"/> is unlikely to
    /// answer the next time, so it gets fewer than <see cref="Retries"/>.
    /// </summary>
    public int TimeoutRetries { get; init; } = 1;

    /// <summary>Told, for a progress line, when a fetch is slow: it failed and is about to be tried again.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>Attempts after the first, for network errors, timeouts, 429 and 5xx; never for other 4xx.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The first retry waits this long, each next one twice as long (a Retry-After header overrides it, capped at a minute).</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(1);

    public int MaxBytes { get; init; } = PageLoader.DefaultMaxBytes;

    /// <summary>At least this long between two requests to one host, so a batch never hammers a site.</summary>
    public TimeSpan PolitenessDelay { get; init; } = TimeSpan.FromSeconds(1);

    public int MaxRedirects { get; init; } = 5;

    public string UserAgent { get; init; } = "Vigil/1.0 (conflict-event research; news page ingester; +https://github.com/vigil-events)";
}

/// <summary>A response body and what the server said about it.</summary>
public sealed record FetchedPage(Uri Url, byte[] Body, string? MediaType, string? Charset)
{
    public int Status { get; init; } = 200;

    /// <summary>The status line's words ("Not Found"), for a status that is not a success.</summary>
    public string? Reason { get; init; }

    /// <summary>The validators to send with the next request for the same URL (conditional GET).</summary>
    public HttpValidators Validators { get; init; } = new(null, null);

    /// <summary>True for 304: the resource has not changed since the validators sent; the body is empty.</summary>
    public bool NotModified => Status == 304;
}

/// <summary>An entity tag and a Last-Modified date, as the server gave them.</summary>
public sealed record HttpValidators(string? ETag, string? LastModified);

/// <summary>
/// Fetches pages over HTTP(S) with timeouts, retries with exponential backoff, a size cap, a clear User-Agent, a
/// per-host politeness delay and a limit on redirects. Safe to use from several threads.
/// </summary>
public sealed class PageFetcher : IDisposable
{
    private readonly HttpClient client;
    private readonly ConcurrentDictionary<string, HostGate> hosts = new(StringComparer.OrdinalIgnoreCase);

    public PageFetcher(FetchOptions? options = null)
    {
        Options = options ?? new FetchOptions();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = Math.Max(1, Options.MaxRedirects),
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = Options.ConnectTimeout < Options.Timeout ? Options.ConnectTimeout : Options.Timeout,
        };
        client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Options.UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5");
    }

    public FetchOptions Options { get; }

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The page, or an <see cref="InputException"/> with the reason it could not be had.</summary>
    public async Task<FetchedPage> FetchAsync(string url, CancellationToken cancellation = default)
    {
        var answer = await FetchAnswerAsync(url, null, cancellation).ConfigureAwait(false);
        return answer.Status is >= 200 and < 300 ? answer : throw new InputException(url, $"HTTP {answer.Status} {answer.Reason}".TrimEnd());
    }

    /// <summary>
    /// The server's answer, sent the <paramref name="validators"/> of an earlier answer when given: a success, 304 Not
    /// Modified, or a client error (4xx but 429) as a status with an empty body. Server errors, 429, timeouts and network
    /// failures are retried, then end in an <see cref="InputException"/>.
    /// </summary>
    public async Task<FetchedPage> FetchAnswerAsync(string url, HttpValidators? validators, CancellationToken cancellation = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InputException(url, "not an http(s) URL");
        }

        var timeouts = 0;
        for (var attempt = 0; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string reason;
            await WaitForTurnAsync(uri, cancellation).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(Options.Timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                if (validators?.ETag is { } etag)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                if (validators?.LastModified is { } lastModified)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var final = response.RequestMessage?.RequestUri ?? uri;
                var answered = new HttpValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
                if (response.IsSuccessStatusCode)
                {
                    var body = await ReadCappedAsync(url, response, timeout.Token).ConfigureAwait(false);
                    return new FetchedPage(final, body, response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant(), response.Content.Headers.ContentType?.CharSet)
                    {
                        Status = status,
                        Validators = answered,
                    };
                }

                if (status == 304)
                {
                    return new FetchedPage(final, [], null, null) { Status = status, Validators = answered };
                }

                if (status is >= 300 and < 400)
                {
                    throw new InputException(url, $"more than {Options.MaxRedirects} redirects");
                }

                reason = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
                if (status != 429 && status < 500)
                {
                    return new FetchedPage(final, [], null, null) { Status = status, Reason = response.ReasonPhrase };
                }

                retryAfter = RetryAfter(response.Headers.RetryAfter);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                timeouts++;
                reason = timeout.IsCancellationRequested
                    ? $"timed out after {Options.Timeout.TotalSeconds:0.#} s"
                    : $"could not connect within {Math.Min(Options.ConnectTimeout.TotalSeconds, Options.Timeout.TotalSeconds):0.#} s";
            }
            catch (HttpRequestException e)
            {
                reason = $"cannot connect ({e.HttpRequestError}: {e.Message.TrimEnd('.')})";
            }

            if (attempt >= Options.Retries || timeouts > Options.TimeoutRetries)
            {
                throw new InputException(url, attempt > 0 ? $"{reason} (after {attempt + 1} attempts)" : reason);
            }

            var wait = retryAfter ?? Options.Backoff * Math.Pow(2, attempt);
            Options.Progress?.Invoke($"{url}: {reason}; trying again in {wait.TotalSeconds:0.#} s (attempt {attempt + 2})");
            await Task.Delay(wait, cancellation).ConfigureAwait(false);
        }
    }

    private async Task<byte[]> ReadCappedAsync(string url, HttpResponseMessage response, CancellationToken cancellation)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > Options.MaxBytes)
        {
            throw new InputException(url, $"too large ({declared} bytes; the limit is {Options.MaxBytes})");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > Options.MaxBytes)
            {
                throw new InputException(url, $"too large (over {Options.MaxBytes} bytes)");
            }
        }

        return buffer.ToArray();
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is null)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : wait;
    }

    private async Task WaitForTurnAsync(Uri uri, CancellationToken cancellation)
    {
        var gate = hosts.GetOrAdd(uri.Authority, _ => new HostGate());
        await gate.Lock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var wait = gate.NextAllowed - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellation).ConfigureAwait(false);
            }

            gate.NextAllowed = DateTimeOffset.UtcNow + Options.PolitenessDelay;
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    private sealed class HostGate
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public DateTimeOffset NextAllowed { get; set; } = DateTimeOffset.MinValue;
    }

    public void Dispose() => client.Dispose();
}
