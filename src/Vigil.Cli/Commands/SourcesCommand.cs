using System.CommandLine;
using Vigil.Ingest;
using Vigil.Server;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary>`vigil sources add|list|remove` and `vigil watch`: the feeds and pages followed, and the loop that follows them.</summary>
internal static class SourcesCommand
{
    public static Command Create()
    {
        var command = new Command("sources", "The RSS/Atom feeds and pages `vigil watch` follows");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        return command;
    }

    private static Command Add()
    {
        var url = new Argument<string>("URL") { Description = "An RSS or Atom feed, or a page" };
        var every = new Option<string>("--every") { Description = "How often to poll it (90s, 30m, 2h, 1d)", DefaultValueFactory = _ => "30m" };
        var name = new Option<string?>("--name") { Description = "A short name to show and to remove it by" };
        var store = new StoreOptions();
        var command = new Command("add", "Follow a feed or page") { url, every, name };
        store.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var interval = DurationText.Parse(parse.GetValue(every)!, "--every");
            using var sources = store.Open(parse, create: true);
            var added = sources.AddSource(parse.GetValue(url)!, parse.GetValue(name), interval);
            parse.InvocationConfiguration.Output.WriteLine($"vigil: source {added.Id} added: {added.Url}, every {DurationText.Format(added.Every)}");
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var store = new StoreOptions();
        var command = new Command("list", "The sources with their health: last success, last error, items found");
        store.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            using var sources = store.Open(parse);
            var output = parse.InvocationConfiguration.Output;
            foreach (var source in sources.ListSources())
            {
                output.WriteLine(
                    $"{source.Id}\t{SourceHealth.StatusOf(source)}\t{source.Name ?? "-"}\t{source.Url}\tevery {DurationText.Format(source.Every)}\tnext {source.NextDue}" +
                    $"\tlast success {source.LastSuccess ?? "never"}\t{source.ItemsFound} items found, {source.ItemsNew} new" +
                    (source.LastError is null ? "" : $"\tlast error {source.LastErrorAt}: {source.LastError}" + (source.Failures > 0 ? $" ({source.Failures} in a row)" : "")));
            }

            return 0;
        }));
        return command;
    }

    private static Command Remove()
    {
        var key = new Argument<string>("SOURCE") { Description = "The source's id, URL or name" };
        var store = new StoreOptions();
        var command = new Command("remove", "Stop following a source") { key };
        store.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            using var sources = store.Open(parse);
            if (!sources.RemoveSource(parse.GetValue(key)!))
            {
                throw new StoreException($"no source {parse.GetValue(key)} (vigil sources list)");
            }

            parse.InvocationConfiguration.Output.WriteLine($"vigil: source {parse.GetValue(key)} removed");
            return 0;
        }));
        return command;
    }

    public static Command CreateWatch()
    {
        var enqueue = new Option<bool>("--enqueue") { Description = "Queue new items for `vigil worker` instead of ingesting them here" };
        var hostDelay = new Option<string>("--host-delay") { Description = "At least this long between two requests to one host", DefaultValueFactory = _ => "1s" };
        var once = new Option<bool>("--once") { Description = "Poll the sources due now, then stop (for cron)" };
        var store = new StoreOptions();
        var command = new Command("watch", "Poll each source when it is due and ingest what is new, until stopped (SIGTERM or Ctrl-C)") { enqueue, hostDelay, once };
        store.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var delay = DurationText.Parse(parse.GetValue(hostDelay)!, "--host-delay");
            using var stop = new StopSignal();
            using var events = store.Open(parse, create: true);
            using var sources = store.Open(parse, create: true);
            var progress = ReferenceEquals(error, Console.Error) ? IngestProgress.ForConsole() : new IngestProgress(error, enabled: false);
            var processor = parse.GetValue(enqueue) ? PageProcessors.ArticleOnly : IngestCommand.Processor.Value;
            using var fetcher = new PageFetcher(new FetchOptions { PolitenessDelay = delay });
            int polls = 0, failedPolls = 0, newItems = 0;
            var watcher = new SourceWatcher(sources, events, processor, fetcher)
            {
                Queue = parse.GetValue(enqueue) ? sources : null,
                OnItemFailure = (item, reason) =>
                {
                    progress.BeforeMessage();
                    error.WriteLine($"vigil: {item}: {reason}");
                },
                OnChecked = (source, check) =>
                {
                    polls++;
                    newItems += check.ItemsNew;
                    if (!check.Succeeded)
                    {
                        failedPolls++;
                        progress.BeforeMessage();
                        error.WriteLine($"vigil: {source.Name ?? source.Url}: {check.Error}");
                    }

                    progress.Status($"watch: {polls} polls, {newItems} new items, {failedPolls} failed polls; last: {source.Name ?? source.Url}");
                },
            };
            using var alerts = BackgroundAlerts.Start(store, parse, error, progress);
            try
            {
                watcher.RunAsync(stop.Token, parse.GetValue(once)).GetAwaiter().GetResult();
            }
            catch (IngestAbortedException e)
            {
                progress.Finish();
                alerts.Finish();
                error.WriteLine($"vigil: watch stopped: database: {e.Message} (this poll: {e.Summary})");
                return 2;
            }

            progress.Finish();
            alerts.Finish();
            output.WriteLine($"vigil: watch: {polls} polls, {newItems} new items {(parse.GetValue(enqueue) ? "queued" : "ingested")}, {failedPolls} failed polls" +
                (stop.Token.IsCancellationRequested ? " (stopped by signal)" : ""));
            return failedPolls > 0 && parse.GetValue(once) ? 1 : 0;
        }));
        return command;
    }
}
