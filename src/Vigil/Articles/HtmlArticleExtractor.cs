using AngleSharp.Html.Parser;

namespace Vigil.Articles;

/// <summary>Finds the article in an HTML page.</summary>
public static class HtmlArticleExtractor
{
    private static readonly HtmlParser Parser = new();

    public static Article Extract(string html, string source, string? url = null)
    {
        var document = Parser.ParseDocument(html);
        var headline = document.QuerySelector("meta[property='og:title']")?.GetAttribute("content")
            ?? document.QuerySelector("h1")?.TextContent.Trim()
            ?? document.Title;
        var paragraphs = document.QuerySelectorAll("p")
            .Select(p => string.Join(' ', p.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 40)
            .ToList();
        var text = Article.JoinParagraphs(paragraphs);
        return new Article(source, headline, null, null, null, null, url, document.DocumentElement.GetAttribute("lang"), text, paragraphs);
    }
}
