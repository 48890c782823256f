namespace Vigil.Articles;

/// <summary>
/// What class and id names say about an element. Page furniture is named for what it is in every site's markup
/// ("share-bar", "related-links", "newsletterSignup", "c-ad"), so the words of a name, not whole-string patterns, are
/// matched: "ad" must be a word of its own, so "header", "shadow" and "read" are not adverts.
/// </summary>
internal static class BoilerplateNames
{
    /// <summary>Words that name furniture wherever they appear in a name.</summary>
    private static readonly HashSet<string> NegativeWords = new(StringComparer.Ordinal)
    {
        "nav", "navbar", "menu", "menus", "breadcrumb", "breadcrumbs", "footer", "sidebar", "aside", "rail", "share", "shares",
        "sharing", "sharebar", "social", "socials", "related", "recommended", "recommendations", "recirc", "recirculation",
        "comment", "comments", "commentlist", "disqus", "promo", "promos", "promotion", "newsletter", "newsletters",
        "subscribe", "subscription", "subscriptions", "signup", "cookie", "cookies", "consent", "gdpr", "ad", "ads", "advert",
        "adverts", "advertisement", "advertising", "adslot", "adunit", "dfp", "sponsor", "sponsored", "outbrain", "taboola",
        "caption", "captions", "figcaption", "credit", "credits", "byline", "bylines", "tags", "tag", "keywords", "popup",
        "modal", "overlay", "banner", "masthead", "toolbar", "trending", "popular", "login", "signin",
        "donate", "donation", "donations", "author", "authors", "bio", "meta", "timestamp", "hidden", "hide", "sr",
        "skip", "pagination", "pager", "gallery", "slideshow", "carousel", "lightbox", "header", "masthead", "print",
        "image", "images", "img", "photo", "picture", "thumbnail", "thumb", "reactions", "rating", "ratings", "feedback", "contact", "survey", "alert", "alerts", "tooltip", "disclaimer",
        // What the site leaves out of the printed page is not the article ("noprint", "no-print", "hidden-print").
        "noprint", "nonprint", "nonprintable",
    };

    /// <summary>Stems that name furniture as the start of a run-together word ("relatedposts", "sharetools").</summary>
    private static readonly string[] NegativeStems =
    [
        "related", "share", "social", "newsletter", "promo", "sponsor", "advert", "subscri", "cookie", "sidebar", "footer",
        "breadcrumb", "outbrain", "taboola", "recommend", "caption", "navbar", "navigation", "disqus", "comment", "popup",
    ];

    private static readonly HashSet<string> TaxonomyFields = new(StringComparer.Ordinal) { "author", "category", "tag", "type", "format", "status" };

    /// <summary>
    /// The items whose fields blog systems write into class names ("entry-author-jane_doe"); a plugin's box named
    /// "authorsure-author-box" is an author box, not a field.
    /// </summary>
    private static readonly HashSet<string> TaxonomyItems = new(StringComparer.Ordinal) { "entry", "post", "article", "story", "item", "node", "page", "hentry" };

    /// <summary>Words that start with a stem above but name content.</summary>
    private static readonly HashSet<string> StemExceptions = new(StringComparer.Ordinal) { "commentary", "commentaries", "commentator" };

    private static readonly HashSet<string> PositiveWords = new(StringComparer.Ordinal)
    {
        "article", "articlebody", "body", "content", "entry", "main", "post", "text", "story", "storybody", "blog", "prose",
        "hentry", "richtext", "copy", "paragraph",
    };

    /// <summary>
    /// Words that name a reusable box of the page's layout (WordPress's "widget_text", Blogger's "widget Blog"): a
    /// content word beside one describes what the box holds, a sidebar's text as much as a post, so the name says
    /// nothing either way. Readability weighs "widget" against an element.
    /// </summary>
    private static readonly HashSet<string> ComponentWords = new(StringComparer.Ordinal) { "widget", "widgets" };

    [ThreadStatic]
    private static List<string>? tokenBuffer;

