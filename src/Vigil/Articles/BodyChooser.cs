namespace Vigil.Articles;

/// <summary>
/// Weighs the body found in the page against the JSON-LD <c>articleBody</c>. The JSON-LD body is the publisher's own
/// copy, usually complete but without paragraph breaks, and sometimes cut short or stale; the page's body keeps its
/// structure but may carry furniture. Word trigrams shared between the two decide: the page body wins when it holds
/// the JSON-LD body, and then loses the blocks that the JSON-LD body does not confirm; the JSON-LD body wins when the
/// page body misses most of it.
/// </summary>
internal static class BodyChooser
{
    private const int MinimumJsonLdWords = 40;

    public static List<string> Choose(List<BodyBlock> blocks, string? jsonLdBody)
    {
        var paragraphs = blocks.Select(block => block.Text).ToList();
        if (jsonLdBody is null)
        {
            return paragraphs;
        }

        var ldWords = Words(jsonLdBody);
        if (ldWords.Count < MinimumJsonLdWords)
        {
            return paragraphs;
        }

        var ldTrigrams = Trigrams(ldWords);
        var pageTrigrams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in paragraphs)
        {
            pageTrigrams.UnionWith(Trigrams(Words(paragraph)));
        }

        var ldCoveredByPage = ldTrigrams.Count == 0 ? 0 : (double)ldTrigrams.Count(pageTrigrams.Contains) / ldTrigrams.Count;
        if (ldCoveredByPage < 0.6)
        {
            // The page's body misses most of what the publisher says the article is: the DOM search went wrong or the
            // text is not in the markup (rendered by script).
            return JsonLdParagraphs(jsonLdBody);
        }

        var cutShort = !HtmlText.EndsLikeSentence(jsonLdBody) || ldTrigrams.Count < pageTrigrams.Count / 2;
        if (cutShort)
        {
            return paragraphs;
        }

        // Both hold the article; blocks of the page that the publisher's copy lacks are furniture.
        var confirmed = paragraphs.Where(paragraph => Confirmed(paragraph, ldTrigrams, jsonLdBody)).ToList();
        return confirmed.Count > 0 ? confirmed : paragraphs;
    }

    private static bool Confirmed(string paragraph, HashSet<string> ldTrigrams, string jsonLdBody)
    {
        var trigrams = Trigrams(Words(paragraph));
        if (trigrams.Count == 0)
        {
            return jsonLdBody.Contains(paragraph, StringComparison.OrdinalIgnoreCase);
        }

        return trigrams.Count(ldTrigrams.Contains) * 2 >= trigrams.Count;
    }

    private static List<string> JsonLdParagraphs(string body) =>
        body.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    internal static HashSet<string> Trigrams(List<string> words)
    {
        var trigrams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < words.Count; i++)
        {
            trigrams.Add(string.Concat(words[i], " ", words[i + 1], " ", words[i + 2]));
        }

        return trigrams;
    }
}
