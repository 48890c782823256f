using System.Diagnostics;
using System.IO.Hashing;
using Vigil.Language;

namespace Vigil.Events.Training;

public sealed record IncidentTrainingOptions
{
    public int Epochs { get; init; } = 12;

    public double LearningRate { get; init; } = 0.3;

    /// <summary>
    /// Weight decay. Chosen among 1e-5, 1e-4, 3e-4 and 1e-3 on half A of the real-news gold, with models trained without
    /// it, as the best event F1 that does not raise the false alarms on quiet news (BENCHMARKS.md): a weaker pull lets
    /// topic words ("mine", "investigation", "cargo") outvote what happened; a stronger one halves the false alarms but
    /// loses incidents told tersely.
    /// </summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>Features seen in fewer training examples than this are dropped (they mostly memorise one example).</summary>
    public int MinCount { get; init; } = 2;

    public int Seed { get; init; } = 1;

    public int Folds { get; init; } = 5;

    /// <summary>
    /// The share of incident examples that are also trained on with the opening sentence of a random <c>none</c>
    /// example beside them, labelled as the incident (0 turns it off). Real reports tell an incident amid politics,
    /// economics and diplomacy ("one million marched in London, protesting the exit of the United Kingdom from the
    /// European Union"), and written examples of a single incident seldom do, so without these copies the topic words
    /// that the <c>none</c> class owns outvote the incident. The copies are made from the examples being trained on
    /// only, so cross-validation never sees a held-out example's text. A quarter was chosen among 0.1, 0.25, 0.35, 0.5
    /// and 1 on half A of the real-news gold, with models trained without it, over three seeds (BENCHMARKS.md).
    /// </summary>
    public double ContextCopies { get; init; } = 0.25;

    /// <summary>
    /// The model is the mean of the weights at the end of this epoch (counted from 0) and each one after it; -1 keeps the
    /// last epoch's weights. Half the epochs (6 of 12) raised the 5-fold macro F1 from 0.906 to 0.910 and gave the same
    /// events on half A of the real-news gold with one false alarm fewer; averaging from epoch 0 or 3 gave the same
    /// within one event (BENCHMARKS.md, Events, session 17).
    /// </summary>
    public int AverageFrom { get; init; } = 6;

    /// <summary>
    /// How many runs over the corpus, each in its own order from its own seed, are averaged into the model (1: one run).
    /// One run's model moves with its seed: on half A of the real-news gold, seeds 1 and 2 of the same corpus gave event
    /// P / R 0.864 / 0.824 and 0.841 / 0.806, as far apart as the corpus changes being weighed; the mean of three runs
    /// stands between them and does not hang on one seed, so a change is measured with it (BENCHMARKS.md, Events,
    /// session 17). Three runs take about three times as long to train, and nothing longer to read.
    /// </summary>
    public int Orderings { get; init; } = 3;
}

/// <summary>One example ready for training: its feature hashes and its label's index.</summary>
public sealed record TrainingItem(List<ulong> Features, int Label, CorpusExample Example, IReadOnlyList<string> Hints);

/// <summary>Out-of-fold results of cross-validation: per-label precision, recall and F1, and a reliability table.</summary>
public sealed record CrossValidationReport(
    IReadOnlyList<string> Labels,
    IReadOnlyList<(string Label, int Support, double Precision, double Recall, double F1)> PerLabel,
    double MacroF1,
    double Accuracy,
    double Temperature,
    IReadOnlyList<(double From, double To, int Count, double MeanConfidence, double Accuracy)> Reliability,
    double ExpectedCalibrationError,
    int[] Predicted);

/// <summary>
/// Trains <see cref="IncidentClassifier"/>: multinomial logistic regression by AdaGrad over the written corpus, in a
/// fixed order from a seed, single-threaded, so the same corpus and seed give the same model byte for byte.
/// Cross-validation gives the macro F1 per sub-type and the held-out probabilities from which the temperature
/// (calibration) is fitted.
/// </summary>
public static class IncidentClassifierTrainer
{
    /// <summary>The 25 ACLED sub-types, then "none": the model's label order.</summary>
    public static string[] LabelOrder() => [.. EventTaxonomy.SubTypes.SelectMany(pair => pair.Value), EventCorpus.NoEvent];

