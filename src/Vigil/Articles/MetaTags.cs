using AngleSharp.Dom;

namespace Vigil.Articles;

/// <summary>The page's &lt;meta&gt; tags by property, name, itemprop or http-equiv (lower-cased); the first value of each wins.</summary>
internal sealed class MetaTags
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public void Add(IElement meta)
    {
        var content = meta.GetAttribute("content");
        var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? meta.GetAttribute("http-equiv");
        if (key is null || string.IsNullOrWhiteSpace(content))
        {
            return;
        }

        var value = HtmlText.CollapseWhitespace(content);
        if (value.Length > 0)
        {
            values.TryAdd(key.Trim().ToLowerInvariant(), value);
        }
    }

    /// <summary>The value of the first of <paramref name="keys"/> the page has.</summary>
    public string? First(params string[] keys)
    {
        foreach (var key in keys)
        {
            if (values.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
