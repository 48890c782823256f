using System.CommandLine;
using Vigil.Cli.Commands;

namespace Vigil.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given writers, so tests can run it in-process.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        // Review of stored events lives under `events`: `vigil events merge|split`.
        var events = EventsCommand.Create();
        events.Subcommands.Add(EventReviewCommands.CreateMerge("merge"));
        events.Subcommands.Add(EventReviewCommands.CreateSplit("split"));
        events.Subcommands.Add(ClassifyCommand.Create());
        var root = new RootCommand("Vigil: turns news pages into a source-attributed, geocoded database of conflict events.")
        {
            ArticleCommand.Create(),
            PlaceCommand.Create(),
            IngestCommand.Create(),
            SearchCommand.Create(),
            ExportCommand.Create(),
            ServeCommand.Create(),
            NerCommand.Create(),
            TrainCommand.Create(),
            events,
        };
        root.Subcommands.Add(QueueCommands.CreateEnqueue());
        root.Subcommands.Add(QueueCommands.CreateWorker());
        root.Subcommands.Add(QueueCommands.CreateStatus());
        root.Subcommands.Add(SourcesCommand.Create());
        root.Subcommands.Add(SourcesCommand.CreateWatch());

        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
