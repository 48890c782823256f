namespace Vigil.Language;

/// <summary>One entity as a token range [Start, End) with its type.</summary>
public readonly record struct TokenSpan(int Start, int End, string Type);

/// <summary>
/// Tag schemes: IOB2 (CoNLL files, "B-PER I-PER O"), and BILOU (what the tagger predicts: Begin, Inside, Last, Unit,
/// which learns entity ends better than IOB2 does).
/// </summary>
public static class EntityTags
{
    public const string Outside = "O";

    /// <summary>
    /// Entity spans from any of IOB1, IOB2, BILOU or IOBES, read the way conlleval reads them: an I- tag whose type
    /// differs from the open entity starts a new one, and so does an I- after O.
    /// </summary>
    public static List<TokenSpan> Spans(IReadOnlyList<string> tags)
    {
        var spans = new List<TokenSpan>();
        var openStart = -1;
        string? openType = null;
        for (var i = 0; i < tags.Count; i++)
        {
            var (prefix, type) = Split(tags[i]);
            var continues = openType is not null && type == openType && prefix is 'I' or 'L' or 'E';
            if (!continues && openType is not null)
            {
                spans.Add(new TokenSpan(openStart, i, openType));
                openType = null;
            }

            if (type is null)
            {
                continue;
            }

            if (!continues)
            {
                openStart = i;
                openType = type;
            }

            if (prefix is 'L' or 'E' or 'U' or 'S')
            {
                spans.Add(new TokenSpan(openStart, i + 1, type));
                openType = null;
            }
        }

        if (openType is not null)
        {
            spans.Add(new TokenSpan(openStart, tags.Count, openType));
        }

        return spans;
    }

    private static (char Prefix, string? Type) Split(string tag)
    {
        if (tag.Length < 3 || tag[1] != '-')
        {
            return ('O', null);
        }

        return (tag[0], tag[2..]);
    }

    public static string[] ToBilou(IReadOnlyList<string> tags)
    {
        var result = Enumerable.Repeat(Outside, tags.Count).ToArray();
        foreach (var span in Spans(tags))
        {
            if (span.End - span.Start == 1)
            {
                result[span.Start] = "U-" + span.Type;
                continue;
            }

            result[span.Start] = "B-" + span.Type;
            for (var i = span.Start + 1; i < span.End - 1; i++)
            {
                result[i] = "I-" + span.Type;
            }

            result[span.End - 1] = "L-" + span.Type;
        }

        return result;
    }

    public static string[] ToIob2(int count, IEnumerable<TokenSpan> spans)
    {
        var result = Enumerable.Repeat(Outside, count).ToArray();
        foreach (var span in spans)
        {
            result[span.Start] = "B-" + span.Type;
            for (var i = span.Start + 1; i < span.End; i++)
            {
                result[i] = "I-" + span.Type;
            }
        }

        return result;
    }

    /// <summary>The BILOU tag set for the given entity types, "O" first.</summary>
    public static string[] BilouTagSet(IEnumerable<string> types)
    {
        var tags = new List<string> { Outside };
        foreach (var type in types.Distinct().Order(StringComparer.Ordinal))
        {
            tags.AddRange(["B-" + type, "I-" + type, "L-" + type, "U-" + type]);
        }

        return [.. tags];
    }

    /// <summary>Whether BILOU tag <paramref name="next"/> may follow <paramref name="previous"/> (null: sentence
    /// start); with <paramref name="next"/> null, whether the sentence may end after <paramref name="previous"/>.</summary>
    public static bool MayFollow(string? previous, string? next)
    {
        var (previousPrefix, previousType) = previous is null ? ('O', null) : Split(previous);
        var open = previousPrefix is 'B' or 'I';
        if (next is null)
        {
            return !open;
        }

        var (nextPrefix, nextType) = Split(next);
        var continues = nextPrefix is 'I' or 'L';
        return open ? continues && nextType == previousType : !continues;
    }
}
