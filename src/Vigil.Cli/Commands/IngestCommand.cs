using System.CommandLine;
using Vigil.Ingest;

namespace Vigil.Cli.Commands;

internal static class IngestCommand
{
    /// <summary>The pipeline ingest runs: the full analysis, loaded (entity model, gazetteer) on first use.</summary>
    internal static readonly Lazy<PageProcessor> Processor = new(() => PageProcessors.Full(Vigil.Events.EventPipeline.CreateDefault()));

    public static Command Create()
    {
        var inputs = new Argument<string[]>("PATH_OR_URL")
        {
            Description = "Pages (.html, .htm, .html.gz, .txt), JSON lines (.jsonl), WARC files (.warc, .warc.gz), RSS/Atom feeds (.rss, .atom, .xml or URL), page URLs, or folders of files",
            Arity = ArgumentArity.OneOrMore,
        };
        var jobs = new Option<int>("--jobs") { Description = "Pages processed in parallel (writes stay in input order)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for a URL's answer once connected (connecting gets at most 10 of them); a URL that times out is tried once more",
            DefaultValueFactory = _ => 30,
        };
        var store = new StoreOptions();
        var command = new Command("ingest", "Run the pipeline over pages and store articles, events, claims and evidence; pages already stored are skipped") { inputs, jobs, timeout };
        store.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(jobs) < 1)
            {
                error.WriteLine("vigil: --jobs must be at least 1");
                return 2;
            }

            if (parse.GetValue(timeout) is not (> 0 and <= 3600))
            {
                error.WriteLine("vigil: --timeout must be a number of seconds above 0 and at most 3600");
                return 2;
            }

            return StoreOptions.Guard(error, () =>
            {
                using var events = store.Open(parse, create: true);
                // A second connection answers "already stored?" for the listing thread while the writer writes.
                using var lookup = store.Open(parse);
                var runner = new BatchRunner(error);
                var progress = ReferenceEquals(error, Console.Error) ? IngestProgress.ForConsole() : new IngestProgress(error, enabled: false);
                using var alerts = BackgroundAlerts.Start(store, parse, error, progress);
                if (!Processor.IsValueCreated)
                {
                    progress.Status("loading the pipeline (entity model, event model, gazetteer)...");
                }

                // Loaded on the first page that needs it: a rerun over stored pages never does.
                using var fetcher = new PageFetcher(new FetchOptions { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)), Progress = progress.Status });
                var ingester = new Ingester(events, page => Processor.Value(page), parse.GetValue(jobs))
                {
                    Fetcher = fetcher,
                    IsKnownUrl = lookup.ContainsUrl,
                    OnPagesExpected = progress.ExpectPages,
                    OnFailure = (input, reason) =>
                    {
                        progress.BeforeMessage();
                        runner.Fail(input, reason);
                    },
                    OnProgress = progress.Report,
                };
                IngestSummary summary;
                try
                {
                    summary = ingester.RunAsync(parse.GetValue(inputs)!).GetAwaiter().GetResult();
                }
                catch (IngestAbortedException e)
                {
                    progress.Finish();
                    alerts.Finish();
                    error.WriteLine($"vigil: ingest stopped: database: {e.Message}");
                    output.WriteLine($"vigil: ingest: {e.Summary}");
                    return 2;
                }

                progress.Finish();
                alerts.Finish();
                output.WriteLine($"vigil: ingest: {summary}");
                return runner.ExitCode;
            });
        });
        return command;
    }
}
