namespace Vigil.Language;

/// <summary>
/// What a first tagging pass called each word across the nearby sentences of the same document ("Somerset" tagged
/// ORG three times elsewhere in a cricket report). A second pass uses it to make the document agree with itself, as
/// Ratinov and Roth (2009) did with their context aggregation and prediction history.
/// </summary>
internal sealed class LabelContext
{
    private readonly Dictionary<string, int[]> counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> typeIndex = new(StringComparer.Ordinal);

    /// <summary>A context for the types that occur in <paramref name="firstPass"/> (and O), in ordinal order.</summary>
    public LabelContext(IReadOnlyList<string[]> firstPass)
    {
        Types = firstPass.SelectMany(tags => tags).Select(TypeOf).Append(EntityTags.Outside).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (Types.Count > 31)
        {
            throw new InvalidOperationException("at most 31 entity types");
        }

        for (var i = 0; i < Types.Count; i++)
        {
            typeIndex[Types[i]] = i;
        }
    }

    public IReadOnlyList<string> Types { get; }

    /// <summary>Adds (sign +1) or removes (sign -1) one sentence's words with their first-pass entity types.</summary>
    public void Update(IReadOnlyList<string> tokens, string[] lowerCased, IReadOnlyList<string> tags, int sign)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!HasLetter(tokens[i]))
            {
                continue;
            }

            if (!counts.TryGetValue(lowerCased[i], out var byType))
            {
                byType = new int[Types.Count];
                counts[lowerCased[i]] = byType;
            }

            byType[typeIndex[TypeOf(tags[i])]] += sign;
        }
    }

    /// <summary>The types this word was given elsewhere (not counting one occurrence of <paramref name="ownType"/>) as
    /// a bit mask over <see cref="Types"/>, and the index of the commonest, or -1 when the word occurs nowhere else.</summary>
    public int Elsewhere(string lower, string ownType, out int present)
    {
        present = 0;
        if (!counts.TryGetValue(lower, out var byType))
        {
            return -1;
        }

        var own = typeIndex.GetValueOrDefault(ownType, -1);
        var commonest = -1;
        var most = 0;
        for (var type = 0; type < byType.Length; type++)
        {
            var count = byType[type] - (type == own ? 1 : 0);
            if (count <= 0)
            {
                continue;
            }

            present |= 1 << type;
            if (count > most)
            {
                most = count;
                commonest = type;
            }
        }

        return commonest;
    }

    public static string TypeOf(string tag) => tag.Length > 2 && tag[1] == '-' ? tag[2..] : EntityTags.Outside;

    public static bool HasLetter(string token)
    {
        foreach (var c in token)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}
