using System.Net;
using System.Text;
using System.Text.Json;

namespace Vigil.Articles;

/// <summary>
/// The article a page describes about itself in schema.org JSON-LD (<c>NewsArticle</c>, <c>Article</c>,
/// <c>ReportageNewsArticle</c> and their relatives), found in top-level objects, arrays and <c>@graph</c> lists.
/// </summary>
internal sealed record JsonLdArticle(
    string? Headline,
    string? Body,
    string? Published,
    string? Author,
    string? Publisher,
    string? Description,
    string? Url,
    string? Language)
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 128 };

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "TechArticle", "SocialMediaPosting",
    };

    /// <summary>The best-described article on the page (one with a body beats one with only a headline), or null.</summary>
    public static JsonLdArticle? Find(IEnumerable<string> scripts)
    {
        JsonLdArticle? best = null;
        foreach (var script in scripts)
        {
            try
            {
                using var json = JsonDocument.Parse(script, Options);
                foreach (var candidate in ArticleObjects(json.RootElement, 0))
                {
                    var article = Read(candidate);
                    if (best is null || Weight(article) > Weight(best))
                    {
                        best = article;
                    }
                }
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often invalid; the page's other signals still stand.
            }
        }

        return best;
    }

    private static int Weight(JsonLdArticle article) => (article.Body is null ? 0 : 2) + (article.Headline is null ? 0 : 1);

    private static IEnumerable<JsonElement> ArticleObjects(JsonElement element, int depth)
    {
        if (depth > 6)
        {
            yield break;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var found in ArticleObjects(item, depth + 1))
                {
                    yield return found;
                }
            }

            yield break;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (IsArticleType(element))
        {
            yield return element;
        }

        foreach (var key in (string[])["@graph", "mainEntity", "mainEntityOfPage", "itemListElement"])
        {
            if (element.TryGetProperty(key, out var nested))
            {
                foreach (var found in ArticleObjects(nested, depth + 1))
                {
                    yield return found;
                }
            }
        }
    }

    private static bool IsArticleType(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return false;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
            _ => false,
        };
    }

    private static JsonLdArticle Read(JsonElement article) => new(
        Headline: Clean(StringOf(article, "headline") ?? StringOf(article, "name")),
        Body: CleanBody(StringOf(article, "articleBody") ?? StringOf(article, "text")),
        Published: DateText.NormalizeMachineDate(StringOf(article, "datePublished") ?? StringOf(article, "dateCreated")),
        Author: Names(article, "author"),
        Publisher: Names(article, "publisher"),
        Description: Clean(StringOf(article, "description")),
        Url: Absolute(StringOf(article, "url")) ?? Absolute(IdOf(article, "mainEntityOfPage")),
        Language: StringOf(article, "inLanguage"));

    private static string? StringOf(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).FirstOrDefault(),
            _ => null,
        };
    }

    private static string? IdOf(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        return value.ValueKind == JsonValueKind.Object ? StringOf(value, "@id") ?? StringOf(value, "url") : null;
    }

    /// <summary>Names of people or organisations, whether given as a string, an object with a name, or a list of either.</summary>
    private static string? Names(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var names = new List<string>();
        Collect(value, names, 0);
        return names.Count == 0 ? null : string.Join(", ", names.Distinct(StringComparer.OrdinalIgnoreCase));

        static void Collect(JsonElement value, List<string> names, int depth)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String when Clean(value.GetString()) is { } text && !LooksLikeUrl(text):
                    names.Add(text);
                    break;
                case JsonValueKind.Object when value.TryGetProperty("name", out var inner) && depth < 3:
                    Collect(inner, names, depth + 1);
                    break;
                case JsonValueKind.Array when depth < 3:
                    foreach (var item in value.EnumerateArray())
                    {
                        Collect(item, names, depth + 1);
                    }

                    break;
            }
        }
    }

    internal static bool LooksLikeUrl(string text) => text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("//", StringComparison.Ordinal);

    private static string? Absolute(string? url) => url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.ToString() : null;

    /// <summary>JSON-LD strings are often still HTML-escaped, sometimes twice; one line, whitespace collapsed.</summary>
    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var decoded = Decode(text);
        var collapsed = HtmlText.CollapseWhitespace(decoded);
        return collapsed.Length == 0 ? null : collapsed;
    }

    /// <summary>The body keeps its line breaks, which some sites use to mark paragraphs; embedded tags are removed.</summary>
    private static string? CleanBody(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var decoded = Decode(text);
        if (decoded.Contains('<'))
        {
            decoded = StripTags(decoded);
        }

        var lines = decoded.Replace("\r\n", "\n").Split('\n').Select(HtmlText.CollapseWhitespace).Where(line => line.Length > 0);
        var body = string.Join('\n', lines);
        return body.Length == 0 ? null : body;
    }

    private static string Decode(string text)
    {
        for (var i = 0; i < 2 && text.Contains('&'); i++)
        {
            text = WebUtility.HtmlDecode(text);
        }

        return text;
    }

    /// <summary>Drops tags from an HTML fragment, turning block boundaries into line breaks.</summary>
    private static string StripTags(string html)
    {
        var output = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0)
            {
                output.Append(html, i, html.Length - i);
                break;
            }

            output.Append(html, i, open - i);
            var close = html.IndexOf('>', open + 1);
            if (close < 0)
            {
                output.Append(html, open, html.Length - open);
                break;
            }

            var tag = html.AsSpan(open + 1, close - open - 1).TrimStart('/');
            var nameLength = 0;
            while (nameLength < tag.Length && char.IsAsciiLetterOrDigit(tag[nameLength]))
            {
                nameLength++;
            }

            if (HtmlText.IsBlockTag(tag[..nameLength].ToString().ToLowerInvariant()))
            {
                output.Append('\n');
            }

            i = close + 1;
        }

        return output.ToString();
    }
}
