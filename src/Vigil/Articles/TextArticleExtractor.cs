using System.Text.RegularExpressions;
using Vigil.Language;

namespace Vigil.Articles;

/// <summary>
/// Reads a page that a scraper already flattened to text, one block per line, and decides line by line what is
/// headline, standfirst, byline, date, body and boilerplate. Boilerplate is recognised by how it talks, not by what
/// it says: it addresses the reader ("you", "your"), speaks as the site ("we", "us", "our"), calls to action
/// ("Subscribe", "Sign up", "Help us"), or names the machinery of publishing (subscriptions, paywalls, newsletters,
/// bookmarks). News prose talks about third parties and attributes what it says.
/// </summary>
public static partial class TextArticleExtractor
{
    public static Article Extract(string content, string source, string? url = null)
    {
        var lines = content.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .Select(CleanLine)
            .Where(line => line.Length > 0)
            .ToList();

        var scores = lines.Select(BoilerplateScore).ToArray();
        var isBoilerplate = SmoothBoilerplate(lines, scores);

        string? headline = null, standfirst = null, byline = null, published = null;
        var body = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (isBoilerplate[i])
            {
                continue;
            }

            if (byline is null && BylinePattern().Match(line) is { Success: true } bylineMatch && WordCount(line) <= 12)
            {
                byline = bylineMatch.Groups["name"].Value.Trim();
                continue;
            }

            if (published is null && WordCount(line) <= 8 && DateText.TryParseDateLine(line) is { } date)
            {
                published = date;
                continue;
            }

            if (headline is null && body.Count == 0 && LooksLikeHeadline(line))
            {
                headline = line;
                continue;
            }

            if (headline is not null && standfirst is null && body.Count == 0 && LooksLikeStandfirst(lines, isBoilerplate, i))
            {
                standfirst = line;
                continue;
            }

            if (IsFurniture(line))
            {
                continue;
            }

            body.Add(line);
        }

