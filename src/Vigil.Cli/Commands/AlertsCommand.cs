using System.CommandLine;
using Vigil.Alerts;
using Vigil.Ingest;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary>`vigil alerts add|list|remove|deliveries|dispatch`: saved searches that notify a webhook or a file.</summary>
internal static class AlertsCommand
{
    public static Command Create()
    {
        var command = new Command("alerts", "Saved searches that POST to a webhook (and may append to a file) when a new or updated event matches");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(ListDeliveries());
        command.Subcommands.Add(Dispatch());
        return command;
    }

    private static Command Add()
    {
        var name = new Option<string>("--name") { Description = "A short name to list and remove it by", Required = true };
        var webhook = new Option<string?>("--webhook") { Description = "The URL each match is POSTed to as JSON" };
        var file = new Option<string?>("--file") { Description = "A file each match is appended to, one JSON line each" };
        var country = new Option<string[]>("--country") { Description = "ISO 3166-1 alpha-2 code (repeat for any of several)" };
        var bbox = new Option<string?>("--bbox") { Description = "MIN_LON,MIN_LAT,MAX_LON,MAX_LAT: events located inside it" };
        var type = new Option<string[]>("--type") { Description = "ACLED event type or sub-event type (repeat for any of several)" };
        var minFatalities = new Option<int?>("--min-fatalities") { Description = "Events with at least this many reported killed (best estimate)" };
        var actor = new Option<string[]>("--actor") { Description = "Words of an actor's name or group, perpetrator or target (repeat for any of several)" };
        var store = new StoreOptions();
        var command = new Command("add", "Save an alert; every criterion given must hold, and any one value of a repeated option is enough")
        {
            name, webhook, file, country, bbox, type, minFatalities, actor,
        };
        store.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var criteria = new AlertCriteria
            {
                Countries = parse.GetValue(country) ?? [],
                Area = parse.GetValue(bbox) is { } box ? AlertArea.Parse(box) : null,
                Types = parse.GetValue(type) ?? [],
                MinFatalities = parse.GetValue(minFatalities),
                Actors = parse.GetValue(actor) ?? [],
            };
            // The file is named by its full path: the processes that deliver run elsewhere than this shell.
            var path = parse.GetValue(file) is { } given ? Path.GetFullPath(given) : null;
            using var alerts = store.Open(parse, create: true);
            var added = alerts.AddAlert(new NewAlert(parse.GetValue(name)!, parse.GetValue(webhook), path, criteria));
            parse.InvocationConfiguration.Output.WriteLine($"vigil: alert {added.Id} added: {added.Name}: {added.Criteria.Describe()} -> {Targets(added)}");
            return 0;
        }));
        return command;
    }

    private static string Targets(SavedAlert alert) =>
        string.Join(" and ", new[] { alert.Webhook, alert.FilePath is null ? null : $"file {alert.FilePath}" }.OfType<string>());

    private static Command List()
    {
        var store = new StoreOptions();
        var command = new Command("list", "The saved alerts: criteria, where matches go, and how their deliveries stand");
        store.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            using var alerts = store.Open(parse);
            var output = parse.InvocationConfiguration.Output;
            foreach (var alert in alerts.ListAlerts())
            {
                output.WriteLine($"{alert.Id}\t{alert.Name}\t{alert.Criteria.Describe()}\t-> {Targets(alert)}\tsince {alert.CreatedAt}");
            }

            return 0;
        }));
        return command;
    }

    private static Command Remove()
    {
        var key = new Argument<string>("ALERT") { Description = "The alert's id or name" };
        var store = new StoreOptions();
        var command = new Command("remove", "Delete an alert; its deliveries not yet made are cancelled, those made stay on record") { key };
        store.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            using var alerts = store.Open(parse);
            if (!alerts.RemoveAlert(parse.GetValue(key)!))
            {
                throw new StoreException($"no alert {parse.GetValue(key)} (vigil alerts list)");
            }

            parse.InvocationConfiguration.Output.WriteLine($"vigil: alert {parse.GetValue(key)} removed");
            return 0;
        }));
        return command;
    }

    private static Command ListDeliveries()
    {
        var alert = new Option<string?>("--alert") { Description = "Only this alert's (id or name)" };
        var status = new Option<string?>("--status") { Description = $"Only those in this state: {string.Join(", ", DeliveryStates.All)}" };
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first", DefaultValueFactory = _ => 100 };
        var store = new StoreOptions();
        var command = new Command("deliveries", "Each delivery: alert, event, target, status, attempts, last error, when delivered") { alert, status, limit };
        store.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            if (parse.GetValue(status) is { } state && !DeliveryStates.All.Contains(state))
            {
                throw new ArgumentException($"--status must be one of {string.Join(", ", DeliveryStates.All)}, not \"{state}\"");
            }

            using var alerts = store.Open(parse);
            var output = parse.InvocationConfiguration.Output;
            foreach (var delivery in alerts.Deliveries(parse.GetValue(alert), parse.GetValue(status), parse.GetValue(limit)))
            {
                output.WriteLine(
                    $"{delivery.Id}\t{delivery.Status}\t{delivery.AlertName}\tevent {delivery.EventId} ({delivery.Change})\t{delivery.Target} {delivery.Destination}" +
                    $"\t{delivery.Attempts} attempt(s)" +
                    (delivery.DeliveredAt is { } at ? $"\tdelivered {at}" : delivery.Status == DeliveryStates.Pending ? $"\tnext {delivery.NextAttemptAt}" : "") +
                    (delivery.LastError is { } error ? $"\tlast error: {error}" : ""));
            }

            return 0;
        }));
        return command;
    }

    private static Command Dispatch()
    {
        var follow = new Option<bool>("--follow") { Description = "Keep delivering as events arrive and retries fall due, until stopped (SIGTERM or Ctrl-C)" };
        var store = new StoreOptions();
        var command = new Command("dispatch", "Send the deliveries due now (ingest, worker and watch do this as they store events)") { follow };
        store.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            using var stop = new StopSignal();
            using var alerts = store.Open(parse);
            var error = parse.InvocationConfiguration.Error;
            using var dispatcher = BackgroundAlerts.CreateDispatcher(alerts, error, progress: null);
            var summary = parse.GetValue(follow)
                ? dispatcher.RunAsync(stop.Token).GetAwaiter().GetResult()
                : dispatcher.DispatchDueAsync().GetAwaiter().GetResult();
            parse.InvocationConfiguration.Output.WriteLine($"vigil: alerts: {summary}");
            return 0;
        }));
        return command;
    }
}