    /// <summary>Features of every example; <paramref name="hints"/> gives the rules' verdict for an example's text.</summary>
    public static List<TrainingItem> Prepare(IReadOnlyList<CorpusExample> examples, Func<string, IEnumerable<string>> hints)
    {
        var labels = LabelOrder();
        return examples.Select(e =>
        {
            var verdicts = hints(e.Text).ToList();
            return new TrainingItem(IncidentFeatures.Extract(e.Text, verdicts), Array.IndexOf(labels, e.Label), e, verdicts);
        }).ToList();
    }

    /// <summary>
    /// Copies of a share of the incident examples (<see cref="IncidentTrainingOptions.ContextCopies"/>) with the
    /// opening sentence of a random <c>none</c> example before or after them, keeping the incident's label and the
    /// rules' verdict on the incident; each choice drawn from the example's text and the seed.
    /// </summary>
    public static List<TrainingItem> WithContext(IReadOnlyList<TrainingItem> items, IncidentTrainingOptions options)
    {
        var none = Array.IndexOf(LabelOrder(), EventCorpus.NoEvent);
        var contexts = items.Where(i => i.Label == none).Select(i => OpeningSentence(i.Example.Text)).ToArray();
        var copies = new List<TrainingItem>();
        if (options.ContextCopies <= 0 || contexts.Length == 0)
        {
            return copies;
        }

        // Each choice hangs on the example's own text, not on its place in the corpus, so the copies are the same
        // whatever order the files are read in, and adding examples leaves the other examples' copies as they were.
        Array.Sort(contexts, StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.Label != none))
        {
            if (OrderKey(item.Example.Text, options.Seed, CopySalt) / (double)ulong.MaxValue >= options.ContextCopies)
            {
                continue;
            }

            var context = contexts[(int)(OrderKey(item.Example.Text, options.Seed, ContextSalt) % (ulong)contexts.Length)];
            var text = OrderKey(item.Example.Text, options.Seed, SideSalt) % 2 == 0 ? $"{item.Example.Text} {context}" : $"{context} {item.Example.Text}";
            copies.Add(new TrainingItem(IncidentFeatures.Extract(text, item.Hints), item.Label, item.Example with { Text = text }, item.Hints));
        }

