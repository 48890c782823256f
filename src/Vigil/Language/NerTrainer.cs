using System.Diagnostics;

namespace Vigil.Language;

public sealed record NerTrainingOptions
{
    public int MaxEpochs { get; init; } = 40;

    /// <summary>Stop after this many epochs without a better development F1.</summary>
    public int Patience { get; init; } = 8;

    public int Seed { get; init; } = 1;

    /// <summary>Features seen fewer times than this in training get no weight (smaller model, little loss).</summary>
    public int MinFeatureCount { get; init; } = 1;

    /// <summary>Train a second pass that reads the first pass's tags across the document (stacking).</summary>
    public bool TwoPass { get; init; } = true;

    /// <summary>Folds for the first pass's tags on the training data, each tagged by a model that did not see it.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Once the development set has chosen the epochs, train again on training and development data
    /// together for that many epochs: a quarter more labelled text for the shipped model.</summary>
    public bool RefitWithDev { get; init; } = true;
}

/// <summary>Progress of training, for a progress line or a log.</summary>
public sealed record NerTrainingProgress(string Stage, int Epoch, int Sentence, int Sentences, double DevF1, double BestDevF1, TimeSpan Elapsed);

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
        var (first, firstEpoch) = TrainPass("first pass", trainDocuments, null, devDocuments, null, gazetteer, options, null, log, progress);
        NerModel? second = null;
        var secondEpoch = 0;
        if (options.TwoPass)
        {
            var trainFirstPass = CrossValidatedFirstPass("", trainDocuments, gazetteer, options with { MaxEpochs = firstEpoch }, log, progress);
            var devFirstPass = devDocuments.Select(document => first.TagBilou(Tokens(document))).ToArray();
            (second, secondEpoch) = TrainPass("second pass", trainDocuments, trainFirstPass, devDocuments, devFirstPass, gazetteer, options, first, log, progress);
        }

        if (!options.RefitWithDev || devDocuments.Count == 0)
        {
            return second ?? first;
        }

        var all = trainDocuments.Concat(devDocuments).ToList();
        var (finalFirst, _) = TrainPass("refit first pass", all, null, [], null, gazetteer, options with { MaxEpochs = firstEpoch }, null, log, progress);
        if (!options.TwoPass)
        {
            return finalFirst;
        }

        var allFirstPass = CrossValidatedFirstPass("refit ", all, gazetteer, options with { MaxEpochs = firstEpoch }, log, progress);
        var (finalSecond, _) = TrainPass("refit second pass", all, allFirstPass, [], null, gazetteer, options with { MaxEpochs = secondEpoch }, finalFirst, log, progress);
        return finalSecond;
    }

    private static List<IReadOnlyList<string>> Tokens(IReadOnlyList<ConllSentence> document) =>
        document.Select(sentence => (IReadOnlyList<string>)sentence.Tokens).ToList();

    /// <summary>
    /// First-pass tags for every training sentence, each from a model trained without its fold. The second pass must
    /// learn how far to trust first-pass tags as they are on unseen text, not on text the first pass has learnt by
    /// heart (cross-validation stacking).
    /// </summary>
    private static string[][][] CrossValidatedFirstPass(
        string stage, IReadOnlyList<IReadOnlyList<ConllSentence>> documents, Gazetteer gazetteer, NerTrainingOptions options,
        Action<string>? log, Action<NerTrainingProgress>? progress)
    {
        var firstPass = documents.Select(document => new string[document.Count][]).ToArray();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var (foldTrain, heldOut) = SplitFold(documents, fold, options.Folds);
            var (foldModel, _) = TrainPass($"{stage}fold {fold + 1}/{options.Folds}", foldTrain, null, [], null, gazetteer, options, null, log, progress);
            foreach (var (document, start, sentences) in heldOut)
            {
                foldModel.TagBilou(Tokens(sentences)).CopyTo(firstPass[document], start);
            }
        }

        return firstPass;
    }

    /// <summary>Contiguous blocks of each document: fold <paramref name="fold"/>'s blocks are held out, and the rest,
    /// split where a block was taken out, is the training data.</summary>
    private static (List<IReadOnlyList<ConllSentence>> Train, List<(int Document, int Start, List<ConllSentence> Sentences)> HeldOut) SplitFold(
        IReadOnlyList<IReadOnlyList<ConllSentence>> documents, int fold, int folds)
    {
        var train = new List<IReadOnlyList<ConllSentence>>();
        var heldOut = new List<(int, int, List<ConllSentence>)>();
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            var start = (int)((long)document.Count * fold / folds);
            var end = (int)((long)document.Count * (fold + 1) / folds);
            if (start > 0)
            {
                train.Add(document.Take(start).ToList());
            }

            if (end < document.Count)
            {
                train.Add(document.Skip(end).ToList());
            }

            if (end > start)
            {
                heldOut.Add((d, start, document.Skip(start).Take(end - start).ToList()));
            }
        }

        return (train, heldOut);
    }

    private static (NerModel Model, int Epoch) TrainPass(
        string stage,
        IReadOnlyList<IReadOnlyList<ConllSentence>> trainDocuments,
        IReadOnlyList<string[][]>? trainFirstPass,
        IReadOnlyList<IReadOnlyList<ConllSentence>> devDocuments,
        IReadOnlyList<string[][]>? devFirstPass,
        Gazetteer gazetteer,
        NerTrainingOptions options,
        NerModel? firstPass,
        Action<string>? log,
        Action<NerTrainingProgress>? progress)
    {
        var types = trainDocuments.SelectMany(d => d).SelectMany(s => EntityTags.Spans(s.Tags)).Select(span => span.Type);
        var tags = EntityTags.BilouTagSet(types);
        var tagIndex = tags.Select((tag, index) => (tag, index)).ToDictionary(pair => pair.tag, pair => pair.index);
        var extractor = new FeatureExtractor(gazetteer);

        var trainFeatures = trainDocuments.Select((document, d) => (document, features: extractor.ExtractDocument(document.Select(s => s.Tokens).ToList(), trainFirstPass?[d]))).ToList();
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
        log?.Invoke($"{stage}: {featureIds.Count:N0} features, {tags.Length} tags");

        var train = Examples(trainFeatures, featureIds, tagIndex);
        var dev = Examples(devDocuments.Select((document, d) => (document, features: extractor.ExtractDocument(document.Select(s => s.Tokens).ToList(), devFirstPass?[d]))), featureIds, tagIndex);
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
                    progress?.Invoke(new NerTrainingProgress(stage, epoch, k, order.Length, double.NaN, bestF1, clock.Elapsed));
                }
            }

            var averagedWeights = Average(weights, weightSums, step);
            var averagedTransitions = Average(transitions, transitionSums, step);
            if (dev.Count == 0)
            {
                // Without development data the epoch count is fixed: keep the last.
                (bestEpoch, bestWeights, bestTransitions) = (epoch, averagedWeights, averagedTransitions);
                log?.Invoke($"{stage}, epoch {epoch}: {mistakes:N0} sentences wrong in training ({clock.Elapsed.TotalSeconds:F0} s)");
                continue;
            }

            var f1 = Score(dev, devSentences, averagedWeights, averagedTransitions, allowed, tags).Overall.F1;
            progress?.Invoke(new NerTrainingProgress(stage, epoch, order.Length, order.Length, f1, Math.Max(f1, bestF1), clock.Elapsed));
            log?.Invoke($"{stage}, epoch {epoch}: {mistakes:N0} sentences wrong in training, development F1 {f1:F4} ({clock.Elapsed.TotalSeconds:F0} s)");
            if (f1 > bestF1)
            {
                (bestF1, bestEpoch, bestWeights, bestTransitions) = (f1, epoch, averagedWeights, averagedTransitions);
            }
            else if (epoch - bestEpoch >= options.Patience)
            {
                break;
            }
        }

        log?.Invoke(dev.Count == 0 ? $"{stage}: {bestEpoch} epochs" : $"{stage}: kept epoch {bestEpoch}, development F1 {bestF1:F4}");
        var hashes = new ulong[featureIds.Count];
        foreach (var (hash, id) in featureIds)
        {
            hashes[id] = hash;
        }

        return (new NerModel(tags, gazetteer, hashes, bestWeights!, bestTransitions!, firstPass), bestEpoch);
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
