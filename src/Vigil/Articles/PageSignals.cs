using AngleSharp.Dom;

namespace Vigil.Articles;

/// <summary>
/// The elements that carry metadata (meta tags, canonical link, title, h1, time, byline and date markup), gathered
/// during the one walk over the page that builds the <see cref="ContentTree"/> instead of by a CSS query per field.
/// </summary>
internal sealed class PageSignals
{
    public MetaTags Meta { get; } = new();

    public string? Canonical { get; private set; }

    public string? Title { get; private set; }

    public List<IElement> Headings { get; } = [];

    /// <summary>The page's h2 and h3 elements, in order: older templates set the headline in one of them.</summary>
    public List<IElement> Subheadings { get; } = [];

    public List<IElement> Times { get; } = [];

    /// <summary>rel=author, itemprop=author, and elements classed byline / author-name.</summary>
    public List<IElement> Bylines { get; } = [];

    /// <summary>The first element marked itemprop=datePublished.</summary>
    public IElement? DatePublished { get; set; }

    /// <summary>Notes an element by its tag; attribute-borne signals are noted by the tree builder, which reads them anyway.</summary>
    public void ObserveTag(IElement element)
    {
        switch (element.LocalName)
        {
            case "meta":
                Meta.Add(element);
                break;
            case "link" when Canonical is null && element.GetAttribute("rel") is { } rel && rel.Contains("canonical", StringComparison.OrdinalIgnoreCase):
                Canonical = element.GetAttribute("href");
                break;
            case "title" when Title is null:
                Title = element.TextContent;
                break;
            case "h1" when Headings.Count < 10:
                Headings.Add(element);
                break;
            case "h2" or "h3" when Subheadings.Count < 30:
                Subheadings.Add(element);
                break;
            case "time" when element.HasAttribute("datetime"):
                Times.Add(element);
                break;
        }
    }

    public void ObserveByline(IElement element)
    {
        if (Bylines.Count < 6 && (Bylines.Count == 0 || !ReferenceEquals(Bylines[^1], element)))
        {
            Bylines.Add(element);
        }
    }

    /// <summary>Whether a class attribute names a byline: "byline", "author-name" or "byline__name" as a whole class name.</summary>
    public static bool IsBylineClass(string value)
    {
        if (!value.Contains("byline", StringComparison.Ordinal) && !value.Contains("author-name", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var name in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (name is "byline" or "author-name" or "byline__name")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a space-separated attribute value (rel, itemprop) has <paramref name="word"/> among its words.</summary>
    public static bool HasWord(string value, string word)
    {
        if (!value.Contains(word, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var part in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
