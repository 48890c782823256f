using System.CommandLine;
using Vigil.Language;

namespace Vigil.Cli.Commands;

internal static class TrainCommand
{
    public static Command Create() => new("train", "Train a model from labelled data") { CreateNer(), TrainEventsCommand.Create(), CreateRoles() };

    private static Command CreateNer()
    {
        var train = new Option<string>("--train") { Description = "CoNLL two-column training file (token TAG, IOB2)", Required = true };
        var dev = new Option<string>("--dev") { Description = "CoNLL development file, to choose the number of epochs", Required = true };
        var output = new Option<string>("--out") { Description = "where to write the model", Required = true };
        var extra = new Option<string?>("--extra") { Description = "folder of extra hand-written CoNLL files (*.conll) added to training; default: models/extra-train when present" };
        var gazetteers = new Option<string?>("--gazetteers") { Description = "folder of gazetteer lists (*.txt); default: models/gazetteers" };
        var maxEpochs = new Option<int>("--max-epochs") { Description = "most epochs to train", DefaultValueFactory = _ => 40 };
        var seed = new Option<int>("--seed") { Description = "seed of the sentence order", DefaultValueFactory = _ => 1 };
        var limit = new Option<int?>("--limit") { Description = "use only the first N training sentences (quick experiments)" };
        var noRefit = new Option<bool>("--no-refit") { Description = "keep the model trained on --train alone, instead of retraining on --train and --dev for the epochs --dev chose" };
        var onePass = new Option<bool>("--one-pass") { Description = "train the first pass only, without the document-agreement second pass (quick experiments)" };
        var command = new Command("ner", "Train the named-entity model (averaged perceptron over BILOU tags), choosing the epoch on --dev")
        {
            train, dev, output, extra, gazetteers, maxEpochs, seed, limit, onePass, noRefit,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var writer = parse.InvocationConfiguration.Output;
            var interactive = !Console.IsErrorRedirected && ReferenceEquals(error, Console.Error);
            try
            {
                var trainDocuments = ReadCorpus(parse.GetValue(train)!);
                if (parse.GetValue(limit) is int count)
                {
                    trainDocuments = Limit(trainDocuments, count);
                }

                var extraFolder = parse.GetValue(extra) ?? DefaultModelFolder("extra-train");
                if (extraFolder is not null)
                {
                    foreach (var file in Directory.GetFiles(extraFolder, "*.conll").Order(StringComparer.Ordinal))
                    {
                        trainDocuments.AddRange(ConllReader.ReadDocuments(file));
                    }
                }

                var devDocuments = ReadCorpus(parse.GetValue(dev)!);
                var gazetteerFolder = parse.GetValue(gazetteers) ?? DefaultModelFolder("gazetteers")
                    ?? throw new FileNotFoundException("no gazetteer folder: pass --gazetteers or keep models/gazetteers");
                var gazetteer = Gazetteer.LoadFolder(gazetteerFolder);
                var options = new NerTrainingOptions { MaxEpochs = parse.GetValue(maxEpochs), Seed = parse.GetValue(seed), TwoPass = !parse.GetValue(onePass), RefitWithDev = !parse.GetValue(noRefit) };
                var model = NerTrainer.Train(
                    [.. trainDocuments],
                    [.. devDocuments],
                    gazetteer,
                    options,
                    log: interactive ? message => error.WriteLine($"\r{message,-100}") : null,
                    progress: interactive ? p => ShowProgress(error, p) : null);
                var path = parse.GetValue(output)!;
                model.Save(path);
                writer.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1e6:F1} MB, {model.FeatureCount:N0} features)");
                return 0;
            }
            catch (Exception e) when (e is IOException or FormatException or InvalidDataException)
            {
                error.WriteLine($"vigil: train ner: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command CreateRoles()
    {
        var corpus = new Option<string[]>("--corpus") { Description = "folders of event examples (*.tsv) with role spans; default: data/training/events/written", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--out") { Description = "where to write the model; default: models/roles.bin" };
        var maxEpochs = new Option<int>("--max-epochs") { Description = "most epochs to train", DefaultValueFactory = _ => 15 };
        var seed = new Option<int>("--seed") { Description = "seed of the example order", DefaultValueFactory = _ => 1 };
        var command = new Command("roles", "Train the role tagger (killed and injured counts, perpetrator, target, victim) on the event corpus's spans, choosing the epoch on a tenth held out")
        {
            corpus, output, maxEpochs, seed,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var writer = parse.InvocationConfiguration.Output;
            try
            {
                var root = TrainEventsCommand.RepositoryRoot();
                var folders = parse.GetValue(corpus) is { Length: > 0 } given ? given : [Path.Combine(root, "data", "training", "events", "written")];
                var examples = folders.SelectMany(Vigil.Events.Training.EventCorpus.ReadFolder).ToList();
                var gazetteer = Gazetteer.LoadFolder(DefaultModelFolder("gazetteers") ?? throw new FileNotFoundException("no models/gazetteers folder"));
                var options = new NerTrainingOptions { MaxEpochs = parse.GetValue(maxEpochs), Seed = parse.GetValue(seed) };
                var (model, heldOut) = Vigil.Events.Training.RoleTaggerTrainer.Train(examples, gazetteer, options, message => error.WriteLine(message));
                var path = parse.GetValue(output) ?? Path.Combine(root, "models", Vigil.Events.RoleTagger.ModelFileName);
                model.Save(path);
                writer.WriteLine("held-out examples (one in ten by text hash), spans exactly right:");
                writer.WriteLine(heldOut.Report());
                writer.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1e6:F1} MB, {model.FeatureCount:N0} features)");
                return 0;
            }
            catch (Exception e) when (e is IOException or FormatException or InvalidDataException)
            {
                error.WriteLine($"vigil: train roles: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static List<List<ConllSentence>> ReadCorpus(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file (CoNLL-2003 lives in ../shared/data/conll2003/ next to the repository)");
        }

        return ConllReader.ReadDocuments(path);
    }

    private static List<List<ConllSentence>> Limit(List<List<ConllSentence>> documents, int sentences)
    {
        var result = new List<List<ConllSentence>>();
        foreach (var document in documents)
        {
            if (sentences <= 0)
            {
                break;
            }

            result.Add(document.Take(sentences).ToList());
            sentences -= document.Count;
        }

        return result;
    }

    private static string? DefaultModelFolder(string name)
    {
        var models = ModelFiles.Folder();
        var folder = models is null ? null : Path.Combine(models, name);
        return folder is not null && Directory.Exists(folder) ? folder : null;
    }

    private static void ShowProgress(TextWriter error, NerTrainingProgress progress)
    {
        var fraction = (double)progress.Sentence / Math.Max(1, progress.Sentences);
        var best = progress.BestDevF1 < 0 ? "-" : progress.BestDevF1.ToString("F4");
        error.Write($"\r{progress.Stage}, epoch {progress.Epoch}: {progress.Sentence:N0}/{progress.Sentences:N0} sentences ({fraction:P0}), best development F1 {best}, {progress.Elapsed.TotalSeconds:F0} s elapsed   ");
    }
}
