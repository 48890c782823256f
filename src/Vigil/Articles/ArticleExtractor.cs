using Vigil.Ingest;

namespace Vigil.Articles;

/// <summary>Turns a raw page into an article, choosing the HTML or the flattened-text method by the page's format.</summary>
public static class ArticleExtractor
{
    public static Article Extract(RawPage page) => page.Format switch
    {
        PageFormat.Html => HtmlArticleExtractor.Extract(page.Content, page.Source, page.Url),
        _ => TextArticleExtractor.Extract(page.Content, page.Source, page.Url),
    };
}
