using System.Text;
using AnyAscii;

namespace Vigil.Places;

/// <summary>What a designator word in a place name ("Borno State", "Idlib province") says about the kind of place.</summary>
public enum PlaceKindHint
{
    None,
    Settlement,
    Admin1,
    Admin2,
}

/// <summary>
/// Turns a place name into the keys the gazetteer is indexed by, applying the same general rules to the gazetteer's
/// names and to the text's, so that spellings and transliterations of one name meet on one key. Written by hand
/// because no .NET library does transliteration-tolerant matching of place names (phonetic libraries such as
/// Soundex or Metaphone are built for English surnames and merge far too much).
/// </summary>
public static class PlaceNameKey
{
    /// <summary>Arabic articles that transliterations write as a separate or hyphenated word, and English "the" ("The Gambia").</summary>
    private static readonly HashSet<string> Articles =
        ["al", "el", "ar", "as", "ash", "ad", "adh", "at", "ath", "az", "an", "ed", "es", "esh", "et", "ez", "en", "er", "ul", "il", "the"];

    /// <summary>Romance connectors inside a name, which writers keep or drop ("San Andrés de Tuxtla", "San Andrés Tuxtla").</summary>
    private static readonly HashSet<string> Connectors = ["de", "del", "da", "do", "di", "das", "dos", "des", "du"];

    private static readonly Dictionary<string, PlaceKindHint> Designators = new(StringComparer.Ordinal)
    {
        ["province"] = PlaceKindHint.Admin1,
        ["provincia"] = PlaceKindHint.Admin1,
        ["state"] = PlaceKindHint.Admin1,
        ["governorate"] = PlaceKindHint.Admin1,
        ["muhafazat"] = PlaceKindHint.Admin1,
        ["region"] = PlaceKindHint.Admin1,
        ["oblast"] = PlaceKindHint.Admin1,
        ["wilaya"] = PlaceKindHint.Admin1,
        ["wilayah"] = PlaceKindHint.Admin1,
        ["vilayet"] = PlaceKindHint.Admin1,
        ["prefecture"] = PlaceKindHint.Admin1,
        ["department"] = PlaceKindHint.Admin1,
        ["departamento"] = PlaceKindHint.Admin1,
        ["territory"] = PlaceKindHint.Admin1,
        ["district"] = PlaceKindHint.Admin2,
        ["subdistrict"] = PlaceKindHint.Admin2,
        ["county"] = PlaceKindHint.Admin2,
        ["municipality"] = PlaceKindHint.Admin2,
        ["municipio"] = PlaceKindHint.Admin2,
        ["raion"] = PlaceKindHint.Admin2,
        ["rayon"] = PlaceKindHint.Admin2,
        ["raioni"] = PlaceKindHint.Admin2,
        ["lga"] = PlaceKindHint.Admin2,
        ["town"] = PlaceKindHint.Settlement,
        ["village"] = PlaceKindHint.Settlement,
    };

    /// <summary>Lower-cased words of the name: diacritics folded, apostrophes and hamza/ayin marks dropped, other punctuation a word break.</summary>
    public static List<string> Words(string name)
    {
        var folded = FoldCharacters(name);
        var words = new List<string>();
        foreach (var word in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(word);
        }

        // French compass words in area names ("Sud-Kivu", "Nord-Ouest") meet the English names the gazetteer has.
        for (var i = 0; i < words.Count; i++)
        {
            words[i] = words[i] switch
            {
                "sud" => "south",
                "nord" => "north",
                "ouest" => "west",
                "est" when words.Count > 1 => "east",
                _ => words[i],
            };
        }

        return words;
    }

    /// <summary>The words of a name without its designator ("State", "Province of", "District"), and what the designator said.</summary>
    public static (List<string> Words, PlaceKindHint Hint) WithoutDesignator(string name)
    {
        var words = Words(name);
        var hint = PlaceKindHint.None;
        // "Province of X", "State of X", and in French "Province du X", "Province de la X": a leading designator joined by "of".
        if (words.Count > 2 && words[1] is "of" or "de" or "du" or "des" or "d" && Designators.TryGetValue(words[0], out var leading))
        {
            hint = leading;
            words.RemoveRange(0, 2);
            if (words.Count > 1 && words[0] is "la" or "l")
            {
                words.RemoveAt(0);
            }
        }

        while (words.Count > 1 && Designators.TryGetValue(words[^1], out var trailing))
        {
            hint = hint == PlaceKindHint.None ? trailing : hint;
            words.RemoveAt(words.Count - 1);
        }

        return (words, hint);
    }

    /// <summary>The first letter of a name's words after a leading article ("Ar Raqqah" -> 'r'), or '\0' for no words.</summary>
    internal static char FirstLetter(IReadOnlyList<string> words)
    {
        var first = words.Count > 1 && Articles.Contains(words[0]) ? words[1] : words.Count > 0 ? words[0] : string.Empty;
        return first.Length > 0 ? first[0] : '\0';
    }

