using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Vigil.Language;

/// <summary>The features of one sentence: token i's feature hashes are Hashes[Offsets[i]..Offsets[i+1]).</summary>
internal sealed record SentenceFeatures(ulong[] Hashes, int[] Offsets)
{
    public int TokenCount => Offsets.Length - 1;
}

/// <summary>
/// Turns tokens into hashed feature ids for the tagger: the word and its neighbours, shapes, affixes, gazetteer
/// matches around the word, and how the word is written elsewhere in the document. Features are 64-bit hashes of
/// (template, values) so extraction allocates almost nothing and needs no string dictionary; at 64 bits collisions
/// among a few million features are negligible.
/// </summary>
internal sealed class FeatureExtractor(Gazetteer gazetteer)
{
    /// <summary>Sentences on each side whose casing counts as "elsewhere in the document".</summary>
    public const int ContextSentences = 25;

    private const int Padding = 2;

    private enum Template : ulong
    {
        Bias = 1, Word, CasedWord, WordBefore1, WordAfter1, WordBefore2, WordAfter2, BigramBefore, BigramAfter,
        Shape, ShortShape, ShortShapeBefore, ShortShapeAfter, ShortShapeTrigram, Prefix, Suffix, FormAtStart,
        FormsElsewhere, Gazetteer, HyphenFirst, HyphenLast, HeadlineWord, WordBeforeShape, ShapeWordAfter,
    }

    public SentenceFeatures[] ExtractDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var context = new CasingContext();
        var result = new SentenceFeatures[sentences.Count];
        int added = 0, removed = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            while (added < sentences.Count && added <= s + ContextSentences)
            {
                context.Update(sentences[added++], +1);
            }

            while (removed < s - ContextSentences)
            {
                context.Update(sentences[removed++], -1);
            }

