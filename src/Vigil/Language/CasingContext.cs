namespace Vigil.Language;

/// <summary>
/// How each word is written where casing means something (not first in its sentence) across the nearby sentences of
/// the same document. A capitalised word at the start of a sentence, or in an all-capitals headline, is ambiguous on
/// its own; the same word written "Hit" or "hit" elsewhere in the article tells a name from a common word.
/// </summary>
internal sealed class CasingContext
{
    public const int Title = 0;
    public const int Capitals = 1;
    public const int Lower = 2;

    private readonly Dictionary<string, int[]> counts = new(StringComparer.Ordinal);

    /// <summary>Adds (sign +1) or removes (sign -1) one sentence's words.</summary>
    public void Update(IReadOnlyList<string> tokens, string[] lowerCased, int sign)
    {
        var headline = IsHeadline(tokens);
        for (var i = 1; i < tokens.Count; i++)
        {
            var form = FormOf(tokens[i], headline);
            if (form < 0)
            {
                continue;
            }

            if (!counts.TryGetValue(lowerCased[i], out var cell))
            {
                cell = new int[3];
                counts[lowerCased[i]] = cell;
            }

            cell[form] += sign;
        }
    }

    /// <summary>Bit mask of the forms (1 title, 2 capitals, 4 lower) this word takes elsewhere, not counting the
    /// occurrence being asked about (its own form, or -1).</summary>
    public int FormsElsewhere(string lower, int ownForm)
    {
        if (!counts.TryGetValue(lower, out var cell))
        {
            return 0;
        }

        var mask = 0;
        for (var form = 0; form < 3; form++)
        {
            var count = cell[form] - (form == ownForm ? 1 : 0);
            if (count > 0)
            {
                mask |= 1 << form;
            }
        }

        return mask;
    }

    /// <summary>The form of a word in a given place of its sentence, or -1 when its casing says nothing there.</summary>
    public static int FormAt(IReadOnlyList<string> tokens, int index, bool headline) =>
        index == 0 ? -1 : FormOf(tokens[index], headline);

    private static int FormOf(string token, bool headline)
    {
        if (token.Length == 0 || !char.IsLetter(token[0]))
        {
            return -1;
        }

        if (char.IsLower(token[0]))
        {
            return Lower;
        }

        if (headline)
        {
            return -1;
        }

        return token.Length > 1 && Gazetteer.IsAllCapitals(token) ? Capitals : Title;
    }

    /// <summary>A sentence whose words are (nearly) all capitalised is a headline, where casing says nothing.</summary>
    public static bool IsHeadline(IReadOnlyList<string> tokens)
    {
        int words = 0, capitalised = 0;
        foreach (var token in tokens)
        {
            if (token.Length > 0 && char.IsLetter(token[0]))
            {
                words++;
                if (char.IsUpper(token[0]))
                {
                    capitalised++;
                }
            }
        }

        return words >= 3 && capitalised >= words * 0.9;
    }
}
