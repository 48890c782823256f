using System.Text.RegularExpressions;

namespace Vigil.Articles;

/// <summary>
/// Removes from the chosen container's blocks what is not body text although it sits among it: link lists, the
/// headline repeated, one-line furniture ("Advertisement", "Read more"), prompts that address the reader
/// (newsletters, subscriptions, donations; judged by <see cref="TextArticleExtractor.BoilerplateScore"/>), repeats.
/// </summary>
internal static partial class BlockFilter
{
    public static List<BodyBlock> Apply(List<BodyBlock> blocks, string? headline, string? byline)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<BodyBlock>(blocks.Count);
        var teasers = Teasers(blocks);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (IsLinkList(block) || (block.Text.Length > 60 && IsRestatement(seen, block)) || teasers?.Contains(i) == true)
            {
                continue;
            }

            if (block.IsHeading && HeadsOnlyLinks(blocks, i))
            {
                continue;
            }

            if (headline is not null && string.Equals(block.Text, headline, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var words = HtmlText.WordCount(block.Text);
            if (words == 0 || (words <= 8 && Furniture().IsMatch(block.Text)) || (words <= 12 && CommentMachinery().IsMatch(block.Text)))
            {
                continue;
            }

            // Datelines and bylines set apart from the text are article furniture, not body.
            if (words <= 12 && (DateText.TryParseDateLine(block.Text) is not null || BylineLine().IsMatch(block.Text)
                || (byline is not null && string.Equals(block.Text, byline, StringComparison.OrdinalIgnoreCase))))
            {
                continue;
            }

            // Addressing the reader is not enough (advice pieces do it throughout); a prompt also names the machinery.
            // Naming it is not enough either: a sentence that speaks of subscribers or advertising in the third
            // person is news about them, unless it is a label.
            if (words < PromptWords && PublishingMachinery().IsMatch(block.Text) && TextArticleExtractor.BoilerplateScore(block.Text) >= 1.0
                && (TextArticleExtractor.AddressesReader(block.Text) || IsMachineryLabel(block.Text, words)))
            {
                continue;
            }

            kept.Add(block);
        }

        return kept;
    }

    /// <summary>
    /// A paragraph said again in another kind of block (a blockquote or heading after the paragraph, a teaser's
    /// paragraph before it) is a pull quote or a teaser restating the text. Said again as the same kind of block, it is
    /// the text itself: a recipe in each day's meal plan, an instruction in each section of a form, a refrain, a page
    /// that holds its story twice; the truths of every development set keep such repeats. Short lines repeat either
    /// way (table cells, list labels).
    /// </summary>
    private static bool IsRestatement(Dictionary<string, string> seen, BodyBlock block)
    {
        if (seen.TryGetValue(block.Text, out var kind))
        {
            return kind != block.Kind;
        }

        seen[block.Text] = block.Kind;
        return false;
    }

    /// <summary>
    /// A label of the site's machinery that does not address the reader: a bare name of four words or fewer
    /// ("Crypto-Gram Newsletter", "NEWSLETTER SIGN UP", "login"), or a short line that names the machinery twice
    /// ("Brand New Newsletters: Subscribe now!"). A short line that names it once among more words is a sentence or a
    /// heading about it: "Turkey blocks Sweden's NATO membership bid", "Trade union membership survey 2006", "Donations pour in
    /// for the victims".
    /// </summary>
    private static bool IsMachineryLabel(string text, int words) => words <= 4 || (words <= 12 && PublishingMachinery().Count(text) >= 2);

    /// <summary>
    /// A prompt is said in a sentence or two, well under 40 words ("Subscribe to our newsletter to get the day's news
    /// in your inbox. We promise not to spam you, and you can unsubscribe at any time."); a paragraph of 40 words or
    /// more that names subscriptions is the site writing about them ("We've hit 2,000 paid subscribers...").
    /// </summary>
    private const int PromptWords = 40;

