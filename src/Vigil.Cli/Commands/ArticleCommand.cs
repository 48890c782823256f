using System.CommandLine;
using Vigil.Articles;
using Vigil.Ingest;

namespace Vigil.Cli.Commands;

internal static class ArticleCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "HTML (.html, .htm, .html.gz) or flattened text (.txt) pages, or folders of them", Arity = ArgumentArity.OneOrMore };
        var command = new Command("article", "Extract the article (headline, standfirst, byline, date, body) from each page, as JSON lines") { files };
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var runner = new BatchRunner(parse.InvocationConfiguration.Error);
            foreach (var file in InputFiles.Expand(parse.GetValue(files)!))
            {
                runner.Run(file, () =>
                {
                    var page = PageLoader.LoadFile(file);
                    if (page.Decoding?.Note is { } note)
                    {
                        // Not a failure: the page was read, but what it says about its bytes was not all true.
                        parse.InvocationConfiguration.Error.WriteLine($"vigil: {file}: note: {note}");
                    }

                    var article = ArticleExtractor.Extract(page);
                    writer.WriteLine(VigilJson.Serialize(article));
                });
            }

            return runner.ExitCode;
        });
        return command;
    }
}
