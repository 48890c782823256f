using System.CommandLine;
using Vigil.Articles;
using Vigil.Ingest;
using Vigil.Language;

namespace Vigil.Cli.Commands;

internal static class NerCommand
{
    private sealed record EntityOutput(int Start, int End, string Label, string Text);

    private sealed record PageOutput(string Source, IReadOnlyList<EntityOutput> Entities);

    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "pages (HTML or flattened text) or folders of them; with --conll, CoNLL column files", Arity = ArgumentArity.OneOrMore };
        var conll = new Option<bool>("--conll") { Description = "read CoNLL (token TAG) and write token, gold and predicted tags, a blank line between sentences" };
        var score = new Option<bool>("--score") { Description = "with --conll: print entity-level precision, recall and F1 (exact span and type, as conlleval) instead of the tags" };
        var model = new Option<string?>("--model") { Description = "model file; default: the shipped models/ner.bin" };
        var command = new Command("ner", "Find named entities (PER, ORG, LOC, MISC): one JSON line per page with character offsets")
        {
            files, conll, score, model,
        };
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var runner = new BatchRunner(parse.InvocationConfiguration.Error);
            EntityRecognizer recognizer;
            try
            {
                recognizer = parse.GetValue(model) is string path ? new EntityRecognizer(NerModel.Load(path)) : EntityRecognizer.Shipped();
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                runner.Fail("model", e.Message);
                return runner.ExitCode;
            }

            if (parse.GetValue(conll))
            {
                var scorer = parse.GetValue(score) ? new EntityScorer() : null;
                foreach (var file in parse.GetValue(files)!)
                {
                    runner.Run(file, () => TagConll(file, recognizer.Model, writer, scorer));
                }

                if (scorer is not null)
                {
                    writer.WriteLine(scorer.Report());
                }

                return runner.ExitCode;
            }

            var pipeline = new Pipeline([new Tokenizer(), new SentenceSplitter(), recognizer]);
            foreach (var file in InputFiles.Expand(parse.GetValue(files)!))
            {
                runner.Run(file, () =>
                {
                    var document = pipeline.Run(ArticleExtractor.Extract(PageLoader.LoadFile(file)).ToDocument());
                    var entities = document.Entities.Select(e => new EntityOutput(e.Span.Start, e.Span.End, e.Label, e.Text)).ToList();
                    writer.WriteLine(VigilJson.Serialize(new PageOutput(file, entities)));
                });
            }

            return runner.ExitCode;
        });
        return command;
    }

    private static void TagConll(string file, NerModel model, TextWriter writer, EntityScorer? scorer)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException("no such file");
        }

        var documents = ConllReader.ReadDocuments(file);
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            var predicted = model.Tag(document.Select(sentence => (IReadOnlyList<string>)sentence.Tokens).ToList());
            if (scorer is null && documents.Count > 1)
            {
                writer.WriteLine("-DOCSTART- O O");
                writer.WriteLine();
            }

            for (var s = 0; s < document.Count; s++)
            {
                var sentence = document[s];
                if (scorer is not null)
                {
                    scorer.Add(EntityTags.Spans(sentence.Tags), predicted[s]);
                    continue;
                }

                var tags = EntityTags.ToIob2(sentence.Tokens.Length, predicted[s]);
                for (var i = 0; i < sentence.Tokens.Length; i++)
                {
                    writer.WriteLine($"{sentence.Tokens[i]} {sentence.Tags[i]} {tags[i]}");
                }

                writer.WriteLine();
            }
        }
    }
}
