namespace Vigil.Language;

/// <summary>
/// Groups tokens into sentences. A sentence ends at a line break (headlines and captions carry no full stop), or at a
/// terminal mark (. ! ? …) with any closing quotes or brackets, when what follows starts a new sentence: a capital, a
/// digit, an opening quote, or the end of the text. Abbreviations never end a sentence by their stop alone because
/// the tokenizer keeps it inside the abbreviation token, except where a capitalised function word follows ("... in the
/// U.S. The army said").
/// </summary>
public sealed class SentenceSplitter : IDocumentComponent
{
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "But", "And", "In", "On",
        "At", "According", "Meanwhile", "However", "His", "Her", "Their", "Its", "There", "Some", "Many", "One", "Two",
    };

    private static readonly HashSet<string> SentenceFinalAbbreviations = new(StringComparer.Ordinal)
    {
        "U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "etc.", "Inc.", "Ltd.", "Co.", "Jr.", "Sr.",
    };

    public void Process(Document document)
    {
        document.Sentences.Clear();
        document.Sentences.AddRange(Split(document.Text, document.Tokens));
    }

    public static List<TextSpan> Split(string text, IReadOnlyList<Token> tokens)
    {
        var sentences = new List<TextSpan>();
        var first = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var isLast = i == tokens.Count - 1;
            if (isLast || EndsSentence(text, tokens, i))
            {
                sentences.Add(new TextSpan(tokens[first].Start, tokens[i].End));
                first = i + 1;
            }
        }

        return sentences;
    }

    private static bool EndsSentence(string text, IReadOnlyList<Token> tokens, int i)
    {
        var token = tokens[i];
        var next = tokens[i + 1];
        if (text.AsSpan(token.End, next.Start - token.End).Contains('\n'))
        {
            return true;
        }

        var tokenText = text.AsSpan(token.Start, token.End - token.Start);
        var last = tokenText[^1];
        if (last is '.' or '!' or '?' or '…' && tokenText.Length > 1 && tokenText[0] != '.')
        {
            // An abbreviation: ends a sentence only before a typical sentence opening.
            var isFinalAbbreviation = SentenceFinalAbbreviations.Contains(tokenText.ToString());
            return isFinalAbbreviation && SentenceStarters.Contains(text.Substring(next.Start, next.End - next.Start));
        }

        var closesTerminal = IsCloser(tokenText) && i > 0 && tokens[i - 1].End == token.Start
            && IsTerminal(text.AsSpan(tokens[i - 1].Start, tokens[i - 1].End - tokens[i - 1].Start));
        if (!IsTerminal(tokenText) && !closesTerminal)
        {
            return false;
        }

        // Closing quotes and brackets right after the mark stay in this sentence.
        var nextText = text.AsSpan(next.Start, next.End - next.Start);
        if (IsCloser(nextText) && next.Start == token.End)
        {
            return false;
        }

        return StartsSentence(nextText);
    }

    private static bool IsTerminal(ReadOnlySpan<char> token) => token is "." or "!" or "?" or "…" or "...";

    private static bool IsCloser(ReadOnlySpan<char> token) => token is "\"" or "”" or "’" or "'" or ")" or "]";

    private static bool StartsSentence(ReadOnlySpan<char> next)
    {
        var c = next[0];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' or '-' or '—' or '•';
    }
}
