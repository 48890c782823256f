using System.IO.Compression;

namespace Vigil.Language;

/// <summary>
/// A trained linear-chain tagger for named entities: one weight per (feature, BILOU tag), tag-transition weights, and
/// the gazetteers its features were trained with, all in one file. Decoding is first-order Viterbi restricted to
/// well-formed BILOU sequences.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "VIGIL-NER";
    private const int FormatVersion = 3;

    internal NerModel(string[] tags, Gazetteer gazetteer, Dictionary<ulong, int> featureIds, float[] weights, float[] transitions, NerModel? firstPass = null)
    {
        FirstPass = firstPass;
        Tags = tags;
        Gazetteer = gazetteer;
        FeatureIds = featureIds;
        Weights = weights;
        Transitions = transitions;
        Extractor = new FeatureExtractor(gazetteer);
        Allowed = AllowedTransitions(tags);
    }

    public IReadOnlyList<string> TagSet => Tags;

    /// <summary>The model whose tags this one reads as features (document-level agreement), or null.</summary>
    public NerModel? FirstPass { get; }

    public int FeatureCount => FeatureIds.Count;

    internal string[] Tags { get; }

    internal Gazetteer Gazetteer { get; }

    internal Dictionary<ulong, int> FeatureIds { get; }

    /// <summary>Weight of feature f for tag t at [f * TagCount + t].</summary>
    internal float[] Weights { get; }

    /// <summary>Row p (previous tag, or TagCount for the sentence start), column t; then one row of end weights at
    /// [(TagCount + 1) * TagCount + t].</summary>
    internal float[] Transitions { get; }

    internal bool[] Allowed { get; }

    internal FeatureExtractor Extractor { get; }

    internal int TagCount => Tags.Length;

    /// <summary>Transition layout as <see cref="Transitions"/>: true where the BILOU scheme allows the step.</summary>
    internal static bool[] AllowedTransitions(string[] tags)
    {
        var count = tags.Length;
        var allowed = new bool[(count + 2) * count];
        for (var next = 0; next < count; next++)
        {
            for (var previous = 0; previous < count; previous++)
            {
                allowed[previous * count + next] = EntityTags.MayFollow(tags[previous], tags[next]);
            }

            allowed[count * count + next] = EntityTags.MayFollow(null, tags[next]);
            allowed[(count + 1) * count + next] = EntityTags.MayFollow(tags[next], null);
        }

        return allowed;
    }

    /// <summary>Tags every sentence of one document (a list of token lists), returning entity spans per sentence.</summary>
    public List<TokenSpan>[] Tag(IReadOnlyList<IReadOnlyList<string>> sentences) =>
        TagBilou(sentences).Select(tags => EntityTags.Spans(tags)).ToArray();

    /// <summary>The BILOU tag of every token of every sentence of one document.</summary>
    internal string[][] TagBilou(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var firstPass = FirstPass?.TagBilou(sentences);
        var features = Extractor.ExtractDocument(sentences, firstPass);
        var result = new string[sentences.Count][];
        var ids = new List<int>();
        for (var s = 0; s < features.Length; s++)
        {
            var sentence = features[s];
            ids.Clear();
            var offsets = new int[sentence.TokenCount + 1];
            for (var i = 0; i < sentence.TokenCount; i++)
            {
                offsets[i] = ids.Count;
                for (var k = sentence.Offsets[i]; k < sentence.Offsets[i + 1]; k++)
                {
                    if (FeatureIds.TryGetValue(sentence.Hashes[k], out var id))
                    {
                        ids.Add(id);
                    }
                }
            }

            offsets[sentence.TokenCount] = ids.Count;
            var best = Viterbi.Decode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids), offsets, Weights, Transitions, Allowed, TagCount);
            result[s] = Array.ConvertAll(best, tag => Tags[tag]);
        }

        return result;
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(zip);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        Gazetteer.Write(writer);
        WriteBody(writer);
    }

    /// <summary>Everything but the gazetteer, which a first pass shares with the model that reads it.</summary>
    private void WriteBody(BinaryWriter writer)
    {
        writer.Write(FirstPass is not null);
        FirstPass?.WriteBody(writer);
        writer.Write(Tags.Length);
        foreach (var tag in Tags)
        {
            writer.Write(tag);
        }

        writer.Write(Transitions.Length);
        foreach (var weight in Transitions)
        {
            writer.Write(weight);
        }

        // Only features with a weight are written, each as its hash and its non-zero (tag, weight) pairs: most
        // features were only ever updated for two or three tags.
        var kept = FeatureIds.Where(pair => HasWeight(pair.Value)).OrderBy(pair => pair.Value).ToList();
        writer.Write(kept.Count);
        foreach (var (hash, id) in kept)
        {
            writer.Write(hash);
            var row = Weights.AsSpan(id * TagCount, TagCount);
            var nonZero = 0;
            foreach (var weight in row)
            {
                nonZero += weight != 0 ? 1 : 0;
            }

            writer.Write((byte)nonZero);
            for (var tag = 0; tag < TagCount; tag++)
            {
                if (row[tag] != 0)
                {
                    writer.Write((byte)tag);
                    writer.Write(row[tag]);
                }
            }
        }
    }

    private bool HasWeight(int id)
    {
        foreach (var weight in Weights.AsSpan(id * TagCount, TagCount))
        {
            if (weight != 0)
            {
                return true;
            }
        }

        return false;
    }

    public static NerModel Load(string path)
    {
        using var file = File.OpenRead(path);
        using var zip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new BinaryReader(new BufferedStream(zip, 1 << 16));
        if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException($"{path} is not a Vigil entity model of format version {FormatVersion}");
        }

        return ReadBody(reader, Gazetteer.Read(reader));
    }

    private static NerModel ReadBody(BinaryReader reader, Gazetteer gazetteer)
    {
        var firstPass = reader.ReadBoolean() ? ReadBody(reader, gazetteer) : null;
        var tags = new string[reader.ReadInt32()];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = reader.ReadString();
        }

        var transitions = new float[reader.ReadInt32()];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = reader.ReadSingle();
        }

        var features = reader.ReadInt32();
        var featureIds = new Dictionary<ulong, int>(features);
        var weights = new float[features * tags.Length];
        for (var id = 0; id < features; id++)
        {
            featureIds.Add(reader.ReadUInt64(), id);
            var nonZero = reader.ReadByte();
            for (var k = 0; k < nonZero; k++)
            {
                var tag = reader.ReadByte();
                weights[id * tags.Length + tag] = reader.ReadSingle();
            }
        }

        return new NerModel(tags, gazetteer, featureIds, weights, transitions, firstPass);
    }
}

