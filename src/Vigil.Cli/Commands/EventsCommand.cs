using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Articles;
using Vigil.Events;
using Vigil.Ingest;

namespace Vigil.Cli.Commands;

internal static class EventsCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "HTML or flattened text pages, or folders of them", Arity = ArgumentArity.ZeroOrMore };
        var input = new Option<string?>("--input") { Description = "A JSONL file of {\"id\", \"text\" or \"html\", \"published\", \"url\"} records (- for stdin)" };
        var trace = new Option<bool>("--trace") { Description = "Also tell, on stderr, each candidate incident that was dropped and why" };
        var command = new Command("events", "Extract the conflict events each page reports, as JSON lines") { files, input, trace };
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var runner = new BatchRunner(parse.InvocationConfiguration.Error);
            var pipeline = EventPipeline.CreateDefault();
            var page = string.Empty;
            if (parse.GetValue(trace))
            {
                var error = parse.InvocationConfiguration.Error;
                pipeline.OnDropped = dropped => error.WriteLine($"trace: {page}: dropped ({dropped.Reason}): {dropped.Sentence}");
            }

            if (parse.GetValue(input) is { } jsonl)
            {
                RunJsonLines(jsonl, pipeline, writer, runner, where => page = where);
            }

            foreach (var file in InputFiles.Expand(parse.GetValue(files) ?? []))
            {
                runner.Run(file, () =>
                {
                    page = file;
                    var article = ArticleExtractor.Extract(PageLoader.LoadFile(file));
                    var events = pipeline.Extract(article);
                    writer.WriteLine(VigilJson.Serialize(new { source = file, article, events }));
                });
            }

            if (parse.GetValue(input) is null && (parse.GetValue(files) ?? []).Length == 0)
            {
                runner.Fail("events", "give FILE... or --input FILE.jsonl");
            }

            return runner.ExitCode;
        });
        return command;
    }

    private static void RunJsonLines(string path, EventPipeline pipeline, TextWriter writer, BatchRunner runner, Action<string> starting)
    {
        TextReader reader;
        try
        {
            reader = path == "-" ? Console.In : new StreamReader(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            runner.Fail(path, e.Message);
            return;
        }

        using (reader)
        {
            var lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var where = $"{path}:{lineNumber}";
                runner.Run(where, () =>
                {
                    var record = ParseRecord(line, where);
                    starting(record.Source);
                    var events = pipeline.Extract(record);
                    writer.WriteLine(VigilJson.Serialize(new { id = record.Source, events }));
                });
            }
        }
    }

    /// <summary>One JSONL record as an article: "html" goes through the article extractor, "text" is the body itself.</summary>
    private static Article ParseRecord(string line, string where)
    {
        JsonObject record;
        try
        {
            record = JsonNode.Parse(line) as JsonObject ?? throw new InputException(where, "not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InputException(where, $"malformed JSON: {e.Message}");
        }

        string? Field(string name) => record[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        var id = Field("id") ?? where;
        var published = Field("published");
        var url = Field("url");
        if (Field("html") is { } html)
        {
            var article = ArticleExtractor.Extract(new RawPage(id, html, PageFormat.Html, url, published));
            return article with { Published = article.Published ?? published };
        }

        if (Field("text") is not { } text)
        {
            throw new InputException(where, "the record has neither \"text\" nor \"html\"");
        }

        var paragraphs = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new Article(id, null, null, null, published, null, url, null, Article.JoinParagraphs(paragraphs), paragraphs);
    }
}
