using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Vigil.Language;

namespace Vigil.Articles;

/// <summary>
/// Finds the article in an HTML page. Metadata comes from what the page says about itself (JSON-LD, OpenGraph and
/// other meta tags, canonical link, <c>&lt;time&gt;</c>, byline markup), with the visible page as fallback; the body
/// comes from <see cref="BodyFinder"/>, weighed against the JSON-LD <c>articleBody</c> when the page has one.
/// </summary>
public static partial class HtmlArticleExtractor
{
    private static readonly HtmlParserOptions ParserOptions = new() { IsKeepingSourceReferences = false, IsScripting = false, DisableElementPositionTracking = true };

    [ThreadStatic]
    private static HtmlParser? threadParser;

    public static Article Extract(string html, string source, string? url = null, TimeSpan? budget = null)
    {
        var clock = new PageBudget(source, budget ?? PageBudget.Default);
        var jsonLdScripts = new List<string>();
        var parser = threadParser ??= new HtmlParser(ParserOptions);
        var document = parser.ParseDocument(HtmlPrefilter.Strip(html, jsonLdScripts));
        clock.Check("parsing");
        var signals = new PageSignals();
        var tree = ContentTree.Build(document, signals, clock);
        var meta = signals.Meta;
        var jsonLd = JsonLdArticle.Find(jsonLdScripts);

        var outlet = CleanOutlet(meta.First("og:site_name") ?? jsonLd?.Publisher ?? meta.First("application-name", "al:android:app_name", "al:ios:app_name"));
        var headline = FindHeadline(signals, jsonLd, outlet);
        var byline = FindByline(signals, jsonLd, outlet);
        var blocks = BlockFilter.Apply(BodyFinder.Find(tree, clock), headline, byline);
        clock.Check("writing the body");
        var paragraphs = BodyChooser.Choose(blocks, jsonLd?.Body);

        var published = jsonLd?.Published
            ?? DateText.NormalizeMachineDate(meta.First("article:published_time", "og:article:published_time", "datepublished", "publishdate",
                "publish-date", "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date", "date",
                "article.published", "cxenseparse:recs:publishtime", "citation_publication_date"))
            ?? ItemPropDate(signals.DatePublished)
            ?? TimeElementDate(signals.Times);
        var canonical = signals.Canonical;
        var pageUrl = AbsoluteUrl(canonical) ?? AbsoluteUrl(meta.First("og:url")) ?? jsonLd?.Url ?? url;
        var text = Article.JoinParagraphs(paragraphs);
        var standfirst = FindStandfirst(meta, jsonLd, headline, outlet, paragraphs);
        var declared = LanguageCode(document.DocumentElement.GetAttribute("lang"))
            ?? LanguageCode(meta.First("content-language"))
            ?? LanguageCode(jsonLd?.Language)
            ?? LanguageCode(meta.First("og:locale"));
        var identified = LanguageIdentifier.Identify(text.Length > 0 ? text : headline ?? string.Empty);

        // Templates often keep their default lang="en" on pages written in other languages, so a clear reading of a
        // substantial text overrides "en"; any other declared language is trusted, since the identifier knows few.
        var language = declared is null || (declared == "en" && identified is not null && text.Length >= 200) ? identified ?? declared : declared;
        return new Article(source, headline, standfirst, byline, published, outlet, pageUrl, language, text, paragraphs);
    }

    /// <summary>
    /// The page's own headline element (an h1) when it agrees with what the page's metadata call the title, since
    /// metadata titles are often cut (JSON-LD asks for 110 characters) or carry the site's name; otherwise the metadata.
    /// </summary>
    private static string? FindHeadline(PageSignals signals, JsonLdArticle? jsonLd, string? outlet)
    {
        var meta = signals.Meta;
        var titles = new[] { jsonLd?.Headline, meta.First("og:title"), meta.First("twitter:title"), CleanTitle(signals.Title, outlet) }
            .OfType<string>().Where(t => t.Length > 0).ToList();
        foreach (var h1 in signals.Headings)
        {
            var text = HtmlText.CollapseWhitespace(h1.TextContent);
            if (text.Length >= 10 && titles.Any(title => Agrees(title, text)))
            {
                return text;
            }
        }

        // Older templates set the headline in an h2 or h3 and have no headline metadata, only a title with the site's
        // name around the headline: a subheading of a headline's length that the title holds is the headline.
        if (jsonLd?.Headline is null && meta.First("og:title", "twitter:title") is null && signals.Title is { } rawTitle)
        {
            foreach (var heading in signals.Subheadings)
            {
                var text = HtmlText.CollapseWhitespace(heading.TextContent);
                if (HtmlText.WordCount(text) >= HeadlineWords && HoldsHeading(HtmlText.CollapseWhitespace(rawTitle), text))
                {
                    return text;
                }
            }
        }

        if (titles.Count > 0)
        {
            return titles[0] == meta.First("og:title") ? CleanTitle(titles[0], outlet) : titles[0];
        }

        var firstH1 = signals.Headings.FirstOrDefault();
        return firstH1 is null ? null : NullIfEmpty(HtmlText.CollapseWhitespace(firstH1.TextContent));
    }