    /// <summary>
    /// Teasers for other pages that sit beside the article. A paragraph cut off with an ellipsis under a heading that
    /// links elsewhere ("High-Altitude Telescope Will Begin Operation Shortly" over "The Stratospheric Observatory ...
    /// has allowed limited visiting...") says so by its markup. A paragraph that ends in "Read more" after its last
    /// sentence says so by its words only, and a page made of such blurbs (a section front, a shop's list) keeps them:
    /// those are dropped only when they are under a quarter of the body.
    /// </summary>
    private static HashSet<int>? Teasers(List<BodyBlock> blocks)
    {
        HashSet<int>? teasers = null;
        List<int>? blurbs = null;
        int blurbText = 0, allText = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            allText += block.Chars;
            if (block.IsHeading)
            {
                continue;
            }

            if (i > 0 && blocks[i - 1].IsHeading && blocks[i - 1].LinkDensity >= 0.9 && (block.Text.EndsWith("...", StringComparison.Ordinal) || block.Text.EndsWith('…')))
            {
                (teasers ??= []).Add(i);
            }
            else if (ReadMoreEnding().IsMatch(block.Text))
            {
                (blurbs ??= []).Add(i);
                blurbText += block.Chars;
            }
        }

        if (blurbs is not null && 4 * blurbText < allText)
        {
            (teasers ??= []).UnionWith(blurbs);
        }

        return teasers;
    }

    [GeneratedRegex(@"(?:[.!?…""”)]|\.\.\.)\s*(?:read( more| on| the rest| full( story| article)?)?|more|full story|continue reading|\[ ?more ?\])\s*[.»>…]*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadMoreEnding();

    /// <summary>
    /// A block that is mostly link text. One that also says a sentence's worth in its own words and ends as a sentence
    /// is prose that links a name or a headline ("&lt;a&gt;Ousted WeWork CEO Adam Neumann can still name
    /// directors&lt;/a&gt;, according to a new report."), not a list of links.
    /// </summary>
    private static bool IsLinkList(BodyBlock block) =>
        block.LinkDensity > 0.5 && !(block.Chars - block.LinkChars >= OwnWordsOfASentence && HtmlText.EndsLikeSentence(block.Text));

    /// <summary>Visible characters outside links that make a sentence of the block's own (about ten words).</summary>
    private const int OwnWordsOfASentence = 60;

    /// <summary>
    /// A heading over nothing but links ("Also in Sport", "Most read" over a list of headlines) labels a link box that
    /// sits inside the article's container, not a section of the article.
    /// </summary>
    private static bool HeadsOnlyLinks(List<BodyBlock> blocks, int heading)
    {
        var links = 0;
        for (var i = heading + 1; i < blocks.Count && !blocks[i].IsHeading; i++)
        {
            if (!IsLinkList(blocks[i]))
            {
                return false;
            }

            links++;
        }

        return links > 0;
    }

    [GeneratedRegex(@"^(by|written by|reporting by|words by)\s+\p{Lu}[\p{L}'’.\-]+(\s+(and\s+)?\p{Lu}[\p{L}'’.\-]+){0,5}(\s*[,|]\s*.{0,40})?$")]
    private static partial Regex BylineLine();

    [GeneratedRegex(@"\b(subscri\w*|newsletters?|sign(ed)?[- ]?up|log[- ]?in|donat\w*|cookies?|inbox|advertis\w*|paywall|membership|privacy policy|terms of (use|service)|app store|google play|premium)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PublishingMachinery();

    /// <summary>
    /// The controls and notices of a comment section, which stay behind when the comments themselves are set aside:
    /// "Leave a Reply", "Post a comment (150 word limit) »", "No comments yet.", "You must be logged in to post a
    /// comment.", "TrackBack URL for this entry:".
    /// </summary>
    [GeneratedRegex(@"^((post|leave|add|submit|write|enter|view|read|show|hide|make)( a| your| new| the)? (comments?|reply|response|trackbacks?)\b.*|(no|there are no) (comments|trackbacks|responses)( yet| so far| at the moment)?\b.*|trackbacks?( url.*)?:?|.*\b(logged in|log in|sign in|registered|members?)\b.* to (post|leave|add|enter|write) (a )?comments?\b.*|comments?( \(\d+\))? ?[»:]?)$", RegexOptions.IgnoreCase)]
    private static partial Regex CommentMachinery();

    [GeneratedRegex(@"^(advertisement|advertising|adverts?|sponsored( content)?|ad|share( this)?( article| story| on \w+)?|tweet|email|print|comments?|\d+ comments?|read more|continue reading|read next|see also|related( articles| stories| content| coverage)?|more from .*|more on .*|click here.*|listen( to this article)?|watch( the video)?|(image|photo|picture|video)( credit)?:.*|(getty images|ap photo|afp|reuters|shutterstock)|copyright .*|©.*|all rights reserved.*|follow us.*|loading.*|skip (to )?(main )?content)[.:!…]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Furniture();
}
