using System.CommandLine;
using System.Diagnostics;
using Vigil.Ingest;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary>`vigil enqueue`, `vigil worker` and `vigil queue`: the work shared by many workers through the store's queue.</summary>
internal static class QueueCommands
{
    public static Command CreateEnqueue()
    {
        var inputs = new Argument<string[]>("PATH_OR_URL")
        {
            Description = "Pages, JSON lines, WARC files, feeds or folders (read now; their pages travel in the jobs), or URLs (fetched by the workers)",
            Arity = ArgumentArity.OneOrMore,
        };
        var attempts = new Option<int>("--max-attempts") { Description = "Tries per job before it becomes a dead letter", DefaultValueFactory = _ => 3 };
        var store = new StoreOptions();
        var command = new Command("enqueue", "Add jobs to the work queue for `vigil worker`; jobs already queued are not added twice") { inputs, attempts };
        store.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(attempts) < 1)
            {
                error.WriteLine("vigil: --max-attempts must be at least 1");
                return 2;
            }

            using var queue = store.Open(parse, create: true);
            var runner = new BatchRunner(error);
            using var fetcher = new PageFetcher();
            var jobs = WorkJobs.FromInputsAsync(parse.GetValue(inputs)!, fetcher, runner.Fail).GetAwaiter().GetResult();
            var added = queue.Enqueue(jobs, parse.GetValue(attempts));
            parse.InvocationConfiguration.Output.WriteLine($"vigil: enqueue: {added} jobs added, {jobs.Count - added} already queued, {runner.Failures} inputs failed");
            return runner.ExitCode;
        }));
        return command;
    }

    public static Command CreateWorker()
    {
        var lease = new Option<string>("--lease") { Description = "How long a claimed job is held without news from its worker before another may take it (the worker may have died); renewed every third of it while the job runs", DefaultValueFactory = _ => "2m" };
        var untilEmpty = new Option<bool>("--until-empty") { Description = "Stop when no job is waiting or running, instead of waiting for more" };
        var name = new Option<string?>("--name") { Description = "This worker's name in the queue (default HOST:PID)" };
        var store = new StoreOptions();
        var command = new Command("worker", "Take jobs from the work queue and ingest them until stopped (SIGTERM or Ctrl-C finishes the job in hand first)") { lease, untilEmpty, name };
        store.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var leaseTime = DurationText.Parse(parse.GetValue(lease)!, "--lease");
            var workerName = parse.GetValue(name) ?? $"{Environment.MachineName}:{Environment.ProcessId}";
            using var stop = new StopSignal();
            using var events = store.Open(parse, create: true);
            // The queue has a connection of its own, so claiming never waits behind the writer lock a store holds.
            using var queue = store.Open(parse, create: true);
            var progress = ReferenceEquals(error, Console.Error) ? IngestProgress.ForConsole() : new IngestProgress(error, enabled: false);
            progress.Status("loading the pipeline (entity model, event model, gazetteer)...");
            var processor = IngestCommand.Processor.Value;
            using var fetcher = new PageFetcher();
            var clock = Stopwatch.StartNew();
            var lastShown = TimeSpan.Zero;
            var failures = 0;
            var worker = new QueueWorker(queue, events, processor, fetcher, workerName)
            {
                Lease = leaseTime,
                OpenHeartbeatQueue = () => store.Open(parse),
                UntilEmpty = parse.GetValue(untilEmpty),
                OnFailure = (label, reason) =>
                {
                    failures++;
                    progress.BeforeMessage();
                    error.WriteLine($"vigil: {label}: {reason}");
                },
                OnJob = (_, _, done) =>
                {
                    if (clock.Elapsed - lastShown < TimeSpan.FromSeconds(1))
                    {
                        return;
                    }

                    lastShown = clock.Elapsed;
                    var counts = queue.QueueCounts();
                    progress.Status(
                        $"worker {workerName}: {done.Jobs} jobs, {done.Jobs / clock.Elapsed.TotalSeconds:0.0}/s; queue: {counts[JobStates.Pending]} waiting, " +
                        $"{counts[JobStates.Running]} running, {counts[JobStates.Done]} done, {counts[JobStates.Failed] + counts[JobStates.Dead]} failed");
                },
            };
            progress.Status($"worker {workerName}: waiting for jobs");
            using var alerts = BackgroundAlerts.Start(store, parse, error, progress);
            var summary = worker.RunAsync(stop.Token).GetAwaiter().GetResult();
            progress.Finish();
            alerts.Finish();
            output.WriteLine($"vigil: worker {workerName}: {summary}" + (stop.Token.IsCancellationRequested ? " (stopped by signal)" : ""));
            return summary.Failed > 0 ? 1 : 0;
        }));
        return command;
    }

    public static Command CreateStatus()
    {
        var store = new StoreOptions();
        var command = new Command("queue", "Show the work queue: jobs in each state, and the failed and dead jobs with their reasons");
        store.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            using var queue = store.Open(parse);
            var output = parse.InvocationConfiguration.Output;
            var counts = queue.QueueCounts();
            output.WriteLine(string.Join(", ", JobStates.All.Select(state => $"{counts[state]} {state}")));
            foreach (var job in queue.FailedJobs())
            {
                output.WriteLine($"{job.State} after {job.Attempts} attempt(s): {job.Label}: {job.Reason}");
            }

            return 0;
        }));
        return command;
    }
}
