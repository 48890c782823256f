using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vigil.Events;
using Vigil.Events.Training;
using Vigil.Language;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil train events`: cross-validates and trains the incident classifier on the team-written corpus, writes the
/// model, and prints (or writes with --report) the per-sub-type table and the reliability table.
/// </summary>
internal static class TrainEventsCommand
{
    public static Command Create()
    {
        var corpus = new Option<string[]>("--corpus") { Description = "folders of examples (*.tsv); default: data/training/events/written and data/training/events/real", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--out") { Description = "where to write the model; default: models/events.bin" };
        var folds = new Option<int>("--folds") { Description = "cross-validation folds (0 skips cross-validation and calibration)", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "seed of the fold assignment and the example order", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--epochs") { Description = "passes over the corpus", DefaultValueFactory = _ => new IncidentTrainingOptions().Epochs };
        var l2 = new Option<double>("--l2") { Description = "weight decay on every active feature, the model's pull back towards knowing nothing", DefaultValueFactory = _ => new IncidentTrainingOptions().L2 };
        var averageFrom = new Option<int>("--average-from") { Description = "epoch (from 0) from which the weights are averaged into the model; -1 keeps the last epoch's", DefaultValueFactory = _ => new IncidentTrainingOptions().AverageFrom };
        var orderings = new Option<int>("--orderings") { Description = "runs over the corpus, each in its own seeded order, whose weights are averaged into the model", DefaultValueFactory = _ => new IncidentTrainingOptions().Orderings };
        var contextCopies = new Option<double>("--context-copies") { Description = "share of incident examples also trained on beside the opening sentence of a random none example", DefaultValueFactory = _ => new IncidentTrainingOptions().ContextCopies };
        var report = new Option<string?>("--report") { Description = "write the cross-validation tables as Markdown to this file" };
        var command = new Command("events", "Train the incident classifier (25 ACLED sub-types or none) on the written corpus, with k-fold cross-validation")
        {
            corpus, output, folds, seed, epochs, l2, averageFrom, orderings, contextCopies, report,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var writer = parse.InvocationConfiguration.Output;
            var interactive = !Console.IsErrorRedirected && ReferenceEquals(error, Console.Error);
            Action<string> log = message => error.WriteLine(message);
            try
            {
                var root = RepositoryRoot();
                var folders = parse.GetValue(corpus) is { Length: > 0 } given ? given : [Path.Combine(root, "data", "training", "events", "written"), Path.Combine(root, "data", "training", "events", "real")];
                var examples = folders.SelectMany(EventCorpus.ReadFolder).ToList();
                var folder = string.Join(", ", folders);
                var options = new IncidentTrainingOptions { Seed = parse.GetValue(seed), Folds = parse.GetValue(folds), Epochs = parse.GetValue(epochs), L2 = parse.GetValue(l2), ContextCopies = parse.GetValue(contextCopies), AverageFrom = parse.GetValue(averageFrom), Orderings = Math.Max(1, parse.GetValue(orderings)) };
                var watch = Stopwatch.StartNew();
                log($"{examples.Count:N0} examples from {folder}; reading each with the rules for their verdicts");
                var rules = new EventPipeline(EntityRecognizer.Shipped());
                var done = 0;
                var items = IncidentClassifierTrainer.Prepare(examples, text =>
                {
                    done++;
                    if (interactive && done % 200 == 0)
                    {
                        var rate = done / Math.Max(0.001, watch.Elapsed.TotalSeconds);
                        error.Write($"\r{done:N0}/{examples.Count:N0} examples, {rate:F0}/s, {(examples.Count - done) / rate:F0} s left   ");
                    }

                    return [rules.Extract(text, null).FirstOrDefault()?.SubEventType ?? EventCorpus.NoEvent];
                });
                if (interactive)
                {
                    error.WriteLine();
                }

                var temperature = 1.0;
                if (options.Folds >= 2)
                {
                    var cv = IncidentClassifierTrainer.CrossValidate(items, options, log);
                    temperature = cv.Temperature;
                    var markdown = Report(cv, items, options);
                    writer.Write(markdown);
                    if (parse.GetValue(report) is { } reportPath)
                    {
                        File.WriteAllText(reportPath, markdown);
                    }
                }

                var model = IncidentClassifierTrainer.Train(items, options, temperature, log);
                var path = parse.GetValue(output) ?? Path.Combine(root, "models", IncidentClassifier.ShippedFileName);
                model.Save(path);
                writer.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1e6:F1} MB, {model.FeatureCount:N0} features, temperature {temperature:F2}) in {watch.Elapsed.TotalSeconds:F0} s");
                return 0;
            }
            catch (Exception e) when (e is IOException or FormatException or InvalidDataException)
            {
                error.WriteLine($"vigil: train events: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    internal static string RepositoryRoot() =>
        ModelFiles.Folder() is { } models ? Path.GetDirectoryName(models)! : Directory.GetCurrentDirectory();

    private static string Report(CrossValidationReport cv, List<TrainingItem> items, IncidentTrainingOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{options.Folds}-fold cross-validation on {items.Count:N0} examples (seed {options.Seed}, {options.Epochs} epochs)");
        text.AppendLine();
        text.AppendLine(c, $"macro F1 over {cv.PerLabel.Count(p => p.Support > 0)} labels: **{cv.MacroF1:F3}**; accuracy {cv.Accuracy:F3}");
        text.AppendLine();
        text.AppendLine("| label | examples | precision | recall | F1 |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (label, support, precision, recall, f1) in cv.PerLabel)
        {
            text.AppendLine(c, $"| {label} | {support} | {precision:F3} | {recall:F3} | {f1:F3} |");
        }

        text.AppendLine();
        text.AppendLine(c, $"Reliability of the top label's probability after temperature scaling (T = {cv.Temperature:F2}); expected calibration error {cv.ExpectedCalibrationError:F3}:");
        text.AppendLine();
        text.AppendLine("| probability | examples | mean probability | share right |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var (from, to, count, confidence, accuracy) in cv.Reliability)
        {
            text.AppendLine(c, $"| {from:F1}–{to:F1} | {count} | {confidence:F3} | {accuracy:F3} |");
        }

        return text.ToString();
    }
}