        var text = Article.JoinParagraphs(body);
        var language = LanguageIdentifier.Identify(string.Join(' ', body.Prepend(headline ?? string.Empty)));
        return new Article(source, headline, standfirst, byline, published, null, url, language, text, body);
    }

    private static string CleanLine(string line) => WhitespaceRun().Replace(line, " ").Trim();

    private static int WordCount(string line) => WordPattern().Count(line);

    /// <summary>A headline is short, has no closing full stop, and is not a sentence addressed to the reader.</summary>
    private static bool LooksLikeHeadline(string line)
    {
        var words = WordCount(line);
        return words is >= 3 and <= 30 && !line.EndsWith('.') && !line.EndsWith(':');
    }

    /// <summary>
    /// A standfirst directly follows the headline and is a single summary sentence: shorter than body paragraphs,
    /// often without a closing full stop, and set apart from the body (by a boilerplate block, or by its form).
    /// </summary>
    private static bool LooksLikeStandfirst(List<string> lines, bool[] isBoilerplate, int index)
    {
        var line = lines[index];
        var words = WordCount(line);
        if (words is < 6 or > 60 || SentenceEnd().Count(line) > 2)
        {
            return false;
        }

        var followedByBoilerplate = index + 1 < lines.Count && isBoilerplate[index + 1];
        var unpunctuated = !TerminalPunctuation().IsMatch(line);
        return unpunctuated || followedByBoilerplate;
    }

    /// <summary>Lines that are page furniture in any position: captions, credits, share and "read more" links.</summary>
    private static bool IsFurniture(string line)
    {
        if (FurniturePattern().IsMatch(line))
        {
            return true;
        }

        // A line of two or three words with no verb-like punctuation is a label or link, not a paragraph.
        return WordCount(line) <= 3 && !TerminalPunctuation().IsMatch(line);
    }

    /// <summary>Evidence that a line speaks to the reader or for the site, with quoted speech set aside.</summary>
    internal static double BoilerplateScore(string line)
    {
        var unquoted = QuotedSpeech().Replace(line, " ");
        var words = Math.Max(1, WordCount(unquoted));
        double score = 0;

        var secondPerson = SecondPerson().Count(unquoted);
        var firstPlural = FirstPersonPlural().Count(unquoted);
        score += 1.2 * secondPerson + 0.8 * firstPlural;

        if (CallToAction().IsMatch(unquoted))
        {
            score += 2.5;
        }

        score += 1.5 * PublishingMachinery().Count(unquoted);

        // Reported speech and attribution are the mark of news prose.
        var attribution = Attribution().Count(line);
        score -= 1.5 * attribution;

        // Normalise so that one "you" in a long paragraph weighs less than in a one-line prompt.
        return score / Math.Sqrt(words / 8.0 + 1);
    }

    /// <summary>
    /// Whether a line speaks to the reader for the site: "we" and "our", an opening imperative ("Subscribe", "Sign
    /// up"), or "you" in a line that reports nobody's words ("letting you listen", in a sentence with "said", is news).
    /// </summary>
    internal static bool AddressesReader(string line)
    {
        var unquoted = QuotedSpeech().Replace(line, " ");
        return FirstPersonPlural().IsMatch(unquoted) || CallToAction().IsMatch(unquoted)
            || (SecondPerson().IsMatch(unquoted) && !Attribution().IsMatch(line));
    }

    /// <summary>
    /// Boilerplate comes in blocks. A line is boilerplate when its own score is high, or when it is moderately high and
    /// sits next to a boilerplate line.
    /// </summary>
    private static bool[] SmoothBoilerplate(List<string> lines, double[] scores)
    {
        const double Strong = 1.0;
        const double Weak = 0.45;
        var result = scores.Select(score => score >= Strong).ToArray();
        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < scores.Length; i++)
            {
                if (result[i] || scores[i] < Weak)
                {
                    continue;
                }

                var neighbour = (i > 0 && result[i - 1]) || (i + 1 < scores.Length && result[i + 1]);
                if (neighbour)
                {
                    result[i] = true;
                    changed = true;
                }
            }
        }
        while (changed);

        return result;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"\b[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[.!?][""'’”)]*(\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[.!?…][""'’”)\]]*$")]
    private static partial Regex TerminalPunctuation();

    [GeneratedRegex(@"[“""][^”""]{0,400}[”""]|‘[^’]{0,200}’(?!\w)")]
    private static partial Regex QuotedSpeech();

    [GeneratedRegex(@"\b(you|your|yours|yourself)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecondPerson();

    [GeneratedRegex(@"\b(we|us|our|ours)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPersonPlural();

    [GeneratedRegex(@"^(subscribe|sign up|sign in|log in|register|donate|support|help us|join|follow|share|click|tap|download|get (the|our)|start your|read more|learn more|want to|don't miss|try|become a|contribute|give)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CallToAction();

    [GeneratedRegex(@"\b(subscri\w*|newsletters?|paywalls?|premium|bookmark\w*|donat\w*|advertis\w*|cookies?|sign[- ]up|log[- ]?in|journalism|journalists|reporting and analysis|inbox|membership|app store|privacy policy|terms of (use|service))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PublishingMachinery();

    [GeneratedRegex(@"\b(said|says|told|reported|according to|stated|added|claimed|announced)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(by|words by|written by|reporting by)\s+(?<name>[\p{Lu}][\p{L}'’.\-]+(\s+(and\s+)?[\p{Lu}][\p{L}'’.\-]+){0,5})\s*(,.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex BylinePattern();

    [GeneratedRegex(@"^(advertisement|skip to (main )?content|read more:?.*|related:?.*|share (this|on).*|(image|photo|picture|video)( credit)?:.*|\(?(getty images|ap|afp|reuters|pa|epa)( photo)?\)?|copyright .*|© .*|all rights reserved.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FurniturePattern();
}
