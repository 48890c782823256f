using System.IO.Compression;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Language;

namespace Vigil.Events;

/// <summary>The classifier's reading of a passage: the best label (an ACLED sub-type, or "none"), its calibrated
/// probability, the probability that no codable incident is told, and every label ranked.</summary>
public sealed record IncidentPrediction(string Label, double Probability, double NoEventProbability, IReadOnlyList<LabelProbability> Ranked)
{
    public bool IsEvent => Label != Training.EventCorpus.NoEvent;

    /// <summary>The most probable ACLED sub-type, whatever the probability of "none".</summary>
    public LabelProbability BestSubType => Ranked.First(r => r.Label != Training.EventCorpus.NoEvent);
}

public sealed record LabelProbability(string Label, double Probability);

/// <summary>
/// The trained incident typer: a multinomial logistic regression over a passage's words, word pairs, character
/// 4-grams, the cue lexicon's hits and the rules' own verdict, to one of ACLED's 25 sub-types or "none". Trained by
/// <see cref="Training.IncidentClassifierTrainer"/> on the team-written corpus (data/training/events); its
/// probabilities are temperature-scaled on cross-validated predictions so that they can serve as confidence.
/// Written by hand rather than with ML.NET because the features are the project's own (lexicon cues, rule verdicts),
/// the model must load in milliseconds in a per-process command line, and the whole of it is one small file.
/// </summary>
public sealed class IncidentClassifier
{
    private const string Magic = "VIGIL-EVENTS";
    private const int FormatVersion = 1;
    public const string ShippedFileName = "events.bin";

    private static readonly Lazy<IncidentClassifier?> ShippedModel = new(LoadShipped);

    private readonly FeatureTable table;

    internal IncidentClassifier(string[] labels, ulong[] featureHashes, float[] weights, float[] bias, double temperature, string version)
    {
        Labels = labels;
        FeatureHashes = featureHashes;
        Weights = weights;
        Bias = bias;
        Temperature = temperature;
        Version = version;
        table = new FeatureTable(featureHashes);
        NoEventIndex = Array.IndexOf(labels, Training.EventCorpus.NoEvent);
    }

    public IReadOnlyList<string> LabelSet => Labels;

    /// <summary>A short identifier of this model's content ("events-1a2b3c4d"), recorded with every claim it coded.</summary>
    public string Version { get; }

    /// <summary>Divides the logits before the softmax; fitted on held-out predictions so that probabilities are calibrated.</summary>
    public double Temperature { get; }

    public int FeatureCount => FeatureHashes.Length;

    internal string[] Labels { get; }

    internal ulong[] FeatureHashes { get; }

    /// <summary>Weight of feature f for label l at [f * LabelCount + l].</summary>
    internal float[] Weights { get; }

    internal float[] Bias { get; }

    internal int NoEventIndex { get; }

    /// <summary>The model shipped in models/events.bin, loaded once; null when it is missing (the rules then decide alone).</summary>
    public static IncidentClassifier? Shipped() => ShippedModel.Value;

    private static IncidentClassifier? LoadShipped()
    {
        var folder = ModelFiles.Folder();
        var path = folder is null ? null : Path.Combine(folder, ShippedFileName);
        return path is not null && File.Exists(path) ? Load(path) : null;
    }

    /// <summary>Classifies a passage; <paramref name="hints"/> are the rules' verdicts on it (an ACLED sub-type), as features.</summary>
    public IncidentPrediction Classify(string text, IEnumerable<string>? hints = null)
    {
        var features = IncidentFeatures.Extract(text, hints);
        var scores = Scores(features);
        return Predict(scores, Temperature);
    }

    /// <summary>
    /// The features that pushed a passage towards <paramref name="label"/> rather than <paramref name="against"/>, strongest
    /// first: each feature's share of the difference between the two labels' scores. For analysts asking why.
    /// </summary>
    public IReadOnlyList<(string Feature, double Weight)> Explain(string text, IEnumerable<string>? hints, string label, string against, int top = 10)
    {
        var names = new List<string>();
        var features = IncidentFeatures.Extract(text, hints, names);
        var (labelIndex, againstIndex) = (Array.IndexOf(Labels, label), Array.IndexOf(Labels, against));
        if (labelIndex < 0 || againstIndex < 0)
        {
            return [];
        }

        var value = IncidentFeatures.Value(features.Count);
        var shares = new Dictionary<string, double>();
        for (var i = 0; i < features.Count; i++)
        {
            var row = table.Find(features[i]);
            if (row >= 0)
            {
                var offset = row * Labels.Length;
                shares[names[i]] = shares.GetValueOrDefault(names[i]) + ((Weights[offset + labelIndex] - Weights[offset + againstIndex]) * value);
            }
        }

        return [.. shares.OrderByDescending(s => Math.Abs(s.Value)).Take(top).Select(s => (s.Key, s.Value))];
    }