            result[s] = ExtractSentence(sentences[s], context);
        }

        return result;
    }

    private SentenceFeatures ExtractSentence(IReadOnlyList<string> tokens, CasingContext context)
    {
        var n = tokens.Count;
        var padded = n + 2 * Padding;
        var word = new ulong[padded];
        var shortShape = new ulong[padded];
        var lowers = new string[n];
        for (var p = 0; p < padded; p++)
        {
            var i = p - Padding;
            if (i < 0 || i >= n)
            {
                word[p] = shortShape[p] = i < 0 ? 0x5354415254UL : 0x454E44UL;
                continue;
            }

            lowers[i] = Normalise(tokens[i]);
            word[p] = Hash(lowers[i]);
            shortShape[p] = Hash(ShapeOf(tokens[i], collapse: true));
        }

        var lists = gazetteer.ListCount;
        var gazetteerPositions = gazetteer.Match(tokens);
        var headline = CasingContext.IsHeadline(tokens);
        var hashes = new List<ulong>(n * 48);
        var offsets = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            offsets[i] = hashes.Count;
            var p = i + Padding;
            var token = tokens[i];
            var lower = lowers[i];
            hashes.Add((ulong)Template.Bias);
            hashes.Add(Mix(Template.Word, word[p]));
            hashes.Add(Mix(Template.CasedWord, Hash(token)));
            hashes.Add(Mix(Template.WordBefore1, word[p - 1]));
            hashes.Add(Mix(Template.WordAfter1, word[p + 1]));
            hashes.Add(Mix(Template.WordBefore2, word[p - 2]));
            hashes.Add(Mix(Template.WordAfter2, word[p + 2]));
            hashes.Add(Mix(Template.BigramBefore, word[p - 1], word[p]));
            hashes.Add(Mix(Template.BigramAfter, word[p], word[p + 1]));
            hashes.Add(Mix(Template.Shape, Hash(ShapeOf(token, collapse: false))));
            hashes.Add(Mix(Template.ShortShape, shortShape[p]));
            hashes.Add(Mix(Template.ShortShapeBefore, shortShape[p - 1]));
            hashes.Add(Mix(Template.ShortShapeAfter, shortShape[p + 1]));
            hashes.Add(Mix(Template.ShortShapeTrigram, shortShape[p - 1], Mix(shortShape[p], shortShape[p + 1])));
            hashes.Add(Mix(Template.WordBeforeShape, word[p - 1], shortShape[p]));
            hashes.Add(Mix(Template.ShapeWordAfter, shortShape[p], word[p + 1]));
            for (var length = 1; length <= 4 && length <= lower.Length; length++)
            {
                hashes.Add(Mix(Template.Prefix, (ulong)length, Hash(lower.AsSpan(0, length))));
                hashes.Add(Mix(Template.Suffix, (ulong)length, Hash(lower.AsSpan(lower.Length - length))));
            }

            var form = CasingContext.FormAt(tokens, i, headline);
            var initialForm = i == 0 ? (ulong)(FirstCharClass(token) + 1) : 0;
            hashes.Add(Mix(Template.FormAtStart, initialForm, headline ? 1UL : 0UL));
            var elsewhere = context.FormsElsewhere(token.ToLowerInvariant(), form);
            hashes.Add(Mix(Template.FormsElsewhere, (ulong)elsewhere, (ulong)(FirstCharClass(token) * 4 + (i == 0 ? 1 : 0) + (headline ? 2 : 0))));
            if (headline)
            {
                hashes.Add(Mix(Template.HeadlineWord, word[p]));
            }

            var hyphen = token.IndexOf('-');
            if (hyphen > 0 && hyphen < token.Length - 1)
            {
                hashes.Add(Mix(Template.HyphenFirst, Hash(lower.AsSpan(0, hyphen))));
                var last = token.LastIndexOf('-');
                hashes.Add(Mix(Template.HyphenLast, Hash(ShapeOf(token[(last + 1)..], collapse: true))));
            }

            for (var offset = -2; offset <= 2; offset++)
            {
                var at = i + offset;
                if (at < 0 || at >= n)
                {
                    continue;
                }

                for (var list = 0; list < lists; list++)
                {
                    var position = gazetteerPositions[at * lists + list];
                    if (position != 0)
                    {
                        hashes.Add(Mix(Template.Gazetteer, (ulong)((offset + 2) * 64 + list), position));
                    }
                }
            }
        }

        offsets[n] = hashes.Count;
        return new SentenceFeatures([.. hashes], offsets);
    }

    /// <summary>0 letter lower, 1 letter upper, 2 digit, 3 anything else.</summary>
    private static int FirstCharClass(string token) =>
        token.Length == 0 ? 3 : char.IsLower(token[0]) ? 0 : char.IsUpper(token[0]) ? 1 : char.IsDigit(token[0]) ? 2 : 3;

    /// <summary>Lower case with every digit as 0, so 1996 and 1997 share their features.</summary>
    internal static string Normalise(string token)
    {
        return string.Create(token.Length, token, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
            }
        });
    }

    /// <summary>Word shape: X for upper, x for lower, d for digit, other characters as they are ("al-Qasem" is
    /// "xx-Xxxxx"); collapsed, runs count once ("x-Xx"). Long shapes are cut at 16 characters.</summary>
    internal static string ShapeOf(string token, bool collapse)
    {
        Span<char> buffer = stackalloc char[16];
        var length = 0;
        foreach (var c in token)
        {
            var shape = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (collapse && length > 0 && buffer[length - 1] == shape)
            {
                continue;
            }

            if (length == buffer.Length)
            {
                break;
            }

            buffer[length++] = shape;
        }

        return new string(buffer[..length]);
    }

    private static ulong Hash(ReadOnlySpan<char> text) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text));

    private static ulong Mix(Template template, ulong value) => Finalise(Finalise((ulong)template) ^ value);

    private static ulong Mix(Template template, ulong first, ulong second) => Finalise(Mix(template, first) ^ second);

    private static ulong Mix(ulong first, ulong second) => Finalise(Finalise(first) ^ second);

    /// <summary>MurmurHash3's 64-bit finaliser: spreads every input bit over the output.</summary>
    private static ulong Finalise(ulong key)
    {
        key ^= key >> 33;
        key *= 0xff51afd7ed558ccdUL;
        key ^= key >> 33;
        key *= 0xc4ceb9fe1a85ec53UL;
        key ^= key >> 33;
        return key;
    }
}
