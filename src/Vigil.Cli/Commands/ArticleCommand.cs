using System.CommandLine;
using System.Globalization;
using Vigil.Articles;
using Vigil.Ingest;

namespace Vigil.Cli.Commands;

internal static class ArticleCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "HTML (.html, .htm, .html.gz) or flattened text (.txt) pages, or folders of them", Arity = ArgumentArity.OneOrMore };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Pages extracted at once (output stays in input order)", DefaultValueFactory = _ => 1 };
        var pageBudget = new Option<double>("--page-budget")
        {
            Description = "Seconds one page may take before it is skipped with a one-line reason",
            DefaultValueFactory = _ => PageBudget.Default.TotalSeconds,
        };
        var command = new Command("article", "Extract the article (headline, standfirst, byline, date, body) from each page, as JSON lines") { files, jobs, pageBudget };
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var runner = new BatchRunner(error);
            var jobCount = parse.GetValue(jobs);
            var seconds = parse.GetValue(pageBudget);
            if (jobCount < 1 || seconds <= 0)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vigil: --jobs must be 1 or more and --page-budget above 0 (given {jobCount} and {seconds})"));
                return 2;
            }

            var budget = TimeSpan.FromSeconds(seconds);
            var inputs = InputFiles.Expand(parse.GetValue(files)!);
            // With several jobs pages are extracted in parallel, but written (and their failures reported) in the
            // order given, so the output does not depend on the job count.
            var results = jobCount == 1
                ? inputs.Select(file => Extract(file, budget))
                : inputs.AsParallel().AsOrdered().WithDegreeOfParallelism(jobCount).Select(file => Extract(file, budget));
            foreach (var (file, json, note, failure) in results)
            {
                if (note is not null)
                {
                    // Not a failure: the page was read, but what it says about its bytes was not all true.
                    error.WriteLine($"vigil: {file}: note: {note}");
                }

                if (failure is not null)
                {
                    runner.Fail(failure.Value.Input, failure.Value.Reason);
                }
                else
                {
                    writer.WriteLine(json);
                }
            }

            return runner.ExitCode;
        });
        return command;
    }

    private static (string File, string? Json, string? Note, (string Input, string Reason)? Failure) Extract(string file, TimeSpan budget)
    {
        string? note = null;
        string? json = null;
        var failure = BatchRunner.Capture(file, () =>
        {
            var page = PageLoader.LoadFile(file);
            note = page.Decoding?.Note;
            json = VigilJson.Serialize(ArticleExtractor.Extract(page, budget));
        });
        return (file, json, note, failure);
    }
}