    /// <summary>How much more the model favours <paramref name="label"/> than <paramref name="against"/> before reading any feature.</summary>
    public double PriorDifference(string label, string against) => Bias[Array.IndexOf(Labels, label)] - Bias[Array.IndexOf(Labels, against)];

    /// <summary>Raw logits of a feature list (before temperature), for training and calibration.</summary>
    internal double[] Scores(List<ulong> features)
    {
        var labelCount = Labels.Length;
        var scores = new double[labelCount];
        for (var l = 0; l < labelCount; l++)
        {
            scores[l] = Bias[l];
        }

        var value = IncidentFeatures.Value(features.Count);
        foreach (var hash in features)
        {
            var row = table.Find(hash);
            if (row < 0)
            {
                continue;
            }

            var offset = row * labelCount;
            for (var l = 0; l < labelCount; l++)
            {
                scores[l] += Weights[offset + l] * value;
            }
        }

        return scores;
    }

    internal IncidentPrediction Predict(double[] scores, double temperature)
    {
        var probabilities = Softmax(scores, temperature);
        var ranked = new LabelProbability[Labels.Length];
        for (var l = 0; l < Labels.Length; l++)
        {
            ranked[l] = new LabelProbability(Labels[l], probabilities[l]);
        }

        Array.Sort(ranked, (a, b) => b.Probability.CompareTo(a.Probability));
        return new IncidentPrediction(ranked[0].Label, ranked[0].Probability, NoEventIndex >= 0 ? probabilities[NoEventIndex] : 0, ranked);
    }

    internal static double[] Softmax(double[] scores, double temperature)
    {
        var max = scores.Max();
        var probabilities = new double[scores.Length];
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            probabilities[i] = Math.Exp((scores[i] - max) / temperature);
            sum += probabilities[i];
        }

        for (var i = 0; i < scores.Length; i++)
        {
            probabilities[i] /= sum;
        }

        return probabilities;
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(zip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Labels.Length);
        foreach (var label in Labels)
        {
            writer.Write(label);
        }

        writer.Write(Temperature);
        writer.Write(FeatureHashes.Length);
        writer.Write(MemoryMarshal.AsBytes(FeatureHashes.AsSpan()));
        // Half precision keeps the file small; the weights' rounding changes no decision we measured.
        foreach (var weight in Weights)
        {
            writer.Write((Half)weight);
        }

        foreach (var bias in Bias)
        {
            writer.Write(bias);
        }
    }

    public static IncidentClassifier Load(string path)
    {
        using var file = File.OpenRead(path);
        using var zip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new BinaryReader(new BufferedStream(zip, 1 << 16), Encoding.UTF8);
        try
        {
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException($"{path}: not a Vigil event model of format {FormatVersion}; retrain it with `vigil train events`");
            }

            var labels = new string[reader.ReadInt32()];
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = reader.ReadString();
            }

            var temperature = reader.ReadDouble();
            var hashes = new ulong[reader.ReadInt32()];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(hashes.AsSpan()));
            var weights = new float[hashes.Length * labels.Length];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)reader.ReadHalf();
            }

            var bias = new float[labels.Length];
            for (var i = 0; i < bias.Length; i++)
            {
                bias[i] = reader.ReadSingle();
            }

            return new IncidentClassifier(labels, hashes, weights, bias, temperature, VersionOf(path));
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: the event model is truncated; retrain it with `vigil train events`");
        }
    }

    private static string VersionOf(string path)
    {
        var hash = XxHash3.HashToUInt64(File.ReadAllBytes(path));
        return $"events-{hash:x16}"[..15];
    }
}

/// <summary>
/// The features of a passage, as 64-bit hashes: lower-cased words (digits folded to 0), adjacent word pairs,
/// character 4-grams inside words (so "shelled" and "shelling" share evidence), the cue lexicon's hits (marked when
/// a modal or negation comes right before them), and the rules' verdicts passed in as hints.
/// </summary>
internal static class IncidentFeatures
{
    /// <summary>Every feature of a passage weighs 1/sqrt(n), so a long paragraph does not shout down a short sentence.</summary>
    public static float Value(int count) => count == 0 ? 0 : 1f / MathF.Sqrt(count);

    public static List<ulong> Extract(string text, IEnumerable<string>? hints) => Extract(text, hints, null);

