using System.Text;

namespace Vigil.Articles;

/// <summary>Small text and markup facts shared by the HTML extraction steps.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog", "dir", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "ul", "html", "legend", "option",
    };

    public static bool IsBlockTag(string localName) => BlockTags.Contains(localName);

    /// <summary>Every run of white space (including non-breaking and zero-width spaces) becomes one space; ends trimmed.</summary>
    public static string CollapseWhitespace(string text)
    {
        var output = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                pendingSpace = output.Length > 0;
                continue;
            }

            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            if (pendingSpace)
            {
                output.Append(' ');
                pendingSpace = false;
            }

            output.Append(c);
        }

        return output.ToString();
    }

    public static bool IsSpace(char c) => c <= ' ' || c == '\u00A0' || (c >= '\u2000' && c <= '\u200A') || c is '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000';

    public static int WordCount(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }

    public static bool EndsLikeSentence(string text)
    {
        var end = text.AsSpan().TrimEnd("\"'’”)]»*".AsSpan());
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or '…' or ':' or ';';
    }

    /// <summary>
    /// Splits a class or id value into lower-case words: on punctuation, digits and camel-case humps
    /// ("articleBody" → article, body; "c-share-bar__item" → c, share, bar, item).
    /// </summary>
    public static void SplitNameTokens(string value, List<string> tokens)
    {
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            var c = i < value.Length ? value[i] : ' ';
            var isLetter = char.IsAsciiLetter(c);
            var hump = isLetter && start >= 0 && char.IsAsciiLetterUpper(c) && i > 0 && char.IsAsciiLetterLower(value[i - 1]);
            if ((!isLetter || hump) && start >= 0)
            {
                tokens.Add(value[start..i].ToLowerInvariant());
                start = -1;
            }

            if (isLetter && start < 0)
            {
                start = i;
            }
        }
    }
}
