using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Vigil.Storage;

/// <summary>
/// A MinHash signature of a text's word shingles: two signatures agree in about the fraction of positions that the
/// texts' shingle sets share (their Jaccard similarity), so a re-published copy with a sentence added or its
/// boilerplate changed scores close to 1 while a different report in the same words scores far lower. Banded
/// (locality-sensitive hashing) so that a store finds the few candidate twins by index instead of comparing every text.
/// </summary>
public sealed class TextSignature
{
    /// <summary>Words per shingle: three keeps a one-word edit from hiding more than three shingles.</summary>
    public const int ShingleWords = 3;

    /// <summary>Hash functions in a signature; the standard error of the similarity estimate is about 1/sqrt(128) ≈ 0.09 at 0.5.</summary>
    public const int Length = 128;

    /// <summary>Bands of <see cref="RowsPerBand"/> values: texts of similarity s share a band with probability 1 - (1 - s^4)^32 (0.99 at s = 0.6, 0.2 at s = 0.3).</summary>
    public const int Bands = 32;

    public const int RowsPerBand = Length / Bands;

    /// <summary>Texts shorter than this (in shingles) are not compared: a one-line note shares most of its words with any note in the same style.</summary>
    public const int MinimumShingles = 12;

    private static readonly ulong[] Seeds = MakeSeeds();

    private readonly uint[] values;

    private TextSignature(uint[] values, int shingles)
    {
        this.values = values;
        Shingles = shingles;
    }

    /// <summary>How many distinct shingles the text has.</summary>
    public int Shingles { get; }

    /// <summary>True when the text is long enough for its similarity to another to mean anything.</summary>
    public bool IsComparable => Shingles >= MinimumShingles;

    public static TextSignature Of(string text)
    {
        var words = Words(text);
        var shingles = new HashSet<ulong>();
        var builder = new StringBuilder();
        for (var start = 0; start + ShingleWords <= words.Count; start++)
        {
            builder.Clear();
            for (var i = start; i < start + ShingleWords; i++)
            {
                builder.Append(words[i]).Append(' ');
            }

            shingles.Add(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(builder.ToString())));
        }

        var values = new uint[Length];
        Array.Fill(values, uint.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < Length; i++)
            {
                var value = (uint)(Mix(shingle ^ Seeds[i]) >> 32);
                if (value < values[i])
                {
                    values[i] = value;
                }
            }
        }

        return new TextSignature(values, shingles.Count);
    }

    /// <summary>The estimated Jaccard similarity of the two texts' shingle sets: the fraction of positions that agree.</summary>
    public double Similarity(TextSignature other)
    {
        var same = 0;
        for (var i = 0; i < Length; i++)
        {
            same += values[i] == other.values[i] ? 1 : 0;
        }

        return (double)same / Length;
    }

    /// <summary>One key per band (the band's number and values hashed): texts that share a key are candidate twins.</summary>
    public long[] BandKeys()
    {
        var keys = new long[Bands];
        Span<byte> bytes = stackalloc byte[4 * (RowsPerBand + 1)];
        for (var band = 0; band < Bands; band++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)band);
            for (var row = 0; row < RowsPerBand; row++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes[(4 * (row + 1))..], values[(band * RowsPerBand) + row]);
            }

            keys[band] = (long)XxHash64.HashToUInt64(bytes);
        }

        return keys;
    }

    /// <summary>The signature as stored: the shingle count, then the values, in base 64.</summary>
    public string Encode()
    {
        var bytes = new byte[4 * (Length + 1)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, Shingles);
        for (var i = 0; i < Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * (i + 1)), values[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    public static TextSignature Decode(string encoded)
    {
        var bytes = Convert.FromBase64String(encoded);
        if (bytes.Length != 4 * (Length + 1))
        {
            throw new InvalidDataException($"a text signature has {bytes.Length} bytes, not {4 * (Length + 1)}");
        }

        var values = new uint[Length];
        for (var i = 0; i < Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 * (i + 1)));
        }

        return new TextSignature(values, BinaryPrimitives.ReadInt32LittleEndian(bytes));
    }

    /// <summary>Words as letters and digits only, case folded and NFKC-normalized, so punctuation and layout do not count.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>SplitMix64's finalizer: a cheap hash with good avalanche, so XOR with a seed gives independent-looking permutations.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9UL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebUL;
        return x ^ (x >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        // Fixed, so signatures stored by one run compare with those of the next.
        var seeds = new ulong[Length];
        var state = 0x5649_4749_4c00_0001UL;
        for (var i = 0; i < Length; i++)
        {
            state += 0x9e3779b97f4a7c15UL;
            seeds[i] = Mix(state);
        }

        return seeds;
    }
}