/// <summary>First-order Viterbi over emission scores summed from feature weights.</summary>
internal static class Viterbi
{
    public static int[] Decode(ReadOnlySpan<int> featureIds, int[] offsets, float[] weights, float[] transitions, bool[] allowed, int tagCount)
    {
        var n = offsets.Length - 1;
        if (n == 0)
        {
            return [];
        }

        var scores = new float[n * tagCount];
        for (var i = 0; i < n; i++)
        {
            var row = scores.AsSpan(i * tagCount, tagCount);
            for (var k = offsets[i]; k < offsets[i + 1]; k++)
            {
                var weightRow = weights.AsSpan(featureIds[k] * tagCount, tagCount);
                for (var t = 0; t < tagCount; t++)
                {
                    row[t] += weightRow[t];
                }
            }
        }

        var best = new float[n * tagCount];
        var back = new int[n * tagCount];
        var start = tagCount * tagCount;
        for (var t = 0; t < tagCount; t++)
        {
            best[t] = allowed[start + t] ? scores[t] + transitions[start + t] : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            for (var t = 0; t < tagCount; t++)
            {
                var top = float.NegativeInfinity;
                var from = 0;
                for (var p = 0; p < tagCount; p++)
                {
                    if (!allowed[p * tagCount + t])
                    {
                        continue;
                    }

                    var score = best[(i - 1) * tagCount + p] + transitions[p * tagCount + t];
                    if (score > top)
                    {
                        top = score;
                        from = p;
                    }
                }

                best[i * tagCount + t] = top + scores[i * tagCount + t];
                back[i * tagCount + t] = from;
            }
        }

        var end = (tagCount + 1) * tagCount;
        var last = 0;
        var lastScore = float.NegativeInfinity;
        for (var t = 0; t < tagCount; t++)
        {
            var score = allowed[end + t] ? best[(n - 1) * tagCount + t] + transitions[end + t] : float.NegativeInfinity;
            if (score > lastScore)
            {
                lastScore = score;
                last = t;
            }
        }

        var path = new int[n];
        path[n - 1] = last;
        for (var i = n - 1; i > 0; i--)
        {
            path[i - 1] = back[i * tagCount + path[i]];
        }

        return path;
    }
}