    /// <summary>As <see cref="Extract(string, IEnumerable{string}?)"/>; <paramref name="names"/>, when given, receives each feature's readable name in step with its hash (for explaining a reading; off the hot path).</summary>
    public static List<ulong> Extract(string text, IEnumerable<string>? hints, List<string>? names)
    {
        var features = new List<ulong>(256);
        void Add(string template, ReadOnlySpan<char> first, ReadOnlySpan<char> second = default)
        {
            features.Add(Hash(template, first, second));
            names?.Add(second.IsEmpty ? $"{template}:{first}" : $"{template}:{first} {second}");
        }

        var words = Words(text);
        var grievance = GrievanceWords(text, words);
        var previous = "<s>";
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w].Word;
            // A protest's grievance ("over power cuts", "to condemn the drone strikes") has words of its own, so that
            // neither the incident it names nor the topic that ordinary news shares with it outvotes the protest.
            var (wordTemplate, pairTemplate, gramTemplate) = grievance[w] ? ("gw", "gb", "gc") : ("w", "b", "c");
            Add(wordTemplate, word);
            Add(pairTemplate, previous, word);
            if (word.Length >= 4)
            {
                var bounded = $"<{word}>";
                for (var i = 0; i + 4 <= bounded.Length; i++)
                {
                    Add(gramTemplate, bounded.AsSpan(i, 4));
                }
            }

            previous = word;
        }

        Add("b", previous, "</s>");
        foreach (var (cue, pattern) in EventLexicon.Cues)
        {
            var match = pattern.Match(text);
            if (!match.Success)
            {
                continue;
            }

            var hypothetical = EventLexicon.Hypothetical().IsMatch(text.AsSpan(Math.Max(0, match.Index - 40), Math.Min(40, match.Index)));
            var at = words.FindIndex(t => t.End > match.Index);
            var aboutProtest = at >= 0 && grievance[at];
            Add("cue", aboutProtest ? $"{cue}@grievance" : hypothetical ? $"{cue}?" : cue.ToString());
        }

        foreach (var hint in hints ?? [])
        {
            Add("rule", hint);
        }

        return features;
    }

    private static List<(string Word, int Start, int End)> Words(string text)
    {
        var words = new List<(string, int, int)>();
        var builder = new StringBuilder();
        var start = 0;
        for (var at = 0; at < text.Length; at++)
        {
            var c = text[at];
            if (char.IsLetterOrDigit(c) || ((c is '\'' or '-' or '’') && builder.Length > 0))
            {
                start = builder.Length == 0 ? at : start;
                builder.Append(char.IsDigit(c) ? '0' : char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0)
            {
                words.Add((builder.ToString().TrimEnd('\'', '-', '’'), start, at));
                builder.Clear();
            }
        }

        if (builder.Length > 0)
        {
            words.Add((builder.ToString().TrimEnd('\'', '-', '’'), start, text.Length));
        }

        return words;
    }

    private const int GrievanceMaxWords = 8;

    private static readonly Lazy<Regex> GrievanceOpener = new(() => new Regex(@"\b(?:" + WordClasses.HarmAsGrievance + @")\b", WordClasses.Options));

    private static readonly HashSet<string> ClauseBreaks = ["and", "but", "while", "when", "after", "before", "as", "who", "which", "that", "where", "said", "says"];

    /// <summary>
    /// Which words tell what a protest is about: those after a grievance's opening words (word class HarmAsGrievance,
    /// "protested over", "to condemn"), up to the clause's end (a stop, comma or bracket, a word that opens another
    /// clause) and at most <see cref="GrievanceMaxWords"/> words.
    /// </summary>
    private static bool[] GrievanceWords(string text, List<(string Word, int Start, int End)> words)
    {
        var inGrievance = new bool[words.Count];
        foreach (Match opener in GrievanceOpener.Value.Matches(text))
        {
            var end = opener.Index + opener.Length;
            var first = words.FindIndex(w => w.Start >= end);
            for (var w = first; w >= 0 && w < words.Count && w < first + GrievanceMaxWords; w++)
            {
                var gap = text.AsSpan(w == first ? end : words[w - 1].End, words[w].Start - (w == first ? end : words[w - 1].End));
                if (gap.IndexOfAny(",.;:!?()[]\n") >= 0 || ClauseBreaks.Contains(words[w].Word))
                {
                    break;
                }

                inGrievance[w] = true;
            }
        }

        return inGrievance;
    }

    private static ulong Hash(string template, ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        var hasher = new XxHash3();
        hasher.Append(MemoryMarshal.AsBytes(template.AsSpan()));
        hasher.Append([0]);
        hasher.Append(MemoryMarshal.AsBytes(first));
        hasher.Append([0]);
        hasher.Append(MemoryMarshal.AsBytes(second));
        return hasher.GetCurrentHashAsUInt64();
    }
}