    /// <summary>The strict key: folded words without designators, so "Borno State" and "BORNO" meet, but "Raqqa" and "Raqqah" do not.</summary>
    public static string Exact(string name) => string.Join(' ', WithoutDesignator(name).Words);

    /// <summary>
    /// The loose key: the strict key without articles (or connectors inside it) and with the spelling variation of
    /// transliteration folded (q/k, kh/k, dj/j, ou/u, e/i, o/u, doubled letters, a final -ah/-a/-e), so "Ar Raqqah",
    /// "al-Raqqa" and "Rakka" meet, and so do "San Andrés de Tuxtla" and "San Andrés Tuxtla".
    /// </summary>
    public static string Loose(string name) => LooseFromWords(WithoutDesignator(name).Words);

    internal static string LooseFromWords(IReadOnlyList<string> words)
    {
        var builder = new StringBuilder();
        var kept = 0;
        for (var i = 0; i < words.Count; i++)
        {
            // An article is dropped only when a word follows it, so a place called "As" keeps its one word.
            if (i < words.Count - 1 && (Articles.Contains(words[i]) || i > 0 && Connectors.Contains(words[i])))
            {
                continue;
            }

            LooseWord(words[i], builder);
            kept++;
        }

        return kept == 0 ? string.Join("", words) : builder.ToString();
    }

    private static void LooseWord(string word, StringBuilder output)
    {
        var start = output.Length;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            var afterNext = i + 2 < word.Length ? word[i + 2] : '\0';
            switch (c)
            {
                case 'd' when next == 'j':
                    Append(output, start, 'j');
                    i++;
                    continue;
                case 'd' when next == 'z' && afterNext == 'h':
                    Append(output, start, 'j');
                    i += 2;
                    continue;
                case 'z' when next == 'h':
                    Append(output, start, 'j');
                    i++;
                    continue;
                case 'k' or 'g' or 'd' or 't' when next == 'h':
                    Append(output, start, c);
                    i++;
                    continue;
                case 'p' when next == 'h':
                    Append(output, start, 'f');
                    i++;
                    continue;
                case 's' when next == 'c' && afterNext == 'h':
                    Append(output, start, 's');
                    Append(output, start, 'h');
                    i += 2;
                    continue;
                case 'c' when next == 'k':
                    Append(output, start, 'k');
                    i++;
                    continue;
                case 'c' when next == 'h':
                    Append(output, start, 'c');
                    Append(output, start, 'h');
                    i++;
                    continue;
                case 'c':
                    Append(output, start, next is 'e' or 'i' or 'y' ? 's' : 'k');
                    continue;
                case 'q':
                    Append(output, start, 'k');
                    continue;
                case 'o' when next is 'u' or 'o':
                    Append(output, start, 'u');
                    i++;
                    continue;
                case 'e' when next is 'e':
                    Append(output, start, 'i');
                    i++;
                    continue;
                case 'e' or 'y':
                    Append(output, start, 'i');
                    continue;
                case 'o':
                    Append(output, start, 'u');
                    continue;
                case 'w' when i > 0 && IsVowel(word[i - 1]) && !IsVowel(next):
                    Append(output, start, 'u');
                    continue;
                default:
                    Append(output, start, c);
                    continue;
            }
        }

        // A final -ah, -eh, -a, -e (tā' marbūṭa and its many spellings) is dropped from longer words.
        if (output.Length - start > 4 && output[^1] == 'h' && IsVowel(output[^2]))
        {
            output.Length--;
        }

        if (output.Length - start > 3 && output[^1] is 'a' or 'i')
        {
            output.Length--;
        }
    }

    /// <summary>Appends a letter unless it doubles the one before it within the same word.</summary>
    private static void Append(StringBuilder output, int wordStart, char c)
    {
        if (output.Length > wordStart && output[^1] == c)
        {
            return;
        }

        output.Append(c);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Lower case ASCII letters and digits, apostrophes removed, anything else a single space.</summary>
    public static string FoldCharacters(string name)
    {
        // AnyAscii transliterates every script to ASCII from its own tables ("Hīt" -> "Hit", "Łódź" -> "Lodz",
        // "ʿ" -> "'"), where string.Normalize cannot decompose anything under the project's invariant globalization.
        var ascii = name.Any(c => c > 0x7f) ? name.Transliterate() : name;
        var builder = new StringBuilder(ascii.Length);
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is not ('\'' or '`'))
            {
                // Apostrophes mark hamza/ayin or elision inside a word ("Dar'a", "Ma'arrat"): they are no break.
                AppendSpace(builder);
            }
        }

        return builder.ToString().Trim();
    }

    private static void AppendSpace(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != ' ')
        {
            builder.Append(' ');
        }
    }
}
