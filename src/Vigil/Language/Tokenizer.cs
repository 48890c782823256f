namespace Vigil.Language;

/// <summary>
/// Splits news English into tokens with character offsets, in the CoNLL/Penn convention the entity model was trained
/// on: possessive and contraction endings are their own tokens ("Raqqa" "’s", "does" "n't"), punctuation stands alone,
/// and what a reader sees as one word stays one token: hyphenated names and compounds (al-Hassan, 20-year-old),
/// numbers with separators and units (1,500; 3.5; 82mm), abbreviations (U.S., Gen., Ms.), URLs, e-mail addresses and
/// handles. Written by hand because a scan over the string is many times faster than any regex or general library
/// tokenizer, and the rules are few.
/// </summary>
public sealed class Tokenizer : IDocumentComponent
{
    /// <summary>Abbreviations that keep their full stop (lower-cased, without the stop).</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pte", "adm", "cmdr",
        "gov", "sen", "rep", "pres", "rev", "fr", "st", "mt", "ft", "jr", "sr", "vs", "etc", "inc", "ltd",
        "co", "corp", "dept", "univ", "est", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "al", "cf", "eg",
        "ie", "lit", "brig", "supt", "insp", "hon", "sheikh", "messrs", "mme", "mlle",

        // Company forms, which news writes after a firm's name mid-sentence ("HDT Védelmi Ipari Kft. acquired ...").
        "kft", "zrt", "nyrt", "bhd", "pty", "pvt", "llc", "plc",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] ContractionEndings = ["n't", "n’t"];

    private static readonly string[] CliticEndings = ["'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m", "'S", "’S"];

    public void Process(Document document)
    {
        document.Tokens.Clear();
        Tokenize(document.Text, 0, document.Text.Length, document.Tokens);
    }

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        Tokenize(text, 0, text.Length, tokens);
        return tokens;
    }

    public static void Tokenize(string text, int start, int end, List<Token> tokens)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var tokenEnd = ScanUrlOrAddress(text, i, end);
            if (tokenEnd > i)
            {
                tokens.Add(new Token(i, tokenEnd));
                i = tokenEnd;
                continue;
            }

            if ((c == '@' || c == '#') && i + 1 < end && IsWordChar(text[i + 1]) && (i == start || !IsWordChar(text[i - 1])))
            {
                var j = i + 1;
                while (j < end && (IsWordChar(text[j]) || text[j] == '_'))
                {
                    j++;
                }

                tokens.Add(new Token(i, j));
                i = j;
                continue;
            }

            if (IsWordChar(c))
            {
                i = ScanWord(text, i, end, tokens);
                continue;
            }

            // Runs of the same dot or dash ("...", "--") are one token; any other mark is a token of its own.
            var run = i + 1;
            if (c is '.' or '-' or '—' or '–')
            {
                while (run < end && text[run] == c)
                {
                    run++;
                }
            }

            tokens.Add(new Token(i, run));
            i = run;
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    private static bool IsApostrophe(char c) => c is '\'' or '’';

    private static bool IsHyphen(char c) => c is '-' or '‐' or '‑';

    /// <summary>Scans a word-like token starting at <paramref name="i"/> and adds it, with any clitic split off.</summary>
    private static int ScanWord(string text, int i, int end, List<Token> tokens)
    {
        var start = i;
        var j = i;
        while (j < end)
        {
            var c = text[j];
            if (IsWordChar(c))
            {
                j++;
                continue;
            }

            var hasNext = j + 1 < end && IsWordChar(text[j + 1]);
            if (hasNext && IsHyphen(c))
            {
                j++;
                continue;
            }

            // 1,500 and 3.5 and 10:30: a separator between digits belongs to the number.
            if (hasNext && c is ',' or '.' or ':' && j > start && char.IsDigit(text[j - 1]) && char.IsDigit(text[j + 1]))
            {
                j++;
                continue;
            }

            // O'Brien, Mu'tasim: an apostrophe inside a word, unless it starts a clitic ending.
            if (hasNext && IsApostrophe(c) && !StartsClitic(text, j, end))
            {
                j++;
                continue;
            }

            break;
        }

        // U.S., U.N., e.g.: single letters joined by full stops.
        if (j < end && text[j] == '.' && j - start == 1 && char.IsLetter(text[start]))
        {
            var k = j;
            while (k + 2 < end && text[k] == '.' && char.IsLetter(text[k + 1]) && text[k + 2] == '.')
            {
                k += 2;
            }

            if (k > j || char.IsUpper(text[start]))
            {
                // "U.S." or an initial such as "F." in "John F. Kennedy".
                tokens.Add(new Token(start, k + 1));
                return k + 1;
            }
        }

        if (j < end && text[j] == '.' && char.IsLetter(text[start]) && IsAbbreviation(text, start, j, end))
        {
            tokens.Add(new Token(start, j + 1));
            return j + 1;
        }

        // "don't" -> "do" "n't": split the negative contraction as the Penn Treebank does.
        foreach (var ending in ContractionEndings)
        {
            if (j - start > ending.Length && string.CompareOrdinal(text, j - ending.Length, ending, 0, ending.Length) == 0)
            {
                tokens.Add(new Token(start, j - ending.Length));
                tokens.Add(new Token(j - ending.Length, j));
                return j;
            }
        }

        tokens.Add(new Token(start, j));
        if (j < end && IsApostrophe(text[j]))
        {
            var clitic = CliticLength(text, j, end);
            if (clitic > 0)
            {
                tokens.Add(new Token(j, j + clitic));
                return j + clitic;
            }

            // Isis’ leader: a bare possessive apostrophe after a final s.
            if (j > start && text[j - 1] is 's' or 'S' && (j + 1 >= end || !IsWordChar(text[j + 1])))
            {
                tokens.Add(new Token(j, j + 1));
                return j + 1;
            }
        }

        return j;
    }

    /// <summary>"No." is an abbreviation only before a number ("No. 5"); elsewhere it is the word "No" and a stop.</summary>
    private static bool IsAbbreviation(string text, int start, int stop, int end)
    {
        var word = text.AsSpan(start, stop - start);
        if (word.Equals("no", StringComparison.OrdinalIgnoreCase) || word.Equals("nos", StringComparison.OrdinalIgnoreCase))
        {
            var k = stop + 1;
            while (k < end && text[k] == ' ')
            {
                k++;
            }

            return k < end && char.IsDigit(text[k]);
        }

        return AbbreviationLookup.Contains(word);
    }

    private static bool StartsClitic(string text, int apostrophe, int end) => CliticLength(text, apostrophe, end) > 0;

    private static int CliticLength(string text, int apostrophe, int end)
    {
        foreach (var ending in CliticEndings)
        {
            var after = apostrophe + ending.Length;
            if (after <= end && string.CompareOrdinal(text, apostrophe, ending, 0, ending.Length) == 0 && (after == end || !IsWordChar(text[after])))
            {
                return ending.Length;
            }
        }

        return 0;
    }

    private static int ScanUrlOrAddress(string text, int i, int end)
    {
        var span = text.AsSpan(i, end - i);
        var isUrl = span.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || span.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || span.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        var j = i;
        while (j < end && !char.IsWhiteSpace(text[j]) && text[j] is not ('"' or '“' or '”' or '<' or '>'))
        {
            j++;
        }

        if (!isUrl)
        {
            // name@example.org: an e-mail address is one token; a handle "@name" is scanned elsewhere.
            var at = text.IndexOf('@', i, j - i);
            if (at <= i || at == j - 1 || text.IndexOf('.', at, j - at) < 0 || !IsWordChar(text[i]))
            {
                return i;
            }
        }

        // Trailing sentence punctuation and closing brackets belong to the sentence, not the address.
        while (j > i && text[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'' or '’')
        {
            j--;
        }

        return j;
    }
}
