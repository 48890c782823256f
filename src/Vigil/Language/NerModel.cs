using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Vigil.Language;

/// <summary>
/// A trained linear-chain tagger for named entities: one weight per (feature, BILOU tag), tag-transition weights, and
/// the gazetteers its features were trained with, all in one file. Decoding is first-order Viterbi restricted to
/// well-formed BILOU sequences.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "VIGIL-NER";
    private const int FormatVersion = 4;

    internal NerModel(string[] tags, Gazetteer gazetteer, ulong[] featureHashes, float[] weights, float[] transitions, NerModel? firstPass = null)
    {
        FirstPass = firstPass;
        Tags = tags;
        Gazetteer = gazetteer;
        FeatureHashes = featureHashes;
        Features = new FeatureTable(featureHashes);
        Weights = weights;
        Transitions = transitions;
        Extractor = new FeatureExtractor(gazetteer);
        Allowed = AllowedTransitions(tags);
    }

    public IReadOnlyList<string> TagSet => Tags;

    /// <summary>The model whose tags this one reads as features (document-level agreement), or null.</summary>
    public NerModel? FirstPass { get; }

    public int FeatureCount => FeatureHashes.Length;

    internal string[] Tags { get; }

    internal Gazetteer Gazetteer { get; }

    /// <summary>Feature hash of each weight row.</summary>
    internal ulong[] FeatureHashes { get; }

    internal FeatureTable Features { get; }

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
        var document = new DocumentTokens(sentences);
        return TagBilou(document, Extractor.ExtractBasic(document));
    }

    /// <summary>Both passes read the same basic features; the second adds its own from the first pass's tags.</summary>
    private string[][] TagBilou(DocumentTokens document, SentenceFeatures[] basic)
    {
        var extra = FirstPass is null ? null : FeatureExtractor.FirstPassFeatures(document, FirstPass.TagBilou(document, basic));
        var result = new string[basic.Length][];
        var ids = new List<int>();
        for (var s = 0; s < basic.Length; s++)
        {
            ids.Clear();
            var tokenCount = basic[s].TokenCount;
            var offsets = new int[tokenCount + 1];
            for (var i = 0; i < tokenCount; i++)
            {
                offsets[i] = ids.Count;
                AddIds(ids, basic[s], i);
                if (extra is not null)
                {
                    AddIds(ids, extra[s], i);
                }
            }

            offsets[tokenCount] = ids.Count;
            var best = Viterbi.Decode(CollectionsMarshal.AsSpan(ids), offsets, Weights, Transitions, Allowed, TagCount);
            result[s] = Array.ConvertAll(best, tag => Tags[tag]);
        }

        return result;
    }

    private void AddIds(List<int> ids, SentenceFeatures features, int token)
    {
        for (var k = features.Offsets[token]; k < features.Offsets[token + 1]; k++)
        {
            var id = Features.Find(features.Hashes[k]);
            if (id >= 0)
            {
                ids.Add(id);
            }
        }
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

    /// <summary>
    /// Everything but the gazetteer, which a first pass shares with the model that reads it. Weights are sparse
    /// (most features were only ever updated for two or three tags) and stored as flat arrays, so loading is a few
    /// bulk reads: row hashes, each row's count of non-zero weights, their tags, their values.
    /// </summary>
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
        writer.Write(MemoryMarshal.AsBytes(Transitions.AsSpan()));

        var rows = new List<int>();
        for (var row = 0; row < FeatureHashes.Length; row++)
        {
            if (Weights.AsSpan(row * TagCount, TagCount).ContainsAnyExcept(0f))
            {
                rows.Add(row);
            }
        }

        var hashes = rows.Select(row => FeatureHashes[row]).ToArray();
        var counts = new byte[rows.Count];
        var tags = new List<byte>();
        var values = new List<float>();
        for (var k = 0; k < rows.Count; k++)
        {
            var weights = Weights.AsSpan(rows[k] * TagCount, TagCount);
            for (var tag = 0; tag < TagCount; tag++)
            {
                if (weights[tag] != 0)
                {
                    counts[k]++;
                    tags.Add((byte)tag);
                    values.Add(weights[tag]);
                }
            }
        }

        writer.Write(rows.Count);
        writer.Write(tags.Count);
        writer.Write(MemoryMarshal.AsBytes(hashes.AsSpan()));
        writer.Write(counts);
        writer.Write(CollectionsMarshal.AsSpan(tags));
        writer.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(values)));
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
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(transitions.AsSpan()));
        var rows = reader.ReadInt32();
        var nonZero = reader.ReadInt32();
        var hashes = new ulong[rows];
        var counts = new byte[rows];
        var tagOf = new byte[nonZero];
        var values = new float[nonZero];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(hashes.AsSpan()));
        reader.BaseStream.ReadExactly(counts);
        reader.BaseStream.ReadExactly(tagOf);
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));

        var weights = new float[rows * tags.Length];
        var k = 0;
        for (var row = 0; row < rows; row++)
        {
            for (var c = 0; c < counts[row]; c++, k++)
            {
                weights[row * tags.Length + tagOf[k]] = values[k];
            }
        }

        return new NerModel(tags, gazetteer, hashes, weights, transitions, firstPass);
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
