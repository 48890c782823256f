using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Vigil.Language;

/// <summary>The features of one sentence: token i's feature hashes are Hashes[Offsets[i]..Offsets[i+1]).</summary>
internal sealed record SentenceFeatures(ulong[] Hashes, int[] Offsets)
{
    public int TokenCount => Offsets.Length - 1;
}

/// <summary>A document's sentences with each token's lower-case and normalised forms, computed once for all passes.</summary>
internal sealed class DocumentTokens
{
    public DocumentTokens(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        Sentences = sentences;
        Lower = new string[sentences.Count][];
        Normalised = new string[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            Lower[s] = new string[tokens.Count];
            Normalised[s] = new string[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                Lower[s][i] = tokens[i].ToLowerInvariant();
                Normalised[s][i] = tokens[i].Any(char.IsDigit) ? FeatureExtractor.Normalise(Lower[s][i]) : Lower[s][i];
            }
        }
    }

    public IReadOnlyList<IReadOnlyList<string>> Sentences { get; }

    public string[][] Lower { get; }

    /// <summary>Lower case with every digit as 0.</summary>
    public string[][] Normalised { get; }
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
        FirstPassElsewhere, FirstPassCommonest, CommonWord, CapitalRun, CapitalRunPhrase, SuffixBefore, SuffixAfter,
    }

    /// <summary>Features of every sentence of one document. <paramref name="firstPass"/>, when given, holds a first
    /// tagging pass's BILOU tags for each sentence, for the second pass's features.</summary>
    public SentenceFeatures[] ExtractDocument(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<string[]>? firstPass = null) =>
        ExtractDocument(new DocumentTokens(sentences), firstPass);

    public SentenceFeatures[] ExtractDocument(DocumentTokens document, IReadOnlyList<string[]>? firstPass = null)
    {
        var basic = ExtractBasic(document);
        return firstPass is null ? basic : Merge(basic, FirstPassFeatures(document, firstPass));
    }

    /// <summary>The features that do not depend on a first pass, which both passes share.</summary>
    public SentenceFeatures[] ExtractBasic(DocumentTokens document)
    {
        var sentences = document.Sentences;
        var context = new CasingContext();
        var result = new SentenceFeatures[sentences.Count];
        int added = 0, removed = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            while (added < sentences.Count && added <= s + ContextSentences)
            {
                context.Update(sentences[added], document.Lower[added], +1);
                added++;
            }

            while (removed < s - ContextSentences)
            {
                context.Update(sentences[removed], document.Lower[removed], -1);
                removed++;
            }

            result[s] = ExtractSentence(sentences[s], document.Lower[s], document.Normalised[s], context);
        }

        return result;
    }

    /// <summary>The second pass's own features: what the first pass called each word elsewhere in the document.</summary>
    public static SentenceFeatures[] FirstPassFeatures(DocumentTokens document, IReadOnlyList<string[]> firstPass)
    {
        var sentences = document.Sentences;
        var labels = new LabelContext(firstPass);
        var typeHashes = labels.Types.Select(type => Hash(type)).ToArray();
        var result = new SentenceFeatures[sentences.Count];
        var hashes = new List<ulong>();
        int added = 0, removed = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            while (added < sentences.Count && added <= s + ContextSentences)
            {
                labels.Update(sentences[added], document.Lower[added], firstPass[added], +1);
                added++;
            }

            while (removed < s - ContextSentences)
            {
                labels.Update(sentences[removed], document.Lower[removed], firstPass[removed], -1);
                removed++;
            }

            var tokens = sentences[s];
            var offsets = new int[tokens.Count + 1];
            hashes.Clear();
            for (var i = 0; i < tokens.Count; i++)
            {
                offsets[i] = hashes.Count;
                if (!LabelContext.HasLetter(tokens[i]))
                {
                    continue;
                }

                var capitalised = char.IsUpper(tokens[i][0]) ? 1UL : 0UL;
                var commonest = labels.Elsewhere(document.Lower[s][i], LabelContext.TypeOf(firstPass[s][i]), out var present);
                for (var type = 0; type < typeHashes.Length; type++)
                {
                    if ((present & (1 << type)) != 0)
                    {
                        hashes.Add(Mix(Template.FirstPassElsewhere, typeHashes[type], capitalised));
                    }
                }

                if (commonest >= 0)
                {
                    hashes.Add(Mix(Template.FirstPassCommonest, typeHashes[commonest], capitalised));
                }
            }

            offsets[tokens.Count] = hashes.Count;
            result[s] = new SentenceFeatures([.. hashes], offsets);
        }

        return result;
    }

    private static SentenceFeatures[] Merge(SentenceFeatures[] first, SentenceFeatures[] second)
    {
        var result = new SentenceFeatures[first.Length];
        for (var s = 0; s < first.Length; s++)
        {
            var n = first[s].TokenCount;
            var hashes = new ulong[first[s].Hashes.Length + second[s].Hashes.Length];
            var offsets = new int[n + 1];
            var count = 0;
            for (var i = 0; i < n; i++)
            {
                offsets[i] = count;
                foreach (var part in (SentenceFeatures[])[first[s], second[s]])
                {
                    var span = part.Hashes.AsSpan(part.Offsets[i], part.Offsets[i + 1] - part.Offsets[i]);
                    span.CopyTo(hashes.AsSpan(count));
                    count += span.Length;
                }
            }

            offsets[n] = count;
            result[s] = new SentenceFeatures(hashes, offsets);
        }

        return result;
    }

    private SentenceFeatures ExtractSentence(IReadOnlyList<string> tokens, string[] lowerCase, string[] lowers, CasingContext context)
    {
        var n = tokens.Count;
        var padded = n + 2 * Padding;
        var word = new ulong[padded];
        var shortShape = new ulong[padded];
        for (var p = 0; p < padded; p++)
        {
            var i = p - Padding;
            if (i < 0 || i >= n)
            {
                word[p] = shortShape[p] = i < 0 ? 0x5354415254UL : 0x454E44UL;
                continue;
            }

            word[p] = Hash(lowers[i]);
            shortShape[p] = ShapeHash(tokens[i], collapse: true);
        }

        var lists = gazetteer.ListCount;
        var gazetteerPositions = gazetteer.Match(tokens);
        var (runPosition, runPhrase) = CapitalRuns(tokens, lowers);
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
            hashes.Add(Mix(Template.Shape, ShapeHash(token, collapse: false)));
            hashes.Add(Mix(Template.ShortShape, shortShape[p]));
            hashes.Add(Mix(Template.ShortShapeBefore, shortShape[p - 1]));
            hashes.Add(Mix(Template.ShortShapeAfter, shortShape[p + 1]));
            hashes.Add(Mix(Template.ShortShapeTrigram, shortShape[p - 1], Mix(shortShape[p], shortShape[p + 1])));
            hashes.Add(Mix(Template.WordBeforeShape, word[p - 1], shortShape[p]));
            hashes.Add(Mix(Template.ShapeWordAfter, shortShape[p], word[p + 1]));
            for (var length = 1; length <= 5 && length <= lower.Length; length++)
            {
                hashes.Add(Mix(Template.Prefix, (ulong)length, Hash(lower.AsSpan(0, length))));
                hashes.Add(Mix(Template.Suffix, (ulong)length, Hash(lower.AsSpan(lower.Length - length))));
            }

            hashes.Add(Mix(Template.SuffixBefore, i > 0 ? Hash(Tail(lowers[i - 1], 3)) : 0UL));
            hashes.Add(Mix(Template.SuffixAfter, i + 1 < n ? Hash(Tail(lowers[i + 1], 3)) : 0UL));
            if (runPosition[i] != 0 && !headline)
            {
                hashes.Add(Mix(Template.CapitalRun, runPosition[i]));
                hashes.Add(Mix(Template.CapitalRunPhrase, runPhrase[i]));
            }

            var form = CasingContext.FormAt(tokens, i, headline);
            var initialForm = i == 0 ? (ulong)(FirstCharClass(token) + 1) : 0;
            hashes.Add(Mix(Template.FormAtStart, initialForm, headline ? 1UL : 0UL));
            var lowerCased = lowerCase[i];
            var elsewhere = context.FormsElsewhere(lowerCased, form);
            hashes.Add(Mix(Template.FormsElsewhere, (ulong)elsewhere, (ulong)(FirstCharClass(token) * 4 + (i == 0 ? 1 : 0) + (headline ? 2 : 0))));
            var common = gazetteer.IsCommonWord(lowerCased) ? 1UL : 0UL;
            hashes.Add(Mix(Template.CommonWord, common, (ulong)(FirstCharClass(token) * 4 + (i == 0 ? 1 : 0) + (headline ? 2 : 0))));
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

    private static ReadOnlySpan<char> Tail(string text, int length) => text.AsSpan(Math.Max(0, text.Length - length));

    /// <summary>
    /// Runs of capitalised words, allowing "of", "for", "the", "and", "is", "de" inside (Observatory for Human Rights):
    /// each token's place in its run (1 begin, 2 inside, 3 last, 4 alone, by run length up to 4) and the run's
    /// lower-case phrase hash. Names are such runs, so where a run starts and ends is strong evidence of entity edges.
    /// </summary>
    private static (ulong[] Position, ulong[] Phrase) CapitalRuns(IReadOnlyList<string> tokens, string[] lowers)
    {
        var n = tokens.Count;
        var position = new ulong[n];
        var phrase = new ulong[n];
        var i = 0;
        while (i < n)
        {
            if (!IsCapitalised(tokens[i]))
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < n)
            {
                if (IsCapitalised(tokens[end]))
                {
                    end++;
                }
                else if (end + 1 < n && IsLink(lowers[end]) && IsCapitalised(tokens[end + 1]))
                {
                    end += 2;
                }
                else
                {
                    break;
                }
            }

            var length = end - i;
            var hash = 0UL;
            for (var k = i; k < end; k++)
            {
                hash = Mix(hash, Hash(lowers[k]));
            }

            for (var k = i; k < end; k++)
            {
                var place = length == 1 ? 4UL : k == i ? 1UL : k == end - 1 ? 3UL : 2UL;
                position[k] = place * 8 + (ulong)Math.Min(length, 4);
                phrase[k] = hash;
            }

            i = end;
        }

        return (position, phrase);
    }

    private static bool IsCapitalised(string token) => token.Length > 0 && char.IsUpper(token[0]);

    private static bool IsLink(string lower) => lower is "of" or "for" or "the" or "and" or "is" or "de" or "al";

    /// <summary>0 letter lower, 1 letter upper, 2 digit, 3 anything else.</summary>
    private static int FirstCharClass(string token) =>
        token.Length == 0 ? 3 : char.IsLower(token[0]) ? 0 : char.IsUpper(token[0]) ? 1 : char.IsDigit(token[0]) ? 2 : 3;

    /// <summary>Every digit as 0, so 1996 and 1997 share their features.</summary>
    internal static string Normalise(string token)
    {
        return string.Create(token.Length, token, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsDigit(c) ? '0' : c;
            }
        });
    }

    /// <summary>Word shape: X for upper, x for lower, d for digit, other characters as they are ("al-Hassan" is
    /// "xx-Xxxxx"); collapsed, runs count once ("x-Xx"). Long shapes are cut at 16 characters.</summary>
    internal static string ShapeOf(string token, bool collapse)
    {
        Span<char> buffer = stackalloc char[16];
        return new string(buffer[..Shape(token, collapse, buffer)]);
    }

    private static ulong ShapeHash(string token, bool collapse)
    {
        Span<char> buffer = stackalloc char[16];
        return Hash(buffer[..Shape(token, collapse, buffer)]);
    }

    private static int Shape(string token, bool collapse, Span<char> buffer)
    {
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

        return length;
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
