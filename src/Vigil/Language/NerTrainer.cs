using System.Diagnostics;

namespace Vigil.Language;

public sealed record NerTrainingOptions
{
    public int MaxEpochs { get; init; } = 30;

    /// <summary>Stop after this many epochs without a better development F1.</summary>
    public int Patience { get; init; } = 4;

    public int Seed { get; init; } = 1;

    /// <summary>Features seen fewer times than this in training get no weight (smaller model, little loss).</summary>
    public int MinFeatureCount { get; init; } = 1;
}

/// <summary>Progress of training, for a progress line or a log.</summary>
public sealed record NerTrainingProgress(int Epoch, int Sentence, int Sentences, double DevF1, double BestDevF1, TimeSpan Elapsed);

/// <summary>
/// Trains <see cref="NerModel"/> as an averaged structured perceptron (Collins 2002): decode each training sentence
/// with the current weights, and where the best path differs from the gold one, add the gold path's features and
/// subtract the predicted path's. Averaging the weights over all steps keeps the late, noisy updates from dominating.
/// The epoch count is chosen on the development set. Single-threaded and deterministic for a given seed.
/// </summary>
public static class NerTrainer
{
    private sealed record Example(int[] FeatureIds, int[] Offsets, int[] Gold);

    public static NerModel Train(
        IReadOnlyList<IReadOnlyList<ConllSentence>> trainDocuments,
        IReadOnlyList<IReadOnlyList<ConllSentence>> devDocuments,
        Gazetteer gazetteer,
        NerTrainingOptions options,
        Action<string>? log = null,
        Action<NerTrainingProgress>? progress = null)
    {
        var types = trainDocuments.SelectMany(d => d).SelectMany(s => EntityTags.Spans(s.Tags)).Select(span => span.Type);
        var tags = EntityTags.BilouTagSet(types);
        var tagIndex = tags.Select((tag, index) => (tag, index)).ToDictionary(pair => pair.tag, pair => pair.index);
        var extractor = new FeatureExtractor(gazetteer);

        var trainFeatures = trainDocuments.Select(document => (document, features: extractor.ExtractDocument(document.Select(s => s.Tokens).ToList()))).ToList();
        var counts = new Dictionary<ulong, int>();
        foreach (var (_, features) in trainFeatures)
        {
            foreach (var sentence in features)
            {
                foreach (var hash in sentence.Hashes)
                {
                    counts[hash] = counts.GetValueOrDefault(hash) + 1;
                }
            }
        }

        var featureIds = new Dictionary<ulong, int>();
        foreach (var (hash, count) in counts.OrderBy(pair => pair.Key))
        {
            if (count >= options.MinFeatureCount)
            {
                featureIds[hash] = featureIds.Count;
            }
        }

        counts.Clear();
        log?.Invoke($"{featureIds.Count:N0} features, {tags.Length} tags");

        var train = Examples(trainFeatures, featureIds, tagIndex);
        var dev = Examples(devDocuments.Select(document => (document, features: extractor.ExtractDocument(document.Select(s => s.Tokens).ToList()))), featureIds, tagIndex);
        var devSentences = devDocuments.SelectMany(d => d).ToList();

        var tagCount = tags.Length;
        var allowed = NerModel.AllowedTransitions(tags);
        var weights = new float[featureIds.Count * tagCount];
        var weightSums = new double[weights.Length];
        var transitions = new float[(tagCount + 2) * tagCount];
        var transitionSums = new double[transitions.Length];
        float[]? bestWeights = null;
        float[]? bestTransitions = null;
        var bestF1 = -1.0;
        var bestEpoch = 0;
        var step = 1L;
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var clock = Stopwatch.StartNew();

        for (var epoch = 1; epoch <= options.MaxEpochs; epoch++)
        {
            random.Shuffle(order);
            var mistakes = 0;
            for (var k = 0; k < order.Length; k++)
            {
                var example = train[order[k]];
                var predicted = Viterbi.Decode(example.FeatureIds, example.Offsets, weights, transitions, allowed, tagCount);
                if (!predicted.AsSpan().SequenceEqual(example.Gold))
                {
                    mistakes++;
                    Update(example, example.Gold, +1, step, weights, weightSums, transitions, transitionSums, tagCount);
                    Update(example, predicted, -1, step, weights, weightSums, transitions, transitionSums, tagCount);
                }

                step++;
                if (k % 1000 == 0)
                {
                    progress?.Invoke(new NerTrainingProgress(epoch, k, order.Length, double.NaN, bestF1, clock.Elapsed));
                }
            }

            var averagedWeights = Average(weights, weightSums, step);
            var averagedTransitions = Average(transitions, transitionSums, step);
            var f1 = Score(dev, devSentences, averagedWeights, averagedTransitions, allowed, tags).Overall.F1;
            progress?.Invoke(new NerTrainingProgress(epoch, order.Length, order.Length, f1, Math.Max(f1, bestF1), clock.Elapsed));
            log?.Invoke($"epoch {epoch}: {mistakes:N0} sentences wrong in training, development F1 {f1:F4} ({clock.Elapsed.TotalSeconds:F0} s)");
            if (f1 > bestF1)
            {
                (bestF1, bestEpoch, bestWeights, bestTransitions) = (f1, epoch, averagedWeights, averagedTransitions);
            }
            else if (epoch - bestEpoch >= options.Patience)
            {
                break;
            }
        }

        log?.Invoke($"kept epoch {bestEpoch}: development F1 {bestF1:F4}");
        return new NerModel(tags, gazetteer, featureIds, bestWeights!, bestTransitions!);
    }

