namespace Vigil.Language;

/// <summary>
/// What a first tagging pass called each word across the nearby sentences of the same document ("Somerset" tagged
/// ORG three times elsewhere in a cricket report). A second pass uses it to make the document agree with itself, as
/// Ratinov and Roth (2009) did with their context aggregation and prediction history.
/// </summary>
internal sealed class LabelContext
{
    private readonly Dictionary<string, Dictionary<string, int>> counts = new(StringComparer.Ordinal);

    /// <summary>Adds (sign +1) or removes (sign -1) one sentence's words with their first-pass entity types.</summary>
    public void Update(IReadOnlyList<string> tokens, IReadOnlyList<string> tags, int sign)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!HasLetter(tokens[i]))
            {
                continue;
            }

            var key = tokens[i].ToLowerInvariant();
            if (!counts.TryGetValue(key, out var byType))
            {
                byType = new Dictionary<string, int>(StringComparer.Ordinal);
                counts[key] = byType;
            }

            var type = TypeOf(tags[i]);
            byType[type] = byType.GetValueOrDefault(type) + sign;
        }
    }

    /// <summary>The types this word was given elsewhere (not counting one occurrence of <paramref name="ownType"/>),
    /// and the commonest of them; an empty list when the word occurs nowhere else.</summary>
    public (List<string> Types, string? Commonest) Elsewhere(string lower, string ownType)
    {
        var types = new List<string>();
        string? commonest = null;
        var most = 0;
        if (!counts.TryGetValue(lower, out var byType))
        {
            return (types, null);
        }

        foreach (var (type, total) in byType.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var count = total - (type == ownType ? 1 : 0);
            if (count <= 0)
            {
                continue;
            }

            types.Add(type);
            if (count > most)
            {
                most = count;
                commonest = type;
            }
        }

        return (types, commonest);
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