        return copies;
    }

    /// <summary>A passage's first sentence, as the pipeline's sentence splitter reads it (so "the U.S." or "14 Feb." does not end it).</summary>
    private static string OpeningSentence(string text)
    {
        var sentences = SentenceSplitter.Split(text, Tokenizer.Tokenize(text));
        return sentences.Count > 0 ? sentences[0].Slice(text) : text;
    }

    public static IncidentClassifier Train(IReadOnlyList<TrainingItem> examples, IncidentTrainingOptions options, double temperature = 1.0, Action<string>? log = null)
    {
        var labels = LabelOrder();
        var (hashes, weights, bias) = TrainOrdering(examples, options, log);
        for (var run = 1; run < options.Orderings; run++)
        {
            // The same examples give the same features whatever the order, so the runs' weights line up row for row.
            var (_, more, moreBias) = TrainOrdering(examples, options with { Seed = options.Seed + (run * OrderingSeedStep) }, log);
            Add(weights, more);
            Add(bias, moreBias);
        }

        if (options.Orderings > 1)
        {
            Divide(weights, options.Orderings);
            Divide(bias, options.Orderings);
        }

        var version = $"events-{XxHash3.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(weights.AsSpan())):x16}"[..15];
        return new IncidentClassifier(labels, hashes, weights, bias, temperature, version);
    }

    /// <summary>How far apart the orderings' seeds lie, so that runs from neighbouring <c>--seed</c> values share none.</summary>
    private const int OrderingSeedStep = 7919;

    private const int CopySalt = -1, ContextSalt = -2, SideSalt = -3, FoldSalt = -4;

    /// <summary>
    /// A number drawn from an example's text, the seed and a salt (an epoch, or one of the choices above): the training
    /// order and every draw come from the examples themselves, not from where they sit in the corpus, so the same
    /// examples read from files in any order give the same model, and adding examples leaves the order of the others
    /// as it was. Before (session 17), moving 60 lines from one folder to another moved half A of the real-news gold by
    /// as much as the changes being weighed.
    /// </summary>
    private static ulong OrderKey(string text, int seed, long salt) => OrderKey(System.Text.Encoding.UTF8.GetBytes(text), seed, salt);

    private static ulong OrderKey(byte[] text, int seed, long salt) => XxHash3.HashToUInt64(text, (seed * 1_000_003L) + salt);

    /// <summary>The examples' order in one epoch: by <see cref="OrderKey"/>, ties (the same text twice) in corpus order.</summary>
    private static int[] EpochOrder(byte[][] texts, int seed, int epoch) =>
        [.. Enumerable.Range(0, texts.Length).OrderBy(i => OrderKey(texts[i], seed, epoch))];

    private static void Add(float[] target, float[] source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }

    private static void Divide(float[] values, int by)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= by;
        }
    }

    /// <summary>One run of AdaGrad over the examples (and their context copies) in the order the seed gives.</summary>
    private static (ulong[] Hashes, float[] Weights, float[] Bias) TrainOrdering(IReadOnlyList<TrainingItem> examples, IncidentTrainingOptions options, Action<string>? log)
    {
        IReadOnlyList<TrainingItem> items = options.ContextCopies > 0 ? [.. examples, .. WithContext(examples, options)] : examples;
        var labels = LabelOrder();
        var labelCount = labels.Length;
        // Features are kept by their counts in the examples themselves: a copy's borrowed sentence would count twice.
        var (hashes, rows) = Index(examples, items, options.MinCount);
        var weights = new float[hashes.Length * labelCount];
        var squares = new float[weights.Length];
        var bias = new float[labelCount];
        var biasSquares = new float[labelCount];
        var scores = new double[labelCount];
        var lr = (float)options.LearningRate;
        var l2 = (float)options.L2;
        // Polyak averaging: the mean of the weights after each of the later epochs, which AdaGrad's last steps on
        // single examples would otherwise leave wherever the last few examples pulled them.
        var averageFrom = options.AverageFrom is >= 0 and var from && from < options.Epochs ? from : -1;
        var averaged = averageFrom >= 0 ? new float[weights.Length] : null;
        var averagedBias = averageFrom >= 0 ? new float[labelCount] : null;
        var averagedEpochs = 0;
        // Encoded once: every epoch draws its order from the same texts.
        var texts = items.Select(i => System.Text.Encoding.UTF8.GetBytes(i.Example.Text)).ToArray();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var order = EpochOrder(texts, options.Seed, epoch);
            var loss = 0.0;
            foreach (var index in order)
            {
                var active = rows[index];
                var value = IncidentFeatures.Value(items[index].Features.Count);
                for (var l = 0; l < labelCount; l++)
                {
                    scores[l] = bias[l];
                }

                foreach (var row in active)
                {
                    var offset = row * labelCount;
                    for (var l = 0; l < labelCount; l++)
                    {
                        scores[l] += weights[offset + l] * value;
                    }
                }

                var probabilities = IncidentClassifier.Softmax(scores, 1.0);
                var gold = items[index].Label;
                loss -= Math.Log(Math.Max(probabilities[gold], 1e-12));
                for (var l = 0; l < labelCount; l++)
                {
                    var gradient = (float)probabilities[l] - (l == gold ? 1f : 0f);
                    biasSquares[l] += gradient * gradient;
                    bias[l] -= lr * gradient / (MathF.Sqrt(biasSquares[l]) + 1e-6f);
                    foreach (var row in active)
                    {
                        var at = row * labelCount + l;
                        var g = gradient * value + l2 * weights[at];
                        squares[at] += g * g;
                        weights[at] -= lr * g / (MathF.Sqrt(squares[at]) + 1e-6f);
                    }
                }
            }

            log?.Invoke($"epoch {epoch + 1}/{options.Epochs}: mean loss {loss / items.Count:F4}");
            if (averageFrom >= 0 && epoch >= averageFrom)
            {
                Add(averaged!, weights);
                Add(averagedBias!, bias);
                averagedEpochs++;
            }
        }

        if (averagedEpochs > 0)
        {
            Divide(averaged!, averagedEpochs);
            Divide(averagedBias!, averagedEpochs);
            (weights, bias) = (averaged!, averagedBias!);
        }

        return (hashes, weights, bias);
    }

    /// <summary>Folds assigned by a number drawn from each example's text and the seed (whatever the corpus order), stratified by label so every fold holds every sub-type.</summary>
    public static int[] Folds(IReadOnlyList<TrainingItem> items, int folds, int seed)
    {
        var assignment = new int[items.Count];
        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(i => items[i].Label).OrderBy(g => g.Key))
        {
            var members = group.OrderBy(i => OrderKey(items[i].Example.Text, seed, FoldSalt)).ToArray();
            for (var i = 0; i < members.Length; i++)
            {
                assignment[members[i]] = i % folds;
            }
        }

        return assignment;
    }

    public static CrossValidationReport CrossValidate(IReadOnlyList<TrainingItem> items, IncidentTrainingOptions options, Action<string>? log = null)
    {
        var labels = LabelOrder();
        var folds = Folds(items, options.Folds, options.Seed);
        var logits = new double[items.Count][];
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var watch = Stopwatch.StartNew();
            var train = items.Where((_, i) => folds[i] != fold).ToList();
            var model = Train(train, options);
            for (var i = 0; i < items.Count; i++)
            {
                if (folds[i] == fold)
                {
                    logits[i] = model.Scores(items[i].Features);
                }
            }

            log?.Invoke($"fold {fold + 1}/{options.Folds} trained on {train.Count} examples in {watch.Elapsed.TotalSeconds:F1} s");
        }

        var temperature = FitTemperature(logits, items.Select(i => i.Label).ToArray());
        var predicted = logits.Select(ArgMax).ToArray();
        var perLabel = new List<(string, int, double, double, double)>();
        for (var l = 0; l < labels.Length; l++)
        {
            var truePositive = Enumerable.Range(0, items.Count).Count(i => predicted[i] == l && items[i].Label == l);
            var predictedCount = predicted.Count(p => p == l);
            var support = items.Count(i => i.Label == l);
            var precision = predictedCount == 0 ? 0 : (double)truePositive / predictedCount;
            var recall = support == 0 ? 0 : (double)truePositive / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perLabel.Add((labels[l], support, precision, recall, f1));
        }

        var accuracy = (double)Enumerable.Range(0, items.Count).Count(i => predicted[i] == items[i].Label) / items.Count;
        var (reliability, ece) = Reliability(logits, items.Select(i => i.Label).ToArray(), temperature);
        return new CrossValidationReport(labels, perLabel, perLabel.Where(p => p.Item2 > 0).Average(p => p.Item5), accuracy, temperature, reliability, ece, predicted);
    }

    private static int ArgMax(double[] scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>The temperature that minimises the held-out negative log-likelihood (a one-parameter fit, by grid).</summary>
    private static double FitTemperature(double[][] logits, int[] gold)
    {
        var best = 1.0;
        var bestLoss = double.MaxValue;
        for (var t = 0.3; t <= 4.0; t += 0.05)
        {
            var loss = 0.0;
            for (var i = 0; i < logits.Length; i++)
            {
                loss -= Math.Log(Math.Max(IncidentClassifier.Softmax(logits[i], t)[gold[i]], 1e-12));
            }

            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = Math.Round(t, 2);
            }
        }

        return best;
    }

    /// <summary>Ten bins of the top label's probability: how often the top label was right in each (and the expected calibration error).</summary>
    private static (List<(double, double, int, double, double)> Table, double Ece) Reliability(double[][] logits, int[] gold, double temperature)
    {
        var table = new List<(double, double, int, double, double)>();
        var ece = 0.0;
        var tops = logits.Select((l, i) =>
        {
            var p = IncidentClassifier.Softmax(l, temperature);
            var top = ArgMax(p);
            return (Confidence: p[top], Right: top == gold[i]);
        }).ToList();
        for (var bin = 0; bin < 10; bin++)
        {
            var from = bin / 10.0;
            var to = (bin + 1) / 10.0;
            var members = tops.Where(t => t.Confidence > from && t.Confidence <= to || bin == 0 && t.Confidence == 0).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var confidence = members.Average(m => m.Confidence);
            var accuracy = members.Average(m => m.Right ? 1.0 : 0.0);
            table.Add((from, to, members.Count, confidence, accuracy));
            ece += members.Count * Math.Abs(confidence - accuracy) / tops.Count;
        }

        return (table, ece);
    }

    private static (ulong[] Hashes, int[][] Rows) Index(IReadOnlyList<TrainingItem> countFrom, IReadOnlyList<TrainingItem> items, int minCount)
    {
        var counts = new Dictionary<ulong, int>();
        foreach (var item in countFrom)
        {
            foreach (var hash in item.Features.Distinct())
            {
                counts[hash] = counts.GetValueOrDefault(hash) + 1;
            }
        }

        var hashes = counts.Where(pair => pair.Value >= minCount).Select(pair => pair.Key).Order().ToArray();
        var rowOf = new Dictionary<ulong, int>(hashes.Length);
        for (var i = 0; i < hashes.Length; i++)
        {
            rowOf[hashes[i]] = i;
        }

        var rows = items.Select(item => item.Features.Where(rowOf.ContainsKey).Select(h => rowOf[h]).ToArray()).ToArray();
        return (hashes, rows);
    }
}
