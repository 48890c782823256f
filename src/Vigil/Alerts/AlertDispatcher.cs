using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Storage;

namespace Vigil.Alerts;

/// <summary>What one pass of the dispatcher did.</summary>
public sealed record DispatchSummary(int Matched, int Delivered, int Retrying, int Failed)
{
    public static readonly DispatchSummary None = new(0, 0, 0, 0);

    public bool IsEmpty => this == None;

    public DispatchSummary Add(DispatchSummary other) =>
        new(Matched + other.Matched, Delivered + other.Delivered, Retrying + other.Retrying, Failed + other.Failed);

    public override string ToString() => $"{Matched} matched, {Delivered} delivered, {Retrying} to retry, {Failed} given up";
}

/// <summary>
/// Sends the alerts' deliveries: matches the changes the store noted against the alerts, then POSTs each due delivery
/// to its webhook or appends it to its file. A failure is retried with growing waits (the policy's back-off); a
/// receiver that answers 4xx (but 408 and 429) refused the notice for good. Each delivery is held under a lease while
/// it is sent, so any number of dispatchers (ingests, workers, watches) share the work and a dispatcher that dies
/// loses its delivery to another. A notice reaches its receiver once; only a process killed between the receiver's
/// answer and the record of it sends it again, with the same X-Vigil-Delivery id for the receiver to recognize.
/// </summary>
public sealed class AlertDispatcher : IDisposable
{
    /// <summary>Tries spaced from about 2 s to 10 min apart, about 2.5 hours in all before a delivery is given up.</summary>
    public static readonly RetryPolicy DefaultRetry = new() { MaxAttempts = 20, FirstDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromMinutes(10) };

    private readonly IAlertStore store;
    private readonly HttpClient http;
    private readonly bool ownsClient;
    private readonly string name;

    public AlertDispatcher(IAlertStore store, string name, HttpClient? http = null)
    {
        this.store = store;
        this.name = name;
        ownsClient = http is null;
        // A fresh connection each time: a receiver that closes after each answer (HTTP/1.0 servers, Python's http.server)
        // races a pooled connection's reuse, and the POST then fails with "response ended prematurely" (seen in about
        // one delivery in five in bench/alerts). Notices are few, so the handshake costs little.
        this.http = http ?? new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5), AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.Zero })
        {
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    public RetryPolicy Retry { get; init; } = DefaultRetry;

    /// <summary>How long a delivery is held while sent: longer than a webhook may take to answer.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long <see cref="RunAsync"/> sleeps between passes.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Called after each attempt with the delivery, and the error when it failed (null when it arrived).</summary>
    public Action<ClaimedDelivery, string?>? OnAttempt { get; init; }

    /// <summary>Called when a pass fails on the database (it is tried again at the next pass).</summary>
    public Action<string>? OnError { get; init; }

    /// <summary>Matches the waiting changes and sends every delivery due now, each once.</summary>
    public async Task<DispatchSummary> DispatchDueAsync(CancellationToken cancellation = default)
    {
        var matched = 0;
        while (store.MatchChanges() is { Changes: > 0 } batch)
        {
            matched += batch.Deliveries;
        }

        var summary = DispatchSummary.None with { Matched = matched };
        // A delivery that fails now is due later, never in this pass: the loop ends.
        while (!cancellation.IsCancellationRequested && store.ClaimDelivery(name, Lease) is { } delivery)
        {
            summary = summary.Add(await SendAsync(delivery).ConfigureAwait(false));
        }

        return summary;
    }

    /// <summary>Passes until stopped; a pass the database refuses is reported and tried again.</summary>
    public async Task<DispatchSummary> RunAsync(CancellationToken stop)
    {
        var total = DispatchSummary.None;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                total = total.Add(await DispatchDueAsync(stop).ConfigureAwait(false));
            }
            catch (Exception e) when (e is DbException or TransientFailureException)
            {
                OnError?.Invoke($"database: {e.Message}");
            }

            try
            {
                await Task.Delay(Poll, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return total;
    }

    private async Task<DispatchSummary> SendAsync(ClaimedDelivery delivery)
    {
        var (error, permanent) = delivery.Target == DeliveryTargets.File ? AppendLine(delivery) : await PostAsync(delivery).ConfigureAwait(false);
        OnAttempt?.Invoke(delivery, error);
        if (error is null)
        {
            store.DeliverySucceeded(delivery, name);
            return DispatchSummary.None with { Delivered = 1 };
        }

        if (permanent || delivery.Attempt >= Retry.MaxAttempts)
        {
            store.DeliveryFailed(delivery, name, permanent ? error : $"{error} (attempt {delivery.Attempt} of {Retry.MaxAttempts})", null);
            return DispatchSummary.None with { Failed = 1 };
        }

        store.DeliveryFailed(delivery, name, error, Retry.DelayAfter(delivery.Attempt, Random.Shared));
        return DispatchSummary.None with { Retrying = 1 };
    }

    /// <summary>The payload with the delivery's id in it, so a receiver can tell a repeat from a new notice.</summary>
    public static string Body(ClaimedDelivery delivery)
    {
        var body = JsonNode.Parse(delivery.Payload)!.AsObject();
        body.Insert(0, "delivery", delivery.Id);
        return body.ToJsonString(VigilJson.Options);
    }

    private async Task<(string? Error, bool Permanent)> PostAsync(ClaimedDelivery delivery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Destination)
        {
            Content = new StringContent(Body(delivery), Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Vigil", "1.0"));
        request.Headers.Add("X-Vigil-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Vigil-Alert", Uri.EscapeDataString(delivery.AlertName));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return (null, false);
            }

            var status = (int)response.StatusCode;
            var permanent = status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
            return ($"HTTP {status} {response.ReasonPhrase}".TrimEnd(), permanent);
        }
        catch (HttpRequestException e)
        {
            return (e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{e.Message.TrimEnd('.')}: {inner.Message}" : e.Message, false);
        }
        catch (TaskCanceledException)
        {
            return ($"no answer within {http.Timeout.TotalSeconds:0} s", false);
        }
    }

    private static (string? Error, bool Permanent) AppendLine(ClaimedDelivery delivery)
    {
        try
        {
            var directory = Path.GetDirectoryName(delivery.Destination);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            // One write of one whole line to a file opened for appending: lines from several processes do not interleave.
            using var file = new FileStream(delivery.Destination, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            file.Write(Encoding.UTF8.GetBytes(Body(delivery) + "\n"));
            return (null, false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (e.Message, false);
        }
    }

    public void Dispose()
    {
        if (ownsClient)
        {
            http.Dispose();
        }
    }
}