    private static List<Example> Examples(
        IEnumerable<(IReadOnlyList<ConllSentence> Document, SentenceFeatures[] Features)> documents,
        Dictionary<ulong, int> featureIds,
        Dictionary<string, int> tagIndex)
    {
        var examples = new List<Example>();
        foreach (var (document, features) in documents)
        {
            for (var s = 0; s < document.Count; s++)
            {
                var sentence = features[s];
                var ids = new List<int>(sentence.Hashes.Length);
                var offsets = new int[sentence.TokenCount + 1];
                for (var i = 0; i < sentence.TokenCount; i++)
                {
                    offsets[i] = ids.Count;
                    for (var k = sentence.Offsets[i]; k < sentence.Offsets[i + 1]; k++)
                    {
                        if (featureIds.TryGetValue(sentence.Hashes[k], out var id))
                        {
                            ids.Add(id);
                        }
                    }
                }

                offsets[^1] = ids.Count;
                // A type unseen in training (possible only in development data) is scored as wrong, never learnt.
                var gold = EntityTags.ToBilou(document[s].Tags).Select(tag => tagIndex.GetValueOrDefault(tag)).ToArray();
                examples.Add(new Example([.. ids], offsets, gold));
            }
        }

        return examples;
    }

    private static void Update(Example example, int[] path, int sign, long step, float[] weights, double[] weightSums, float[] transitions, double[] transitionSums, int tagCount)
    {
        var previous = tagCount;
        for (var i = 0; i < path.Length; i++)
        {
            var tag = path[i];
            for (var k = example.Offsets[i]; k < example.Offsets[i + 1]; k++)
            {
                var cell = example.FeatureIds[k] * tagCount + tag;
                weights[cell] += sign;
                weightSums[cell] += sign * (double)step;
            }

            var transition = previous * tagCount + tag;
            transitions[transition] += sign;
            transitionSums[transition] += sign * (double)step;
            previous = tag;
        }

        var end = (tagCount + 1) * tagCount + path[^1];
        transitions[end] += sign;
        transitionSums[end] += sign * (double)step;
    }

    /// <summary>The average of the weights over all steps so far, computed lazily (Daumé's trick): each update of d at
    /// step c also adds c·d to a sum, and the average is w − sum / c.</summary>
    private static float[] Average(float[] weights, double[] sums, long step)
    {
        var averaged = new float[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            averaged[i] = (float)(weights[i] - sums[i] / step);
        }

        return averaged;
    }

    private static EntityScorer Score(List<Example> examples, List<ConllSentence> sentences, float[] weights, float[] transitions, bool[] allowed, string[] tags)
    {
        var scorer = new EntityScorer();
        for (var s = 0; s < examples.Count; s++)
        {
            var path = Viterbi.Decode(examples[s].FeatureIds, examples[s].Offsets, weights, transitions, allowed, tags.Length);
            scorer.Add(sentences[s].Tags, path.Select(tag => tags[tag]).ToArray());
        }

        return scorer;
    }
}