/// <summary>
/// The alerts' dispatcher running beside a command that stores events (ingest, worker, watch), on a connection of its
/// own so it never waits for the writer's transaction; its last pass, when the command ends, sends what the command
/// stored last.
/// </summary>
internal sealed class BackgroundAlerts : IDisposable
{
    private readonly IVigilStore store;
    private readonly AlertDispatcher dispatcher;
    private readonly CancellationTokenSource stop = new();
    private readonly Task<DispatchSummary> loop;
    private readonly TextWriter error;
    private readonly IngestProgress? progress;

    private BackgroundAlerts(IVigilStore store, TextWriter error, IngestProgress? progress)
    {
        this.store = store;
        this.error = error;
        this.progress = progress;
        dispatcher = CreateDispatcher(store, error, progress);
        loop = Task.Run(() => dispatcher.RunAsync(stop.Token));
    }

    public static BackgroundAlerts Start(StoreOptions options, ParseResult parse, TextWriter error, IngestProgress? progress) =>
        new(options.Open(parse, create: true), error, progress);

    public static AlertDispatcher CreateDispatcher(IAlertStore store, TextWriter error, IngestProgress? progress) =>
        new(store, $"{Environment.MachineName}:{Environment.ProcessId}:alerts")
        {
            OnAttempt = (delivery, failure) =>
            {
                if (failure is not null)
                {
                    Say(error, progress, $"vigil: alert {delivery.AlertName}: event {delivery.EventId}: {delivery.Target} {delivery.Destination}: {failure} (attempt {delivery.Attempt})");
                }
            },
            OnError = reason => Say(error, progress, $"vigil: alerts: {reason}"),
        };

    /// <summary>The writer is shared with the command's own thread, so a message from this one takes the writer's lock.</summary>
    private static void Say(TextWriter error, IngestProgress? progress, string line)
    {
        lock (error)
        {
            progress?.BeforeMessage();
            error.WriteLine(line);
        }
    }

    /// <summary>Stops the loop, sends what is due now, and says what the alerts did (nothing when no alert fired).</summary>
    public void Finish()
    {
        stop.Cancel();
        var total = loop.GetAwaiter().GetResult();
        try
        {
            total = total.Add(dispatcher.DispatchDueAsync().GetAwaiter().GetResult());
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TransientFailureException)
        {
            Say(error, progress, $"vigil: alerts: database: {e.Message}");
        }

        if (!total.IsEmpty)
        {
            Say(error, progress, $"vigil: alerts: {total}");
        }
    }

    public void Dispose()
    {
        if (!stop.IsCancellationRequested)
        {
            stop.Cancel();
            loop.ContinueWith(_ => { }, TaskScheduler.Default).GetAwaiter().GetResult();
        }

        dispatcher.Dispose();
        store.Dispose();
        stop.Dispose();
    }
}