    /// <summary>Pages repeat the same few hundred class names; each is classified once per thread.</summary>
    [ThreadStatic]
    private static Dictionary<string, int>? cache;

    /// <summary>
    /// -1 when the name marks furniture, +1 when it marks content, 0 when it says neither. A furniture word wins over a
    /// content word: "article-footer" and "post-share" are furniture of the article, not the article.
    /// </summary>
    public static int Classify(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return 0;
        }

        cache ??= new Dictionary<string, int>(StringComparer.Ordinal);
        if (cache.TryGetValue(name, out var known))
        {
            return known;
        }

        if (cache.Count > 50_000)
        {
            cache.Clear();
        }

        var signal = ClassifyUncached(name);
        cache[name] = signal;
        return signal;
    }

    private static int ClassifyUncached(string name)
    {
        var tokens = tokenBuffer ??= [];
        tokens.Clear();
        foreach (var part in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IsStateOrTaxonomyName(part))
            {
                HtmlText.SplitNameTokens(part, tokens);
            }
        }

        bool negative = false, positive = false, component = false;
        foreach (var token in tokens)
        {
            if (IsNegative(token))
            {
                negative = true;
            }
            else if (PositiveWords.Contains(token))
            {
                positive = true;
            }
            else if (ComponentWords.Contains(token))
            {
                component = true;
            }
        }

        return negative ? -1 : positive && !component ? 1 : 0;
    }

    /// <summary>
    /// Class names that describe the element's state or the article's taxonomy rather than what the element is, as
    /// content systems write them: "has-sidebar", "tag-review", "category-news", "is-sticky".
    /// </summary>
    private static bool IsStateOrTaxonomyName(string name)
    {
        // "entry-author-jane_doe", "post-category-politics": an item's field and its value, written into the item's
        // class names by blog systems, say whose or what the item is, not that it is an author box or a menu. A value
        // that is itself a furniture word ("post-author-bio") still names furniture.
        var segments = name.Split('-');
        if (segments.Length >= 3 && TaxonomyItems.Contains(segments[0].ToLowerInvariant()) && TaxonomyFields.Contains(segments[1].ToLowerInvariant())
            && !segments.Skip(2).Any(segment => IsNegative(segment.ToLowerInvariant())))
        {
            return true;
        }

        if (name.Equals("no-print", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var prefix in (string[])["has-", "is-", "tag-", "category-", "status-", "format-", "type-", "with-", "no-", "postid-", "page-template"])
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Length > prefix.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a class or id names a comment section or one comment ("comments", "commentlist", "comment-body",
    /// "disqus_thread"). "commented", a post's state, and "commentary" do not.
    /// </summary>
    public static bool NamesComments(string? name)
    {
        if (string.IsNullOrEmpty(name) || (!name.Contains("omment", StringComparison.OrdinalIgnoreCase) && !name.Contains("disqus", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return NameTokens(name).Any(token => token == "disqus" || (token.StartsWith("comment", StringComparison.Ordinal) && token != "commented" && !StemExceptions.Contains(token)));
    }

    /// <summary>Whether a class or id says the element is not shown on the page ("sr-only", "visually-hidden", "hide").</summary>
    public static bool NamesHidden(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        return NameTokens(name).Any(token => token is "hidden" or "hide" or "sr" or "invisible" or "offscreen");
    }

    /// <summary>The word tokens of a class or id attribute, each of its space-separated names split as <see cref="HtmlText.SplitNameTokens"/> does.</summary>
    private static List<string> NameTokens(string name)
    {
        var tokens = new List<string>();
        foreach (var part in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            HtmlText.SplitNameTokens(part, tokens);
        }

        return tokens;
    }

    public static bool IsNegative(string token)
    {
        if (NegativeWords.Contains(token))
        {
            return true;
        }

        foreach (var stem in NegativeStems)
        {
            if (token.Length > stem.Length && token.StartsWith(stem, StringComparison.Ordinal) && !StemExceptions.Contains(token))
            {
                return true;
            }
        }

        return false;
    }
}