    /// <summary>A title part or heading of this many words reads as a headline; fewer, as a site's or section's name.</summary>
    private const int HeadlineWords = 4;

    private static bool HoldsHeading(string title, string heading)
    {
        var a = Normalize(title);
        var b = Normalize(heading);
        return b.Length > 0 && a.Contains(b, StringComparison.Ordinal) && b.Length * 3 >= a.Length;
    }

    private static string Normalize(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static bool Agrees(string title, string h1)
    {
        var a = Normalize(title);
        var b = Normalize(h1);
        return a.Length > 0 && b.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || (b.Contains(a, StringComparison.Ordinal) && a.Length * 3 >= b.Length));
    }

    /// <summary>Removes a "| Site" or "- Site" tail from a title when the tail is the outlet or a short name.</summary>
    internal static string? CleanTitle(string? title, string? outlet)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        title = HtmlText.CollapseWhitespace(title);
        var cleaned = false;
        while (StripTail(title, outlet) is { } head)
        {
            title = head;
            cleaned = true;
        }

        return cleaned ? title : HeadlinePart(title) ?? title;
    }

    /// <summary>
    /// The title without its last part when that part is the outlet, a short name or a date ("Boy killed by dog -
    /// World - General - Camden Advertiser", "Actress thankful | January 15, 2008 | AHN"), or null. Sites chain a
    /// section, a subsection and their own name, so the caller strips one tail after another.
    /// </summary>
    private static string? StripTail(string title, string? outlet)
    {
        foreach (var separator in (string[])[" | ", " - ", " – ", " — ", " :: ", " · "])
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var tail = title[(at + separator.Length)..].Trim();
            var head = title[..at].Trim();
            var isOutlet = outlet is not null && tail.Contains(outlet, StringComparison.OrdinalIgnoreCase);
            var isName = HtmlText.WordCount(tail) <= 3 || IsDate(tail);
            // What is left must still end in a headline: "www.kansascity.com | 01/17/2008 | 27 Dresses" keeps its short one.
            if (head.Length > 0 && (isOutlet || (isName && HtmlText.WordCount(head) >= HeadlineWords && !IsDate(TitleSeparator().Split(head)[^1].Trim()))))
            {
                return head;
            }
        }

        return null;
    }

    private static bool IsDate(string part) => DateText.TryParseDateLine(part) is not null || NumericDate().IsMatch(part);

    [GeneratedRegex(@"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}$")]
    private static partial Regex NumericDate();

    /// <summary>
    /// Titles that put the site and its sections before the headline, or around it ("icStaines - More Britons in blood
    /// scandal", "Site.com &gt; News &gt; World -- Judges allow video", "Bulls, Jones pursue talks: Sport: Rugby: News24"):
    /// when exactly one part is a headline's length and every other part is a name's, that part is the headline. A
    /// colon without spaces separates parts only when it makes three or more ("Judge: Man who killed 3 gets life" is
    /// one headline).
    /// </summary>
    private static string? HeadlinePart(string title)
    {
        var parts = TitleSeparator().Split(title);
        if (parts.Length < 2)
        {
            parts = title.Split(": ");
            if (parts.Length < 3)
            {
                return null;
            }
        }

        var headlines = parts.Where(part => HtmlText.WordCount(part) >= HeadlineWords).ToList();
        return headlines.Count == 1 ? headlines[0].Trim() : null;
    }

    [GeneratedRegex(@"\s+(?:\||-{1,2}|–|—|::?|>|/|»)\s+")]
    private static partial Regex TitleSeparator();

    /// <summary>An outlet name without the section list some sites append ("Autoracing | F1 | MotoGP").</summary>
    private static string? CleanOutlet(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var first = name.Split(" | ")[0].Trim();
        return first.Length == 0 ? null : first;
    }

    private static string? FindByline(PageSignals signals, JsonLdArticle? jsonLd, string? outlet)
    {
        var meta = signals.Meta;
        var candidates = new List<string?>
        {
            jsonLd?.Author,
            meta.First("author", "byl", "parsely-author", "sailthru.author", "dc.creator", "article:author", "citation_author"),
        };
        foreach (var element in signals.Bylines)
        {
            var name = element.QuerySelector("[itemprop~='name']")?.GetAttribute("content") ?? element.QuerySelector("[itemprop~='name']")?.TextContent
                ?? element.GetAttribute("content") ?? element.TextContent;
            candidates.Add(name);
        }

        foreach (var candidate in candidates)
        {
            if (CleanByline(candidate, outlet) is { } byline)
            {
                return byline;
            }
        }

        return null;
    }

    private static string? CleanByline(string? text, string? outlet)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = HtmlText.CollapseWhitespace(text);
        if (JsonLdArticle.LooksLikeUrl(line) || line.Contains('@') || line.Contains("facebook.com", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        line = BylinePrefix().Replace(line, string.Empty).Trim(' ', ',', '|', '-', '–', '—');
        var words = HtmlText.WordCount(line);
        // Content systems fill the author field with the account that posted the page when nobody signed it.
        if (line.Equals("admin", StringComparison.OrdinalIgnoreCase) || line.Equals("administrator", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (words is 0 or > 12 || line.Length > 120 || (outlet is not null && string.Equals(line, outlet, StringComparison.OrdinalIgnoreCase) && words > 3))
        {
            return null;
        }

        return line;
    }

    /// <summary>
    /// A description is a standfirst only when it is a real summary: a few complete words, not the site's blurb, not
    /// the headline again, not cut off, and not simply the opening of the body.
    /// </summary>
    private static string? FindStandfirst(MetaTags meta, JsonLdArticle? jsonLd, string? headline, string? outlet, List<string> paragraphs)
    {
        var description = jsonLd?.Description ?? meta.First("og:description", "description", "twitter:description");
        if (description is null)
        {
            return null;
        }

        var words = HtmlText.WordCount(description);
        if (words is < 6 or > 80 || description.EndsWith("...", StringComparison.Ordinal) || description.EndsWith('…'))
        {
            return null;
        }

        if (headline is not null && Agrees(headline, description))
        {
            return null;
        }

        if (outlet is not null && description.Contains(outlet, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var opening = string.Join(' ', paragraphs.Take(2));
        var probe = description.Length > 60 ? description[..60] : description;
        if (opening.Contains(probe, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return TextArticleExtractor.BoilerplateScore(description) >= 0.5 ? null : description;
    }

    private static string? ItemPropDate(IElement? element)
    {
        return element is null ? null : DateText.NormalizeMachineDate(element.GetAttribute("content") ?? element.GetAttribute("datetime") ?? element.TextContent);
    }

    /// <summary>
    /// A &lt;time datetime&gt; is the publication date when the page marks it so (pubdate), when it sits in the article,
    /// or when it is the only one on the page; a time among many elsewhere may date anything.
    /// </summary>
    private static string? TimeElementDate(List<IElement> times)
    {
        var chosen = times.FirstOrDefault(t => t.HasAttribute("pubdate"))
            ?? times.FirstOrDefault(t => t.Closest("article") is not null)
            ?? (times.Count == 1 ? times[0] : null);
        return chosen is null ? null : DateText.NormalizeMachineDate(chosen.GetAttribute("datetime"));
    }

    private static string? AbsoluteUrl(string? url) => url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.ToString() : null;

    /// <summary>The primary language subtag ("en-GB", "en_US" → "en"), or null when the value is not a language tag.</summary>
    internal static string? LanguageCode(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Trim().Split('-', '_', ',', ';', ' ')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    [GeneratedRegex(@"^(by|words by|written by|reporting by|von|par|por)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex BylinePrefix();
}
